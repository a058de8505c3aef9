"""News text into statements: read a corpus, extract, and collect the new actors, sources and merges.

This is the library face of ``kg extract`` and ``kg build --text``: one function streams documents
through the extractor and reports what it skipped, so both commands read, warn and fail the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kg.curated import CuratedData
from kg.extract.inputs import Document, Problem, read_documents
from kg.extract.report import CorpusReport
from kg.extract.types import Extracted
from kg.model import Statement

if TYPE_CHECKING:
    from rdflib import URIRef

    from kg.evaluate import GoldRecord
    from kg.extract.extractor import Extractor

__all__ = ["IngestReport", "covered", "extract_stream", "ingest", "once"]


@dataclass
class IngestReport:
    """What reading a corpus into statements did."""

    documents: int = 0
    words: int = 0
    statements: int = 0
    new_actors: int = 0
    #: actors of the world registry (countries, cities, institutions, IGOs) the statements refer to
    world_actors: int = 0
    new_sources: int = 0
    proposed_merges: int = 0
    problems: list[Problem] = field(default_factory=list)
    merges_file: Path | None = None
    seconds: float = 0.0
    corpus: CorpusReport = field(default_factory=CorpusReport)


def extract_stream(extractor: Extractor, paths: Sequence[str | Path], *, published: date | None = None,
                   strict: bool = False, processes: int = 1, problems: list[Problem] | None = None,
                   on_problem: Callable[[Problem], None] | None = None, stdin: TextIO | None = None,
                   ) -> Iterator[tuple[Document, list[Extracted]]]:
    """Read ``paths`` and yield each document with what ``extractor`` found in it, in input order.

    Documents that cannot be read are appended to ``problems`` and passed to ``on_problem`` as they are
    met (or, with ``strict``, stop the run with :class:`~kg.errors.InputError`).
    """
    problems = problems if problems is not None else []

    def documents() -> Iterable[Document]:
        seen = len(problems)
        for document in read_documents(paths, published=published, strict=strict, problems=problems,
                                       stdin=stdin):
            seen = _report(problems, seen, on_problem)
            yield document
        _report(problems, seen, on_problem)

    yield from extractor.extract(documents(), processes=processes)


def _report(problems: list[Problem], seen: int, on_problem: Callable[[Problem], None] | None) -> int:
    if on_problem is not None:
        for problem in problems[seen:]:
            on_problem(problem)
    return len(problems)


def ingest(data: CuratedData, paths: Sequence[str | Path], *, published: date | None = None, strict: bool = False,
           processes: int = 1, merges: str | Path | None = None, min_confidence: float = 0.0,
           on_document: Callable[[Document, int], None] | None = None,
           on_problem: Callable[[Problem], None] | None = None, stdin: TextIO | None = None) -> IngestReport:
    """Extract statements from the news texts at ``paths`` and add them, with new actors and sources, to ``data``.

    Parameters
    ----------
    data : CuratedData
        The registry (and curated statements) to resolve against; extended in place.
    paths : sequence of path
        Text, HTML and JSONL files, folders, or ``"-"`` (see :func:`kg.extract.inputs.read_documents`).
    published : date, optional
        Publication date of documents that carry none.
    strict : bool
        Stop at the first unreadable document instead of skipping it.
    processes : int
        Parser processes.
    merges : path, optional
        The merges file: decisions are read from it and new proposals appended (see :mod:`kg.resolve`).
    min_confidence : float
        Drop statements whose rule is less precise than this.
    on_document, on_problem : callable, optional
        Called with each document (and its statement count) and each skipped document, as they come.

    Returns
    -------
    IngestReport
    """
    from kg.extract.extractor import Extractor
    from kg.resolve import Resolver

    started = time.perf_counter()
    resolver = Resolver(data, merges=merges)
    extractor = Extractor(data, resolver=resolver)
    report = IngestReport()
    attested: set[URIRef] = set()
    for document, found in extract_stream(extractor, paths, published=published, strict=strict,
                                          processes=processes, problems=report.problems, on_problem=on_problem,
                                          stdin=stdin):
        kept = covered([e.statement for e in found if e.statement.confidence >= min_confidence], data.statements)
        kept = once(kept, attested)
        data.statements.extend(kept)
        report.documents += 1
        report.words += len(document.text.split())
        report.statements += len(kept)
        if on_document is not None:
            on_document(document, len(kept))
    world = resolver.world_actors(data.statements)  # the world registry's actors, as far as referenced
    data.actors.update(world)
    data.actors.update(resolver.new_actors)
    data.things.update(resolver.new_things)
    data.sources.update({k: v for k, v in extractor.new_sources.items() if k not in data.sources})
    report.new_actors = len(resolver.new_actors)
    report.world_actors = len(world)
    report.new_sources = len(extractor.new_sources)
    report.proposed_merges = len(resolver.proposed)
    report.merges_file = resolver.write_merges()
    report.corpus = extractor.report
    report.seconds = time.perf_counter() - started
    return report


def covered(found: Sequence[Statement], known: Sequence[Statement]) -> list[Statement]:
    """``found`` with each statement that a known one already covers made an attestation of that one's event.

    A known statement covers a found one when they have the same source, subjects, objects and date, and
    the known relation is the found one or narrower (curated ``calls`` covers an extracted ``consults``;
    and a known ``calls`` an extracted ``calls`` with a place):
    the found statement takes the known one's relation, CAMEO code and place, so it hashes to the same
    event and is written as another attestation of it, not as a second event.

    Examples
    --------
    >>> call = Statement(("a",), "calls", ("b",), "s1")
    >>> [s.relation for s in covered([Statement(("a",), "consults", ("b",), "s1", method="rule/x/1")], [call])]
    ['calls']
    """
    from dataclasses import replace

    from kg.ontology import load_ontology

    onto = load_ontology()
    by_parties: dict[tuple[Any, ...], list[Statement]] = {}
    for statement in known:
        key = (statement.source, statement.subjects, statement.objects, statement.date)
        by_parties.setdefault(key, []).append(statement)
    out = []
    for statement in found:
        candidates = by_parties.get((statement.source, statement.subjects, statement.objects, statement.date), [])
        cover = next((k for k in candidates if statement.relation in onto.ancestors(k.relation)), None)
        if cover is not None:
            statement = replace(statement, relation=cover.relation, cameo=cover.cameo, place=cover.place)
        out.append(statement)
    return out


def once(found: Sequence[Statement], seen: set[URIRef]) -> list[Statement]:
    """``found`` less the statements whose attestation (its IRI in the graph, see
    :func:`kg.graph.write.statement_iris`) is already in ``seen``, which it extends: one reading of a sentence
    per event and rule. A corpus holding one text twice, or a sentence read two ways (reported by a speaker,
    and asserted), would otherwise give one attestation two statuses.

    Examples
    --------
    >>> seen: set = set()
    >>> first = Statement(("a",), "calls", ("b",), "s1", method="rule/x/1")
    >>> [len(once([first], seen)), len(once([first], seen))]
    [1, 0]
    """
    from rdflib import URIRef

    from kg.graph.write import statement_iris

    kept = []
    for statement in found:
        _, attestation = statement_iris(statement, iri_of=URIRef)  # ids stand for themselves: only equality counts
        if attestation not in seen:
            seen.add(attestation)
            kept.append(statement)
    return kept


def distinct_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop repeated records of one document: the same subject, relation (at its CAMEO root) and object.

    Several rules, or several sentences, often find the same relation twice in one article; an analyst
    (and a scorer) counts it once, keeping the first (best-placed) record.
    """
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for record in records:
        relation = record["relation"]
        key = (record["subject"]["iri"], (relation.get("cameo") or "")[:2] or relation.get("family"),
               record["object"]["iri"] if record["object"] else None, record["polarity"])
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept


def predict(gold: Sequence[GoldRecord], *, extractor: Extractor | None = None, processes: int = 1,
            on_document: Callable[[Document, int], None] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Extract from the text of each gold record: record id -> distinct statements as JSONL records.

    Parameters
    ----------
    gold : sequence of kg.evaluate.GoldRecord
        Records with their text and publication date.
    extractor : kg.extract.extractor.Extractor, optional
        The extractor (a new one on the bundled registry by default).
    processes : int
        Parser processes.
    """
    if extractor is None:
        from kg.extract.extractor import Extractor

        extractor = Extractor()
    documents = (Document(record.id, record.text, published=record.published) for record in gold)
    predictions: dict[str, list[dict[str, Any]]] = {}
    for document, found in extractor.extract(documents, processes=processes):
        predictions[document.id] = distinct_records(r for e in found for r in extractor.records(e))
        if on_document is not None:
            on_document(document, len(predictions[document.id]))
    return predictions
