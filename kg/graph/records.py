"""The one read model: events and their attestations read back from any store as typed records.

Everything that reads events (the networkx projection and so the page, the PLOVER, CAMEO, GraphML and
CSV exports, ``kg explain``) reads them here, so two rules are defined once:

- the **plain-fact rule** (:func:`kg.model.is_plain_fact`): an attestation states its event as plain fact
  when it is asserted or reported, positive and actual;
- the **best attestation** (:meth:`AttestationRecord.rank`): plain facts first, then curated before
  extracted, asserted before reported before alleged, the most confident, then by source and offset.
  Each event's attestations come best first, so the page, the exports and the analysis show the same
  evidence for the same event.

Everything is read with one index scan per predicate (:meth:`kg.store.Handle.scan`), which on Oxigraph is
several times faster than a SPARQL join; the events of one actor (``involving``) with one SPARQL query.

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

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.model import is_plain_fact
from kg.ontology import Ontology, load_ontology
from kg.ontology.iris import PK_IRI
from kg.store.base import Handle
from kg.store.terms import shorten

__all__ = ["AttestationRecord", "EntityRecord", "EventData", "EventRecord", "SourceRecord", "read_events"]

_EVENT_NS = "https://w3id.org/polkg/event/"
_ATTESTATION_NS = "https://w3id.org/polkg/attestation/"
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
    date: dt.date | None = None
    end: dt.date | None = None
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

    def overlaps(self, since: dt.date | None, until: dt.date | None) -> bool:
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
    published: dt.date | None = None
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


def _hashed(iri: str, namespace: str, prefix: str) -> str:
    """The prefixed name of an event or attestation IRI, quickly: their local names are hex digests (each
    IRI is met once, so :func:`kg.store.terms.shorten`'s cache does not help)."""
    local = iri[len(namespace):]
    return prefix + local if iri.startswith(namespace) and local.isalnum() else shorten(iri)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


#: Every triple of the events of one actor ?a (bound) and of their attestations.
_EVENTS_OF = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { ?event pk:actor ?a } UNION { ?event pk:recipient ?a }
  { ?event ?p ?o . BIND(?event AS ?s) } UNION { ?s pk:attests ?event . ?s ?p ?o }
}
"""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"
#: Classes of what events and attestations are made of, not of the entities they are about.
_RECORD_CLASSES = {"Event", "Attestation", "CuratedAttestation", "ExtractedAttestation", "RoleTenure"}


def _first(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Subject to object, the least object when a subject has several (so every store gives the same)."""
    found: dict[str, str] = {}
    for subject, obj in pairs:
        if subject not in found or obj < found[subject]:
            found[subject] = obj
    return found


def _details(handle: Handle, ontology: Ontology) -> tuple[dict[str, EntityRecord], dict[str, SourceRecord],
                                                           dict[str, list[str]]]:
    """Every typed actor, thing and place (with its label, classes, country, Wikidata id, ISO code, review
    state), every source, and the search keys, read with index scans."""
    classes: dict[str, list[str]] = defaultdict(list)
    sources: set[str] = set()
    for name in sorted(ontology.class_parents):
        if name in _RECORD_CLASSES:
            continue
        is_source = ontology.is_a(name, "Source")
        for subject, _ in handle.scan(_RDF_TYPE, PK_IRI + name):
            (sources.add(subject) if is_source else classes[subject].append("pk:" + name))
    labels = _first(handle.scan(_RDFS_LABEL))
    country, wikidata, iso, reviewed = (_first(handle.scan(p)) for p in (
        PK_IRI + "country", _EXACT_MATCH, PK_IRI + "iso3166Alpha3", PK_IRI + "reviewed"))
    entities = {}
    for iri, found in classes.items():
        nation = country.get(iri)
        short = shorten(iri)
        entities[short] = EntityRecord(
            short, labels.get(iri), tuple(sorted(found)), shorten(nation) if nation else None,
            labels.get(nation) if nation else None, iso.get(nation) if nation else None,
            shorten(wikidata[iri]) if iri in wikidata else None, iso.get(iri), reviewed.get(iri, "true") != "false")
    url, published, publisher = (_first(handle.scan(PK_IRI + p)) for p in ("url", "published", "publisher"))
    documents = {}
    for iri in sorted(sources):
        short = shorten(iri)
        documents[short] = SourceRecord(short, labels.get(iri), publisher.get(iri), _date(published.get(iri)),
                                        url.get(iri))
    keys: dict[str, list[str]] = defaultdict(list)
    for entity, key in sorted(handle.scan(PK_IRI + "searchKey"), key=lambda pair: (pair[1], pair[0])):
        keys[key].append(shorten(entity))
    return entities, documents, dict(keys)


