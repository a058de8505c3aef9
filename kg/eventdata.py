"""Event data: GDELT (1.0 and 2.0) and ICEWS rows read as statements, imported in bulk.

Each reader streams one file (gzip-compressed or not) and yields, per line, either a :class:`Row` (an
event: date, CAMEO code, source and target actors as the dataset names them, the source document) or
a :class:`BadRow` (line number and what is wrong). :func:`import_events` maps rows to our model:

- the CAMEO code chooses the relation: the ontology's relation carrying that code, else the one
  carrying its nearest parent code (``0431`` -> ``043`` -> ``04``); the exact code stays on the event,
  so its Goldstein score and quad class are the dataset's;
- actors are found by exact lookup only, never fuzzy matching at this scale: a bare CAMEO country code
  (``BLR``) is the country with that ISO 3166 code, and a name is looked up, case- and accent-folded,
  among the labels and aliases of the actors in the store; anything else becomes a new, unreviewed
  actor (``Belarus GOV`` for GDELT's ``BLRGOV``, typed by its CAMEO role or ICEWS sectors);
- the source URL (GDELT) or story (ICEWS) becomes the source document; the same event found in several
  documents is one event with several attestations;
- rows are written in batches into a new generation of the store (see :mod:`kg.store`), so a failure
  or a kill leaves the previous store as it was.

Examples
--------
>>> relation_for_cameo("0431"), relation_for_cameo("190"), relation_for_cameo("043")
('hosts', 'fights', 'hosts')
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import hashlib
import io
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError, StoreError, UnknownTerm
from kg.names import fold, slug

__all__ = ["FORMATS", "BadRow", "ImportReport", "Party", "Row", "import_events", "read_gdelt", "read_icews",
           "relation_for_cameo"]

#: Dataset names ``kg import`` accepts.
FORMATS = ("gdelt", "icews", "plover")

# CAMEO actor role codes (the three letters after a country code) and the class each suggests.
_ROLES = {"GOV": "GovernmentBody", "LEG": "GovernmentBody", "JUD": "GovernmentBody", "ELI": "Group",
          "MIL": "Military", "COP": "PoliceForce", "SPY": "GovernmentBody", "OPP": "OppositionMovement",
          "PTY": "PoliticalParty", "MED": "MediaOutlet", "JRN": "MediaOutlet", "NGO": "NGO",
          "IGO": "IntergovernmentalOrganization", "REB": "Group", "INS": "Group", "SEP": "Group",
          "UAF": "Group", "CVL": "Group", "BUS": "Organization", "EDU": "Organization", "HLH": "Organization",
          "LAB": "Organization", "REF": "Group", "CRM": "Group", "AGR": "Group", "ENV": "Group", "MOD": "Group",
          "RAD": "Group", "REL": "Group", "HRI": "NGO", "MNC": "Organization", "SET": "Group", "IMG": "Group"}
_ICEWS_SECTORS = (("Police", "PoliceForce"), ("Military", "Military"), ("Media", "MediaOutlet"),
                  ("Political Part", "PoliticalParty"), ("Dissident", "OppositionMovement"),
                  ("Opposition", "OppositionMovement"), ("Government", "GovernmentBody"),
                  ("Executive", "GovernmentBody"), ("Legislative", "GovernmentBody"),
                  ("Judicial", "GovernmentBody"), ("NGO", "NGO"),
                  ("International Government", "IntergovernmentalOrganization"))
_GDELT_LAYOUTS = {61: "GDELT 2.0", 58: "GDELT 1.0", 57: "GDELT 1.0 (backfile)"}


@dataclass(frozen=True)
class Party:
    """An actor as a dataset names it: its CAMEO code (GDELT), name, country and sectors; PLOVER records
    may also give a Wikidata id, an entity type and (ours) the polkg id."""

    name: str
    code: str = ""
    country: str = ""
    sectors: tuple[str, ...] = ()
    wikidata: str = ""
    kind: str = ""
    ident: str = ""
    thing: bool = False  # the polkg id names a thing (node:), not an actor


@dataclass(frozen=True)
class Row:
    """One event row, in the dataset's terms."""

    line: int
    id: str
    date: date | None
    cameo: str
    source: Party
    target: Party | None
    url: str | None = None
    story: str | None = None
    publisher: str | None = None
    added: date | None = None
    sources: tuple[Party, ...] = ()
    targets: tuple[Party, ...] = ()
    relation: str | None = None
    title: str | None = None
    end: date | None = None
    precision: str = "day"
    status: str = "asserted"
    polarity: str = "positive"
    modality: str = "actual"
    span: tuple[int, int] | None = None
    place: Party | None = None


