"""Bulk loading of RDF files (N-Triples, N-Quads, Turtle, TriG, gzip-compressed or not) into a store.

Files stream through Oxigraph's bulk loader into a new generation of the store (see :mod:`kg.store`),
so memory does not grow with the file and a failure, a syntax error or a kill leaves the previous store
as it was. Triples land in the graph ``urn:polkg:graph``; quads in other named graphs are moved there too,
since every query reads that graph.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.nt").write_text('<https://e.org/a> <https://e.org/p> "x" .\\n')
>>> report = load_files([folder / "a.nt"], store=folder / "kg", ontology=False)
>>> report.files, report.triples
(1, 1)
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.ontology import GRAPH_IRI

__all__ = ["LOAD_FORMATS", "LoadReport", "load_files", "rdf_format"]

#: File suffixes (before any ``.gz``) and the format each holds.
LOAD_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ntriples": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                ".nquads": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE,
                ".trig": ox.RdfFormat.TRIG}
_QUAD_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)


@dataclass
class LoadReport:
    """What a load did."""

    store: str
    files: int = 0
    bytes: int = 0
    triples: int = 0
    before: int = 0
    seconds: float = 0.0
    per_file: list[dict[str, Any]] = field(default_factory=list)

    def add(self, path: Path, on_file: Callable[[Path, int], None] | None) -> None:
        """Count a loaded file and tell ``on_file``."""
        size = path.stat().st_size
        self.files += 1
        self.bytes += size
        self.per_file.append({"file": str(path), "bytes": size})
        if on_file is not None:
            on_file(path, size)


def rdf_format(path: Path) -> tuple[ox.RdfFormat, bool]:
    """The RDF format of ``path`` by its suffix, and whether it is gzip-compressed.

    Raises
    ------
    InputError
        If the suffix is not one of :data:`LOAD_FORMATS` (optionally followed by ``.gz``).
    """
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    if suffix not in LOAD_FORMATS:
        raise InputError(f"unknown RDF file type {suffix or '(no suffix)'!r}: use one of "
                         f"{', '.join(sorted(LOAD_FORMATS))}, optionally gzip-compressed (.gz)", path=path)
    return LOAD_FORMATS[suffix], compressed


def _open(path: Path, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _into_our_graph(quads: Iterator[ox.Quad], graph: ox.NamedNode) -> Iterator[ox.Quad]:
    for quad in quads:
        yield quad if quad.graph_name == graph else ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def _load_one(path: Path, consume: Callable[[IO[bytes], ox.RdfFormat], Any]) -> None:
    """Open ``path`` (decompressing ``.gz``) and hand the stream and its format to ``consume``; syntax and
    read errors become InputErrors naming the file (and line)."""
    fmt, compressed = rdf_format(path)
    with _open(path, compressed) as stream:
        try:
            consume(stream, fmt)
        except SyntaxError as exc:
            message = str(exc).splitlines()[0]
            raise InputError(f"not valid {fmt.name}: {message}", path=path, line=getattr(exc, "lineno", None)) \
                from None
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"cannot read: {exc}", path=path) from None


def load_files(paths: Sequence[str | Path], *, store: str | Path | None = None, replace: bool = False,
               ontology: bool = True, on_file: Callable[[Path, int], None] | None = None) -> LoadReport:
    """Bulk-load RDF files into an Oxigraph store on disk, atomically.

    Parameters
    ----------
    paths : sequence of path
        N-Triples, N-Quads, Turtle or TriG files, by suffix; ``.gz`` files are read compressed.
    store : path, optional
        The store (default ``.kg`` or ``$KG_STORE``); it must be an Oxigraph store directory.
    replace : bool
        Start from an empty store instead of adding to the current graph.
    ontology : bool
        Load the ontology too when the store starts empty (queries need it).
    on_file : callable, optional
        Called with each file's path and size once it is loaded.

    Returns
    -------
    LoadReport

    Raises
    ------
    InputError
        If a file is missing, of an unknown type or not valid RDF (naming the file and line); nothing
        is changed then.
    StoreError
        If the store is not an Oxigraph store directory, or is locked by another writer.
    """
    from kg.graph import KnowledgeGraph
    from kg.store import OxigraphDirStore, open_store
    from kg.store.remote import RemoteStore

    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InputError("no such file", path=path)
        rdf_format(path)
    target = open_store(store)
    if isinstance(target, RemoteStore):
        return _load_remote(files, target, replace=replace, ontology=ontology, on_file=on_file)
    if not isinstance(target, OxigraphDirStore):
        raise StoreError(f"kg load writes Oxigraph stores on disk or SPARQL servers; {target.spec} is neither "
                         "(use kg build, or export and re-import)")
    report = LoadReport(store=target.spec)
    started = time.perf_counter()
    fresh = replace or not target.exists()
    with target.transaction(replace=replace) as txn:
        inner = txn.graph.store._inner  # type: ignore[attr-defined]
        report.before = 0 if fresh else len(inner)
        if fresh and ontology:
            KnowledgeGraph(txn.graph).add_ontology()
        graph = ox.NamedNode(str(GRAPH_IRI))

        def bulk(stream: IO[bytes], fmt: ox.RdfFormat) -> None:
            if fmt in _QUAD_FORMATS:
                inner.bulk_extend(_into_our_graph(ox.parse(stream, fmt), graph))
            else:
                inner.bulk_load(stream, fmt, to_graph=graph)

        for path in files:
            _load_one(path, bulk)
            report.add(path, on_file)
        report.triples = len(inner)
        txn.manifest.update({"loaded": [str(p) for p in files], "triples": report.triples,
                             "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
    report.seconds = time.perf_counter() - started
    return report


def _load_remote(files: list[Path], target: Any, *, replace: bool, ontology: bool,
                 on_file: Callable[[Path, int], None] | None) -> LoadReport:
    """Stream files to a SPARQL server: parsed here (so errors name file and line), sent in N-Triples
    batches through :meth:`kg.store.remote.RemoteStore.appending`, which applies them all or none."""
    from kg.graph import KnowledgeGraph
    from kg.store import new_graph
    from kg.store.remote import post_graph, post_triples

    report = LoadReport(store=target.spec)
    started = time.perf_counter()
    fresh = replace or not target.exists()
    report.before = 0 if fresh else target.count()
    with target.appending(replace=replace) as post:
        if fresh and ontology:
            graph = new_graph("oxigraph")
            KnowledgeGraph(graph).add_ontology()
            post_graph(post, graph)
        for path in files:
            _load_one(path, lambda stream, fmt: post_triples(post, ox.parse(stream, fmt)))
            report.add(path, on_file)
    report.triples = target.count()
    report.seconds = time.perf_counter() - started
    return report
