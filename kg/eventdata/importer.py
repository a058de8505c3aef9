"""Event data imported in bulk: rows of GDELT, ICEWS and PLOVER files (:mod:`kg.eventdata.files`) as statements.

:func:`import_events` maps rows to our model:

- the CAMEO code chooses the relation: the ontology's relation carrying that code, else the one
  carrying its nearest parent code (``0431`` -> ``043`` -> ``04``); the exact code stays on the event,
  so its Goldstein score and quad class are the dataset's;
- actors are found by exact lookup only (:mod:`kg.eventdata.actors`);
- the source URL (GDELT) or story (ICEWS) becomes the source document; the same event found in several
  documents is one event with several attestations;
- files are converted to N-Triples by worker processes while this process bulk-loads them in file
  order into a new generation of the store (see :mod:`kg.store`), so a failure or a kill leaves the
  previous store as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError, UnknownTerm
from kg.eventdata.actors import ActorLookup
from kg.eventdata.files import (
    FORMATS,
    READERS,
    BadRow,
    Mention,
    Row,
    is_mentions,
    read_gdelt_mentions,
    relation_for_cameo,
)
from kg.names import slug

__all__ = ["ImportReport", "import_events"]


@dataclass
class ImportReport:
    """What an import did: rows read, events and attestations added, rows skipped by reason."""

    store: str
    files: int = 0
    rows: int = 0
    imported: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    new_actors: int = 0
    sources: int = 0
    mentions: int = 0
    triples_before: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def triples_per_row(self) -> float:
        return (self.triples - self.triples_before) / self.imported if self.imported else 0.0


def _source(row: Row, dataset: str) -> Any:
    from kg.model import Source

    if row.url:
        ident = f"{dataset}-" + hashlib.sha1(row.url.encode("utf-8")).hexdigest()[:16]
        return Source(ident, row.url, published=row.added, url=row.url, kind="Article")
    story = row.story or row.id
    return Source(f"{dataset}-story-{slug(story)}", row.title or f"{dataset.upper()} story {story}",
                  published=row.added, publisher=row.publisher, kind="Article")


def _ntriples(triples: Iterable[tuple[Any, Any, Any]]) -> bytes:
    """N-Triples text of rdflib triples (IRIs and literals only), for Oxigraph's bulk loader: formatting text
    is several times faster than building a pyoxigraph term for every node. String escapes are JSON's,
    which N-Triples shares (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``)."""
    from rdflib import Literal, URIRef

    dumps = json.dumps
    lines = []
    for s, p, o in triples:
        if type(o) is URIRef or isinstance(o, URIRef):
            obj = f"<{o}>"
        elif isinstance(o, Literal):
            value = str(o)
            # N-Triples strings need escapes only for '"', '\\', LF and CR
            text = dumps(value, ensure_ascii=False) if ('"' in value or "\\" in value or "\n" in value
                                                        or "\r" in value) else f'"{value}"'
            language, datatype = o.language, o.datatype
            obj = f"{text}@{language}" if language else f"{text}^^<{datatype}>" if datatype else text
        else:
            raise TypeError(f"cannot write {o!r} as N-Triples")
        lines.append(f"<{s}> <{p}> {obj} .\n")
    return "".join(lines).encode("utf-8")


def _mention_triples(mention: Mention, statement: Any, iri_of: Any, ontology: Any) -> tuple[Any, list[Any]]:
    """The mentioning document, and an attestation of the statement's event by it: the span from the first to
    the last of the actor and action offsets, GDELT's confidence, and the sentence number in the note."""
    from dataclasses import replace as with_

    from kg.graph import statement_triples
    from kg.model import Evidence, Source

    ident = "gdelt-" + hashlib.sha1(mention.url.encode("utf-8")).hexdigest()[:16]
    source = Source(ident, mention.url, url=mention.url if "://" in mention.url else None,
                    publisher=mention.source_name or None, kind="Article")
    span = Evidence(min(mention.offsets), max(mention.offsets) + 1) if mention.offsets else None
    attested = with_(statement, source=ident, evidence=span, method="gdelt-mention",
                     confidence=max(0.0, min(1.0, mention.confidence / 100)),
                     note=f"GDELT mention: sentence {mention.sentence}")
    return source, statement_triples(attested, iri_of=iri_of, ontology=ontology)


@dataclass
class _Converted:
    """One input file turned into N-Triples (written to ``output``), with what was counted on the way."""

    path: Path
    output: Path
    triples: int = 0
    rows: int = 0
    imported: int = 0
    mentions: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)
    #: N-Triples of the sources first described in this file, keyed by ("row" or "mention", id): the importer
    #: writes the first description of each in file order, as one process would
    sources: dict[tuple[str, str], bytes] = field(default_factory=dict)
    error: tuple[str, int | None] | None = None