@dataclass(frozen=True)
class Mention:
    """A GDELT 2.0 Mentions row: where a document mentions an event (sentence, character offsets of the
    actors and the action in the document, GDELT's confidence in per cent)."""

    line: int
    event: str
    url: str
    source_name: str
    sentence: int
    offsets: tuple[int, ...]
    confidence: float


@dataclass(frozen=True)
class BadRow:
    """A line that is not an event row, and why."""

    line: int
    reason: str


@dataclass
class ImportReport:
    """What an import did: rows read, events and attestations added, rows skipped by reason."""

    store: str
    files: int = 0
    rows: int = 0
    imported: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    new_actors: int = 0
    sources: int = 0
    mentions: int = 0
    triples_before: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def triples_per_row(self) -> float:
        return (self.triples - self.triples_before) / self.imported if self.imported else 0.0


def _lines(path: Path) -> IO[str]:
    """The file as text lines, decompressed when it ends in ``.gz``; undecodable bytes replaced."""
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    return path.open(encoding="utf-8", errors="replace", newline="")


def _day(text: str, line: int, what: str) -> date | BadRow:
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return date.fromisoformat(text[:10])
    except ValueError:
        return BadRow(line, f"bad {what} {text!r}")


def _date_and_code(fields: list[str], line: int, day: tuple[int, str], code: tuple[int, str],
                   ) -> tuple[date, str] | BadRow:
    """The event date and CAMEO code of a row (by column index and name), or why they are bad."""
    when = _day(fields[day[0]], line, day[1])
    if isinstance(when, BadRow):
        return when
    value = fields[code[0]].strip()
    if not value.isdigit():
        return BadRow(line, f"bad {code[1]} {value!r}")
    return when, value


def _tab_rows(path: str | Path) -> Iterator[tuple[int, list[str]]]:
    """The numbered, non-blank rows of a tab-separated file (no quoting: the datasets use none)."""
    with _lines(Path(path)) as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if fields and fields != [""]:
                yield number, fields


def read_gdelt(path: str | Path) -> Iterator[Row | BadRow]:
    """Rows of a GDELT Events file: 2.0 (61 columns), 1.0 daily (58) or 1.0 backfile (57), no header.

    Rows without a first actor, or with a CAMEO code that is not a code, are bad rows.
    """
    for number, fields in _tab_rows(path):
        width = len(fields)
        if width not in _GDELT_LAYOUTS:
            yield BadRow(number, f"{width} columns; GDELT events have 61 (2.0), 58 or 57 (1.0)")
            continue
        checked = _date_and_code(fields, number, (1, "SQLDATE"), (26, "EventCode"))
        if isinstance(checked, BadRow):
            yield checked
            continue
        when, code = checked
        first = Party(fields[6].strip(), fields[5].strip(), fields[7].strip())
        second = Party(fields[16].strip(), fields[15].strip(), fields[17].strip())
        if not first.code and not first.name:
            yield BadRow(number, "no Actor1")
            continue
        added = _day(fields[59 if width == 61 else 56], number, "DATEADDED")
        yield Row(number, fields[0].strip(), when, code, first,
                  second if (second.code or second.name) else None,
                  url=fields[-1].strip() or None if width != 57 else None,
                  added=None if isinstance(added, BadRow) else added)


def read_gdelt_mentions(path: str | Path) -> Iterator[Mention | BadRow]:
    """Rows of a GDELT 2.0 Mentions file (16 tab-separated columns, no header)."""
    for number, fields in _tab_rows(path):
        if len(fields) < 12:
            yield BadRow(number, f"{len(fields)} columns; GDELT Mentions have 16")
            continue
        try:
            offsets = tuple(int(fields[i]) for i in (7, 8, 9) if fields[i].strip() and int(fields[i]) >= 0)
            yield Mention(number, fields[0].strip(), fields[5].strip(), fields[4].strip(), int(fields[6]),
                          offsets, float(fields[11]))
        except ValueError:
            yield BadRow(number, "bad SentenceID, offset or Confidence")


def _is_mentions(path: Path) -> bool:
    """True for a GDELT Mentions file: by name, else by the width of its first row."""
    if ".mentions." in path.name.lower():
        return True
    if ".export." in path.name.lower():
        return False
    with _lines(path) as handle:
        first = handle.readline()
    return len(first.rstrip("\r\n").split("\t")) == 16


_ICEWS_HEADER = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher")


