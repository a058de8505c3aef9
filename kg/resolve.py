"""The resolver: names to actors, in a graph (a command's argument) and across documents (extraction).

:func:`resolve_actor` finds the one actor or thing a user means in a graph, by IRI, id, label or alias,
compared by the one key (:func:`kg.names.name_key`): ``--param actor=...``, ``kg explain``, ``kg analyze
path A B`` all resolve through it or through the same :class:`kg.names.NameIndex`, and say "did you mean"
the same way. Countries come from :mod:`kg.countries`.

:class:`Resolver` turns mentions in news text into actors. A name resolves, in order, to:

1. a registry actor or thing whose label or alias has the same key (case, diacritics, a leading "the"
   and script do not matter: Cyrillic is transliterated, so Святлана Ціханоўская finds Tsikhanouskaya):
   the curated registry first, then the world registry (:mod:`kg.curated.world`: every country, capital,
   city, country institution, IGO and news agency), whose actors are facts, never new actors; a generic
   name of an institution ("riot police") with the document's country is that country's institution;
2. a new actor met earlier with the same key;
3. a new actor met earlier whose name is close enough (rapidfuzz ``token_sort_ratio`` of at least
   ``FUZZY``, same type; for people both names must have a first and a last name, and the last names
   must themselves be close: two people are never merged on a shared surname alone); or, for a lone
   surname that no name in its own document completes ("Blair"), the one person of that last name met so
   far ("Tony Blair"), if there is exactly one. Such a merge is applied, recorded as ``proposed`` in the
   merges file, and can be rejected there;
4. otherwise a new, unreviewed actor labelled by the name, of the type its entity label gives (a person or
   an organisation takes the type most of its mentions give: the model calls some people organisations).
   A new actor of one country is never reused for another: "riot police" in a report from Georgia and in
   one from Armenia are two actors.

The merges file (YAML, one entry a merge: ``name``, ``into``, ``score``, ``status`` of proposed, accepted
or rejected) is the reviewed record of these decisions: a rejected merge is never made again, an
accepted one is made even below the threshold, and nothing is ever deleted from it by polkg.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from rdflib import URIRef

from kg import countries
from kg.curated import CuratedData
from kg.curated.world import WorldView
from kg.errors import InputError
from kg.files import write_atomic
from kg.model import Actor, Statement, Thing
from kg.names import NameIndex, form_keys, name_key, short_form, slug
from kg.store.base import Handle
from kg.store.terms import expand_iri

__all__ = ["FUZZY", "SHORT_FORM", "SURNAME", "KnownActors", "Merge", "Resolver", "graph_index", "name_key",
           "read_merges", "resolve_actor"]

#: Kinds of actor that belong to one country: a new one is never shared by two countries.
_INSTITUTIONS = frozenset({"GovernmentBody", "Ministry", "PoliceForce", "Military", "OppositionMovement"})

#: Kinds of actor that are places: never joined by a short form of their name.
_PLACES = frozenset({"Place", "Country", "Region", "City"})

#: Minimum rapidfuzz token_sort_ratio for two new actors' names to be merged.
FUZZY = 90
#: The score recorded for a lone surname joined to the one person of that surname ("Blair": Tony Blair).
SURNAME = 80.0
#: The score recorded for a short form joined to its long form ("NAO": National Audit Office, "Lib Dems":
#: Liberal Democrats, "Blunkett": David Blunkett met later), see :func:`kg.names.short_form`.
SHORT_FORM = 85.0
#: Actor types a named entity's label may get wrong for one another (the statistical model's "Nicola
#: Sturgeon" ORG): a new actor takes the type most of its mentions give.
_VOTED = frozenset({"Person", "Organization"})

_NAMES = """
SELECT ?entity ?key ?label WHERE {
  ?entity pk:searchKey ?key .
  OPTIONAL { ?entity rdfs:label ?l }
  BIND(STR(?l) AS ?label)
}
"""


def graph_index(handle: Handle) -> NameIndex:
    """Every named actor and thing of a graph, by its labels and aliases (its ``pk:searchKey`` values)."""
    index = NameIndex()
    for row in handle.query(_NAMES).rows:
        index.add(row["entity"], [row["key"]], label=row["label"] or row["entity"])
    return index


def resolve_actor(handle: Handle, name: str) -> URIRef:
    """Find the one actor or thing called ``name`` in a graph: an IRI, an id, a label or an alias.

    Names compare by :func:`kg.names.name_key`: case, diacritics, punctuation, script and a leading
    "the" do not matter.

    Raises
    ------
    UnknownActor
        If nothing or more than one thing matches; the message names close labels or the candidates.
    """
    iri = expand_iri(name)
    if iri is not None:
        return iri
    index = graph_index(handle)
    if not index.candidates(name) and re.fullmatch(r"[\w.\-]+", name):
        for prefix in ("actor:", "node:"):  # an entity without names, by its id
            candidate = expand_iri(prefix + name)
            if candidate is not None and handle.query("ASK { ?x ?p ?o }", {"x": candidate}).boolean:
                return candidate
    found = expand_iri(index.find(name))
    assert found is not None
    return found


@dataclass(frozen=True)
class Merge:
    """A decision to treat ``name`` as the actor ``into``."""

    name: str
    into: str
    score: float
    status: str = "proposed"


def read_merges(path: str | Path) -> list[Merge]:
    """Read a merges file (see the module docs).

    Raises
    ------
    InputError
        Naming the file and line of an entry without ``name`` and ``into`` or with an unknown status.
    """
    from kg.curated.yamlfile import read_yaml

    content = read_yaml(Path(path)) or {}
    merges = []
    for number, entry in enumerate(content.get("merges", []) if isinstance(content, dict) else [], start=1):
        if not isinstance(entry, dict) or not {"name", "into"} <= set(entry):
            raise InputError(f"merge {number} needs name and into", path=path, line=getattr(entry, "line", None))
        status = entry.get("status", "proposed")
        if status not in ("proposed", "accepted", "rejected"):
            raise InputError(f"merge status must be proposed, accepted or rejected, not {status!r}", path=path,
                             line=getattr(entry, "line", None))
        try:
            score = float(entry.get("score", 0))
        except (TypeError, ValueError):
            raise InputError(f"merge score must be a number, not {entry.get('score')!r}", path=path,
                             line=getattr(entry, "line", None)) from None
        merges.append(Merge(str(entry["name"]), str(entry["into"]), score, status))
    return merges


class KnownActors(Mapping[str, Actor]):
    """The actors a resolver knows by id: curated, from the world registry, and new in this run."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver

    def __getitem__(self, ident: str) -> Actor:
        found = self.resolver.actor(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.resolver.actor(ident) is not None

    def __iter__(self) -> Iterator[str]:
        resolver = self.resolver
        yield from resolver.registry.actors
        yield from (a.id for a in resolver.world)
        yield from resolver.new_actors

    def __len__(self) -> int:
        return len(self.resolver.registry.actors) + len(self.resolver.world) + len(self.resolver.new_actors)


class Resolver:
    """Resolve names to actors, remembering new actors and merges across documents.

    Parameters
    ----------
    registry : CuratedData
        The known actors and things.
    merges : path, optional
        The merges file to read decisions from and record proposals in (see the module docs).
    world : bool
        Resolve to the world registry too (see :mod:`kg.curated.world`); without it, only to the curated one.
    """

    def __init__(self, registry: CuratedData, *, merges: str | Path | None = None, world: bool = True):
        from kg.curated.world import EMPTY

        self.registry = registry
        self.world = WorldView(registry.actors, None if world else EMPTY)
        self.keys: dict[str, Actor | Thing] = {}
        entities: list[Actor | Thing] = [*registry.actors.values(), *registry.things.values()]
        for entity in entities:
            for name in entity.names:
                self.keys.setdefault(name_key(name), entity)
        for name, ident in self.world.names():
            found = self.world.actor(ident)
            if found is not None:
                self.keys.setdefault(name_key(name), found)
        self.new_actors: dict[str, Actor] = {}
        #: a person's last name -> the ids of the people of that name (each with a first name too)
        self._surnames: dict[str, set[str]] = {}
        for actor in registry.actors.values():
            self._add_surname(actor)
        self._votes: dict[str, dict[str, int]] = {}
        #: form keys (:func:`kg.names.form_keys`) -> the ids of the new actors kept under them
        self._forms: dict[str, set[str]] = {}
        #: every actor known by id (curated, world registry, new), as a mapping
        self.known: Mapping[str, Actor] = KnownActors(self)
        self._per_country: dict[tuple[str, str], Actor] = {}
        self.new_things: dict[str, Thing] = {}
        self.merges_path = Path(merges) if merges else None
        self.decisions: dict[str, Merge] = {}
        self.proposed: list[Merge] = []
        if self.merges_path and self.merges_path.exists():
            self.decisions = {name_key(m.name): m for m in read_merges(self.merges_path)}

    # -- lookups -------------------------------------------------------------------------------

    def lookup(self, name: str) -> Actor | Thing | None:
        """The registry actor or thing, or known new actor, with exactly this name (by key)."""
        key = name_key(name)
        decision = self.decisions.get(key)
        if decision is not None and decision.status == "accepted":
            return self._by_id(decision.into)
        return self.keys.get(key)

    def _by_id(self, ident: str) -> Actor | Thing | None:
        return self.actor(ident) or self.registry.things.get(ident) or self.new_things.get(ident)

    def actor(self, ident: str) -> Actor | None:
        """The actor with id ``ident``: curated, from the world registry, or new in this run."""
        return self.world.actor(ident) or self.new_actors.get(ident)

    def acting_for(self, actor: Actor, *, speaking: bool = False) -> Actor:
        """Who ``actor`` stands for when it acts or (``speaking``) speaks: "Moscow said" is Russia's
        government (see :meth:`kg.curated.world.WorldView.acting_for`)."""
        return self.world.acting_for(actor, speaking=speaking)

    def _unique_id(self, label: str) -> str:
        base = slug(label) or "actor"
        ident, n = base, 2
        while ident in self.registry.actors or ident in self.registry.things or ident in self.new_actors \
                or ident in self.new_things or ident in self.world.world.actors:
            ident, n = f"{base}-{n}", n + 1
        return ident

    def _add_surname(self, actor: Actor) -> None:
        if actor.type == "Person":
            for name in actor.names:
                words = name_key(name).split()
                if len(words) >= 2:
                    self._surnames.setdefault(words[-1], set()).add(actor.id)

    def _by_surname(self, key: str) -> Actor | None:
        """The one person whose last name is ``key`` (a name of one word), if exactly one is known."""
        ids = self._surnames.get(key, set())
        if len(key.split()) != 1 or len(ids) != 1:
            return None
        return self.actor(next(iter(ids)))

    def _vote(self, known: Actor, kind: str) -> Actor:
        """Count a mention of new actor ``known`` as of type ``kind``; retype it once most mentions say so."""
        votes = self._votes.setdefault(known.id, {known.type: 1})
        if kind not in _VOTED or known.type not in _VOTED:
            return known
        votes[kind] = votes.get(kind, 0) + 1
        if kind == known.type or votes[kind] <= votes.get(known.type, 0):
            return known
        return self._replace(known, replace(known, type=kind))

    def _replace(self, old: Actor, new: Actor) -> Actor:
        """Put ``new`` wherever new actor ``old`` was (same id: what was extracted still points to it)."""
        self.new_actors[old.id] = new
        for key, value in self.keys.items():
            if value is old:
                self.keys[key] = new
        self._add_surname(new)
        self._add_forms(new)
        return new

    def _add_forms(self, actor: Actor) -> None:
        if actor.type not in _PLACES:
            for key in form_keys(actor.label):
                self._forms.setdefault(key, set()).add(actor.id)

    def _by_form(self, label: str, kind: str, country: str | None) -> Actor | None:
        """The one new actor that ``label`` is a short form of ("UKIP": UK Independence Party met before), or
        that is a short form of ``label`` ("Lib Dem", met before "Liberal Democrats"), which then takes
        ``label`` as its label and keeps its old one as an alias; None if there is none, or more than one."""
        if kind in _PLACES:
            return None
        ids = {i for key in form_keys(label, query=True) for i in self._forms.get(key, ())}
        found: list[tuple[Actor, bool]] = []
        for ident in sorted(ids):
            other = self.new_actors.get(ident)
            if other is None or (country and other.country and other.country != country):
                continue
            people = kind == "Person" and other.type == "Person"
            if short_form(label, other.label, people=people) and (people or other.type != "Person"):
                found.append((other, False))
            elif short_form(other.label, label, people=people) and (people or kind != "Person"):
                found.append((other, True))
        if len(found) != 1:
            return None
        other, longer = found[0]
        alias = other.label if longer else label
        # the long form's type over a type the model gives short forms by mistake ("Lib Dem" PERSON, the
        # members for the party: "Conservatives" NORP) or a vaguer one ("Labour": Labour Party, a party)
        joined = replace(other, label=label if longer else other.label,
                         type=kind if longer and other.type in ("Person", "Group", "Organization") else other.type,
                         aliases=tuple(dict.fromkeys((*other.aliases, (alias, "en")))))
        return self._replace(other, joined)

    def _fuzzy(self, name: str, kind: str) -> tuple[Actor, float] | None:
        from rapidfuzz import fuzz

        key = name_key(name)
        words = key.split()
        best: tuple[Actor, float] | None = None
        for candidate in (*self.registry.actors.values(), *self.new_actors.values()):
            if candidate.type != kind:
                continue
            for other in candidate.names:
                other_key = name_key(other)
                other_words = other_key.split()
                if kind == "Person":
                    if len(words) < 2 or len(other_words) < 2:
                        continue  # a surname alone never merges two people
                    if fuzz.ratio(words[-1], other_words[-1]) < FUZZY or words[0][0] != other_words[0][0]:
                        continue
                score = fuzz.token_sort_ratio(key, other_key)
                if score >= FUZZY and (best is None or score > best[1]):
                    best = (candidate, score)
        return best

    # -- new entities --------------------------------------------------------------------------

    def national(self, name: str, country: str | None) -> Actor | Thing | None:
        """A registry actor named ``name`` (no leading article) for the document's country: in a report from
        Belarus, "Interior Ministry" is the Interior Ministry of Belarus and "protesters" are Belarusian
        protesters."""
        if country is None or country not in self.known:
            return None
        state = self.known[country]
        variants = [f"{name} of {state.label}", f"{state.label} {name}", f"{state.label}'s {name}"]
        variants += [f"{demonym} {name}" for demonym in state.demonyms]
        for variant in variants:
            found = self.lookup(variant)
            if found is not None and (found.country if isinstance(found, Actor) else country) in (country, None):
                return found
        return None

    def new_actor(self, label: str, kind: str, *, country: str | None = None) -> Actor:
        """The actor for a name the registry does not know: a known new actor, a merge, or a new one."""
        key = name_key(label)
        known = self.lookup(label)
        if isinstance(known, Actor) and not self._other_country(known, country):
            return self._vote(known, kind) if known.id in self.new_actors else known
        institution = self.world.institution_named(label, country) if kind != "Person" else None
        if institution is not None:
            return institution
        if isinstance(known, Actor):  # a new actor of another country: this country gets its own
            return self._country_own(label, kind, country, key)
        decision = self.decisions.get(key)
        if decision is None or decision.status != "rejected":
            close = self._fuzzy(label, kind)
            if close is None and kind == "Person":
                person = self._by_surname(key)
                close = (person, SURNAME) if person is not None else None
            if close is None:
                joined = self._by_form(label, kind, country)
                close = (joined, SHORT_FORM) if joined is not None else None
            if close is not None:
                actor, score = close
                if decision is None:
                    merge = Merge(label, actor.id, round(score, 1))
                    self.decisions[key] = merge
                    self.proposed.append(merge)
                self.keys[key] = actor
                return actor
        if kind == "Country":
            known_country = self._country_named(label)
            if known_country is not None:
                self.keys[key] = known_country
                return known_country
            kind = "Region"
        actor = Actor(self._unique_id(label), kind, label, country=country if country != label else None,
                      reviewed=False)
        self.new_actors[actor.id] = actor
        self.keys[key] = actor
        self._add_surname(actor)
        self._add_forms(actor)
        return actor

    def _other_country(self, known: Actor, country: str | None) -> bool:
        """True if ``known`` is a new actor of another country than ``country`` (never shared across)."""
        return known.id in self.new_actors and known.type in _INSTITUTIONS and country is not None \
            and known.country is not None and known.country != country

    def _country_own(self, label: str, kind: str, country: str | None, key: str) -> Actor:
        assert country is not None
        found = self._per_country.get((key, country))
        if found is None:
            found = Actor(self._unique_id(f"{label} {country}"), kind, label, country=country, reviewed=False)
            self.new_actors[found.id] = found
            self._per_country[(key, country)] = found
        return found

    def _country_named(self, name: str) -> Actor | None:
        found = countries.by_name(name)
        return self._country_actor(found, alias=name) if found is not None else None

    def _country_actor(self, found: countries.Country, *, alias: str) -> Actor:
        known = self.world.country_by_iso(found.alpha3)
        if known is not None:
            return known
        for actor in self.registry.actors.values():
            if actor.iso is not None and actor.iso.alpha3 == found.alpha3:
                return actor
        actor = countries.country_actor(found, alias=alias)
        if actor.id in self.new_actors:
            return self.new_actors[actor.id]
        self.new_actors[actor.id] = actor
        self.keys[name_key(actor.label)] = actor
        return actor

    def country(self, code: str) -> Actor | None:
        """The country with ISO 3166 alpha-3 ``code``: the registry's, or a new one from pycountry."""
        known = self.world.country_by_iso(code)
        if known is not None:
            return known
        found = countries.by_code(code)
        return self._country_actor(found, alias=found.name) if found is not None else None

    def world_actors(self, statements: Iterable[Statement]) -> dict[str, Actor]:
        """The world registry's actors that ``statements`` refer to (as subject, object, claimant or place),
        or that the new actors and things belong to (their country, their place), with the countries they
        belong to: what a graph built from them needs of the registry."""
        used: dict[str, Actor] = {}
        pending = [i for s in statements for i in (*s.subjects, *s.objects, s.claimant, s.place) if i]
        pending += [a.country for a in self.new_actors.values() if a.country]
        pending += [t.place for t in self.new_things.values() if t.place]
        while pending:
            ident = pending.pop()
            if ident in used or ident in self.registry.actors or ident not in self.world:
                continue
            actor = self.world.actor(ident)
            if actor is not None:
                used[ident] = actor
                if actor.country:
                    pending.append(actor.country)
        return dict(sorted(used.items()))

    def new_thing(self, label: str, kind: str) -> Thing:
        """A new thing (a proposal, an occurrence) named ``label``, reused within a run."""
        key = name_key(label)
        existing = self.keys.get(key)
        if isinstance(existing, Thing):
            return existing
        thing = Thing(self._unique_id(label), kind, label)
        self.new_things[thing.id] = thing
        self.keys[key] = thing
        return thing

    # -- the merges file -----------------------------------------------------------------------

    def write_merges(self, path: str | Path | None = None) -> Path | None:
        """Append the merges proposed in this run to the merges file (never removing an entry)."""
        target = Path(path) if path else self.merges_path
        if target is None or not self.proposed:
            return None
        from kg.curated.yamlfile import read_yaml

        existing: list[dict[str, Any]] = []
        if target.exists():
            content = read_yaml(target) or {}
            existing = [dict(e) for e in content.get("merges", [])] if isinstance(content, dict) else []
        known = {name_key(str(e.get("name", ""))) for e in existing}
        for merge in self.proposed:
            if name_key(merge.name) not in known:
                existing.append({"name": merge.name, "into": merge.into, "score": merge.score, "status": merge.status})
        header = ("# Actor merges made by polkg's resolver, for review. Set status to accepted or rejected;\n"
                  "# a rejected merge is not made again. polkg only ever appends to this file.\n")
        write_atomic(target, header + yaml.safe_dump({"merges": existing}, allow_unicode=True, sort_keys=False))
        self.proposed = [replace(m) for m in self.proposed]
        return target