class _Converter:
    """Rows of event files to N-Triples files, one input file at a time, in this process or a worker.

    New actors are named by their folded label alone (see :meth:`ActorLookup.find`), so workers converting
    different files give a new actor the same IRI; the importer keeps the first description of each."""

    def __init__(self, dataset: str, actors: ActorLookup, ontology: Any, mentions: dict[str, list[Mention]],
                 strict: bool, folder: Path):
        from kg.ontology import ACTOR, NODE

        self.dataset, self.actors, self.ontology, self.mentions = dataset, actors, ontology, mentions
        self.strict, self.folder = strict, folder
        # sources seen as event rows and as mentioning documents are described apart, so a document that is
        # both gets both descriptions whatever order the files come in
        self.seen: set[tuple[str, str]] = set()
        iris: dict[str, Any] = {}

        def iri_of(ident: str) -> Any:
            iri = iris.get(ident)
            if iri is None:
                iri = iris[ident] = NODE[ident] if ident in actors.things else ACTOR[ident]
            return iri

        self.iri_of = iri_of

    def __call__(self, task: tuple[int, Path]) -> _Converted:
        index, path = task
        done = _Converted(path, self.folder / f"{index:06d}.nt")
        known = len(self.actors.new)
        try:
            with done.output.open("wb") as out:
                self._convert(path, done, out)
        except InputError as exc:
            done.error = (exc.message, exc.line)
        done.new = dict(itertools.islice(self.actors.new.items(), known, None))
        return done

    def _convert(self, path: Path, done: _Converted, out: IO[bytes]) -> None:
        from kg.dates import EventDate
        from kg.graph import source_triples, statement_triples
        from kg.model import Evidence, Statement

        dataset, actors, ontology = self.dataset, self.actors, self.ontology
        method = f"{dataset}-import"
        pending: list[Any] = []
        for item in READERS[dataset](path):
            done.rows += 1
            if isinstance(item, BadRow):
                if self.strict:
                    raise InputError(item.reason, path=path, line=item.line)
                reason = item.reason.split(" '")[0]
                done.skipped[reason] = done.skipped.get(reason, 0) + 1
                continue
            try:
                relation = item.relation or relation_for_cameo(item.cameo)
                if item.cameo:
                    ontology.cameo_code(item.cameo)
            except (UnknownTerm, KeyError):
                if self.strict:
                    raise InputError(f"unknown CAMEO code {item.cameo!r}", path=path, line=item.line) from None
                done.skipped["unknown CAMEO code"] = done.skipped.get("unknown CAMEO code", 0) + 1
                continue
            subjects = tuple(dict.fromkeys(actors.find(p, dataset) for p in item.sources or (item.source,)))
            objects = tuple(dict.fromkeys(actors.find(p, dataset) for p in item.targets or
                                          ((item.target,) if item.target else ())))
            place = actors.find(item.place, dataset) if item.place else None
            source = _source(item, dataset)
            if ("row", source.id) not in self.seen:
                self.seen.add(("row", source.id))
                done.sources[("row", source.id)] = _ntriples(source_triples(source))
            statement = Statement(subjects, relation, objects, source=source.id,
                                  date=EventDate(item.date, item.end if item.end != item.date else None,
                                                 item.precision) if item.date else None,
                                  cameo=item.cameo or None, place=place, method=method, status=item.status,
                                  polarity=item.polarity, modality=item.modality,
                                  evidence=Evidence(*item.span) if item.span else None,
                                  note=f"{dataset.upper()} event {item.id}")
            pending.extend(statement_triples(statement, iri_of=self.iri_of, ontology=ontology))
            for mention in self.mentions.get(item.id, ()):
                document, triples = _mention_triples(mention, statement, self.iri_of, ontology)
                pending.extend(triples)
                if ("mention", document.id) not in self.seen:
                    self.seen.add(("mention", document.id))
                    done.sources[("mention", document.id)] = _ntriples(source_triples(document))
                done.mentions += 1
            done.imported += 1
            if len(pending) >= 50_000:
                out.write(_ntriples(pending))
                done.triples += len(pending)
                pending.clear()
        out.write(_ntriples(pending))
        done.triples += len(pending)


#: The converter a worker process uses: set before the pool forks, so workers inherit it.
_WORKER: _Converter | None = None


def _convert_in_worker(task: tuple[int, Path]) -> _Converted:
    assert _WORKER is not None
    return _WORKER(task)