def read_icews(path: str | Path) -> Iterator[Row | BadRow]:
    """Rows of an ICEWS coded-event file (tab-separated, with its 20-column header row)."""
    rows = _tab_rows(path)
    _, header = next(rows, (1, []))
    if tuple(h.strip() for h in header[:len(_ICEWS_HEADER)]) != _ICEWS_HEADER:
        yield BadRow(1, "not an ICEWS events file: its first line is not the ICEWS header")
        return
    for number, fields in rows:
        if len(fields) < len(_ICEWS_HEADER):
            yield BadRow(number, f"{len(fields)} columns; ICEWS events have 20")
            continue
        checked = _date_and_code(fields, number, (1, "Event Date"), (6, "CAMEO Code"))
        if isinstance(checked, BadRow):
            yield checked
            continue
        when, code = checked
        source = Party(fields[2].strip(), country=fields[4].strip(),
                       sectors=tuple(s.strip() for s in fields[3].split(",") if s.strip()))
        if not source.name:
            yield BadRow(number, "no Source Name")
            continue
        target = Party(fields[8].strip(), country=fields[10].strip(),
                       sectors=tuple(s.strip() for s in fields[9].split(",") if s.strip()))
        yield Row(number, fields[0].strip(), when, code, source, target if target.name else None,
                  story=fields[11].strip() or None, publisher=fields[13].strip() or None)


def _plover_party(entry: Any) -> Party | None:
    if not isinstance(entry, dict):
        return None
    name = str(entry.get("entity_text") or entry.get("actorText") or entry.get("name") or "").strip()
    sector = str(entry.get("sector") or "").strip()
    code = str(entry.get("code") or "").strip().upper()
    party = Party(name, code=code + (sector if sector and len(code) == 3 else ""), sectors=(sector,) if sector else (),
                  wikidata=str(entry.get("identifier_id") or "").strip(), kind=str(entry.get("entity_type") or ""),
                  ident=str(entry.get("polkg_id") or "").split(":", 1)[-1],
                  thing=str(entry.get("polkg_id") or "").startswith("node:"))
    return party if (party.name or party.code or party.ident) else None


_AUXILIARY = {"negation": ("positive", "negated", "actual"), "future": ("positive", "positive", "intended"),
              "hypothetical": ("positive", "positive", "hypothetical")}


def read_plover(path: str | Path) -> Iterator[Row | BadRow]:
    """PLOVER JSON records, one a line (as ``kg export --format plover`` writes them): event type and mode,
    actor and recipient lists, place (``event_loc``), date, CAMEO code when given, auxiliary mode, status,
    text offsets, citation."""
    with _lines(Path(path)) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield BadRow(number, "not JSON")
                continue
            if not isinstance(record, dict) or not record.get("event"):
                yield BadRow(number, "no PLOVER event type")
                continue
            actors = [p for p in map(_plover_party, record.get("actor") or []) if p]
            if not actors:
                yield BadRow(number, "no actor")
                continue
            when = end = None
            if record.get("date"):
                checked = _day(str(record["date"]), number, "date")
                last = _day(str(record.get("date_end") or record["date"]), number, "date_end")
                if isinstance(checked, BadRow) or isinstance(last, BadRow):
                    yield checked if isinstance(checked, BadRow) else last  # type: ignore[misc]
                    continue
                when, end = checked, last
            try:
                relation = record.get("polkg_relation") if _is_relation(record.get("polkg_relation")) else \
                    relation_for_plover(str(record["event"]), record.get("mode"))
            except UnknownTerm:
                yield BadRow(number, f"unknown PLOVER event type {record['event']!r}")
                continue
            cite = record.get("cite_info") or {}
            text = record.get("text_info") or {}
            status = str(record.get("status") or "asserted")
            _, polarity, modality = _AUXILIARY.get(str(record.get("auxiliary_mode") or ""), ("", "positive", "actual"))
            span = (int(text["start"]), int(text["end"])) if text.get("start") is not None and \
                text.get("end") is not None else None
            recipients = tuple(p for p in map(_plover_party, record.get("recipient") or []) if p)
            where = record.get("event_loc")
            place = _plover_party({"entity_type": "Place", **where}) if isinstance(where, dict) else None
            yield Row(number, str(record.get("id") or number), when, str(record.get("cameo") or ""), actors[0],
                      recipients[0] if recipients else None, url=cite.get("url") or None,
                      story=str(text.get("source") or record.get("id") or number).split(":", 1)[-1],
                      publisher=cite.get("publisher") or None, title=cite.get("title") or None,
                      sources=tuple(actors), targets=recipients, relation=relation,
                      status="alleged" if status == "alleged" else "asserted", polarity=polarity, modality=modality,
                      span=span, end=end, precision=str(record.get("date_precision") or "day"), place=place)


def _is_relation(name: Any) -> bool:
    from kg.ontology import load_ontology

    return isinstance(name, str) and name in load_ontology().relations


