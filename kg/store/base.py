"""The store seam: one :class:`Store` protocol for every place a graph lives, one :class:`Handle` protocol
for an open graph, and the values they exchange.

A **store** is a place: a directory of Oxigraph generations, rdflib's Memory store (optionally saved to a
file), or a SPARQL 1.1 server. It says whether it holds a graph, opens it for reading, and writes it in
a **transaction** that is all or nothing: a new generation switched in, a file renamed over the old one,
or one SPARQL Update on the server; a failure or a kill leaves the old graph. ``backup`` copies the
current graph to a new store.

A **handle** is an open graph on any store. Everything outside :mod:`kg.store` reads and writes through
it: SPARQL queries with bound parameters (rows of plain values), SPARQL Update, adding triples, bulk
loading RDF, dumping it in a format, counting triples, and scanning one predicate (the fast path of the
read model). ``handle.graph`` is the rdflib ``Graph`` view for rdflib-based libraries (pySHACL, owlrl)
and users; it is never needed to reach a backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from rdflib import Graph
from rdflib.term import Node

from kg.ontology.iris import PREFIXES

__all__ = ["Handle", "QueryResult", "Store", "Transaction", "Triple", "add_triples", "bind_prefixes"]

Triple = tuple[Node, Node, Node]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind polkg's prefixes on ``graph`` (parsers and stores do not keep them) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def add_triples(graph: Graph, triples: Iterable[Triple]) -> None:
    """Add rdflib triples to ``graph`` in one batch."""
    batch = [(s, p, o, graph) for s, p, o in triples]
    if batch:
        graph.addN(batch)


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE).

    ``rows`` hold plain Python values (see :func:`kg.store.terms.compact`): prefixed names, dates, numbers,
    strings, booleans, None.
    """

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of the result's columns."""
        return [{c: row.get(c) for c in self.columns} for row in self.rows]


@runtime_checkable
class Handle(Protocol):
    """An open graph (``urn:polkg:graph``) on a store: read it, and inside a transaction write it."""

    spec: str

    @property
    def graph(self) -> Graph:
        """The rdflib ``Graph`` view of the same triples."""
        ...

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              origin: str = "<query>") -> QueryResult:
        """Run a SPARQL query with ``bindings`` bound as SPARQL bindings (never spliced into the text);
        in a SELECT each bound variable must be projected.

        Raises
        ------
        QueryError
            On a syntax error (naming ``origin`` and the line), an UPDATE, or an unprojected binding.
        """
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update on this graph (a write: only inside a transaction)."""
        ...

    def add(self, triples: Iterable[Triple]) -> None:
        """Add rdflib triples in one batch."""
        ...

    def load(self, source: Path | IO[bytes], fmt: str, *, name: str | Path | None = None,
             parse: bool = True) -> None:
        """Bulk-load RDF in format ``fmt`` (see :data:`kg.store.rdfio.FORMATS`) from a file or a stream;
        statements of any named graph land in ours. ``parse=False`` marks N-Triples that polkg wrote itself
        with no blank nodes, which a server may take as they are.

        Raises
        ------
        InputError
            If the data does not parse, naming ``name`` (or the file) and the line.
        """
        ...

    def dump(self, fmt: str) -> bytes:
        """The graph serialised in format ``fmt``, with our prefixes where the format has them."""
        ...

    def count(self) -> int:
        """The number of triples."""
        ...

    def scan(self, predicate: str, value: str | None = None) -> Iterator[tuple[str, str]]:
        """(subject, object) of every triple with predicate ``predicate`` (and object ``value``, an IRI, when
        given): IRIs as text, literals as their lexical form, blank nodes as their label."""
        ...

    def close(self) -> None:
        """Release what the handle holds."""
        ...


@dataclass
class Transaction:
    """A write in progress: write through ``handle``; ``manifest`` entries are saved beside the store;
    ``folder`` is scratch space removed with the write when it fails or is killed (if the store has one)."""

    handle: Handle
    manifest: dict[str, Any] = field(default_factory=dict)
    folder: Path | None = None

    @property
    def graph(self) -> Graph:
        """The rdflib view of the graph being written."""
        return self.handle.graph


@runtime_checkable
class Store(Protocol):
    """A place a graph lives: see the module docs and :func:`kg.store.open_store` for the specs."""

    spec: str

    def exists(self) -> bool:
        """True if the store holds a graph."""
        ...

    def open(self) -> Handle:
        """Open the graph for reading.

        Raises
        ------
        StoreError
            If there is none, or it cannot be opened.
        """
        ...

    def transaction(self, *, replace: bool) -> AbstractContextManager[Transaction]:
        """Write atomically: start empty (``replace``) or from the current graph; commit on success,
        leave the old graph on failure.

        Reads through the transaction's handle see the graph as it was plus what the transaction
        wrote, except on a server while adding (``replace=False``): there the writes are applied at the
        end, and reads see the graph as it was."""
        ...

    def manifest(self) -> dict[str, Any]:
        """What the last write recorded (build time, versions, counts), or an empty dict."""
        ...

    def count(self) -> int:
        """The number of triples in the current graph (0 when there is none)."""
        ...

    def backup(self, target: str | Path) -> Store:
        """Copy the current graph to a new store at ``target`` (a store directory, or ``memory:FILE``)
        and return it; later writes here do not change the copy."""
        ...

    def close(self) -> None:
        """Release what :meth:`open` handed out."""
        ...
