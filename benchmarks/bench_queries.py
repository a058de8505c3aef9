"""Time `kg build` and every saved query as a user runs them, against raw pyoxigraph in the same run.

Each measurement is a fresh process, median of ``--repeat`` runs:

- build: ``kg build`` of the bundled data, against a minimal script that bulk-loads the same quads into a
  new on-disk pyoxigraph store (the engine's own limit);
- each saved query, on the bundled graph and on a synthetic graph shaped like ours (``gen.py``):
  ``kg query NAME`` (open the store, resolve parameters, query, print a table), against a minimal
  pyoxigraph script that opens the same store read-only and runs the same SPARQL text with the same
  bindings;
- with ``--rdflib``: the same command on rdflib's Memory store loaded from an N-Quads file (goal: ours
  at least 20x faster);
- the same queries against ``kg serve --limit 0`` (the Oxigraph server over the synthetic store, no row
  cap) with 1 and 8 concurrent clients: median latency and throughput.

    python benchmarks/bench_queries.py                      # smoke size (CI)
    python benchmarks/bench_queries.py --statements 45000 --rdflib --save benchmarks/results/queries.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, save  # noqa: E402
from benchmarks.gen import write_store  # noqa: E402

RAW_QUERY = """
import sys, json, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
args = json.loads(sys.argv[3])
subs = {ox.Variable(k): (ox.NamedNode(v[1:]) if v.startswith("<") else ox.Literal(v, datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#date"))) for k, v in args.items()}
rows = store.query(open(sys.argv[2]).read(), default_graph=ox.NamedNode("urn:polkg:graph"), substitutions=subs)
print(sum(1 for _ in rows))
"""

RAW_LOAD = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
store.flush()
"""


def timed(command: list[str], *, cwd: Path, repeat: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def iri_bindings(kg_store: str, name: str, params: dict[str, str]) -> dict[str, str]:
    """The bindings `kg query` would pass, as ``<iri>`` or date strings, for the raw script."""
    from kg.graph import KnowledgeGraph
    from kg.query import convert, saved_queries

    kg = KnowledgeGraph.open(kg_store)
    declared = {p.name: p for p in saved_queries()[name].params}
    values = {p.name: p.default for p in declared.values() if p.default is not None} | params
    out = {}
    for key, value in values.items():
        term = convert(kg.handle, kg.ontology, declared[key], value)
        out[key] = f"<{term}" if term.__class__.__name__ == "URIRef" else str(term)
    kg.close()
    return out


def bench_store(label: str, store: Path, params: dict[str, dict[str, str]], *, repeat: int, work: Path,
                env: dict[str, str]) -> list[dict[str, object]]:
    from kg.query import saved_queries

    rows = []
    for name, query in saved_queries().items():
        given = params.get(name, {})
        bindings = iri_bindings(str(store), name, given)
        argv = [sys.executable, "-m", "kg", "query", name, "--store", str(store)]
        for key, value in given.items():
            argv += ["--param", f"{key}={value}"]
        ours = timed(argv, cwd=work, repeat=repeat, env=env)
        raw = timed([sys.executable, "-c", RAW_QUERY, str(store / "current" / "oxigraph"), str(query.path),
                     json.dumps(bindings)], cwd=work, repeat=repeat, env=env)
        rows.append({"graph": label, "query": name, "kg_query_s": round(ours, 3), "raw_pyoxigraph_s": round(raw, 3),
                     "ratio": round(ours / raw, 2)})
        print(f"{label:10} {name:22} kg query {ours:7.3f} s   raw pyoxigraph {raw:7.3f} s   ratio {ours / raw:5.2f}",
              flush=True)
    return rows


def bench_rdflib(store: Path, params: dict[str, dict[str, str]], *, work: Path, env: dict[str, str],
                 ours: dict[str, float], limit: float = 600) -> list[dict[str, object]]:
    """Each saved query as `kg query NAME --store memory:FILE.nq`: rdflib parses the file, then queries;
    a run longer than ``limit`` seconds is stopped and counted as ``limit`` (a lower bound)."""
    from kg.query import saved_queries

    data = work / "synthetic.nq"
    subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nquads", "--store", str(store), "--out",
                    str(data)], cwd=work, env=env, check=True, capture_output=True)
    rows = []
    for name in saved_queries():
        argv = [sys.executable, "-m", "kg", "query", name, "--store", f"memory:{data}"]
        for key, value in params.get(name, {}).items():
            argv += ["--param", f"{key}={value}"]
        started = time.perf_counter()
        try:
            subprocess.run(argv, cwd=work, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=limit)
            seconds, finished = time.perf_counter() - started, True
        except subprocess.TimeoutExpired:
            seconds, finished = float(limit), False  # a lower bound
        speedup = seconds / ours[name]
        rows.append({"query": name, "rdflib_memory_s": round(seconds, 2), "finished": finished,
                     "kg_query_s": ours[name], "speedup": round(speedup, 1), "met": speedup >= 20})
        print(f"synthetic  {name:22} rdflib Memory from a file {'' if finished else '>'}{seconds:7.2f} s   kg query "
              f"{ours[name]:6.3f} s   {'' if finished else '>'}{speedup:6.1f}x faster (goal >= 20x)", flush=True)
    return rows


def bench_server(store: Path, params: dict[str, dict[str, str]], *, requests: int,
                 env: dict[str, str]) -> list[dict[str, object]] | dict[str, str]:
    """Every saved query against `kg serve` (the Oxigraph server) with 1 and 8 concurrent clients."""
    import urllib.parse
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    from kg.errors import KGError
    from kg.graph import KnowledgeGraph
    from kg.query import bind, saved_queries
    from kg.store.serve import free_port, oxigraph_binary, wait_listening
    from kg.store.sparql import inline_values

    try:
        oxigraph_binary()
    except KGError as exc:
        if os.environ.get("CI", "").lower() == "true":
            sys.exit(f"error: {exc}")
        print(f"skipped the server: {exc}", file=sys.stderr)
        return {"skipped": str(exc)}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                               "--timeout", "300", "--limit", "0"], env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_listening(port, server, what="kg serve")
        kg = KnowledgeGraph.open(store)
        rows: list[dict[str, object]] = []
        for name, query in saved_queries().items():
            values = {p.name: p.default for p in query.params if p.default is not None} | params.get(name, {})
            bindings = bind(kg.handle, kg.ontology, values, query.params, name)
            text = inline_values(query.text, bindings) if bindings else query.text
            body = urllib.parse.urlencode({"query": text}).encode()

            def ask(_: int, body: bytes = body) -> float:
                started = time.perf_counter()
                request = urllib.request.Request(url, data=body, headers={"Accept": "text/tab-separated-values"})
                with urllib.request.urlopen(request, timeout=600) as response:
                    response.read()
                return time.perf_counter() - started

            for clients in (1, 8):
                started = time.perf_counter()
                with ThreadPoolExecutor(clients) as pool:
                    latencies = list(pool.map(ask, range(requests)))
                wall = time.perf_counter() - started
                rows.append({"query": name, "clients": clients, "requests": requests,
                             "median_latency_s": round(statistics.median(latencies), 4),
                             "throughput_per_s": round(requests / wall, 1)})
                print(f"server     {name:22} {clients} client{'s' if clients > 1 else ' '}   median latency "
                      f"{statistics.median(latencies) * 1000:8.1f} ms   throughput {requests / wall:7.1f} queries/s",
                      flush=True)
        kg.close()
        return rows
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=2000, help="synthetic graph size (statements)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the results as JSON here")
    parser.add_argument("--rdflib", action="store_true",
                        help="also run each query on rdflib's Memory store loaded from a file (slow: once each)")
    parser.add_argument("--rdflib-limit", type=float, default=600,
                        help="stop an rdflib run after this many seconds (counted as a lower bound)")
    parser.add_argument("--requests", type=int, default=20, help="requests per query and client count (server)")
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["PYTHONPATH"] = str(ROOT)
    results: dict[str, object] = {**machine(),
                                  "repeat": args.repeat, "statements": args.statements}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build = timed([sys.executable, "-m", "kg", "build", "--store", str(work / "bundled")], cwd=work,
                      repeat=args.repeat, env=env)
        subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nquads", "--store", str(work / "bundled"),
                        "--out", str(work / "bundled.nq")], cwd=work, env=env, check=True, capture_output=True)
        loads = []
        for i in range(args.repeat):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", RAW_LOAD, str(work / "bundled.nq"), str(work / f"raw-{i}")],
                           check=True, env=env)
            loads.append(time.perf_counter() - started)
        raw_load = statistics.median(loads)
        print(f"kg build (bundled) {build:.3f} s   raw pyoxigraph bulk load of the same quads {raw_load:.3f} s   "
              f"ratio {build / raw_load:.2f}", flush=True)
        results["build"] = {"kg_build_s": round(build, 3), "raw_load_s": round(raw_load, 3),
                            "ratio": round(build / raw_load, 2)}
        started = time.perf_counter()
        triples = write_store(str(work / "synthetic"), args.statements)
        print(f"synthetic graph: {args.statements:,} statements, {triples:,} triples "
              f"({time.perf_counter() - started:.1f} s to generate)", flush=True)
        results["synthetic_triples"] = triples
        bundled_params = {"relations-of": {"actor": "Lukashenko"},
                          "evidence": {"subject": "Lukashenko", "relation": "consults", "object": "Putin"},
                          "actors-in": {"country": "Belarus"}}
        synthetic_params = {"relations-of": {"actor": "syn-0"},
                            "evidence": {"subject": "syn-0", "relation": "interacts_with", "object": "syn-1"},
                            "actors-in": {"country": "syn-0"},
                            "timeline": {"since": "2018-01-01", "until": "2018-03-31"}}
        results["queries"] = (
            bench_store("bundled", work / "bundled", bundled_params, repeat=args.repeat, work=work, env=env)
            + bench_store("synthetic", work / "synthetic", synthetic_params, repeat=args.repeat, work=work, env=env))
        if args.rdflib:
            results["rdflib_memory"] = bench_rdflib(work / "synthetic", synthetic_params, work=work, env=env,
                                                    ours={r["query"]: r["kg_query_s"] for r in results["queries"]
                                                          if r["graph"] == "synthetic"}, limit=args.rdflib_limit)
        results["server"] = bench_server(work / "synthetic", synthetic_params, requests=args.requests, env=env)
    save(results, args.save)


if __name__ == "__main__":
    main()
