"""The store commands: ``kg load`` and ``kg import`` (RDF files and event data into the store, in bulk) and
``kg serve`` (the store over HTTP)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.cli.options import StoreOpt
from kg.store.serve import DEFAULT_LIMIT


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="N-Triples, N-Quads, Turtle or TriG files (.nt .nq .ttl .trig), "
                                                     "optionally gzip-compressed (.gz).")],
    replace: Annotated[bool, typer.Option("--replace", help="Start from an empty store instead of adding.")] = False,
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology",
                                           help="Load the ontology too when the store starts empty.")] = True,
    store: StoreOpt = None,
) -> None:
    """Bulk-load RDF files into the store, streamed and atomic (the old store stays until all files load)."""
    from kg.store.load import load_files

    def loaded(path: Path, size: int) -> None:
        print(f"Read {path} ({size:,} bytes).", file=sys.stderr)

    report = load_files(files, store=store, replace=replace, ontology=ontology, on_file=loaded)
    added = report.triples - report.before
    print(f"Store {report.store}: {report.triples:,} triples ({added:+,}) from {report.files} files "
          f"({report.bytes:,} bytes) in {report.seconds:.2f} s.", file=sys.stderr)


class Dataset(str, enum.Enum):
    """Event datasets ``kg import`` reads."""

    gdelt = "gdelt"
    icews = "icews"
    plover = "plover"


@app.command("import")
def import_(
    dataset: Annotated[Dataset, typer.Argument(help="gdelt (Events 1.0 or 2.0, told by the number of columns; "
                                                    "2.0 Mentions files among them attach their documents, "
                                                    "sentences, offsets and confidence to the events), icews "
                                                    "(coded event files with their header) or plover (PLOVER "
                                                    "JSON records, one a line).")],
    files: Annotated[list[Path], typer.Argument(help="Event files, plain or gzip-compressed (.gz).")],
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad row instead of skipping it.")]
    = False,
    processes: Annotated[int | None, typer.Option("--processes", "-j", min=1, help="Processes converting files "
                                                  "(default: the usable CPUs, at most 4).")] = None,
    store: StoreOpt = None,
) -> None:
    """Import GDELT, ICEWS or PLOVER event files into the store: streamed, bad rows counted, atomic."""
    from kg.cli.progress import row_progress
    from kg.eventdata import import_events

    with row_progress() as progress:
        report = import_events(dataset.value, files, store=store, strict=strict, processes=processes,
                               on_rows=progress)
    skipped = sum(report.skipped.values())
    reasons = "; ".join(f"{reason}: {count:,}" for reason, count in sorted(report.skipped.items()))
    print(f"Imported {report.imported:,} of {report.rows:,} rows from {report.files} files into {report.store} "
          f"({report.rows / report.seconds:,.0f} rows/s, {report.triples_per_row:.1f} triples a row): "
          f"{report.new_actors:,} new actors to review, {report.sources:,} sources"
          + (f", {report.mentions:,} mentions attached" if report.mentions else "") + f", {report.triples:,} triples.",
          file=sys.stderr)
    if skipped:
        print(f"Skipped {skipped:,} bad rows ({reasons}); --strict stops at the first.", file=sys.stderr)


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="Port to listen on.")] = 7878,
    timeout: Annotated[int, typer.Option("--timeout", min=1, help="Seconds a query may run.")] = 30,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Rows (or triples) an answer holds at most; a cut "
                                       "answer carries X-SPARQL-MaxRows. 0: no limit.")] = DEFAULT_LIMIT,
    cors: Annotated[bool, typer.Option("--cors", help="Allow cross-origin requests (a YASGUI page served "
                                       "elsewhere).")] = False,
    store: StoreOpt = None,
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (the Oxigraph server) until interrupted."""
    import signal

    from kg.store.serve import run

    def ready() -> None:
        cap = f"at most {limit:,} rows an answer" if limit else "no row limit"
        print(f"Serving {store or '.kg'} read-only: SPARQL endpoint http://{host}:{port}/query "
              f"(query timeout {timeout} s, {cap}); Ctrl-C stops.", file=sys.stderr, flush=True)

    code = run(store, host=host, port=port, timeout=timeout, limit=limit, cors=cors, on_ready=ready)
    if code not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise typer.Exit(code)