def read_events(handle: Handle, *, ontology: Ontology | None = None, involving: URIRef | None = None,
                notes: bool = False, plover: bool = True, details: bool = True) -> EventData:
    """Read every event of a graph (or those ``involving`` one actor) with its attestations, best first, as
    typed records.

    Parameters
    ----------
    handle : kg.store.Handle
        The open graph, on any store.
    ontology : Ontology, optional
        The ontology whose classes the entities have (the bundled one by default).
    involving : URIRef, optional
        Only the events this actor or thing takes part in (read with one SPARQL query instead of scanning
        the graph).
    notes : bool
        Also read each attestation's note and curated file and line (for explanations).
    plover : bool
        Also read each event's date precision, place, PLOVER mode and contexts (for the exports).
    details : bool
        Also read the entities (labels, classes, countries, Wikidata ids, of the parties, places and
        claimants), the sources and the search keys.

    Returns
    -------
    EventData
    """
    if involving is None:
        def pairs(name: str) -> Iterator[tuple[str, str]]:  # one index scan a predicate
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
    precision = dict(pairs("datePrecision")) if plover else {}
    place = dict(pairs("place")) if plover else {}
    mode = dict(pairs("ploverMode")) if plover else {}
    contexts: dict[str, list[str]] = defaultdict(list)
    for iri, context in pairs("ploverContext") if plover else ():
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
            _hashed(iri, _ATTESTATION_NS, "attestation:"), shorten(source[iri]), _concept(status.get(iri)),
            _concept(polarity.get(iri)), _concept(modality.get(iri)), float(confidence.get(iri) or 0.0),
            shorten(how) if how else "",
            _int(first.get(iri)), _int(last.get(iri)), text.get(iri), shorten(who) if who else None,
            comment.get(iri), curation_file.get(iri), _int(curation_line.get(iri))))
    events = []
    for iri in sorted(relation):
        if not iri.startswith(_EVENT_NS):
            continue
        code, where, how = cameo.get(iri), place.get(iri), mode.get(iri)
        actors, recipients = parties[iri]
        events.append(EventRecord(
            _hashed(iri, _EVENT_NS, "event:"), relation[iri].rsplit("#", 1)[-1],
            code.rsplit("/", 1)[-1] if code else None,
            _date(start.get(iri)), _date(end.get(iri)), _concept(precision.get(iri)) or None,
            shorten(where) if where else None,
            how[len(_PLOVER_NS):].split("-", 1)[-1] if how and how.startswith(_PLOVER_NS) else None,
            tuple(sorted(contexts.get(iri, ()))), tuple(sorted(actors)), tuple(sorted(recipients)),
            tuple(sorted(attestations.get(iri, ()), key=AttestationRecord.rank))))
    if not details:
        return EventData(tuple(events))
    entities, documents, keys = _details(handle, ontology or load_ontology())
    return EventData(tuple(events), entities, documents, keys)


def best_of(attestations: Iterable[AttestationRecord]) -> AttestationRecord | None:
    """The best of some attestations (see :meth:`AttestationRecord.rank`), or None."""
    return min(attestations, key=AttestationRecord.rank, default=None)
