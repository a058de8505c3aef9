"""Time the projection to networkx, the measures on it, and the explorer page in headless Chromium.

Two measurements, each against a baseline run in the same process:

- analysis: a synthetic graph shaped like ours (``benchmarks/gen.py``) with ``--events`` events in an
  Oxigraph store on disk; :func:`kg.analyze.project` against the least a projection must do (raw
  pyoxigraph scanning the triples it reads), the same projection of the graph held in memory, then PageRank and
  betweenness sampled from ``--k`` nodes (seeded) on the dyad graph. Time and memory (tracemalloc peak,
  in a second run of the step) of each step separately; goal: the projection within 1.3x of the raw scan;
- the page: synthetic scale-free graphs of ``--sizes`` nodes written by :func:`kg.viz.explorer.write_explorer`
  (Python time reported apart) and opened in Debian's Chromium with every request blocked; time from
  navigation until the layout is stable, against the same page with physics off (drawing only). The
  largest size that stabilises in under 3 s is the default drawing limit (``kg.viz.explorer.MAX_NODES``).

    python benchmarks/bench_viz.py                                        # smoke size (CI)
    python benchmarks/bench_viz.py --events 100000 --sizes 200,1000,2000,5000 --save benchmarks/results/viz.json

Chromium and Playwright missing: the page part is skipped, or fails under ``CI=true``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, rss_mb, save  # noqa: E402

STABLE_TARGET_S = 3.0
#: The projection may take at most this many times as long as raw pyoxigraph scanning the triples it reads.
PROJECTION_TARGET_RATIO = 1.3

#: The predicates a projection reads (see kg.analyze._read_events).
READ = ("relation", "cameo", "date", "dateEnd", "actor", "recipient", "attests", "source", "status", "polarity",
        "modality", "confidence", "method", "evidenceStart", "evidenceEnd", "evidenceText", "claimant")


def measured(step: Callable[[], Any], *, repeat: int) -> tuple[float, float, Any]:
    """Median seconds over ``repeat`` runs, then the tracemalloc peak (MB) of one more run, and its result."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    result = step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, result


def raw_read(store: Any, graph: Any) -> int:
    """The least a projection must do: read the triples it needs from pyoxigraph (one index scan per
    predicate), touching each subject and object."""
    import pyoxigraph as ox

    base = "https://w3id.org/polkg/ontology#"
    count = 0
    for name in READ:
        for quad in store.quads_for_pattern(None, ox.NamedNode(base + name), None, graph):
            count += bool(quad.subject.value) + bool(quad.object.value)
    return count


def bench_analysis(events: int, *, k: int, repeat: int, work: Path) -> dict[str, Any]:
    import networkx as nx
    import pyoxigraph as ox

    from benchmarks.gen import write_store
    from kg.analyze import collapse, project
    from kg.graph import KnowledgeGraph
    from kg.ontology import GRAPH_IRI
    from kg.store import OxigraphDirStore

    started = time.perf_counter()
    triples = write_store(str(work / "store"), events)
    print(f"synthetic graph: {events:,} events, {triples:,} triples ({time.perf_counter() - started:.1f} s to "
          "generate)", flush=True)
    kg = KnowledgeGraph.open(work / "store")
    inner = ox.Store.read_only(str(OxigraphDirStore(work / "store").location()))
    graph = ox.NamedNode(str(GRAPH_IRI))
    raw_s, raw_mb, terms = measured(lambda: raw_read(inner, graph), repeat=repeat)
    before = rss_mb()
    ours_s, ours_mb, G = measured(lambda: project(kg), repeat=repeat)
    rss_growth = rss_mb() - before
    memory = KnowledgeGraph()
    memory.handle.load(io.BytesIO(kg.handle.dump("nquads")), "nquads")
    memory_s, _, _ = measured(lambda: project(memory), repeat=repeat)
    print(f"projection: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; kg.analyze.project "
          f"{ours_s:.2f} s (peak {ours_mb:.0f} MB)   raw pyoxigraph read of the same rows {raw_s:.2f} s "
          f"(peak {raw_mb:.0f} MB)   ratio {ours_s / raw_s:.2f}   goal <= {PROJECTION_TARGET_RATIO:.1f}x; "
          f"the same graph in memory {memory_s:.2f} s", flush=True)
    collapse_s, collapse_mb, D = measured(lambda: collapse(G), repeat=repeat)
    pagerank_s, pagerank_mb, _ = measured(lambda: nx.pagerank(D, weight="weight"), repeat=repeat)
    sample = min(k, len(D))
    between_s, between_mb, _ = measured(lambda: nx.betweenness_centrality(D, k=sample, seed=0), repeat=1)
    print(f"collapse to dyads {collapse_s:.2f} s ({collapse_mb:.0f} MB, {D.number_of_edges():,} dyads)   "
          f"PageRank {pagerank_s:.2f} s ({pagerank_mb:.0f} MB)   betweenness k={sample} {between_s:.2f} s "
          f"({between_mb:.0f} MB)", flush=True)
    return {"events": events, "triples": triples, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "dyads": D.number_of_edges(), "raw_terms": terms,
            "projection": {"seconds": round(ours_s, 3), "peak_mb": round(ours_mb, 1),
                           "rss_growth_mb": round(rss_growth, 1), "raw_seconds": round(raw_s, 3),
                           "raw_peak_mb": round(raw_mb, 1), "ratio": round(ours_s / raw_s, 2),
                           "in_memory_seconds": round(memory_s, 3),
                           "target_ratio": PROJECTION_TARGET_RATIO,
                           "met": ours_s / raw_s <= PROJECTION_TARGET_RATIO},
            "collapse": {"seconds": round(collapse_s, 3), "peak_mb": round(collapse_mb, 1)},
            "pagerank": {"seconds": round(pagerank_s, 3), "peak_mb": round(pagerank_mb, 1)},
            "betweenness": {"k": sample, "seed": 0, "seconds": round(between_s, 3), "peak_mb": round(between_mb, 1)}}


