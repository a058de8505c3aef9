"""Oxigraph: the graph in memory (:class:`OxigraphHandle`) or on disk in generations (:class:`OxigraphDirStore`).

A store directory holds immutable generations and a ``current`` symlink; a write builds a new generation
(a cheap hard-link backup of the current one when adding) and switches ``current`` with
:func:`os.replace`, so a failed or killed write leaves the previous store untouched. Writers hold
``PATH/.lock``; readers open the current generation read-only and never wait.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.files import fsync_dir, write_atomic
from kg.ontology.iris import GRAPH_IRI, PREFIXES
from kg.store.base import QueryResult, Transaction, Triple, add_triples, bind_prefixes
from kg.store.rdfio import PREFIXED, QUAD_FORMATS, from_ox, parse_error, rdf_format, to_ox, tsv_value
from kg.store.sparql import parse_query, unprojected, update_graph
from kg.store.terms import compact_ox

__all__ = ["OxigraphDirStore", "OxigraphHandle", "writer_lock"]

_GRAPH = ox.NamedNode(str(GRAPH_IRI))


class OxigraphHandle:
    """The graph ``urn:polkg:graph`` of one pyoxigraph store (in memory, or a generation on disk).

    Queries run on Oxigraph itself: rows become Python values without passing through rdflib terms.
    """

    def __init__(self, inner: ox.Store | None = None, *, spec: str = "oxigraph"):
        self.inner = inner if inner is not None else ox.Store()
        self.spec = spec
        self._graph = bind_prefixes(Graph(store=OxigraphStore(store=self.inner), identifier=GRAPH_IRI))

    @property
    def graph(self) -> Graph:
        return self._graph

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              origin: str = "<query>") -> QueryResult:
        try:
            result = self.inner.query(sparql, default_graph=_GRAPH, prefixes=PREFIXES,
                                      substitutions={ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()})
        except SyntaxError as exc:
            parse_query(sparql, origin)  # rdflib's parser words the error better, and recognises an UPDATE
            first = str(exc).splitlines()[0]
            raise QueryError(f"SPARQL syntax error: {first}", path=origin) from None
        except RuntimeError as exc:
            missing = re.search(r"variable \?(\w+) in its SELECT projection", str(exc))
            if missing:
                raise unprojected(missing.group(1)) from None
            raise QueryError(f"query failed: {exc}", path=origin) from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            graph.addN((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), graph) for t in result)
            return QueryResult("construct", graph=graph)
        columns = [v.value for v in result.variables]
        rows = [{c: compact_ox(solution[i]) for i, c in enumerate(columns)} for solution in result]
        return QueryResult("select", columns=columns, rows=rows)

    def update(self, sparql: str) -> None:
        update_graph(self._graph, sparql)

    def add(self, triples: Iterable[Triple]) -> None:
        add_triples(self._graph, triples)

    def load(self, source: Path | IO[bytes], fmt: str, *, name: str | Path | None = None,
             parse: bool = True) -> None:
        target = rdf_format(fmt)
        where = name if name is not None else (source if isinstance(source, Path) else None)
        try:
            if fmt in QUAD_FORMATS:
                quads = ox.parse(path=str(source), format=target) if isinstance(source, Path) else \
                    ox.parse(source, format=target)
                self.inner.bulk_extend(q if q.graph_name == _GRAPH else ox.Quad(q.subject, q.predicate, q.object,
                                                                                  _GRAPH) for q in quads)
            elif isinstance(source, Path):
                self.inner.bulk_load(path=str(source), format=target, to_graph=_GRAPH)
            else:
                self.inner.bulk_load(source, target, to_graph=_GRAPH)
        except SyntaxError as exc:
            raise parse_error(exc, fmt, path=where) from None

    def dump(self, fmt: str) -> bytes:
        target = rdf_format(fmt)
        prefixes = PREFIXES if fmt in PREFIXED else None
        if fmt in QUAD_FORMATS:
            data = self.inner.dump(format=target, prefixes=prefixes)
        else:
            data = self.inner.dump(format=target, from_graph=_GRAPH, prefixes=prefixes)
        assert data is not None  # dump returns the bytes when given no output
        return data

    def count(self) -> int:
        return len(self.inner)

    def scan(self, predicate: str, value: str | None = None) -> Iterator[tuple[str, str]]:
        # A query whose answer Oxigraph writes as TSV is read half again as fast as quads_for_pattern, which
        # builds three Python terms for every triple.
        where = f"?s <{ox.NamedNode(predicate).value}> {'<' + ox.NamedNode(value).value + '>' if value else '?o'}"
        result = self.inner.query(f"SELECT ?s ?o WHERE {{ {where} }}" if not value else
                                  f"SELECT ?s WHERE {{ {where} }}", default_graph=_GRAPH)
        assert isinstance(result, ox.QuerySolutions)
        text = result.serialize(format=ox.QueryResultsFormat.TSV)
        assert text is not None
        lines = text.decode("utf-8").split("\n")
        for line in lines[1:]:
            if not line:
                continue
            if value:
                yield tsv_value(line), value
            else:
                subject, _, obj = line.partition("\t")
                yield tsv_value(subject), tsv_value(obj)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store (for an upload to a server)."""
        return iter(self.inner.quads_for_pattern(None, None, None, None))

    def flush(self) -> None:
        """Write what is buffered to disk."""
        self.inner.flush()

    def close(self) -> None:
        """Let go of the store: RocksDB closes when its last reference goes, and this handle cannot be used
        again (its rdflib view raises a clear error)."""
        self._graph.store._store = _Closed(self.spec)  # type: ignore[attr-defined]
        self.inner = _Closed(self.spec)  # type: ignore[assignment]