@functools.lru_cache(maxsize=256)
def relation_for_plover(event: str, mode: str | None = None) -> str:
    """The relation for a PLOVER event type (and mode): the one carrying both, else the most general one
    carrying the type.

    Raises
    ------
    UnknownTerm
        If no relation carries the type.

    Examples
    --------
    >>> relation_for_plover("CONSULT", "phone"), relation_for_plover("CONSULT"), relation_for_plover("ACCUSE")
    ('calls', 'consults', 'disapproves')
    """
    from kg.ontology import load_ontology

    onto = load_ontology()
    found = sorted((r for r in onto.relations.values() if r.plover == event.upper()),
                   key=lambda r: (len(onto.ancestors(r.name)), r.name))
    if not found:
        raise UnknownTerm(f"no relation for PLOVER event type {event!r}")
    with_mode = [r for r in found if mode and r.plover_mode == mode]
    return (with_mode or found)[0].name


_READERS: dict[str, Callable[[str | Path], Iterator[Row | BadRow]]] = {"gdelt": read_gdelt, "icews": read_icews,
                                                                       "plover": read_plover}


@functools.lru_cache(maxsize=1)
def _cameo_relations() -> dict[str, str]:
    """CAMEO code -> the relation carrying it (the most general one when several do)."""
    from kg.ontology import load_ontology

    onto = load_ontology()
    found: dict[str, str] = {}
    for relation in sorted(onto.relations.values(), key=lambda r: (len(onto.ancestors(r.name)), r.name)):
        if relation.cameo is not None:
            found.setdefault(relation.cameo.code, relation.name)
    return found


@functools.lru_cache(maxsize=1024)
def relation_for_cameo(code: str) -> str:
    """The relation for a CAMEO event code: the one carrying it, else the one carrying its nearest parent.

    Raises
    ------
    UnknownTerm
        If neither the code nor any parent (down to its two-digit root) has a relation.
    """
    mapping = _cameo_relations()
    candidates = [code]
    if len(code) == 4:
        candidates.append(code[:3])
    if len(code) >= 3:
        if code[2] == "0":
            candidates.append(code[:2])
        candidates += [code[:2] + "0", code[:2]]
    for candidate in candidates:
        if candidate in mapping:
            return mapping[candidate]
    raise UnknownTerm(f"no relation for CAMEO code {code!r}")


_ORGANISATION_WORDS = {"party", "ministry", "organization", "organisation", "union", "council", "army", "police",
                       "agency", "court", "parliament", "committee", "bank", "company", "association", "front",
                       "movement", "group", "forces", "force", "government", "office", "department", "commission",
                       "university", "church", "league", "congress", "assembly", "media", "news", "times", "post",
                       "state", "states", "nations", "fund", "corporation", "service", "services", "taliban"}


def _icews_class(party: Party) -> str:
    """The class of a new ICEWS actor: generic actors ("Police (India)") by their sectors, names with an
    organisation word ("Congress Party") as organisations, other names as people."""
    by_sector = next((cls for word, cls in _ICEWS_SECTORS if any(word in s for s in party.sectors)), None)
    if "(" in party.name or fold(party.name).startswith("unspecified"):
        return by_sector or "Group"
    if set(fold(party.name).split()) & _ORGANISATION_WORDS:
        return by_sector if by_sector not in (None, "GovernmentBody") or "government" in fold(party.name) \
            else "Organization"
    return "Person"


_folded = functools.lru_cache(maxsize=1 << 16)(fold)


@functools.lru_cache(maxsize=512)
def _is_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


@functools.lru_cache(maxsize=1)
def _shared_country_ids() -> frozenset[str]:
    """Actor ids that several countries would get from their names (both Congos are ``congo``)."""
    import pycountry

    from kg.resolve import country_actor

    seen: dict[str, int] = {}
    for country in pycountry.countries:
        ident = country_actor(country).id
        seen[ident] = seen.get(ident, 0) + 1
    return frozenset(ident for ident, count in seen.items() if count > 1)


@functools.lru_cache(maxsize=1 << 16)
def _country_named(name: str) -> Any:
    """The pycountry country whose code or name is exactly ``name`` (case aside), or None; cached, since
    pycountry's lookup scans every country."""
    import pycountry

    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


