"""The commands about the graph itself: build, query, queries, export, stats, explain."""

from __future__ import annotations

import sys
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
    parse_params,
    parse_published,
    say,
    warn,
    write_report,
)
from kg.cli.render import Format, FormatOpt, cell, render


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Curated YAML files or folders. Without them, the bundled data is built.", show_default=False)] = None,
    store: StoreOpt = None,
    sources: Annotated[list[Path] | None, typer.Option(
        "--sources", help="Folder with source texts; attaches each statement's evidence sentence. Repeatable; "
                          "also $KG_SOURCES.", show_default=False)] = None,
    registry: Annotated[bool, typer.Option(
        "--registry/--no-registry", help="With PATHS, also read the bundled actor and source registry.")] = True,
    check: Annotated[bool, typer.Option(
        "--check/--no-check", help="Check the new graph against the SHACL shapes before replacing the store.")] = True,
    text: Annotated[list[str] | None, typer.Option(
        "--text", "-t", metavar="PATH", help="News texts to extract statements from and add (text, HTML or JSONL "
                                             "files, folders, - for stdin). Repeatable.", show_default=False)] = None,
    published: PublishedOpt = None,
    processes: ProcessesOpt = 1,
    strict: StrictOpt = False,
    merges: MergesOpt = None,
    min_confidence: MinConfidenceOpt = 0.0,
    report_file: ReportOpt = None,
) -> None:
    """Build the graph from curated files (and news texts) into the store, replacing it atomically.

    --published, --processes, --strict, --merges, --min-confidence and --report apply to the news texts of
    --text; with --text, the corpus report (new actors proposed, mentions cleaned, events per relation) is
    printed.
    """
    from kg.build import build as build_store
    from kg.cli.progress import document_progress

    with document_progress() as progress:
        options = {"published": parse_published(published), "strict": strict, "processes": processes,
                   "merges": merges or Path(DEFAULT_MERGES), "min_confidence": min_confidence,
                   "on_document": progress, "on_problem": warn}
        report = build_store(paths or (), store=store, sources=sources or (), registry=registry, check=check,
                             texts=text or (), text_options=options)
    if report.ingest is not None:
        got = report.ingest
        skipped = f", skipped {len(got.problems)} unreadable" if got.problems else ""
        merged = f"; {got.proposed_merges} merges proposed in {got.merges_file}" if got.merges_file else ""
        say(f"Extracted {got.statements} statements from {got.documents} documents{skipped} with "
             f"{got.new_actors} new actors to review (kg actors --unreviewed){merged}"
             + (f"; {got.world_actors} actors from the world registry." if got.world_actors else "."))
        say(got.corpus.text(top=10).rstrip("\n"))
        if report_file is not None:
            write_report(report_file, got.corpus)
    say(f"Built {report.store}: {report.actors} actors, {report.things} things, {report.sources} sources, "
         f"{report.statements} statements, {report.triples:,} triples in {report.seconds:.2f} s.")
    if report.sources_without_text:
        say(f"Evidence sentences attached for {report.evidence_attached} statements; no text found for "
             f"{', '.join(report.sources_without_text)} (offsets kept; pass --sources DIR to attach them).")
    else:
        say(f"Evidence sentences attached for {report.evidence_attached} statements.")


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(
        metavar="QUERY", help="A saved query's name (see `kg queries`), a .rq file, or SPARQL text.")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE", help="Bind ?NAME to VALUE (repeatable). Never spliced into "
                                                    "the query text.", show_default=False)] = None,
    fmt: FormatOpt = Format.table,
    store: StoreOpt = None,
    update: Annotated[bool, typer.Option("--update", help="Allow a SPARQL UPDATE (changes the store).")] = False,
) -> None:
    """Run a SPARQL query: SELECT rows are listed, ASK prints true or false, CONSTRUCT prints Turtle."""
    from kg.graph import KnowledgeGraph
    from kg.query import load_query

    if update:
        from kg.query import run_update
        from kg.store import open_store

        with open_store(store).transaction(replace=False) as txn:
            before = txn.handle.count()
            run_update(txn.handle, load_query(sparql).text)
            after = txn.handle.count()
        say(f"Updated {store or '.kg'}: {before:,} triples before, {after:,} after.")
        return
    result = KnowledgeGraph.open(store).run_query(load_query(sparql), parse_params(param))
    if result.kind == "ask":
        render([{"result": result.boolean}], ["result"], fmt)
    elif result.graph is not None:
        sys.stdout.write(result.graph.serialize(format="turtle"))
    else:
        render(result.records(), result.columns, fmt)


