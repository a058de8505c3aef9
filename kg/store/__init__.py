"""Where graphs live: an Oxigraph store on disk (the default) or rdflib's Memory store.

A store is named by a *spec*:

``PATH`` (default ``./.kg``, or ``$KG_STORE``)
    An Oxigraph (RocksDB) store on disk, used through rdflib with oxrdflib. The directory holds
    immutable generations and a ``current`` symlink; a write builds a new generation (a cheap hard-link
    backup of the current one when adding) and switches ``current`` with :func:`os.replace`, so a
    failed or killed write leaves the previous store untouched. Writers hold ``PATH/.lock``; readers
    open the current generation read-only and never wait.
``memory:FILE``
    rdflib's Memory store, loaded from and saved to one RDF file (TriG, N-Quads, Turtle, N-Triples),
    written to a temporary file and renamed.
``memory``
    rdflib's Memory store in this process only.

Every store keeps data and ontology in the named graph ``urn:polkg:graph``; the rdflib ``Graph``
objects handed out are bound to it, so queries use it as their default graph.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.ontology import GRAPH_IRI, PREFIXES

__all__ = [
    "DEFAULT_STORE",
    "MemoryStore",
    "OxigraphDirStore",
    "Store",
    "Transaction",
    "from_ox",
    "new_graph",
    "open_store",
    "serialize_graph",
    "to_ox",
    "write_atomic",
]

DEFAULT_STORE = ".kg"
_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind polkg's prefixes on ``graph`` (ox-* parsers and stores do not keep them) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def new_graph(backend: str = "oxigraph") -> Graph:
    """Return an empty in-memory graph named ``urn:polkg:graph`` with polkg's prefixes bound.

    Parameters
    ----------
    backend : {"oxigraph", "memory"}
        Oxigraph in memory (fast) or rdflib's pure-Python Memory store.
    """
    if backend == "oxigraph":
        return bind_prefixes(Graph(store=OxigraphStore(), identifier=GRAPH_IRI))
    if backend == "memory":
        return bind_prefixes(Graph(store="Memory", identifier=GRAPH_IRI))
    raise StoreError(f"unknown graph backend {backend!r}: use oxigraph or memory")


def to_ox(term: Any) -> Any:
    """Convert an rdflib term to its pyoxigraph equivalent."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def is_oxigraph(graph: Graph) -> bool:
    """True if ``graph`` lives in an Oxigraph store."""
    return isinstance(graph.store, OxigraphStore)


@dataclass
class Transaction:
    """A write in progress: add to ``graph``; ``manifest`` entries are saved beside the store."""

    graph: Graph
    manifest: dict[str, Any] = field(default_factory=dict)
    #: A scratch directory removed with the write when it fails or is killed (the new generation's).
    folder: Path | None = None


class Store:
    """A place graphs are read from and written to atomically. See the module docs for the specs."""

    spec: str

    def exists(self) -> bool:
        """True if the store holds a graph."""
        raise NotImplementedError

    def open(self) -> Graph:
        """Open the graph for reading. Raises :class:`StoreError` if there is none."""
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        """Write atomically: start empty (``replace``) or from the current graph; commit on success."""
        raise NotImplementedError
        yield  # pragma: no cover

    def manifest(self) -> dict[str, Any]:
        """Return what the last write recorded (build time, versions, counts), or an empty dict."""
        return {}

    def close(self) -> None:
        """Release what :meth:`open` holds."""


@contextlib.contextmanager
def _writer_lock(lock_path: Path, spec: str) -> Iterator[None]:
    timeout = float(os.environ.get("KG_LOCK_TIMEOUT", "30"))
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise StoreError(f"store {spec} is locked by another writer (pid {holder}); waited "
                                     f"{timeout:g} s (set KG_LOCK_TIMEOUT to wait longer)") from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