class _Actors:
    """Exact lookup of dataset actors among the store's actors; new ones are created once.

    A name that several actors share matches none of them, unless exactly one of them is reviewed.
    """

    def __init__(self, kg: Any):
        keys: dict[str, dict[bool, set[str]]] = {}
        for row in kg.query("SELECT ?entity ?key ?reviewed WHERE { ?entity pk:searchKey ?key . "
                            "OPTIONAL { ?entity pk:reviewed ?reviewed } "
                            "FILTER(STRSTARTS(STR(?entity), 'https://w3id.org/polkg/actor/')) }"):
            reviewed = row["reviewed"] is not False
            keys.setdefault(row["key"], {True: set(), False: set()})[reviewed].add(row["entity"].split(":", 1)[1])
        self.by_key: dict[str, str] = {}
        for key, found in keys.items():
            best = found[True] or found[False]
            if len(best) == 1:
                self.by_key[key] = next(iter(best))
        self.by_iso: dict[str, str] = {}
        for row in kg.query("SELECT ?entity ?iso WHERE { ?entity pk:iso3166Alpha3 ?iso }"):
            self.by_iso[row["iso"]] = row["entity"].split(":", 1)[1]
        self.things = {row["thing"].split(":", 1)[1] for row in kg.query(
            "SELECT ?thing WHERE { ?thing a ?c . FILTER(STRSTARTS(STR(?thing), 'https://w3id.org/polkg/node/')) }")}
        self.by_wikidata: dict[str, str] = {}
        self.ids: set[str] = set()
        for row in kg.query("SELECT ?entity ?q WHERE { ?entity a ?c . OPTIONAL { ?entity skos:exactMatch ?q } "
                            "FILTER(STRSTARTS(STR(?entity), 'https://w3id.org/polkg/actor/')) }"):
            ident = row["entity"].split(":", 1)[1]
            self.ids.add(ident)
            if row["q"] and row["q"].startswith("wd:"):
                self.by_wikidata[row["q"][3:]] = ident
        self.new: dict[str, Any] = {}

    def _country(self, alpha3: str = "", name: str = "") -> str | None:
        """The country with this ISO code or name: the store's, or a new one from pycountry."""
        import pycountry

        from kg.resolve import country_actor

        if alpha3 in self.by_iso:
            return self.by_iso[alpha3]
        found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else _country_named(name)
        if found is None:
            return None
        if found.alpha_3 in self.by_iso:
            return self.by_iso[found.alpha_3]
        actor = country_actor(found)
        if actor.id in self.ids or actor.id in self.by_key.values() or actor.id in _shared_country_ids():
            actor = replace(actor, id=f"country-{found.alpha_3.lower()}")  # the same whichever comes first
        self.new[actor.id] = actor
        self.by_iso[found.alpha_3] = actor.id
        self.by_key.setdefault(fold(actor.label), actor.id)
        return actor.id

    def find(self, party: Party, dataset: str) -> str:
        from kg.model import Actor

        code = party.code.upper()
        if party.ident and (party.ident in self.ids or party.ident in self.things):
            return party.ident
        if party.thing and party.ident and dataset == "plover":  # one of our things the store lacks
            from kg.model import Thing
            from kg.ontology import load_ontology

            kind = party.kind if party.kind in load_ontology().class_parents else "Occurrence"
            self.things.add(party.ident)
            self.new[party.ident] = Thing(party.ident, kind, party.name or party.ident,
                                          wikidata=party.wikidata or None)
            return party.ident
        if party.wikidata and party.wikidata in self.by_wikidata:
            return self.by_wikidata[party.wikidata]
        if len(code) == 3:
            country = self._country(alpha3=code)
            if country:
                return country
        key = _folded(party.name)
        role = code[3:6] if len(code) >= 6 and _is_country(code[:3]) else ""
        if key and key in self.by_key and not role:
            return self.by_key[key]
        if party.name and not role and (dataset != "icews" or party.name == party.country):
            # a name that is exactly a country's name is that country, whichever file or worker meets it first
            country = self._country(name=party.name)
            if country:
                return country
        name = party.name.title() if party.name.isupper() else party.name
        label = " ".join(part for part in (name, role) if part) or code
        if fold(label) in self.by_key:
            return self.by_key[fold(label)]
        ident = slug(f"{dataset} {fold(label)}")[:80] or f"{dataset}-unnamed"  # the same in every worker
        if ident not in self.new:
            kind = _ROLES.get(role) if role else None
            if dataset == "icews":
                kind = _icews_class(party)
            if dataset == "plover" and party.kind:
                from kg.ontology import load_ontology

                if party.kind in load_ontology().class_parents:
                    kind = party.kind
            country = self._country(alpha3=code[:3]) if dataset == "gdelt" and role else \
                self._country(name=party.country) if dataset == "icews" and party.country else None
            origin = f"Imported from {dataset.upper()}" + (f" (code {code})" if code else "")
            self.new[ident] = Actor(ident, kind or "Group", label, country=country, reviewed=False,
                                    description=origin)
            self.by_key[fold(label)] = ident
        return ident


def _source(row: Row, dataset: str) -> Any:
    from kg.model import Source

    if row.url:
        ident = f"{dataset}-" + hashlib.sha1(row.url.encode("utf-8")).hexdigest()[:16]
        return Source(ident, row.url, published=row.added, url=row.url, kind="Article")
    story = row.story or row.id
    return Source(f"{dataset}-story-{slug(story)}", row.title or f"{dataset.upper()} story {story}",
                  published=row.added, publisher=row.publisher, kind="Article")