@app.command()
def queries(fmt: FormatOpt = Format.table) -> None:
    """List the saved queries with their parameters and descriptions."""
    from kg.query import saved_queries

    rows = [{"name": q.name,
             "parameters": "; ".join(f"{p.name} ({p.type}{' = ' + p.default if p.default else ''})"
                                     for p in q.params),
             "description": q.description} for q in saved_queries().values()]
    render(rows, ["name", "parameters", "description"], fmt)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, nt, nquads, trig, jsonld, xml (RDF/XML); "
                                     "plover (PLOVER JSON records) or cameo (GDELT/ICEWS-style table); graphml, "
                                     "gexf or csv (the actor network with every attribute, for Gephi; csv writes "
                                     "the edges, and with --out the nodes to STEM.nodes.csv).")] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).",
                                             show_default=False)] = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph in a standard RDF format, its events as PLOVER records or a CAMEO table, or its
    actor network as GraphML, GEXF or CSV."""
    from kg.export import EVENT_FORMATS, NETWORK_FORMATS, nodes_path, write_export
    from kg.export import export as export_graph
    from kg.graph import KnowledgeGraph

    kg = KnowledgeGraph.open(store)
    if out is None:
        sys.stdout.buffer.write(export_graph(kg, fmt))
        return
    size = write_export(kg, fmt, out)
    what = "the actor network" if fmt in NETWORK_FORMATS else "the events" if fmt in EVENT_FORMATS \
        else f"{len(kg):,} triples"
    also = f" and its nodes to {nodes_path(out)}" if fmt == "csv" else ""
    say(f"Wrote {what} ({size:,} bytes, {fmt}) to {out}{also}.")


@app.command()
def stats(fmt: FormatOpt = Format.table, store: StoreOpt = None) -> None:
    """Count what the graph holds: actors by class, events by relation, attestations by status, ..."""
    from kg.graph import KnowledgeGraph
    from kg.summary import stats as graph_stats

    render(graph_stats(KnowledgeGraph.open(store)), ["what", "name", "count"], fmt)


@app.command()
def explain(
    actor: Annotated[str, typer.Argument(help="An actor: name, alias, id or IRI.")],
    other: Annotated[str | None, typer.Argument(help="A second actor; without it, all of ACTOR's relations.",
                                                show_default=False)] = None,
    fmt: FormatOpt = Format.table,
    store: StoreOpt = None,
) -> None:
    """Show every relation between two actors (or of one) with date, status, source and evidence."""
    from kg.graph import KnowledgeGraph
    from kg.summary import explain as explain_relations

    rows = explain_relations(KnowledgeGraph.open(store), actor, other)
    if fmt is not Format.table:
        render(rows, list(rows[0]) if rows else [], fmt)
        return
    if not rows:
        say(f"No relations found between {actor} and {other}." if other else f"No relations found for {actor}.")
    for row in rows:
        print(_explain_block(row))


def _explain_block(row: dict[str, Any]) -> str:
    when = cell(row["date"]) + (f"..{cell(row['end'])}" if row["end"] else "")
    status = row["status"] + (f" by {row['claimant']}" if row["claimant"] else "")
    for axis in ("polarity", "modality"):
        if row[axis] not in ("positive", "actual"):
            status += f", {row[axis]}"
    lines = [f"{row['subject']} -[{row['relation']}]-> {row['object'] or '(no recipient)'}"
             + (f"  {when}" if when else "") + f"  {row['event']}"]
    where = f"{row['source']}" + (f" chars {row['start']}-{row['stop']}" if row["start"] is not None else "")
    how = row["method"] + (f" ({row['curation']}:{row['line']})" if row["curation"] else "")
    lines.append(f"    {status}; {where}; {how}")
    if row["evidence"]:
        lines.append(f"    evidence: \u201c{' '.join(row['evidence'].split())}\u201d")
    elif row["start"] is not None:
        lines.append("    evidence: (source text not available to the build; pass --sources DIR)")
    if row["note"]:
        lines.append(f"    note: {row['note']}")
    return "\n".join(lines) + "\n"
