"""Build a store from curated files: read, validate, resolve, write atomically.

Examples
--------
>>> report = build(store="memory")                    # the bundled Belarus 2020 data
>>> report.statements >= 25 and report.actors >= 20
True
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.curated.evidence import attach_evidence
from kg.errors import InputError
from kg.extract.ingest import IngestReport, ingest
from kg.graph import KnowledgeGraph
from kg.ontology import load_ontology
from kg.resources import bundled_path
from kg.store import new_handle, open_store

__all__ = ["BuildReport", "build", "build_graph", "load_inputs", "populate", "source_folders"]


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    store: str
    files: tuple[str, ...]
    actors: int
    things: int
    sources: int
    statements: int
    triples: int
    evidence_attached: int
    sources_without_text: tuple[str, ...]
    seconds: float
    ingest: IngestReport | None = None


def source_folders(extra: Sequence[str | Path] = ()) -> list[Path]:
    """Folders searched for source texts: those given, ``$KG_SOURCES`` (``:``-separated), bundled articles."""
    folders = [Path(f) for f in extra]
    folders += [Path(f) for f in os.environ.get("KG_SOURCES", "").split(os.pathsep) if f]
    bundled = bundled_path("data")
    if (bundled / "articles").is_dir():
        folders.append(bundled / "articles")
    return folders


def load_inputs(paths: Sequence[str | Path] = (), *, registry: bool = True) -> CuratedData:
    """Read the curated inputs of a build: the bundled data, or ``paths`` plus the bundled registry.

    Parameters
    ----------
    paths : sequence of path
        Curated files or folders. Empty means the bundled data (registry and statements).
    registry : bool
        With ``paths``, also read the bundled actor and source registry (so statements can name
        Lukashenko without redefining him).
    """
    inputs: list[str | Path] = list(bundled_inputs(statements=not paths) if (registry or not paths) else [])
    inputs += list(paths)
    return load_curated(inputs)


def populate(kg: KnowledgeGraph, data: CuratedData) -> None:
    """Write the ontology and everything in ``data`` into ``kg``."""
    kg.add_ontology()
    for actor in data.actors.values():
        kg.add_actor(actor)
    for thing in data.things.values():
        kg.add_thing(thing)
    for source in data.sources.values():
        kg.add_source(source)
    kg.add_all(data.statements)


def build_graph(paths: Sequence[str | Path] = (), *, sources: Sequence[str | Path] = (), registry: bool = True,
                backend: str = "oxigraph") -> KnowledgeGraph:
    """Build a graph in memory from curated files (the bundled data by default), for notebooks and tests.

    Parameters
    ----------
    paths, sources, registry
        As for :func:`build`.
    backend : {"oxigraph", "memory"}
        Oxigraph in memory, or rdflib's Memory store.

    Returns
    -------
    KnowledgeGraph
    """
    data = load_inputs(paths, registry=registry)
    attach_evidence(data, source_folders(sources))
    kg = KnowledgeGraph(new_handle(backend))
    populate(kg, data)
    return kg


def build(paths: Sequence[str | Path] = (), *, store: str | Path | None = None,
          sources: Sequence[str | Path] = (), registry: bool = True, check: bool = True,
          texts: Sequence[str | Path] = (), text_options: dict[str, Any] | None = None) -> BuildReport:
    """Build a graph from curated files into ``store``, replacing what it held, atomically.

    Parameters
    ----------
    paths : sequence of path
        Curated files or folders; empty builds the bundled data.
    store : str or Path, optional
        A store spec (see :mod:`kg.store`); ``$KG_STORE`` or ``.kg`` by default.
    sources : sequence of path
        Folders holding source texts; evidence sentences are attached for the texts found.
    registry : bool
        Also read the bundled actor and source registry when ``paths`` are given.
    check : bool
        Check the new graph against the SHACL shapes before it replaces the store.
    texts : sequence of path
        News texts (files, folders, JSONL corpora, ``"-"``) to extract statements from and add to the
        graph, with their new actors and sources.
    text_options : dict, optional
        Keyword arguments for :func:`kg.extract.ingest.ingest` (``published``, ``strict``, ``processes``,
        ``merges``, ``min_confidence``, ``on_document``, ``on_problem``).

    Returns
    -------
    BuildReport

    Raises
    ------
    InputError
        If any input is invalid or the graph violates a shape; the store is then left as it was.
    StoreError
        If the store is locked by another writer or cannot be written.
    """
    started = time.perf_counter()
    data = load_inputs(paths, registry=registry)
    evidence = attach_evidence(data, source_folders(sources))
    extracted = ingest(data, texts, **(text_options or {})) if texts else None
    target = open_store(store)
    with target.transaction(replace=True) as txn:
        kg = KnowledgeGraph(txn.handle, ontology=load_ontology())
        populate(kg, data)
        if check:
            _check(kg)
        triples = len(kg)
        seconds = time.perf_counter() - started
        txn.manifest.update({
            "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(seconds, 3),
            "polkg": _version("polkg"),
            "rdflib": _version("rdflib"),
            "pyoxigraph": _version("pyoxigraph"),
            "python": platform.python_version(),
            "files": data.files,
            "actors": len(data.actors),
            "things": len(data.things),
            "sources": len(data.sources),
            "statements": len(data.statements),
            "evidence_attached": evidence.attached,
            "triples": triples,
        })
        if extracted is not None:
            txn.manifest["texts"] = {"paths": [str(p) for p in texts], "documents": extracted.documents,
                                     "statements": extracted.statements, "new_actors": extracted.new_actors,
                                     "skipped": len(extracted.problems),
                                     "merges": str((text_options or {}).get("merges") or "") or None}
    return BuildReport(target.spec, tuple(data.files), len(data.actors), len(data.things), len(data.sources),
                       len(data.statements), triples, evidence.attached, evidence.missing,
                       time.perf_counter() - started, extracted)


def _check(kg: KnowledgeGraph) -> None:
    from kg.validate import validate

    violations = validate(kg)
    if violations:
        first = violations[0]
        more = f" (and {len(violations) - 1} more problems)" if len(violations) > 1 else ""
        origin = first.origins[0] if first.origins else None
        path, _, line = origin.rpartition(":") if origin else ("", "", "")
        raise InputError(f"the graph would violate a shape: {first.line(origins=False)}{more}", path=path or None,
                         line=int(line) if line.isdigit() else None)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"