def synthetic_graph(nodes: int, *, seed: int = 0) -> Any:
    """A scale-free MultiDiGraph of ``nodes`` actors with the attributes a projection carries."""
    import random

    import networkx as nx

    from kg.analyze import KINDS

    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    G = nx.MultiDiGraph(filters="no filters")
    for n in base:
        G.add_node(f"actor:a{n}", label=f"Actor {n}", kind=rng.choice(KINDS), type="Person")
    families = ["consults", "disapproves", "assaults", "appeals", "cooperates_diplomatically", "threatens"]
    for number, (u, v) in enumerate(base.edges()):
        if rng.random() < 0.5:
            u, v = v, u
        goldstein = round(rng.uniform(-10, 10), 1)
        G.add_edge(f"actor:a{u}", f"actor:a{v}", relation="rel", family=rng.choice(families), goldstein=goldstein,
                   quad_class=1 if goldstein > 0 else 4, date=f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   status="asserted", fact=True, sources=rng.randint(1, 4), source="source:s",
                   evidence=f"Sentence {number}.", event=f"event:{number}")
    return G


def without_physics(page: Path, out: Path) -> Path:
    """The same page with physics off: what drawing alone costs."""
    text = page.read_text(encoding="utf-8")
    found = re.search(r'(<script type="application/json" id="kg-options">)(.*?)(</script>)', text, re.S)
    assert found is not None
    options = json.loads(found.group(2))
    options["physics"]["enabled"] = False
    out.write_text(text[:found.start(2)] + json.dumps(options) + text[found.end(2):], encoding="utf-8")
    return out


def page_seconds(chrome: Any, path: Path) -> tuple[float, float]:
    """Seconds from navigation until the layout is stable, and the page's own count (performance.now)."""
    from kg.viz.browser import open_page, wait_stable

    started = time.perf_counter()
    with open_page(chrome, path) as (page, log):
        inner = wait_stable(page, timeout_ms=300_000)
        total = time.perf_counter() - started
        if log.errors or log.blocked:
            raise RuntimeError(f"{path}: {(log.errors + log.blocked)[0]}")
    return total, inner / 1000


def bench_pages(sizes: list[int], *, repeat: int, work: Path) -> dict[str, Any]:
    from kg.viz.browser import browser, missing
    from kg.viz.explorer import write_explorer

    problem = missing()
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            sys.exit(f"error: {problem}")
        print(f"skipped the page: {problem}", file=sys.stderr)
        return {"skipped": problem}
    results = []
    with browser() as chrome:
        for size in sizes:
            G = synthetic_graph(size)
            started = time.perf_counter()
            page = write_explorer(G, work / f"page-{size}.html")
            python_s = time.perf_counter() - started
            still = without_physics(page, work / f"still-{size}.html")
            runs = [page_seconds(chrome, page) for _ in range(repeat)]
            draws = [page_seconds(chrome, still) for _ in range(repeat)]
            total = statistics.median(r[0] for r in runs)
            inner = statistics.median(r[1] for r in runs)
            draw = statistics.median(r[0] for r in draws)
            results.append({"nodes": size, "edges": G.number_of_edges(), "python_s": round(python_s, 3),
                            "bytes": page.stat().st_size, "to_stable_s": round(total, 3),
                            "page_stable_s": round(inner, 3), "draw_only_s": round(draw, 3),
                            "ratio": round(total / draw, 2), "interactive": total < STABLE_TARGET_S})
            print(f"page {size:6,} nodes {G.number_of_edges():6,} edges: Python {python_s:5.2f} s   to stable "
                  f"{total:5.2f} s (page clock {inner:5.2f} s)   drawing only {draw:5.2f} s   ratio "
                  f"{total / draw:4.2f}   {'interactive' if total < STABLE_TARGET_S else 'too slow'}", flush=True)
    fitting = [r["nodes"] for r in results if r["interactive"]]
    limit = max(fitting) if fitting else None
    print(f"largest size stable in under {STABLE_TARGET_S:.0f} s: {limit}", flush=True)
    return {"sizes": results, "largest_interactive": limit, "target_s": STABLE_TARGET_S}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000, help="events in the synthetic graph")
    parser.add_argument("--k", type=int, default=200, help="betweenness sample size")
    parser.add_argument("--sizes", default="50,200", help="page sizes in nodes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {**machine(), "repeat": args.repeat}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results["analysis"] = bench_analysis(args.events, k=args.k, repeat=args.repeat, work=work)
        results["page"] = bench_pages([int(s) for s in args.sizes.split(",")], repeat=args.repeat, work=work)
    save(results, args.save)


if __name__ == "__main__":
    main()
