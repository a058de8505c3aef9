"""Time the world actor registry: loading it, and what it costs extraction, against extraction without it.

Two measurements, on the first ``--articles`` articles of ``../shared/eval/bbc_politics.jsonl`` (real, long
news; no text is stored in the repository or in the results):

- load: reading ``data/world.jsonl`` and joining it to the curated registry (``WorldView``), then indexing
  every name for the resolver (``Resolver``), median of ``--repeat``; target: under 1 s;
- extraction: ``Extractor.extract`` with the world registry (its ruler patterns and its resolver) against
  the same without it (``make_pipeline(world=False)``, ``Resolver(world=False)``), runs interleaved, median of
  ``--repeat``; target: with it at least 0.9 of the speed without it. The pipelines' build times (the
  ruler's patterns) are reported beside it, and the new actors each proposes.

    python benchmarks/bench_world.py                        # smoke size
    python benchmarks/bench_world.py --articles 300 --repeat 3 --save benchmarks/results/world.json

The shared folder is ``../shared`` beside the checkout (or ``$POLKG_SHARED``). When it is missing the
benchmark is skipped, or fails when ``CI=true``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import load_average, machine, require_shared, save  # noqa: E402

SHARED = Path(os.environ.get("POLKG_SHARED", ROOT.parent / "shared"))
TARGETS = {"load_seconds": 1.0, "with_over_without": 0.90}


def bbc_articles(count: int) -> list[Any]:
    """The first ``count`` BBC articles as documents; exit (skip) when missing, or fail under ``CI=true``."""
    from kg.extract.inputs import Document

    path = SHARED / "eval" / "bbc_politics.jsonl"
    require_shared(path)
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, count)]
    return [Document(str(r["id"]), r["text"]) for r in records]


def bench_load(repeat: int) -> dict[str, Any]:
    """Seconds to read the registry and join it (cold: the file cache of load_world cleared each time)."""
    from kg.curated import bundled_inputs, load_curated
    from kg.curated.world import WorldView, load_world
    from kg.names import name_key
    from kg.resolve import Resolver

    curated = load_curated(bundled_inputs())
    reading, joining, indexing = [], [], []
    for _ in range(repeat):
        load_world.cache_clear()
        name_key.cache_clear()
        started = time.perf_counter()
        world = load_world()
        read = time.perf_counter()
        WorldView(curated.actors, world)
        joined = time.perf_counter()
        Resolver(curated)
        indexed = time.perf_counter()
        reading.append(read - started)
        joining.append(joined - read)
        indexing.append(indexed - joined)
    total = statistics.median(r + j for r, j in zip(reading, joining, strict=True))
    resolver = statistics.median(indexing)
    print(f"load: read {statistics.median(reading):.3f} s, join {statistics.median(joining):.3f} s "
          f"(registry {total:.3f} s, target < {TARGETS['load_seconds']:.1f} s); resolver index {resolver:.3f} s; "
          f"{len(world.actors):,} actors", flush=True)
    return {"actors": len(world.actors), "read_s": [round(x, 3) for x in reading],
            "join_s": [round(x, 3) for x in joining], "resolver_index_s": [round(x, 3) for x in indexing],
            "registry_s": round(total, 3), "met": {"load_seconds": total + resolver < TARGETS["load_seconds"]}}


def bench_extract(documents: list[Any], repeat: int) -> dict[str, Any]:
    """Words per second of extraction with and without the world registry, interleaved."""
    from kg.curated import bundled_inputs, load_curated
    from kg.extract.extractor import Extractor
    from kg.extract.pipeline import make_pipeline
    from kg.resolve import Resolver

    registry = load_curated(bundled_inputs())
    pipelines, builds = {}, {}
    for with_world in (True, False):
        started = time.perf_counter()
        pipelines[with_world] = make_pipeline(registry.actors.values(), world=with_world)
        builds[with_world] = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in documents)
    times: dict[bool, list[float]] = {True: [], False: []}
    new_actors: dict[bool, int] = {}
    for run in range(repeat + 1):  # the first round warms both pipelines up and is not counted
        for with_world in (True, False):
            extractor = Extractor(registry, nlp=pipelines[with_world], resolver=Resolver(registry, world=with_world))
            started = time.perf_counter()
            for _document, found in extractor.extract(documents):
                for extracted in found:
                    extractor.records(extracted)
            if run:
                times[with_world].append(time.perf_counter() - started)
            new_actors[with_world] = len(extractor.resolver.new_actors)
    rate = {w: words / statistics.median(t) for w, t in times.items()}
    ratio = rate[True] / rate[False]
    print(f"extraction: with the world registry {rate[True]:,.0f} words/s, without {rate[False]:,.0f} words/s: "
          f"ratio {ratio:.3f} (target >= {TARGETS['with_over_without']:.2f}); pipeline built in "
          f"{builds[True]:.2f} s with, {builds[False]:.2f} s without; new actors {new_actors[True]} with, "
          f"{new_actors[False]} without", flush=True)
    return {"articles": len(documents), "words": words,
            "seconds": {"with": [round(x, 3) for x in times[True]], "without": [round(x, 3) for x in times[False]]},
            "words_per_s": {"with": round(rate[True], 1), "without": round(rate[False], 1)},
            "with_over_without": round(ratio, 3),
            "pipeline_build_s": {"with": round(builds[True], 2), "without": round(builds[False], 2)},
            "new_actors": {"with": new_actors[True], "without": new_actors[False]},
            "met": {"with_over_without": ratio >= TARGETS["with_over_without"]}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10, help="BBC articles extracted")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--save", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    documents = bbc_articles(args.articles)
    results: dict[str, Any] = {**machine(), "targets": TARGETS, "repeat": args.repeat}
    results["load"] = bench_load(max(args.repeat, 3))
    results["extraction"] = bench_extract(documents, args.repeat)
    results["loadavg_end"] = load_average()
    save(results, args.save)


if __name__ == "__main__":
    main()
