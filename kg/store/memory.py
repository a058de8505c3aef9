"""rdflib graphs as stores: :class:`RdflibHandle` (any rdflib ``Graph``) and :class:`MemoryStore` (rdflib's
Memory store, in this process or loaded from and saved to one RDF file, written to a temporary file and
renamed)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import StoreError
from kg.files import write_atomic
from kg.ontology.iris import GRAPH_IRI
from kg.store.base import QueryResult, Transaction, Triple, add_triples, bind_prefixes
from kg.store.oxigraph import writer_lock
from kg.store.rdfio import from_ox, parse_error, rdf_format, serialize_graph
from kg.store.sparql import run_rdflib, update_graph

__all__ = ["MemoryStore", "RdflibHandle", "memory_graph"]

#: File suffixes of a ``memory:FILE`` store and the format of each.
FILE_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}


def memory_graph() -> Graph:
    """An empty graph on rdflib's Memory store, named ``urn:polkg:graph``, with our prefixes."""
    return bind_prefixes(Graph(store="Memory", identifier=GRAPH_IRI))


class RdflibHandle:
    """A graph on any rdflib store (the Memory store; a server's SPARQLStore with ``remote``): queries go
    through rdflib's engine (or, on a server, to the server)."""

    def __init__(self, graph: Graph | None = None, *, spec: str = "memory", remote: bool = False):
        self._graph = graph if graph is not None else memory_graph()
        self.spec = spec
        self.remote = remote

    @property
    def graph(self) -> Graph:
        return self._graph

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              origin: str = "<query>") -> QueryResult:
        return run_rdflib(self._graph, sparql, bindings or {}, origin=origin, remote=self.remote)

    def update(self, sparql: str) -> None:
        update_graph(self._graph, sparql)

    def add(self, triples: Iterable[Triple]) -> None:
        add_triples(self._graph, triples)

    def load(self, source: Path | IO[bytes], fmt: str, *, name: str | Path | None = None,
             parse: bool = True) -> None:
        where = name if name is not None else (source if isinstance(source, Path) else None)
        target = rdf_format(fmt)
        try:
            quads = ox.parse(path=str(source), format=target) if isinstance(source, Path) else \
                ox.parse(source, format=target)
            self.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads)
        except SyntaxError as exc:
            raise parse_error(exc, fmt, path=where) from None

    def dump(self, fmt: str) -> bytes:
        return serialize_graph(self._graph, fmt)

    def count(self) -> int:
        return len(self._graph)

    def scan(self, predicate: str, value: str | None = None) -> Iterator[tuple[str, str]]:
        for subject, _, obj in self._graph.triples((None, URIRef(predicate), URIRef(value) if value else None)):
            yield str(subject), str(obj)

    def close(self) -> None:
        """Nothing to release."""


class MemoryStore:
    """rdflib's Memory store, optionally loaded from and saved to one RDF file."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self.spec = f"memory:{path}" if path is not None else "memory"
        self._handle: RdflibHandle | None = None
        if self.path is not None and self.path.suffix not in FILE_FORMATS:
            raise StoreError(f"store {self.spec}: the file must end in {', '.join(FILE_FORMATS)}")

    def exists(self) -> bool:
        return self._handle is not None if self.path is None else self.path.is_file()

    def _load(self) -> RdflibHandle:
        handle = RdflibHandle(spec=self.spec)
        if self.path is None:
            return handle
        fmt = FILE_FORMATS[self.path.suffix]
        try:
            quads = ox.parse(path=str(self.path), format=rdf_format(fmt))
            graph = handle.graph
            graph.addN(
                (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                for q in quads
                if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name.value == str(GRAPH_IRI)
            )
        except SyntaxError as exc:
            raise StoreError(f"store {self.spec} does not parse: {exc}") from None
        return handle

    def open(self) -> RdflibHandle:
        if self.path is None:
            if self._handle is None:
                raise StoreError(f"no graph in store {self.spec}: write one first (it lives in this process only)")
            return self._handle
        if not self.path.is_file():
            raise StoreError(f"no graph in store {self.spec}: run `kg build --store {self.spec}` first")
        return self._load()

    def manifest(self) -> dict[str, Any]:
        return {}

    def count(self) -> int:
        return self.open().count() if self.exists() else 0

    def close(self) -> None:
        """Nothing to release."""

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        if self.path is None:
            handle = RdflibHandle(spec=self.spec)
            if not replace and self._handle is not None:
                handle.add(self._handle.graph)  # a copy: a failed write leaves the graph as it was
            yield Transaction(handle)
            self._handle = handle
            return
        lock = self.path.with_name(f".{self.path.name}.lock")
        with writer_lock(lock, self.spec):
            handle = self._load() if (not replace and self.path.is_file()) else RdflibHandle(spec=self.spec)
            yield Transaction(handle)
            write_atomic(self.path, serialize_graph(handle.graph, FILE_FORMATS[self.path.suffix]))

    def backup(self, target: str | Path) -> MemoryStore:
        """A copy of the graph in the file ``target`` (``memory:FILE``; the same suffixes)."""
        copy = MemoryStore(str(target).removeprefix("memory:"))
        if not self.exists():
            raise StoreError(f"no graph in store {self.spec} to back up")
        assert copy.path is not None
        if self.path is not None and copy.path.suffix == self.path.suffix:
            shutil.copyfile(self.path, copy.path)
        else:
            write_atomic(copy.path, serialize_graph(self.open().graph, FILE_FORMATS[copy.path.suffix]))
        return copy
