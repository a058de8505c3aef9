"""The extraction benchmark runs at a tiny size and reports its numbers; speed targets live in the benchmark only."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED_NAME, SHARED, shared_path

BENCH = ROOT / "benchmarks" / "bench_extract.py"


def run_bench(*args, env):
    return subprocess.run([sys.executable, str(BENCH), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_bench_extract_reports_rates_ratios_and_memory(tmp_path):
    plover = shared_path("eval", "plover_gsr.jsonl")
    shared_path("eval", "re3d_open.jsonl")
    shared_path("seeds", SEED_NAME)
    out = tmp_path / "extract.json"
    done = run_bench("--words", "500", "--articles", "6", "--repeat", "1", "--save", str(out),
                     env=os.environ | {"POLKG_SHARED": str(SHARED)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ratio" in done.stdout and "speed-up" in done.stdout and "growth" in done.stdout
    results = json.loads(out.read_text())
    throughput, memory = results["throughput"], results["memory"]
    assert results["cpu_count"] >= 1
    assert throughput["words"] >= 500
    assert set(throughput["words_per_s"]) == {"raw_1", "raw_2", "ours_1", "ours_2"}
    assert all(rate > 0 for rate in throughput["words_per_s"].values())
    assert throughput["ours_over_raw"] > 0 and throughput["ours_over_raw_2_processes"] > 0
    assert throughput["speedup_2_processes"]["ours"] > 0 and throughput["speedup_2_processes"]["raw"] > 0
    assert all(rate > 0 for rate in throughput["best_of_repeat"]["words_per_s"].values())
    assert throughput["records"]["ours_1"] == throughput["records"]["ours_2"] > 0, "same records in 1 or 2 processes"
    assert [s["articles"] for s in memory["samples"]] == [1, 2, 3, 4, 5, 6]
    assert all(s["rss_mb"] > 0 for s in memory["samples"])
    assert memory["words"] > 0 and memory["records"] > 0
    first_sentence = json.loads(plover.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert first_sentence[:40] not in out.read_text(), "the results hold numbers, never the texts"


@pytest.mark.parametrize(("ci", "code", "stream"), [("true", 1, "error:"), ("", 0, "skipped:")])
def test_bench_extract_without_shared_data_fails_under_ci_else_skips(tmp_path, ci, code, stream):
    done = run_bench("--words", "10", env=os.environ | {"POLKG_SHARED": str(tmp_path / "nowhere"), "CI": ci})
    assert done.returncode == code
    assert done.stderr.startswith(stream) and "nowhere" in done.stderr


@pytest.mark.slow
def test_bench_viz_reports_projection_measures_and_page_times(tmp_path):
    from kg.viz.browser import missing

    if missing() and os.environ.get("CI", "").lower() != "true":
        pytest.skip(missing())
    out = tmp_path / "viz.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_viz.py"), "--events", "300", "--k", "20",
                           "--sizes", "30,60", "--repeat", "1", "--save", str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "projection:" in done.stdout and "PageRank" in done.stdout and "to stable" in done.stdout
    results = json.loads(out.read_text())
    analysis, page = results["analysis"], results["page"]
    assert analysis["events"] == 300 and analysis["edges"] > 0 and analysis["nodes"] > 0
    assert analysis["projection"]["seconds"] > 0 and analysis["projection"]["raw_seconds"] > 0
    assert analysis["betweenness"]["k"] == 20 and analysis["pagerank"]["seconds"] > 0
    assert [s["nodes"] for s in page["sizes"]] == [30, 60]
    assert all(s["to_stable_s"] > 0 and s["draw_only_s"] > 0 for s in page["sizes"])
    assert page["largest_interactive"] in (None, 30, 60)


@pytest.mark.slow
def test_bench_import_reports_rates_and_the_raw_baseline(tmp_path):
    shared_path("data", "events", "icews_daily_2018-2019")
    out = tmp_path / "import.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_import.py"), "--files", "1",
                           "--save", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=os.environ | {"POLKG_SHARED": str(SHARED)})
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    for dataset in ("gdelt", "icews"):
        got = results[dataset]
        assert got["rows"] > 0 and got["imported"] > 0 and got["rows_per_s"] > 0 and got["triples_per_row"] > 5
        assert got["raw_bulk_load_s"] > 0 and got["ratio"] > 0 and got["projection"]["edges"] > 0
    assert results["gdelt"]["files"] == 4 and results["icews"]["files"] == 1


@pytest.mark.slow
def test_bench_load_compares_kg_load_with_raw_pyoxigraph_and_rdflib(tmp_path):
    out = tmp_path / "load.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_load.py"), "--triples", "5000",
                           "--repeat", "1", "--save", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    assert results["quads"] > 4000
    for loader in ("kg_load", "raw_pyoxigraph", "rdflib_memory"):
        assert results[loader]["seconds"] > 0 and results[loader]["peak_rss_mb"] > 10
    assert results["ratio"] > 0 and "ratio" in done.stdout


@pytest.mark.slow
def test_bench_queries_reports_every_saved_query_and_the_server(tmp_path):
    from kg.query import saved_queries

    out = tmp_path / "queries.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_queries.py"), "--statements", "200",
                           "--repeat", "1", "--requests", "4", "--rdflib", "--save", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    names = set(saved_queries())
    assert {r["query"] for r in results["queries"] if r["graph"] == "synthetic"} == names
    assert {r["query"] for r in results["rdflib_memory"]} == names
    assert all(r["rdflib_memory_s"] > 0 and r["speedup"] > 0 for r in results["rdflib_memory"])
    server = results["server"]
    assert {(r["query"], r["clients"]) for r in server} == {(n, c) for n in names for c in (1, 8)}
    assert all(r["median_latency_s"] > 0 and r["throughput_per_s"] > 0 for r in server)


@pytest.mark.slow
def test_bench_world_reports_load_time_and_extraction_ratio(tmp_path):
    shared_path("eval", "bbc_politics.jsonl")
    out = tmp_path / "world.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_world.py"), "--articles", "2",
                           "--save", str(out)], cwd=ROOT, env=os.environ | {"POLKG_SHARED": str(SHARED)},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    assert results["load"]["actors"] > 4000 and results["load"]["registry_s"] > 0
    extraction = results["extraction"]
    assert extraction["articles"] == 2 and extraction["words"] > 0 and extraction["with_over_without"] > 0
    assert set(extraction["new_actors"]) == {"with", "without"}
