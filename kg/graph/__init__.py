"""The knowledge graph: statements, actors and sources written into RDF, and read back.

:class:`KnowledgeGraph` owns one open graph (a :class:`kg.store.Handle`, named ``urn:polkg:graph``) on any
store and offers add, query and save. :mod:`kg.graph.write` is the one writer (statements to events and
attestations); :mod:`kg.graph.records` is the one read model (events and attestations as typed records).

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

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef

from kg.errors import KGError, UnknownActor
from kg.graph.write import (
    Triple,
    actor_triples,
    event_iri,
    source_triples,
    statement_triples,
    thing_triples,
)
from kg.model import Actor, Source, Statement, Thing
from kg.ontology import ACTOR, NODE, PK, Ontology, load_ontology
from kg.query import Param, QueryResult, SavedQuery, run, run_query, saved_query
from kg.store import Handle, Store, new_handle, open_store
from kg.store.load import add_ontology
from kg.store.memory import RdflibHandle

__all__ = [
    "KnowledgeGraph",
    "actor_triples",
    "event_iri",
    "source_triples",
    "statement_triples",
    "thing_triples",
]

_RDF_TYPE = RDF.type


class KnowledgeGraph:
    """A political knowledge graph on any store: add statements, query with SPARQL, save.

    Parameters
    ----------
    handle : kg.store.Handle or rdflib.Graph, optional
        The open graph to work on (an rdflib ``Graph`` is wrapped); by default a new, empty in-memory
        Oxigraph graph.
    ontology : Ontology, optional
        The relation registry to validate against (the bundled ontology by default).

    Attributes
    ----------
    handle : kg.store.Handle
        The open graph: queries, bulk loads and dumps go through it.
    graph : rdflib.Graph
        The rdflib view of the same graph.
    store : kg.store.Store or None
        The store the graph was opened from, if any.

    See Also
    --------
    KnowledgeGraph.open : read a graph that ``kg build`` saved.
    kg.build.build : build a store from curated files.
    """

    def __init__(self, handle: Handle | Graph | None = None, *, ontology: Ontology | None = None):
        if handle is None:
            handle = new_handle("oxigraph")
        elif isinstance(handle, Graph):
            handle = RdflibHandle(handle, spec="rdflib")
        self.handle: Handle = handle
        self.ontology = ontology or load_ontology()
        self._iris: dict[str, URIRef] = {}
        self.store: Store | None = None

    @property
    def graph(self) -> Graph:
        """The rdflib ``Graph`` view of this graph."""
        return self.handle.graph

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
            txn.handle.load(io.BytesIO(self.handle.dump("nquads")), "nquads")

    def close(self) -> None:
        """Release the store this graph was opened from."""
        if self.store is not None:
            self.store.close()

    def __len__(self) -> int:
        """The number of triples (fast on Oxigraph: a store count, not a SPARQL COUNT)."""
        return self.handle.count()

    # -- adding -------------------------------------------------------------------------------

    def add_triples(self, triples: Iterable[Triple]) -> None:
        """Add raw triples to the graph in one batch."""
        self.handle.add(triples)

    def add_ontology(self, paths: Iterable[Path] | None = None) -> None:
        """Load the ontology (classes, relations with their families, CAMEO and PLOVER schemes) into the
        graph, as queries expect."""
        add_ontology(self.handle, paths)

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
                if self.handle.query("ASK { ?x a ?class }", {"x": candidate}).boolean:
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
        event = triples[0][0]
        attestation = next(s for s, p, o in triples if p == PK.attests)
        assert isinstance(event, URIRef) and isinstance(attestation, URIRef)
        return event, attestation

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

    def execute(self, sparql: str, *, params: Mapping[str, Any] | None = None, declared: tuple[Param, ...] = (),
                origin: str = "<query>") -> QueryResult:
        """Run a SPARQL query with ``params`` bound as SPARQL bindings; the whole :class:`QueryResult`.

        Raises
        ------
        QueryError
            On a syntax error, an UPDATE, or an unknown or unprojected parameter.
        """
        return run(self.handle, self.ontology, sparql, params=params, declared=declared, origin=origin)

    def query(self, sparql: str, *, params: Mapping[str, Any] | None = None) -> Any:
        """Run a SPARQL query: SELECT gives a list of dicts, ASK a bool, CONSTRUCT an rdflib Graph.

        In rows, IRIs come back as prefixed names (``"actor:vladimir-putin"``), dates as
        ``datetime.date``, numbers as ``int`` or ``float``. ``params`` are bound as SPARQL bindings,
        never spliced into the text; in a SELECT each must be projected.

        Raises
        ------
        QueryError
            On a syntax error, an UPDATE, or an unknown or unprojected parameter.
        """
        result = self.execute(sparql, params=params)
        if result.kind == "ask":
            return result.boolean
        if result.graph is not None:
            return result.graph
        return result.records()

    def run_query(self, query: SavedQuery, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a loaded query (see :func:`kg.query.load_query`): defaults filled, parameter columns dropped."""
        return run_query(self.handle, self.ontology, query, params)

    def saved_query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the saved query ``name`` (see ``kg queries``) with keyword parameters."""
        return self.run_query(saved_query(name), params).records()

    def dataframe(self, sparql: str, *, params: Mapping[str, Any] | None = None) -> Any:
        """Run a SELECT and return a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError:
            raise KGError("pandas is not installed: pip install pandas") from None
        result = self.execute(sparql, params=params)
        return pd.DataFrame(result.records(), columns=result.columns)
