"""Time `kg import gdelt|icews` over the shared event files against bulk-loading the same quads into pyoxigraph.

For each dataset, every sample file under ``../shared/data/events/`` (or the first ``--files`` of each
folder, for a smoke run) is imported by :func:`kg.eventdata.import_events` into a new store on disk: rows
per second and triples per row (files are converted by worker processes, by default as many as the usable
CPUs up to 4, while the main process bulk-loads; ``--processes 1`` for one process). The baseline is the
least work a store write can be: the quads the import produced (exported as N-Quads) bulk-loaded straight
into a new on-disk pyoxigraph store in this process. Goals: >= 5,000 rows/s, and within 2x of that
baseline. Then every imported event is projected to networkx (:func:`kg.analyze.project`).

    python benchmarks/bench_import.py --files 2                            # smoke size (CI)
    python benchmarks/bench_import.py --save benchmarks/results/import.json  # every file
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, require_shared, rss_mb, save  # noqa: E402

SHARED = Path(os.environ.get("POLKG_SHARED", ROOT.parent / "shared"))
FOLDERS = {"gdelt": ["gdelt2_export_2024-2025", "gdelt2_export_single_batches", "gdelt2_export_mentions_2015-02-18",
                     "gdelt1_sample"],
           "icews": ["icews_daily_2018-2019"]}
TARGET_ROWS_PER_S = 5000
TARGET_RATIO = 2.0


def event_files(dataset: str, limit: int | None) -> list[Path]:
    """The dataset's files (events only, not GDELT Mentions), the first ``limit`` of each folder."""
    files = []
    for folder in FOLDERS[dataset]:
        path = SHARED / "data" / "events" / folder
        require_shared(path)
        found = sorted(p for p in path.glob("*.gz") if "mentions" not in p.name)
        files += found[:limit] if limit else found
    return files


def bench_dataset(dataset: str, files: list[Path], work: Path, processes: int | None) -> dict[str, Any]:
    import pyoxigraph as ox

    from kg.analyze import project
    from kg.eventdata import import_events
    from kg.export import write_export
    from kg.graph import KnowledgeGraph

    store = work / dataset
    before = rss_mb()
    report = import_events(dataset, files, store=store, processes=processes)
    grown = rss_mb() - before
    kg = KnowledgeGraph.open(store)
    dump = work / f"{dataset}.nq"
    write_export(kg, "nquads", dump)
    started = time.perf_counter()
    raw = ox.Store(str(work / f"raw-{dataset}"))
    raw.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    raw_s = time.perf_counter() - started
    del raw
    started = time.perf_counter()
    G = project(kg)
    project_s = time.perf_counter() - started
    rate = report.rows / report.seconds
    ratio = report.seconds / raw_s
    print(f"{dataset}: {report.rows:,} rows from {report.files} files ({report.imported:,} imported, "
          f"{sum(report.skipped.values()):,} skipped) in {report.seconds:.1f} s: {rate:,.0f} rows/s "
          f"(goal >= {TARGET_ROWS_PER_S:,}), {report.triples_per_row:.1f} triples a row, {report.triples:,} triples; "
          f"raw pyoxigraph bulk load of the same quads {raw_s:.1f} s, ratio {ratio:.2f} (goal <= {TARGET_RATIO:.0f}); "
          f"projection to networkx {project_s:.1f} s ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} "
          f"edges)", flush=True)
    return {"processes": processes or "default", "files": report.files, "rows": report.rows,
            "imported": report.imported, "skipped": report.skipped,
            "seconds": round(report.seconds, 2), "rows_per_s": round(rate, 1),
            "triples_per_row": round(report.triples_per_row, 2), "triples": report.triples,
            "new_actors": report.new_actors, "sources": report.sources, "rss_growth_mb": round(grown, 1),
            "raw_bulk_load_s": round(raw_s, 2), "ratio": round(ratio, 2),
            "projection": {"seconds": round(project_s, 2), "nodes": G.number_of_nodes(),
                           "edges": G.number_of_edges()},
            "met": {"rows_per_s": rate >= TARGET_ROWS_PER_S, "ratio": ratio <= TARGET_RATIO}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, help="only the first N files of each folder (smoke runs)")
    parser.add_argument("--processes", type=int, help="worker processes converting files (default: the import's)")
    parser.add_argument("--save", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {**machine(), "targets": {"rows_per_s": TARGET_ROWS_PER_S, "ratio": TARGET_RATIO}}
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in FOLDERS:
            results[dataset] = bench_dataset(dataset, event_files(dataset, args.files), Path(tmp), args.processes)
    save(results, args.save)


if __name__ == "__main__":
    main()
