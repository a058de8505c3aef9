"""Time and peak memory of loading a synthetic graph shaped like ours: `kg load` vs raw pyoxigraph vs rdflib.

``benchmarks/gen.py`` writes ``--triples`` triples (statements, attestations, actors, the ontology) as
N-Quads; each loader then runs as its own process, and reports its own peak resident memory:

- ``kg load FILE --store DIR`` (a new generation, Oxigraph's bulk loader, the manifest, the switch);
- raw pyoxigraph: a minimal script that bulk-loads the same file into a new on-disk store (the limit);
- rdflib's Memory store parsing the same file (skipped above ``--rdflib-max`` triples: at 10M it needs
  more memory than this machine has).

Goal: ``kg load`` within 1.5x of raw pyoxigraph.

    python benchmarks/bench_load.py --triples 20000                               # smoke size (CI)
    python benchmarks/bench_load.py --triples 1000000 --save benchmarks/results/load-1m.json
    python benchmarks/bench_load.py --triples 10000000 --repeat 1 --save benchmarks/results/load-10m.json
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, save  # noqa: E402
from benchmarks.gen import TRIPLES_PER_STATEMENT, write_nquads  # noqa: E402

TARGET_RATIO = 1.5

# Each loader prints its own peak RSS (MB) as its last line.
PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
RAW = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
store.flush()
""" + PEAK
RDFLIB = """
import sys
from rdflib import Dataset
data = Dataset()
data.parse(sys.argv[1], format="nquads")
print(len(data), file=sys.stderr)
""" + PEAK
OURS = """
import sys
from kg.store.load import load_files
load_files([sys.argv[1]], store=sys.argv[2], replace=True, ontology=False)
""" + PEAK


def run(script: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of a fresh Python process running ``script``."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - started, float(done.stdout.strip().splitlines()[-1])


def measure(script: str, *args: str, repeat: int, env: dict[str, str], fresh: Path | None = None,
            ) -> dict[str, float]:
    times, peaks = [], []
    if fresh:
        fresh.mkdir(parents=True, exist_ok=True)
    for attempt in range(repeat):
        target = [str(fresh / f"run-{attempt}")] if fresh else []
        seconds, peak = run(script, *args, *target, env=env)
        times.append(seconds)
        peaks.append(peak)
    return {"seconds": round(statistics.median(times), 3), "peak_rss_mb": round(max(peaks), 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-max", type=int, default=2_000_000, help="skip rdflib above this many triples")
    parser.add_argument("--save", type=Path)
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")} | {"PYTHONPATH": str(ROOT)}
    results: dict[str, Any] = {**machine(), "repeat": args.repeat, "target_ratio": TARGET_RATIO}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "graph.nq"
        started = time.perf_counter()
        quads = write_nquads(data, max(1, args.triples // TRIPLES_PER_STATEMENT))
        print(f"synthetic graph: {quads:,} quads, {data.stat().st_size / 2**20:,.0f} MB of N-Quads "
              f"({time.perf_counter() - started:.1f} s to write)", flush=True)
        results["quads"] = quads
        results["raw_pyoxigraph"] = measure(RAW, str(data), repeat=args.repeat, env=env, fresh=work / "raw")
        results["kg_load"] = measure(OURS, str(data), repeat=args.repeat, env=env, fresh=work / "ours")
        ratio = results["kg_load"]["seconds"] / results["raw_pyoxigraph"]["seconds"]
        results["ratio"] = round(ratio, 2)
        results["met"] = ratio <= TARGET_RATIO
        line = (f"kg load {results['kg_load']['seconds']:.2f} s (peak {results['kg_load']['peak_rss_mb']:.0f} MB)   "
                f"raw pyoxigraph {results['raw_pyoxigraph']['seconds']:.2f} s "
                f"(peak {results['raw_pyoxigraph']['peak_rss_mb']:.0f} MB)   ratio {ratio:.2f} "
                f"(goal <= {TARGET_RATIO})")
        if quads <= args.rdflib_max:
            results["rdflib_memory"] = measure(RDFLIB, str(data), repeat=1, env=env)
            line += (f"   rdflib Memory {results['rdflib_memory']['seconds']:.2f} s "
                     f"(peak {results['rdflib_memory']['peak_rss_mb']:.0f} MB)")
        else:
            results["rdflib_memory"] = {"skipped": f"more than {args.rdflib_max:,} triples"}
        print(line, flush=True)
    save(results, args.save)


if __name__ == "__main__":
    main()