class _Closed:
    """Stands in for an Oxigraph store whose handle was closed (a write transaction that has ended)."""

    def __init__(self, spec: str):
        self.spec = spec

    def __getattr__(self, name: str) -> Any:
        raise StoreError(f"the write to store {self.spec} has ended; open the store again to read it")

    def __len__(self) -> int:
        raise StoreError(f"the write to store {self.spec} has ended; open the store again to read it")


@contextlib.contextmanager
def writer_lock(lock_path: Path, spec: str) -> Iterator[None]:
    """Hold the writer lock of a store (waiting ``$KG_LOCK_TIMEOUT`` seconds, 30 by default, for another)."""
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


class OxigraphDirStore:
    """An Oxigraph store on disk, in generations switched atomically (see the module docs)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.spec = str(root)
        self._open: list[OxigraphHandle] = []

    @property
    def _current(self) -> Path:
        return self.root / "current"

    def exists(self) -> bool:
        return (self._current / "oxigraph").is_dir()

    def check(self) -> None:
        """Raise a clear :class:`StoreError` unless this is a store directory holding a graph."""
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"store {self.spec} is a file, not a store directory; to read an RDF file "
                             f"use --store memory:{self.spec}")
        if not self.exists():
            if self.root.is_dir() and any(self.root.iterdir()) and not (self.root / ".lock").exists():
                raise StoreError(f"{self.spec} is not a polkg store (no 'current' generation in it)")
            raise StoreError(f"no graph in store {self.spec}: run `kg build` first (or pass --store)")

    def location(self) -> Path:
        """The RocksDB directory of the current generation (what a read-only server opens)."""
        self.check()
        return self._current.resolve() / "oxigraph"

    def open(self) -> OxigraphHandle:
        # The generation itself, not the `current` link: RocksDB opens its files lazily, by path, and a
        # writer may switch `current` to a new generation while this reader runs.
        location = self.location()
        try:
            inner = ox.Store.read_only(str(location))
        except OSError as exc:
            raise StoreError(f"cannot open store {self.spec}: {exc}") from None
        handle = OxigraphHandle(inner, spec=self.spec)
        self._open.append(handle)
        return handle

    def close(self) -> None:
        self._open.clear()

    def manifest(self) -> dict[str, Any]:
        path = self._current / "manifest.json"
        if not path.exists():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    def count(self) -> int:
        if not self.exists():
            return 0
        recorded = self.manifest().get("triples")
        if isinstance(recorded, int):
            return recorded
        return len(ox.Store.read_only(str(self.location())))

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        if self.root.exists() and not self.root.is_dir():
            self.check()
        with writer_lock(self.root / ".lock", self.spec):
            generation = self.root / f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
            generation.mkdir()
            try:
                if not replace and self.exists():
                    ox.Store.read_only(str(self.location())).backup(str(generation / "oxigraph"))
                handle = OxigraphHandle(ox.Store(str(generation / "oxigraph")), spec=self.spec)
                txn = Transaction(handle, folder=generation)
                yield txn
                handle.flush()
                txn.manifest.setdefault("triples", handle.count())
                write_atomic(generation / "manifest.json", json.dumps(txn.manifest, indent=2, sort_keys=True))
                # RocksDB closes when its last reference goes; it must be closed before readers open
                # the generation, or its background compactions delete files they are about to read.
                handle.close()
                del handle
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            self._switch(generation)

    def backup(self, target: str | Path) -> OxigraphDirStore:
        """A new store directory at ``target`` holding a hard-link checkpoint of the current generation."""
        self.check()
        copy = OxigraphDirStore(target)
        if copy.root.exists() and any(copy.root.iterdir()):
            raise StoreError(f"cannot back up {self.spec} to {target}: it exists and is not empty")
        copy.root.mkdir(parents=True, exist_ok=True)
        generation = copy.root / f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        generation.mkdir()
        ox.Store.read_only(str(self.location())).backup(str(generation / "oxigraph"))
        write_atomic(generation / "manifest.json", json.dumps(self.manifest() | {"backup_of": self.spec},
                                                               indent=2, sort_keys=True))
        copy._switch(generation)
        return copy

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
        fsync_dir(self.root)
        keep = {generation.name, old}
        for stale in self.root.glob("gen-*"):
            if stale.name not in keep:
                shutil.rmtree(stale, ignore_errors=True)