def _ntriples(triples: Iterable[tuple[Any, Any, Any]]) -> bytes:
    """N-Triples text of rdflib triples (IRIs and literals only), for Oxigraph's bulk loader: formatting text
    is several times faster than building a pyoxigraph term for every node. String escapes are JSON's,
    which N-Triples shares (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``)."""
    from rdflib import Literal, URIRef

    dumps = json.dumps
    lines = []
    for s, p, o in triples:
        if type(o) is URIRef or isinstance(o, URIRef):
            obj = f"<{o}>"
        elif isinstance(o, Literal):
            value = str(o)
            # N-Triples strings need escapes only for '"', '\\', LF and CR
            text = dumps(value, ensure_ascii=False) if ('"' in value or "\\" in value or "\n" in value
                                                        or "\r" in value) else f'"{value}"'
            language, datatype = o.language, o.datatype
            obj = f"{text}@{language}" if language else f"{text}^^<{datatype}>" if datatype else text
        else:
            raise TypeError(f"cannot write {o!r} as N-Triples")
        lines.append(f"<{s}> <{p}> {obj} .\n")
    return "".join(lines).encode("utf-8")


def _mention_triples(mention: Mention, statement: Any, iri_of: Any, ontology: Any) -> tuple[Any, list[Any]]:
    """The mentioning document, and an attestation of the statement's event by it: the span from the first to
    the last of the actor and action offsets, GDELT's confidence, and the sentence number in the note."""
    from dataclasses import replace as with_

    from kg.graph import statement_triples
    from kg.model import Evidence, Source

    ident = "gdelt-" + hashlib.sha1(mention.url.encode("utf-8")).hexdigest()[:16]
    source = Source(ident, mention.url, url=mention.url if "://" in mention.url else None,
                    publisher=mention.source_name or None, kind="Article")
    span = Evidence(min(mention.offsets), max(mention.offsets) + 1) if mention.offsets else None
    attested = with_(statement, source=ident, evidence=span, method="gdelt-mention",
                     confidence=max(0.0, min(1.0, mention.confidence / 100)),
                     note=f"GDELT mention: sentence {mention.sentence}")
    return source, statement_triples(attested, iri_of=iri_of, ontology=ontology)


@dataclass
class _Converted:
    """One input file turned into N-Triples (written to ``output``), with what was counted on the way."""

    path: Path
    output: Path
    triples: int = 0
    rows: int = 0
    imported: int = 0
    mentions: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)
    #: N-Triples of the sources first described in this file, keyed by ("row" or "mention", id): the importer
    #: writes the first description of each in file order, as one process would
    sources: dict[tuple[str, str], bytes] = field(default_factory=dict)
    error: tuple[str, int | None] | None = None


