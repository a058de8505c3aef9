"""Bulk loading of RDF files (N-Triples, N-Quads, Turtle, TriG, gzip-compressed or not) into any store.

Files stream through the store's bulk loader inside one transaction (see :mod:`kg.store`): into a new
generation of an Oxigraph store on disk (memory does not grow with the file), into a copy of a Memory
store, or to a SPARQL server in N-Triples batches applied all at once at the end. A failure, a syntax error
or a kill leaves the previous graph as it was. Triples land in the graph ``urn:polkg:graph``; quads in
other named graphs are moved there too, since every query reads that graph.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from kg.errors import InputError
from kg.resources import ontology_files
from kg.store import open_store
from kg.store.base import Handle
from kg.store.rdfio import LOAD_FORMATS, load_format

__all__ = ["LOAD_FORMATS", "LoadReport", "add_ontology", "load_file", "load_files"]


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


def add_ontology(handle: Handle, paths: Iterable[Path] | None = None) -> None:
    """Load the ontology's files (classes, relations with their families, CAMEO and PLOVER schemes) into
    ``handle``, as queries expect."""
    for path in paths or ontology_files():
        handle.load(path, "turtle")


def load_file(handle: Handle, path: Path) -> None:
    """Bulk-load one RDF file (its format by suffix, ``.gz`` read compressed) into ``handle``.

    Raises
    ------
    InputError
        If the type is unknown, the file cannot be read or it is not valid RDF (naming file and line).
    """
    fmt, compressed = load_format(path)
    try:
        with cast(IO[bytes], gzip.open(path, "rb") if compressed else path.open("rb")) as stream:
            handle.load(stream, fmt, name=path)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read: {exc}", path=path) from None


def load_files(paths: Sequence[str | Path], *, store: str | Path | None = None, replace: bool = False,
               ontology: bool = True, on_file: Callable[[Path, int], None] | None = None) -> LoadReport:
    """Bulk-load RDF files into a store, atomically.

    Parameters
    ----------
    paths : sequence of path
        N-Triples, N-Quads, Turtle or TriG files, by suffix; ``.gz`` files are read compressed.
    store : path or URL, optional
        The store (default ``.kg`` or ``$KG_STORE``).
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
        If the store cannot be written, or is locked by another writer.
    """
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InputError("no such file", path=path)
        load_format(path)
    target = open_store(store)
    report = LoadReport(store=target.spec)
    started = time.perf_counter()
    fresh = replace or not target.exists()
    report.before = 0 if fresh else target.count()
    with target.transaction(replace=replace) as txn:
        if fresh and ontology:
            add_ontology(txn.handle)
        for path in files:
            load_file(txn.handle, path)
            report.add(path, on_file)
        txn.manifest.update({"loaded": [str(p) for p in files],
                             "loaded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
    report.triples = target.count()
    report.seconds = time.perf_counter() - started
    return report
