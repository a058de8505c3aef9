"""The knowledge graph: statements, actors and sources written into RDF, and read back with SPARQL.

:class:`KnowledgeGraph` owns one rdflib ``Graph`` (named ``urn:polkg:graph``) on any store and offers
add, query and save. :func:`statement_triples` is the one function that writes a statement into RDF:

- an **event** ``event:<hash>``: its relation (the most specific property), actor(s), recipient(s),
  CAMEO concept, date with precision, and place; the hash covers these, so the same event attested by
  several sources is one node;
- an **attestation** ``attestation:<hash>``: the source, evidence offsets (and sentence when known),
  method, confidence and the three qualifiers (status with claimant, polarity, modality);
- **direct edges** ``actor:a pk:calls actor:b`` only for attestations that are asserted or reported,
  positive and actual: an allegation, a denial or a plan never becomes a plain fact.

Examples
--------
>>> from kg.model import Actor, Source, Statement
>>> kg = KnowledgeGraph()
>>> kg.add_actor(Actor("alexander-lukashenko", "Person", "Alexander Lukashenko"))
>>> kg.add_actor(Actor("vladimir-putin", "Person", "Vladimir Putin"))
>>> kg.add_source(Source("note-1", "A note"))
>>> event, attestation = kg.add(Statement(("alexander-lukashenko",), "calls", ("vladimir-putin",),
...                                       source="note-1"))
>>> kg.query("SELECT ?o WHERE { actor:alexander-lukashenko pk:calls ?o }")
[{'o': 'actor:vladimir-putin'}]
>>> before = len(kg)
>>> _ = kg.add(Statement(("alexander-lukashenko",), "calls", ("vladimir-putin",), source="note-1"))
>>> len(kg) == before                      # the same statement twice adds nothing
True
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from kg.dates import EventDate
from kg.errors import KGError, UnknownActor
from kg.model import Actor, Source, Statement, Thing
from kg.names import fold
from kg.ontology import (
    ACTOR,
    ATTESTATION,
    CAMEO,
    EVENT,
    METHOD,
    NODE,
    PK,
    SOURCE,
    TENURE,
    WD,
    Ontology,
    load_ontology,
    ontology_files,
)
from kg.store import Store, from_ox, is_oxigraph, new_graph, open_store

__all__ = [
    "KnowledgeGraph",
    "actor_triples",
    "event_iri",
    "source_triples",
    "statement_triples",
    "thing_triples",
]

Triple = tuple[Node, Node, Node]

# rdflib's closed namespaces check every attribute access: look the terms up once.
_RDFS_COMMENT = RDFS.comment
_RDFS_LABEL = RDFS.label
_RDF_TYPE = RDF.type
_SKOS_ALTLABEL = SKOS.altLabel
_SKOS_EXACTMATCH = SKOS.exactMatch
_XSD_ANYURI = XSD.anyURI
_XSD_DATE = XSD.date
_XSD_DECIMAL = XSD.decimal

_STATUS = {"asserted": PK.Asserted, "reported": PK.Reported, "alleged": PK.Alleged}
_POLARITY = {"positive": PK.Positive, "negated": PK.Negated, "denied": PK.Denied}
_MODALITY = {"actual": PK.Actual, "intended": PK.Intended, "proposed": PK.Proposed, "hypothetical": PK.Hypothetical}
_PRECISION = {"day": PK.Day, "month": PK.Month, "year": PK.Year, "interval": PK.Interval}
CURATED_METHOD = METHOD["curated"]


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=4096)
def _date_literal(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=_XSD_DATE)


@functools.lru_cache(maxsize=1024)
def _decimal_literal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=_XSD_DECIMAL)


_DATE, _DATE_PRECISION, _DATE_END = PK.date, PK.datePrecision, PK.dateEnd


def _date_triples(subject: URIRef, when: EventDate | None) -> list[Triple]:
    if when is None:
        return []
    triples: list[Triple] = [
        (subject, _DATE, _date_literal(when.start)),
        (subject, _DATE_PRECISION, _PRECISION[when.precision]),
    ]
    if when.end is not None and when.end != when.start:
        triples.append((subject, _DATE_END, _date_literal(when.end)))
    return triples


def _names(subject: URIRef, label: str, aliases: Iterable[tuple[str, str]]) -> list[Triple]:
    triples: list[Triple] = [(subject, _RDFS_LABEL, Literal(label, lang="en"))]
    keys = {fold(label)}
    for text, lang in aliases:
        triples.append((subject, _SKOS_ALTLABEL, Literal(text, lang=lang)))
        keys.add(fold(text))
    triples.extend((subject, PK.searchKey, Literal(key)) for key in sorted(keys))
    return triples


def _wikidata(subject: URIRef, qid: str | None, where: str | None) -> list[Triple]:
    if not qid:
        return []
    triples: list[Triple] = [(subject, _SKOS_EXACTMATCH, WD[qid])]
    if where:
        triples.append((subject, PK.wikidataSource, Literal(where)))
    return triples


def actor_triples(actor: Actor) -> list[Triple]:
    """Return the RDF of an actor: type, labels, search keys, Wikidata id, ISO codes and role tenures."""
    iri = ACTOR[actor.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[actor.type]), (iri, PK.reviewed, Literal(actor.reviewed))]
    triples += _names(iri, actor.label, actor.aliases)
    triples += _wikidata(iri, actor.wikidata, actor.wikidata_source)
    if actor.description:
        triples.append((iri, _RDFS_COMMENT, Literal(actor.description, lang="en")))
    if actor.country:
        triples.append((iri, PK.country, ACTOR[actor.country]))
    if actor.gender:
        triples.append((iri, URIRef("https://schema.org/gender"), Literal(actor.gender)))
    triples += [(iri, PK.demonym, Literal(d, lang="en")) for d in actor.demonyms]
    if actor.iso:
        triples += [
            (iri, PK.iso3166Alpha2, Literal(actor.iso.alpha2)),
            (iri, PK.iso3166Alpha3, Literal(actor.iso.alpha3)),
            (iri, PK.iso3166Numeric, Literal(actor.iso.numeric)),
        ]
    for role in actor.roles:
        tenure = TENURE[f"{actor.id}--{role.role}--{role.of}--{role.start or 'unknown'}"]
        triples += [(iri, PK.hasTenure, tenure), (tenure, _RDF_TYPE, PK.RoleTenure),
                    (tenure, PK.role, PK[role.role]), (tenure, PK.roleIn, ACTOR[role.of])]
        if role.title:
            triples.append((tenure, PK.title, Literal(role.title, lang="en")))
        if role.start:
            triples.append((tenure, PK.startDate, Literal(role.start.isoformat(), datatype=_XSD_DATE)))
        if role.end:
            triples.append((tenure, PK.endDate, Literal(role.end.isoformat(), datatype=_XSD_DATE)))
    return triples


def thing_triples(thing: Thing) -> list[Triple]:
    """Return the RDF of a non-actor node such as a proposal or an election."""
    iri = NODE[thing.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[thing.type])]
    triples += _names(iri, thing.label, thing.aliases)
    triples += _wikidata(iri, thing.wikidata, thing.wikidata_source)
    triples += _date_triples(iri, thing.date)
    if thing.description:
        triples.append((iri, _RDFS_COMMENT, Literal(thing.description, lang="en")))
    if thing.place:
        triples.append((iri, PK.place, ACTOR[thing.place]))
    return triples


def source_triples(source: Source) -> list[Triple]:
    """Return the RDF of a source document (never its text)."""
    iri = SOURCE[source.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[source.kind]), (iri, _RDFS_LABEL, Literal(source.title, lang="en")),
                             (iri, URIRef("http://purl.org/dc/terms/language"), Literal(source.language))]
    optional = ((PK.published, source.published and Literal(source.published.isoformat(), datatype=_XSD_DATE)),
                (PK.publisher, source.publisher and Literal(source.publisher)),
                (PK.url, source.url and Literal(source.url, datatype=_XSD_ANYURI)),
                (PK.fileName, source.file and Literal(source.file)),
                (PK.sha256, source.sha256 and Literal(source.sha256)),
                (_RDFS_COMMENT, source.description and Literal(source.description, lang="en")),
                (PK.headline, source.headline and source.headline.text and Literal(source.headline.text)))
    triples += [(iri, p, o) for p, o in optional if o]
    return triples


#: The terms :func:`statement_triples` writes, looked up once (a closed namespace checks every access).
_PK = {name: PK[name] for name in (
    "Attestation", "CuratedAttestation", "CurationMethod", "Event", "ExtractedAttestation", "ExtractionRule",
    "actor", "attests", "cameo", "claimant", "confidence", "curationFile", "curationId", "curationLine",
    "evidenceEnd", "evidenceStart", "evidenceText", "method", "modality", "place", "ploverContext", "ploverMode",
    "polarity", "recipient", "relation", "source", "status"
)}


def event_iri(relation: URIRef, subjects: Sequence[URIRef], objects: Sequence[URIRef],
              when: EventDate | None, place: URIRef | None) -> URIRef:
    """Return the deterministic IRI of an event: a hash of relation, actors, recipients, date and place."""
    return EVENT[_digest(str(relation), sorted(map(str, subjects)), sorted(map(str, objects)),
                         str(when) if when else None, str(place) if place else None)]


def statement_triples(statement: Statement, *, iri_of: Any, ontology: Ontology | None = None) -> list[Triple]:
    """Return the RDF of one statement: its event, its attestation, and any direct edges.

    Parameters
    ----------
    statement : Statement
        A statement whose actor, thing and source ids are already known to the graph.
    iri_of : callable
        Maps an actor or thing id to its IRI.
    ontology : Ontology, optional
        The relation registry (the bundled ontology by default).

    Returns
    -------
    list of (subject, predicate, object)
    """
    onto = ontology or load_ontology()
    relation = onto.relation(statement.relation)
    subjects = [iri_of(s) for s in statement.subjects]
    objects = [iri_of(o) for o in statement.objects]
    place = iri_of(statement.place) if statement.place else None
    event = event_iri(relation.iri, subjects, objects, statement.date, place)
    triples: list[Triple] = [(event, _RDF_TYPE, _PK["Event"]), (event, _PK["relation"], relation.iri)]
    cameo = statement.cameo or (relation.cameo.code if relation.cameo else None)
    if cameo:
        triples.append((event, _PK["cameo"], CAMEO[cameo]))
    mode = statement.mode or relation.plover_mode
    if mode:
        triples.append((event, _PK["ploverMode"], onto.check_mode(relation.name, mode)))
    triples += [(event, _PK["ploverContext"], onto.check_context(c))
                for c in sorted({*relation.contexts, *statement.contexts})]
    triples += [(event, _PK["actor"], s) for s in subjects]
    triples += [(event, _PK["recipient"], o) for o in objects]
    triples += _date_triples(event, statement.date)
    if place is not None:
        triples.append((event, _PK["place"], place))

    source = SOURCE[statement.source]
    evidence = statement.evidence
    method = CURATED_METHOD if statement.is_curated else METHOD[statement.method]
    attestation = ATTESTATION[_digest(str(event), str(source), evidence.start if evidence else None,
                                      evidence.end if evidence else None, str(method))]
    triples += [
        (attestation, _RDF_TYPE, _PK["Attestation"]),
        (attestation, _RDF_TYPE, _PK["CuratedAttestation"] if statement.is_curated else _PK["ExtractedAttestation"]),
        (attestation, _PK["attests"], event),
        (attestation, _PK["source"], source),
        (attestation, _PK["method"], method),
        (method, _RDF_TYPE, _PK["CurationMethod"] if statement.is_curated else _PK["ExtractionRule"]),
        (attestation, _PK["confidence"], _decimal_literal(statement.confidence)),
        (attestation, _PK["status"], _STATUS[statement.status]),
        (attestation, _PK["polarity"], _POLARITY[statement.polarity]),
        (attestation, _PK["modality"], _MODALITY[statement.modality]),
    ]
    if statement.claimant:
        triples.append((attestation, _PK["claimant"], iri_of(statement.claimant)))
    if evidence:
        triples += [(attestation, _PK["evidenceStart"], Literal(evidence.start)),
                    (attestation, _PK["evidenceEnd"], Literal(evidence.end))]
        if evidence.text is not None:
            triples.append((attestation, _PK["evidenceText"], Literal(evidence.text)))
    if statement.note:
        triples.append((attestation, _RDFS_COMMENT, Literal(statement.note, lang="en")))
    if statement.is_curated:
        if statement.id:
            triples.append((attestation, _PK["curationId"], Literal(statement.id)))
        if statement.origin:
            triples += [(attestation, _PK["curationFile"], Literal(statement.origin.path)),
                        (attestation, _PK["curationLine"], Literal(statement.origin.line))]
    if statement.is_direct_edge:
        triples += [(s, relation.iri, o) for s in subjects for o in objects]
    return triples


class KnowledgeGraph:
    """A political knowledge graph on any store: add statements, query with SPARQL, save.

    Parameters
    ----------
    graph : rdflib.Graph, optional
        The graph to work on; by default a new, empty in-memory Oxigraph graph.
    ontology : Ontology, optional
        The relation registry to validate against (the bundled ontology by default).

    See Also
    --------
    KnowledgeGraph.open : read a graph that ``kg build`` saved.
    kg.build.build : build a store from curated files.
    """

    def __init__(self, graph: Graph | None = None, *, ontology: Ontology | None = None):
        self.graph = graph if graph is not None else new_graph("oxigraph")
        self.ontology = ontology or load_ontology()
        self._iris: dict[str, URIRef] = {}
        self.store: Store | None = None

    # -- opening and saving -------------------------------------------------------------------

    @classmethod
    def open(cls, store: str | Path | None = None) -> KnowledgeGraph:
        """Open the graph saved in a store for reading (see :mod:`kg.store` for the specs).

        Raises
        ------
        StoreError
            If the store does not exist or cannot be opened.
        """
        opened = open_store(store)
        kg = cls(opened.open())
        kg.store = opened
        return kg

    def save(self, store: str | Path) -> None:
        """Write this graph to a store, replacing what it held, atomically."""
        with open_store(store).transaction(replace=True) as txn:
            txn.graph.addN((s, p, o, txn.graph) for s, p, o in self.graph)

    def close(self) -> None:
        """Release the store this graph was opened from."""
        if self.store is not None:
            self.store.close()

    def __len__(self) -> int:
        """The number of triples (fast on Oxigraph: a store count, not a SPARQL COUNT)."""
        if is_oxigraph(self.graph):
            return len(self.graph.store._inner)  # type: ignore[attr-defined]
        return len(self.graph)

    # -- adding -------------------------------------------------------------------------------

    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Add raw triples to the graph in one batch."""
        batch = [(s, p, o, self.graph) for s, p, o in triples]
        if batch:
            self.graph.addN(batch)

    def add_ontology(self, paths: Iterable[Path] | None = None) -> None:
        """Load the ontology (classes, relations, CAMEO scheme) into the graph, as queries expect.

        Also adds each relation's ``pk:family``, derived from the ``rdfs:subPropertyOf`` hierarchy.
        """
        self.add_triples((rel.iri, PK.family, PK[rel.family]) for rel in self.ontology.relations.values())
        for path in paths or ontology_files():
            if is_oxigraph(self.graph):
                self.graph.store._inner.load(  # type: ignore[attr-defined]
                    path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(self.graph.identifier)))
            else:
                self.add_triples(
                    (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))

    def add_actor(self, actor: Actor) -> None:
        """Add an actor (or a place) from the registry."""
        self.ontology.check_class(actor.type)
        self._iris[actor.id] = ACTOR[actor.id]
        self.add_triples(actor_triples(actor))

    def add_thing(self, thing: Thing) -> None:
        """Add a non-actor node such as a proposal or an election."""
        self.ontology.check_class(thing.type)
        self._iris[thing.id] = NODE[thing.id]
        self.add_triples(thing_triples(thing))

    def add_source(self, source: Source) -> None:
        """Add a source document's description."""
        self.add_triples(source_triples(source))

    def iri_of(self, ident: str) -> URIRef:
        """Return the IRI of the actor or thing with id ``ident``.

        Raises
        ------
        UnknownActor
            If neither an actor nor a thing has that id in this graph.
        """
        if ident not in self._iris:
            for candidate in (ACTOR[ident], NODE[ident]):
                if (candidate, _RDF_TYPE, None) in self.graph:
                    self._iris[ident] = candidate
                    break
            else:
                raise UnknownActor(f"unknown actor or thing {ident!r}: add it to the registry first")
        return self._iris[ident]

    def add(self, statement: Statement) -> tuple[URIRef, URIRef]:
        """Add one statement; return the IRIs of its event and attestation.

        Adding the same statement again changes nothing: event and attestation IRIs are hashes.
        """
        triples = statement_triples(statement, iri_of=self.iri_of, ontology=self.ontology)
        self.add_triples(triples)
        return triples[0][0], next(s for s, p, o in triples if p == PK.attests)  # type: ignore[return-value]

    def add_all(self, statements: Iterable[Statement]) -> int:
        """Add many statements in one batch; return how many were given."""
        triples: list[Triple] = []
        count = 0
        for statement in statements:
            triples += statement_triples(statement, iri_of=self.iri_of, ontology=self.ontology)
            count += 1
        self.add_triples(triples)
        return count

    # -- reading ------------------------------------------------------------------------------

    def query(self, sparql: str, *, params: dict[str, Any] | None = None) -> Any:
        """Run a SPARQL query: SELECT gives a list of dicts, ASK a bool, CONSTRUCT an rdflib Graph.

        In rows, IRIs come back as prefixed names (``"actor:vladimir-putin"``), dates as
        ``datetime.date``, numbers as ``int`` or ``float``. ``params`` are bound as SPARQL bindings,
        never spliced into the text; in a SELECT each must be projected.

        Raises
        ------
        QueryError
            On a syntax error, an UPDATE, or an unknown or unprojected parameter.
        """
        from kg.query import run

        result = run(self, sparql, params=params)
        if result.kind == "ask":
            return result.boolean
        if result.graph is not None:
            return result.graph
        return result.records()

    def saved_query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the saved query ``name`` (see ``kg queries``) with keyword parameters."""
        from kg.query import run_saved

        return run_saved(self, name, params).records()

    def dataframe(self, sparql: str, *, params: dict[str, Any] | None = None) -> Any:
        """Run a SELECT and return a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError:
            raise KGError("pandas is not installed: pip install pandas") from None
        from kg.query import run

        result = run(self, sparql, params=params)
        return pd.DataFrame(result.records(), columns=result.columns)