class _Converter:
    """Rows of event files to N-Triples files, one input file at a time, in this process or a worker.

    New actors are named by their folded label alone (see :meth:`_Actors.find`), so workers converting
    different files give a new actor the same IRI; the importer keeps the first description of each."""

    def __init__(self, dataset: str, actors: _Actors, ontology: Any, mentions: dict[str, list[Mention]],
                 strict: bool, folder: Path):
        from kg.ontology import ACTOR, NODE

        self.dataset, self.actors, self.ontology, self.mentions = dataset, actors, ontology, mentions
        self.strict, self.folder = strict, folder
        # sources seen as event rows and as mentioning documents are described apart, so a document that is
        # both gets both descriptions whatever order the files come in
        self.seen: set[tuple[str, str]] = set()
        iris: dict[str, Any] = {}

        def iri_of(ident: str) -> Any:
            iri = iris.get(ident)
            if iri is None:
                iri = iris[ident] = NODE[ident] if ident in actors.things else ACTOR[ident]
            return iri

        self.iri_of = iri_of

    def __call__(self, task: tuple[int, Path]) -> _Converted:
        index, path = task
        done = _Converted(path, self.folder / f"{index:06d}.nt")
        known = len(self.actors.new)
        try:
            with done.output.open("wb") as out:
                self._convert(path, done, out)
        except InputError as exc:
            done.error = (exc.message, exc.line)
        done.new = dict(itertools.islice(self.actors.new.items(), known, None))
        return done

    def _convert(self, path: Path, done: _Converted, out: IO[bytes]) -> None:
        from kg.dates import EventDate
        from kg.graph import source_triples, statement_triples
        from kg.model import Evidence, Statement

        dataset, actors, ontology = self.dataset, self.actors, self.ontology
        method = f"{dataset}-import"
        pending: list[Any] = []
        for item in _READERS[dataset](path):
            done.rows += 1
            if isinstance(item, BadRow):
                if self.strict:
                    raise InputError(item.reason, path=path, line=item.line)
                reason = item.reason.split(" '")[0]
                done.skipped[reason] = done.skipped.get(reason, 0) + 1
                continue
            try:
                relation = item.relation or relation_for_cameo(item.cameo)
                if item.cameo:
                    ontology.cameo_code(item.cameo)
            except (UnknownTerm, KeyError):
                if self.strict:
                    raise InputError(f"unknown CAMEO code {item.cameo!r}", path=path, line=item.line) from None
                done.skipped["unknown CAMEO code"] = done.skipped.get("unknown CAMEO code", 0) + 1
                continue
            subjects = tuple(dict.fromkeys(actors.find(p, dataset) for p in item.sources or (item.source,)))
            objects = tuple(dict.fromkeys(actors.find(p, dataset) for p in item.targets or
                                          ((item.target,) if item.target else ())))
            place = actors.find(item.place, dataset) if item.place else None
            source = _source(item, dataset)
            if ("row", source.id) not in self.seen:
                self.seen.add(("row", source.id))
                done.sources[("row", source.id)] = _ntriples(source_triples(source))
            statement = Statement(subjects, relation, objects, source=source.id,
                                  date=EventDate(item.date, item.end if item.end != item.date else None,
                                                 item.precision) if item.date else None,
                                  cameo=item.cameo or None, place=place, method=method, status=item.status,
                                  polarity=item.polarity, modality=item.modality,
                                  evidence=Evidence(*item.span) if item.span else None,
                                  note=f"{dataset.upper()} event {item.id}")
            pending.extend(statement_triples(statement, iri_of=self.iri_of, ontology=ontology))
            for mention in self.mentions.get(item.id, ()):
                document, triples = _mention_triples(mention, statement, self.iri_of, ontology)
                pending.extend(triples)
                if ("mention", document.id) not in self.seen:
                    self.seen.add(("mention", document.id))
                    done.sources[("mention", document.id)] = _ntriples(source_triples(document))
                done.mentions += 1
            done.imported += 1
            if len(pending) >= 50_000:
                out.write(_ntriples(pending))
                done.triples += len(pending)
                pending.clear()
        out.write(_ntriples(pending))
        done.triples += len(pending)


#: The converter a worker process uses: set before the pool forks, so workers inherit it.
_WORKER: _Converter | None = None


def _convert_in_worker(task: tuple[int, Path]) -> _Converted:
    assert _WORKER is not None
    return _WORKER(task)