class OxigraphDirStore(Store):
    """An Oxigraph store on disk, in generations switched atomically (see the module docs)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.spec = str(root)
        self._open: list[ox.Store] = []

    @property
    def _current(self) -> Path:
        return self.root / "current"

    def exists(self) -> bool:
        return (self._current / "oxigraph").is_dir()

    def _check(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"store {self.spec} is a file, not a store directory; to read an RDF file "
                             f"use --store memory:{self.spec}")
        if not self.exists():
            if self.root.is_dir() and any(self.root.iterdir()) and not (self.root / ".lock").exists():
                raise StoreError(f"{self.spec} is not a polkg store (no 'current' generation in it)")
            raise StoreError(f"no graph in store {self.spec}: run `kg build` first (or pass --store)")

    def open(self) -> Graph:
        self._check()
        try:
            # The generation itself, not the `current` link: RocksDB opens its files lazily, by path, and a
            # writer may switch `current` to a new generation while this reader runs.
            inner = ox.Store.read_only(str(self._current.resolve() / "oxigraph"))
        except OSError as exc:
            raise StoreError(f"cannot open store {self.spec}: {exc}") from None
        self._open.append(inner)
        return bind_prefixes(Graph(store=OxigraphStore(store=inner), identifier=GRAPH_IRI))

    def close(self) -> None:
        self._open.clear()

    def manifest(self) -> dict[str, Any]:
        path = self._current / "manifest.json"
        if not path.exists():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        if self.root.exists() and not self.root.is_dir():
            self._check()
        with _writer_lock(self.root / ".lock", self.spec):
            generation = self.root / f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
            generation.mkdir()
            try:
                if replace or not self.exists():
                    inner = ox.Store(str(generation / "oxigraph"))
                else:
                    ox.Store.read_only(str(self._current.resolve() / "oxigraph")).backup(str(generation / "oxigraph"))
                    inner = ox.Store(str(generation / "oxigraph"))
                graph = bind_prefixes(Graph(store=OxigraphStore(store=inner), identifier=GRAPH_IRI))
                txn = Transaction(graph, folder=generation)
                yield txn
                inner.flush()
                txn.manifest.setdefault("triples", len(inner))
                write_atomic(generation / "manifest.json", json.dumps(txn.manifest, indent=2, sort_keys=True))
                # RocksDB closes when its last reference goes; it must be closed before readers open
                # the generation, or its background compactions delete files they are about to read.
                graph.store._store = _Closed(self.spec)  # type: ignore[attr-defined]
                del graph, inner
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            self._switch(generation)

    def _switch(self, generation: Path) -> None:
        old = os.readlink(self._current) if self._current.is_symlink() else None
        for name, target in (("current", generation.name), ("previous", old)):
            if target is None:
                continue
            link = self.root / f".{name}.tmp"
            with contextlib.suppress(FileNotFoundError):
                link.unlink()
            link.symlink_to(target)
            os.replace(link, self.root / name)
        _fsync_dir(self.root)
        keep = {generation.name, old}
        for stale in self.root.glob("gen-*"):
            if stale.name not in keep:
                shutil.rmtree(stale, ignore_errors=True)


class _Closed:
    """Stands in for an Oxigraph store whose write transaction has ended."""

    def __init__(self, spec: str):
        self.spec = spec

    def __getattr__(self, name: str) -> Any:
        raise StoreError(f"the write to store {self.spec} has ended; open the store again to read it")


class MemoryStore(Store):
    """rdflib's Memory store, optionally loaded from and saved to one RDF file."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self.spec = f"memory:{path}" if path is not None else "memory"
        self._graph: Graph | None = None
        if self.path is not None and self.path.suffix not in _FORMATS:
            raise StoreError(f"store {self.spec}: the file must end in {', '.join(_FORMATS)}")

    def exists(self) -> bool:
        return self._graph is not None if self.path is None else self.path.is_file()

    def _load(self) -> Graph:
        graph = new_graph("memory")
        if self.path is None:
            return graph
        fmt = _FORMATS[self.path.suffix]
        try:
            quads = ox.parse(path=str(self.path), format=fmt)
            graph.addN(
                (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
                for q in quads
                if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name.value == str(GRAPH_IRI)
            )
        except SyntaxError as exc:
            raise StoreError(f"store {self.spec} does not parse: {exc}") from None
        return graph

    def open(self) -> Graph:
        if self.path is None:
            if self._graph is None:
                self._graph = new_graph("memory")
            return self._graph
        if not self.path.is_file():
            raise StoreError(f"no graph in store {self.spec}: run `kg build --store {self.spec}` first")
        return self._load()

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        if self.path is None:
            graph = new_graph("memory") if replace or self._graph is None else self._graph
            txn = Transaction(graph)
            yield txn
            self._graph = graph
            return
        lock = self.path.with_name(f".{self.path.name}.lock")
        with _writer_lock(lock, self.spec):
            graph = self._load() if (not replace and self.path.is_file()) else new_graph("memory")
            txn = Transaction(graph)
            yield txn
            data = serialize_graph(graph, _FORMATS[self.path.suffix])
            write_atomic(self.path, data)


def serialize_graph(graph: Graph, fmt: ox.RdfFormat) -> bytes:
    """Serialise ``graph`` with Oxigraph's serialisers; quad formats name the graph ``urn:polkg:graph``."""
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        name = ox.NamedNode(str(GRAPH_IRI))
        items: Iterator[Any] = (ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in graph)
    else:
        items = (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(items, format=fmt, prefixes=prefixes)


def from_ox(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # a normal new file, not mkstemp's private 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_store(spec: str | Path | None = None) -> Store:
    """Return the store named by ``spec`` (see the module docs); ``None`` means ``$KG_STORE`` or ``.kg``.

    Examples
    --------
    >>> open_store("memory").spec, open_store("memory:graph.trig").spec, open_store("/tmp/x.kg").spec
    ('memory', 'memory:graph.trig', '/tmp/x.kg')
    """
    if spec is None:
        spec = os.environ.get("KG_STORE") or DEFAULT_STORE
    text = str(spec)
    if text == "memory":
        return MemoryStore()
    if text.startswith("memory:"):
        return MemoryStore(text[len("memory:"):])
    if text.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(text)  # type: ignore[return-value]
    if "://" in text:
        raise StoreError(f"store {text}: a store is a directory, memory:FILE, memory, or an http(s) SPARQL server")
    return OxigraphDirStore(text)

