"""The news-text commands of ``kg``: extract, eval, actors."""

from __future__ import annotations

import enum
import json
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli import app
from kg.cli.options import (
    DEFAULT_MERGES,
    MergesOpt,
    MinConfidenceOpt,
    ProcessesOpt,
    PublishedOpt,
    ReportOpt,
    StoreOpt,
    StrictOpt,
    parse_published,
    say,
    warn,
    write_report,
)
from kg.cli.progress import document_progress
from kg.cli.render import Format, FormatOpt, render
from kg.errors import InputError, KGError

PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", help="Text, HTML or JSONL files, folders of them, or - for standard input.")]


class ExtractFormat(str, enum.Enum):
    """Output formats of ``kg extract``."""

    jsonl = "jsonl"
    table = "table"
    turtle = "turtle"


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", case_sensitive=False,
                                               help="jsonl (one statement a line), table, or turtle.")]
    = ExtractFormat.jsonl,
    published: PublishedOpt = None,
    processes: ProcessesOpt = 1,
    strict: StrictOpt = False,
    min_confidence: MinConfidenceOpt = 0.0,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).",
                                             show_default=False)] = None,
    report_file: ReportOpt = None,
) -> None:
    """Extract statements from news text and print them; no store is touched. With --report, the corpus
    report is also printed (on stderr) and written as JSON."""
    from kg.extract.extractor import Extractor
    from kg.extract.ingest import distinct_records, extract_stream
    from kg.files import write_atomic

    started = time.perf_counter()
    extractor = Extractor()
    problems: list[Any] = []
    records: list[dict[str, Any]] = []
    statements: list[Any] = []
    stream = sys.stdout if out is None or fmt is not ExtractFormat.jsonl else None
    buffer: list[str] = []
    with document_progress() as progress:
        for document, found in extract_stream(extractor, paths, published=parse_published(published), strict=strict,
                                              processes=processes, problems=problems, on_problem=warn):
            kept = [e for e in found if e.statement.confidence >= min_confidence]
            found_records = distinct_records(r for e in kept for r in extractor.records(e))
            progress(document, len(found_records))
            if fmt is ExtractFormat.jsonl:
                lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in found_records]
                if stream is not None:
                    stream.writelines(lines)
                    stream.flush()
                else:
                    buffer += lines
            elif fmt is ExtractFormat.table:
                records += found_records
            else:
                statements += [e.statement for e in kept]
            if fmt is not ExtractFormat.turtle:  # a long stream keeps no per-document state
                extractor.new_sources.pop(extractor.source_for(document), None)
    if progress.documents == 0 and problems:
        raise InputError("no document could be read", path=str(problems[0].path))
    if fmt is ExtractFormat.table:
        text = _table(records)
    elif fmt is ExtractFormat.turtle:
        text = _turtle(extractor, statements)
    else:
        text = "".join(buffer)
    if out is not None:
        write_atomic(out, text)
    elif fmt is not ExtractFormat.jsonl:
        sys.stdout.write(text)
    if report_file is not None:
        say(extractor.report.text().rstrip("\n"))
        write_report(report_file, extractor.report)
    skipped = f", skipped {len(problems)} unreadable" if problems else ""
    say(f"Extracted {progress.statements:,} statements from {progress.documents:,} documents{skipped} "
         f"in {time.perf_counter() - started:.1f} s" + (f"; wrote {out}." if out else "."))


def _table(records: list[dict[str, Any]]) -> str:
    import io

    rows = []
    for r in records:
        status = r["status"] + (f" by {r['claimant']['label']}" if r["claimant"] else "")
        for axis in ("polarity", "modality"):
            if r[axis] not in ("positive", "actual"):
                status += f", {r[axis]}"
        rows.append({"subject": r["subject"]["label"], "relation": r["relation"]["label"],
                     "object": r["object"]["label"] if r["object"] else "", "date": r["date"], "status": status,
                     "conf": f"{r['confidence']:.2f}", "evidence": f"{r['document']['id']}:{r['evidence']['start']}"})
    buffer = io.StringIO()
    render(rows, ["subject", "relation", "object", "date", "status", "conf", "evidence"], Format.table, out=buffer)
    return buffer.getvalue()