def _usable_cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def import_events(dataset: str, paths: Sequence[str | Path], *, store: str | Path | None = None,
                  strict: bool = False, batch: int = 2_000_000, processes: int | None = None,
                  on_rows: Callable[[Path, int], None] | None = None) -> ImportReport:
    """Import GDELT, ICEWS or PLOVER event files into an Oxigraph store on disk or a SPARQL server, atomically.

    Files are converted to N-Triples by worker processes (one file at a time each) while this process
    bulk-loads what they wrote, in the order of the files.

    Parameters
    ----------
    dataset : {"gdelt", "icews", "plover"}
        The layout of the files (GDELT 1.0 or 2.0 is told by the number of columns).
    paths : sequence of path
        Files, plain or gzip-compressed (``.gz``).
    store : path or URL, optional
        The store (default ``.kg``); a store that does not exist yet starts with the ontology and the
        bundled actor registry.
    strict : bool
        Stop at the first bad row (naming file and line) instead of counting and skipping it.
    batch : int
        Triples gathered before they are written.
    processes : int, optional
        Worker processes converting files (default: the usable CPUs, at most 4; 1 converts here).
    on_rows : callable, optional
        Called with each file and its number of rows once it is converted.

    Returns
    -------
    ImportReport

    Raises
    ------
    InputError
        If a file is missing, or (with ``strict``) a row is bad; the store is left as it was.
    """
    import multiprocessing
    import shutil
    import tempfile

    import pyoxigraph as ox

    from kg.graph import KnowledgeGraph, actor_triples, thing_triples
    from kg.model import Actor
    from kg.ontology import GRAPH_IRI
    from kg.remote import RemoteStore, post_graph
    from kg.store import OxigraphDirStore, Transaction, new_graph, open_store

    global _WORKER
    if dataset not in _READERS:
        raise InputError(f"unknown event data {dataset!r} (known: {', '.join(FORMATS)})")
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InputError("no such file", path=path)
    mentions: dict[str, list[Mention]] = {}
    if dataset == "gdelt":
        mention_files = [p for p in files if _is_mentions(p)]
        files = [p for p in files if p not in mention_files]
        for path in mention_files:
            for item in read_gdelt_mentions(path):
                if isinstance(item, BadRow):
                    if strict:
                        raise InputError(item.reason, path=path, line=item.line)
                    continue
                mentions.setdefault(item.event, []).append(item)
    target = open_store(store)
    remote = isinstance(target, RemoteStore)
    if not remote and not isinstance(target, OxigraphDirStore):
        raise StoreError(f"kg import writes Oxigraph stores on disk or SPARQL servers; {target.spec} is neither")
    workers = min(processes or min(4, _usable_cpus()), len(files))
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1  # workers inherit the converter by forking
    report = ImportReport(store=target.spec)
    started = time.perf_counter()
    fresh = not target.exists()

    with contextlib.ExitStack() as stack:
        if remote:  # rows go to the server in batches; the ontology and registry of a new graph go at the end
            post = stack.enter_context(target.appending())
            txn = Transaction(new_graph("oxigraph"))
        else:
            txn = stack.enter_context(target.transaction(replace=False))
        kg = KnowledgeGraph(txn.graph)
        inner = txn.graph.store._inner  # type: ignore[attr-defined]
        graph = ox.NamedNode(str(GRAPH_IRI))
        if fresh:
            from kg.curated import bundled_inputs, load_curated

            kg.add_ontology()
            registry = load_curated(bundled_inputs(statements=False))
            for actor in registry.actors.values():
                kg.add_actor(actor)
        report.triples_before = target.count() if remote and not fresh else len(inner)
        actors = _Actors(kg if fresh or not remote else KnowledgeGraph.open(target.spec))
        # converted files wait in the new generation when there is one, so a killed import leaves no
        # scratch behind (the next write removes stale generations)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-import-", dir=txn.folder)))
        converter = _Converter(dataset, actors, kg.ontology, mentions, strict, folder)
        tasks = list(enumerate(files))
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            _WORKER = converter  # inherited by the forked workers
            stack.callback(globals().__setitem__, "_WORKER", None)
            # an executor, not a Pool: a worker that dies (out of memory, a signal) fails the import
            # (BrokenProcessPool) instead of leaving it waiting for ever
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)  # on an error: only running files
            results: Iterable[_Converted] = pool.map(_convert_in_worker, tasks)
        else:
            results = map(converter, tasks)

        def write(outputs: list[Path]) -> None:
            if not outputs:
                return
            joined = outputs[0] if len(outputs) == 1 else folder / "batch.nt"
            if len(outputs) > 1:
                with joined.open("wb") as out:
                    for part in outputs:
                        with part.open("rb") as chunk:
                            shutil.copyfileobj(chunk, out, 1 << 20)
            if remote:
                with joined.open("rb") as lines:
                    while chunk := b"".join(itertools.islice(lines, 50_000)):
                        post(chunk)
            else:
                inner.bulk_load(path=str(joined), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
            for part in {*outputs, joined}:
                part.unlink()

        new: dict[str, Any] = {}
        sources: set[str] = set()
        written: set[tuple[str, str]] = set()
        waiting: list[Path] = []
        waiting_triples = 0
        for done in results:
            if done.error is not None:
                raise InputError(done.error[0], path=done.path, line=done.error[1])
            report.files += 1
            report.rows += done.rows
            report.imported += done.imported
            report.mentions += done.mentions
            for reason, count in done.skipped.items():
                report.skipped[reason] = report.skipped.get(reason, 0) + count
            for ident, actor in done.new.items():
                new.setdefault(ident, actor)
            described = [(key, text) for key, text in done.sources.items() if key not in written]
            if described:
                written.update(key for key, _ in described)
                sources.update(key[1] for key, _ in described)
                extra = done.output.with_suffix(".sources.nt")
                extra.write_bytes(b"".join(text for _, text in described))
                waiting.append(extra)
            waiting.append(done.output)
            waiting_triples += done.triples
            if on_rows is not None:
                on_rows(done.path, done.rows)
            if waiting_triples >= batch:
                write(waiting)
                waiting, waiting_triples = [], 0
        write(waiting)
        report.new_actors = sum(isinstance(entity, Actor) for entity in new.values())
        report.sources = len(sources)
        actors_file = folder / "actors.nt"
        actors_file.write_bytes(_ntriples(t for entity in new.values() for t in
                                          (actor_triples(entity) if isinstance(entity, Actor) else
                                           thing_triples(entity))))
        write([actors_file])
        if remote:
            post_graph(post, txn.graph)
        else:
            report.triples = len(inner)
            txn.manifest.update({"imported": [str(p) for p in files], "dataset": dataset,
                                 "triples": report.triples})
    if remote:
        report.triples = target.count()
    report.seconds = time.perf_counter() - started
    return report