def _usable_cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def import_events(dataset: str, paths: Sequence[str | Path], *, store: str | Path | None = None,
                  strict: bool = False, batch: int = 2_000_000, processes: int | None = None,
                  on_rows: Callable[[Path, int], None] | None = None) -> ImportReport:
    """Import GDELT, ICEWS or PLOVER event files into an Oxigraph store on disk or a SPARQL server, atomically.

    Files are converted to N-Triples by worker processes (one file at a time each) while this process
    bulk-loads what they wrote, in the order of the files.

    Parameters
    ----------
    dataset : {"gdelt", "icews", "plover"}
        The layout of the files (GDELT 1.0 or 2.0 is told by the number of columns).
    paths : sequence of path
        Files, plain or gzip-compressed (``.gz``).
    store : path or URL, optional
        The store (default ``.kg``); a store that does not exist yet starts with the ontology and the
        bundled actor registry.
    strict : bool
        Stop at the first bad row (naming file and line) instead of counting and skipping it.
    batch : int
        Triples gathered before they are written.
    processes : int, optional
        Worker processes converting files (default: the usable CPUs, at most 4; 1 converts here).
    on_rows : callable, optional
        Called with each file and its number of rows once it is converted.

    Returns
    -------
    ImportReport

    Raises
    ------
    InputError
        If a file is missing, or (with ``strict``) a row is bad; the store is left as it was.
    """
    import multiprocessing
    import shutil
    import tempfile

    from kg.graph import KnowledgeGraph, actor_triples, thing_triples
    from kg.model import Actor
    from kg.store import open_store

    global _WORKER
    if dataset not in READERS:
        raise InputError(f"unknown event data {dataset!r} (known: {', '.join(FORMATS)})")
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InputError("no such file", path=path)
    mentions: dict[str, list[Mention]] = {}
    if dataset == "gdelt":
        mention_files = [p for p in files if is_mentions(p)]
        files = [p for p in files if p not in mention_files]
        for path in mention_files:
            for item in read_gdelt_mentions(path):
                if isinstance(item, BadRow):
                    if strict:
                        raise InputError(item.reason, path=path, line=item.line)
                    continue
                mentions.setdefault(item.event, []).append(item)
    target = open_store(store)
    workers = min(processes or min(4, _usable_cpus()), len(files))
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1  # workers inherit the converter by forking
    report = ImportReport(store=target.spec)
    started = time.perf_counter()
    fresh = not target.exists()

    with contextlib.ExitStack() as stack:
        txn = stack.enter_context(target.transaction(replace=False))
        kg = KnowledgeGraph(txn.handle)
        if fresh:  # a new graph starts with the ontology and the bundled actor registry
            from kg.curated import bundled_inputs, load_curated

            start = KnowledgeGraph()
            start.add_ontology()
            for actor in load_curated(bundled_inputs(statements=False)).actors.values():
                start.add_actor(actor)
            txn.handle.load(io.BytesIO(start.handle.dump("nquads")), "nquads")
            report.triples_before = len(start)
            actors = ActorLookup(start.handle)
        else:
            report.triples_before = target.count()
            actors = ActorLookup(txn.handle)
        # converted files wait in the new generation when there is one, so a killed import leaves no
        # scratch behind (the next write removes stale generations)
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-import-", dir=txn.folder)))
        converter = _Converter(dataset, actors, kg.ontology, mentions, strict, folder)
        tasks = list(enumerate(files))
        if workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            _WORKER = converter  # inherited by the forked workers
            stack.callback(globals().__setitem__, "_WORKER", None)
            # an executor, not a Pool: a worker that dies (out of memory, a signal) fails the import
            # (BrokenProcessPool) instead of leaving it waiting for ever
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)  # on an error: only running files
            results: Iterable[_Converted] = pool.map(_convert_in_worker, tasks)
        else:
            results = map(converter, tasks)

        def write(outputs: list[Path]) -> None:
            if not outputs:
                return
            joined = outputs[0] if len(outputs) == 1 else folder / "batch.nt"  # one bulk load a batch
            if len(outputs) > 1:
                with joined.open("wb") as out:
                    for part in outputs:
                        with part.open("rb") as chunk:
                            shutil.copyfileobj(chunk, out, 1 << 20)
            txn.handle.load(joined, "nt", parse=False)
            for part in {*outputs, joined}:
                part.unlink()

        new: dict[str, Any] = {}
        written: set[tuple[str, str]] = set()
        waiting: list[Path] = []
        waiting_triples = 0
        for done in results:
            if done.error is not None:
                raise InputError(done.error[0], path=done.path, line=done.error[1])
            report.files += 1
            report.rows += done.rows
            report.imported += done.imported
            report.mentions += done.mentions
            for reason, count in done.skipped.items():
                report.skipped[reason] = report.skipped.get(reason, 0) + count
            for ident, actor in done.new.items():
                new.setdefault(ident, actor)
            described = [(key, text) for key, text in done.sources.items() if key not in written]
            if described:
                written.update(key for key, _ in described)
                extra = done.output.with_suffix(".sources.nt")
                extra.write_bytes(b"".join(text for _, text in described))
                waiting.append(extra)
            waiting.append(done.output)
            waiting_triples += done.triples
            if on_rows is not None:
                on_rows(done.path, done.rows)
            if waiting_triples >= batch:
                write(waiting)
                waiting, waiting_triples = [], 0
        write(waiting)
        report.new_actors = sum(isinstance(entity, Actor) for entity in new.values())
        report.sources = len({ident for _, ident in written})  # a document both source and mention once
        actors_file = folder / "actors.nt"
        actors_file.write_bytes(_ntriples(t for entity in new.values() for t in
                                          (actor_triples(entity) if isinstance(entity, Actor) else
                                           thing_triples(entity))))
        write([actors_file])
        txn.manifest.update({"imported": [str(p) for p in files], "dataset": dataset})
    report.triples = target.count()
    report.seconds = time.perf_counter() - started
    return report