def _turtle(extractor: Any, statements: list[Any]) -> str:
    from kg.graph import KnowledgeGraph

    kg = KnowledgeGraph()
    registry, resolver = extractor.registry, extractor.resolver
    pending = [i for s in statements for i in (*s.subjects, *s.objects, s.claimant, s.place) if i]
    actors, things = {}, {}
    while pending:  # each actor referred to, and the country it belongs to
        ident = pending.pop()
        if ident in actors or ident in things:
            continue
        actor = resolver.known.get(ident)
        if actor is not None:
            actors[ident] = actor
            pending += [actor.country] if actor.country else []
        else:
            things[ident] = registry.things.get(ident) or resolver.new_things[ident]
    for ident in sorted(actors):
        kg.add_actor(actors[ident])
    for ident in sorted(things):
        kg.add_thing(things[ident])
    for source in sorted({s.source for s in statements}):
        kg.add_source(registry.sources.get(source) or extractor.new_sources[source])
    kg.add_all(statements)
    from kg.export import export

    return export(kg, "turtle").decode("utf-8")


@app.command(name="eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(metavar="GOLD.jsonl...", help="Gold files (see ../shared/eval "
                                               "and data/gold).")],
    sources: Annotated[list[Path] | None, typer.Option(
        "--sources", help="Folders with the texts gold records refer to by path and sha256 (repeatable; also "
                          "$KG_SOURCES).", show_default=False)] = None,
    fmt: FormatOpt = Format.table,
    processes: ProcessesOpt = 1,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Also list this many misses on stderr.")] = 0,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Also write the whole report as JSON here.",
                                             show_default=False)] = None,
) -> None:
    """Score extraction against gold: precision, recall, F1 overall, per family, per PLOVER type and per rule
    class (a class's recall is its share of the gold found)."""
    from kg.build import source_folders
    from kg.evaluate import load_gold, score
    from kg.extract.ingest import predict
    from kg.extract.rules import rule_classes
    from kg.files import write_atomic

    started = time.perf_counter()
    records = [r for path in gold for r in load_gold(path, sources=source_folders(sources or ()))]
    with document_progress("Scoring") as progress:
        predictions = predict(records, processes=processes, on_document=progress)
    report = score(records, predictions, classes=rule_classes())
    if out is not None:
        write_atomic(out, json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if fmt is Format.json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        columns = ["what", "name", "gold", "predicted", "matched", "precision", "recall", "f1", "core_recall",
                   "core_f1"]
        rows = [{k: (f"{v:.3f}" if isinstance(v, float) and fmt is Format.table else v) for k, v in row.items()}
                for row in report.rows()]
        render(rows, columns, fmt)
    for error in report.errors[:errors]:
        if error["kind"] == "missed":
            say(f"missed   {error['record']}: {error['subject'][0]} -[{error['family']}]-> "
                 f"{(error['object'] or ['-'])[0]}" + (" (core)" if error["core"] else ""))
        else:
            say(f"spurious {error['record']}: {error['subject']} -[{error['relation']}]-> {error['object'] or '-'}")
    say(f"Scored {len(records):,} gold records ({report.gold:,} gold relations, {report.predicted:,} counted "
         f"predictions) in {time.perf_counter() - started:.1f} s.")


@app.command()
def actors(
    unreviewed: Annotated[bool, typer.Option("--unreviewed", help="Only actors nobody has reviewed (found in "
                                             "news text), and the merges proposed for review.")] = False,
    merges: MergesOpt = None,
    fmt: FormatOpt = Format.table,
    store: StoreOpt = None,
) -> None:
    """List the graph's actors, or those still to review with the proposed merges."""
    from kg.graph import KnowledgeGraph
    from kg.summary import actor_listing, proposed_merges

    kg = KnowledgeGraph.open(store)
    rows = actor_listing(kg, unreviewed=unreviewed)
    if unreviewed:
        path = merges or _merges_of(kg) or Path(DEFAULT_MERGES)
        rows = [{"kind": "new actor", **row} for row in rows]
        rows += [{"kind": "proposed merge", **row} for row in proposed_merges(path)]
        columns = ["kind", "id", "label", "type", "attestations", "detail"]
    else:
        columns = ["id", "label", "type", "country", "wikidata", "reviewed", "attestations"]
    render(rows, columns, fmt)


def _merges_of(kg: Any) -> Path | None:
    try:
        value = (kg.store.manifest() if kg.store is not None else {}).get("texts", {}).get("merges")
    except (KGError, ValueError):
        return None
    return Path(value) if value else None
