"""The one read model: events and their attestations read back from any store as typed records.

Everything that reads events (the networkx projection and so the page, the PLOVER, CAMEO, GraphML and
CSV exports, ``kg explain``) reads them here, so two rules are defined once:

- the **plain-fact rule** (:func:`kg.model.is_plain_fact`): an attestation states its event as plain fact
  when it is asserted or reported, positive and actual;
- the **best attestation** (:meth:`AttestationRecord.rank`): plain facts first, then curated before
  extracted, asserted before reported before alleged, the most confident, then by source and offset.
  Each event's attestations come best first, so the page, the exports and the analysis show the same
  evidence for the same event.

Events and attestations are read with one index scan per predicate (:meth:`kg.store.Handle.scan`), which
on Oxigraph is several times faster than a SPARQL join; what is said about the actors, places and sources
in the events comes from two SPARQL queries.

Examples
--------
>>> from kg.build import build_graph
>>> data = read_events(build_graph().handle)
>>> calls = [e for e in data.events if e.relation == "calls"][0]
>>> calls.actors, calls.recipients, calls.best.status, len(calls.attestations)
(('actor:alexander-lukashenko',), ('actor:vladimir-putin',), 'asserted', 3)
>>> data.entities["actor:vladimir-putin"].label
'Vladimir Putin'
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from rdflib import URIRef

from kg.model import is_plain_fact
from kg.ontology.iris import PK_IRI
from kg.store.base import Handle
from kg.store.terms import shorten

__all__ = ["AttestationRecord", "EntityRecord", "EventData", "EventRecord", "SourceRecord", "read_events"]

_EVENT_NS = "https://w3id.org/polkg/event/"
_PLOVER_NS = "https://w3id.org/polkg/plover/"
_STATUS_RANK = {"asserted": 0, "reported": 1, "alleged": 2}


@dataclass(frozen=True, slots=True)
class AttestationRecord:
    """One source's account of an event, as the graph holds it.

    IRIs are prefixed names (``source:seed-2020-08-15``, ``method:curated``); the qualifiers are the
    concepts' names (``asserted``, ``negated``, ``intended``, ...).
    """

    iri: str
    source: str
    status: str
    polarity: str
    modality: str
    confidence: float
    method: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    claimant: str | None = None
    note: str | None = None
    curation_file: str | None = None
    curation_line: int | None = None

    @property
    def curated(self) -> bool:
        """Written by hand by a curator."""
        return self.method == "method:curated"

    @property
    def fact(self) -> bool:
        """States the event as plain fact (see :func:`kg.model.is_plain_fact`)."""
        return is_plain_fact(self.status, self.polarity, self.modality)

    def rank(self) -> tuple[bool, bool, int, float, str, int, str]:
        """The sort key of the best attestation first (see the module docs)."""
        return (not self.fact, not self.curated, _STATUS_RANK.get(self.status, 3), -self.confidence, self.source,
                self.start if self.start is not None else -1, self.iri)


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event: its relation, parties, date, place and its attestations, best first."""

    iri: str
    relation: str
    cameo: str | None = None
    date: date | None = None
    end: date | None = None
    precision: str | None = None
    place: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    attestations: tuple[AttestationRecord, ...] = ()

    @property
    def best(self) -> AttestationRecord:
        """The best attestation (see :meth:`AttestationRecord.rank`)."""
        return self.attestations[0]

    @property
    def facts(self) -> tuple[AttestationRecord, ...]:
        """The attestations that state the event as plain fact, best first."""
        return tuple(a for a in self.attestations if a.fact)

    @property
    def fact(self) -> bool:
        """Some attestation states the event as plain fact (it has direct edges)."""
        return any(a.fact for a in self.attestations)

    @property
    def sources(self) -> int:
        """How many sources attest the event."""
        return len({a.source for a in self.attestations})

    def overlaps(self, since: date | None, until: date | None) -> bool:
        """Whether the event's date (or interval) overlaps the window; undated events overlap no window."""
        if since is None and until is None:
            return True
        if self.date is None:
            return False
        last = self.end or self.date
        return (since is None or last >= since) and (until is None or self.date <= until)


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An actor, thing or place taking part in events: what the graph says about it."""

    iri: str
    label: str | None
    classes: tuple[str, ...]
    country: str | None = None
    country_label: str | None = None
    country_iso: str | None = None
    wikidata: str | None = None
    iso: str | None = None
    reviewed: bool = True


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A source document: its title, publisher, publication date and address."""

    iri: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class EventData:
    """The events of a graph (in IRI order), with the entities that take part in them and the sources that
    attest them."""

    events: tuple[EventRecord, ...]
    entities: dict[str, EntityRecord] = field(default_factory=dict)
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    #: Search key (``pk:searchKey``) to the entities that have it, for finding actors by name.
    keys: dict[str, list[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=256)
def _concept(iri: str | None) -> str:
    """``https://w3id.org/polkg/ontology#Asserted`` -> ``asserted``."""
    return iri.rsplit("#", 1)[-1].lower() if iri else ""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


_PARTIES = """{ ?e pk:actor ?entity } UNION { ?e pk:recipient ?entity } UNION { ?e pk:place ?entity }
                                    UNION { ?att pk:attests ?e ; pk:claimant ?entity }"""

_ENTITIES = """
SELECT ?entity ?label ?class ?country ?countryLabel ?countryIso ?wikidata ?iso ?reviewed WHERE {
  { SELECT DISTINCT ?entity WHERE { %s } }
  ?entity a ?class .
  OPTIONAL { ?entity rdfs:label ?l }
  OPTIONAL { ?entity pk:country ?country . ?country rdfs:label ?cl }
  OPTIONAL { ?entity pk:country/pk:iso3166Alpha3 ?countryIso }
  OPTIONAL { ?entity skos:exactMatch ?wikidata }
  OPTIONAL { ?entity pk:iso3166Alpha3 ?iso }
  OPTIONAL { ?entity pk:reviewed ?reviewed }
  BIND(STR(?l) AS ?label)
  BIND(STR(?cl) AS ?countryLabel)
}
"""
_ALL_ENTITIES = _ENTITIES % _PARTIES
#: The entities of the events of one actor ?a (bound), which the query must project.
_ENTITIES_OF = _ENTITIES.replace("SELECT ?entity ?label", "SELECT ?a ?entity ?label").replace(
    "SELECT DISTINCT ?entity WHERE { %s }",
    "SELECT DISTINCT ?a ?entity WHERE { { ?e pk:actor ?a } UNION { ?e pk:recipient ?a } { %s } }") % _PARTIES

#: Every triple of the events of one actor ?a (bound) and of their attestations.
_EVENTS_OF = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { ?event pk:actor ?a } UNION { ?event pk:recipient ?a }
  { ?event ?p ?o . BIND(?event AS ?s) } UNION { ?s pk:attests ?event . ?s ?p ?o }
}
"""

_SOURCES = """
SELECT ?source ?title ?publisher ?published ?url WHERE {
  ?source a ?kind . ?kind rdfs:subClassOf* pk:Source .
  OPTIONAL { ?source rdfs:label ?t } OPTIONAL { ?source pk:url ?url } OPTIONAL { ?source pk:published ?published }
  OPTIONAL { ?source pk:publisher ?publisher }
  BIND(STR(?t) AS ?title)
}
"""

_KEYS = "SELECT ?entity ?key WHERE { ?entity pk:searchKey ?key }"


def _entities(handle: Handle, actor: URIRef | None) -> dict[str, EntityRecord]:
    rows = handle.query(_ALL_ENTITIES).rows if actor is None else handle.query(_ENTITIES_OF, {"a": actor}).rows
    classes: dict[str, list[str]] = defaultdict(list)
    first: dict[str, dict[str, object]] = {}
    for row in sorted(rows, key=lambda r: (r["entity"], r["class"])):
        if row["class"] not in classes[row["entity"]]:
            classes[row["entity"]].append(row["class"])
        first.setdefault(row["entity"], row)
    entities = {}
    for iri, row in first.items():
        reviewed = row["reviewed"]
        entities[iri] = EntityRecord(
            iri, _text(row["label"]), tuple(classes[iri]), _text(row["country"]), _text(row["countryLabel"]),
            _text(row["countryIso"]), _text(row["wikidata"]), _text(row["iso"]),
            reviewed if isinstance(reviewed, bool) else True)
    return entities


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _sources(handle: Handle) -> dict[str, SourceRecord]:
    sources: dict[str, SourceRecord] = {}
    for row in handle.query(_SOURCES).rows:
        published = row["published"]
        sources.setdefault(row["source"], SourceRecord(
            row["source"], _text(row["title"]), _text(row["publisher"]),
            published if isinstance(published, date) else None, _text(row["url"])))
    return sources


def read_events(handle: Handle, *, involving: URIRef | None = None, notes: bool = False,
                details: bool = True) -> EventData:
    """Read every event of a graph (or those ``involving`` one actor) with its attestations, best first, as
    typed records.

    Parameters
    ----------
    handle : kg.store.Handle
        The open graph, on any store.
    involving : URIRef, optional
        Only the events this actor or thing takes part in (read with one SPARQL query instead of scanning
        the graph).
    notes : bool
        Also read each attestation's note and curated file and line (for explanations).
    details : bool
        Also read the entities (labels, classes, countries, Wikidata ids, of the parties, places and
        claimants), the sources and the search keys.

    Returns
    -------
    EventData
    """
    if involving is None:
        def pairs(name: str) -> Iterator[tuple[str, str]]:
            return handle.scan(name if "://" in name else PK_IRI + name)
    else:
        triples: dict[str, list[tuple[str, str]]] = defaultdict(list)
        found = handle.query(_EVENTS_OF, {"a": involving}).graph
        for s, p, o in found if found is not None else ():
            triples[str(p)].append((str(s), str(o)))

        def pairs(name: str) -> Iterator[tuple[str, str]]:
            return iter(triples.get(name if "://" in name else PK_IRI + name, ()))

    relation = dict(pairs("relation"))
    cameo = dict(pairs("cameo"))
    start = dict(pairs("date"))
    end = dict(pairs("dateEnd"))
    precision = dict(pairs("datePrecision"))
    place = dict(pairs("place"))
    mode = dict(pairs("ploverMode"))
    contexts: dict[str, list[str]] = defaultdict(list)
    for iri, context in pairs("ploverContext"):
        contexts[iri].append(context.rsplit("/", 1)[-1].removeprefix("context-"))
    parties: dict[str, tuple[list[str], list[str]]] = {iri: ([], []) for iri in relation}
    for side, name in enumerate(("actor", "recipient")):
        for iri, entity in pairs(name):
            both = parties.get(iri)
            if both is not None:
                both[side].append(shorten(entity))
    attests = dict(pairs("attests"))
    source, status, polarity, modality, confidence, method, first, last, text, claimant = (
        dict(pairs(name)) for name in ("source", "status", "polarity", "modality", "confidence", "method",
                                       "evidenceStart", "evidenceEnd", "evidenceText", "claimant"))
    comment: dict[str, str] = {}
    curation_file: dict[str, str] = {}
    curation_line: dict[str, str] = {}
    if notes:
        comment = dict(pairs("http://www.w3.org/2000/01/rdf-schema#comment"))
        curation_file = dict(pairs("curationFile"))
        curation_line = dict(pairs("curationLine"))
    attestations: dict[str, list[AttestationRecord]] = defaultdict(list)
    for iri, event in attests.items():
        if iri not in source or event not in relation:
            continue
        how, who = method.get(iri), claimant.get(iri)
        attestations[event].append(AttestationRecord(
            shorten(iri), shorten(source[iri]), _concept(status.get(iri)), _concept(polarity.get(iri)),
            _concept(modality.get(iri)), float(confidence.get(iri) or 0.0), shorten(how) if how else "",
            _int(first.get(iri)), _int(last.get(iri)), text.get(iri), shorten(who) if who else None,
            comment.get(iri), curation_file.get(iri), _int(curation_line.get(iri))))
    events = []
    for iri in sorted(relation):
        if not iri.startswith(_EVENT_NS):
            continue
        code, where, how = cameo.get(iri), place.get(iri), mode.get(iri)
        actors, recipients = parties[iri]
        events.append(EventRecord(
            shorten(iri), relation[iri].rsplit("#", 1)[-1], code.rsplit("/", 1)[-1] if code else None,
            _date(start.get(iri)), _date(end.get(iri)), _concept(precision.get(iri)) or None,
            shorten(where) if where else None,
            how[len(_PLOVER_NS):].split("-", 1)[-1] if how and how.startswith(_PLOVER_NS) else None,
            tuple(sorted(contexts.get(iri, ()))), tuple(sorted(actors)), tuple(sorted(recipients)),
            tuple(sorted(attestations.get(iri, ()), key=AttestationRecord.rank))))
    if not details:
        return EventData(tuple(events))
    keys: dict[str, list[str]] = defaultdict(list)
    for row in sorted(handle.query(_KEYS).rows, key=lambda r: (r["key"], r["entity"])):
        keys[row["key"]].append(row["entity"])
    return EventData(tuple(events), _entities(handle, involving), _sources(handle), dict(keys))


def best_of(attestations: Iterable[AttestationRecord]) -> AttestationRecord | None:
    """The best of some attestations (see :meth:`AttestationRecord.rank`), or None."""
    return min(attestations, key=AttestationRecord.rank, default=None)
