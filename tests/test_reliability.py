"""A write killed with SIGKILL at any point leaves the previous store readable and complete.

Real subprocesses (`kg build`, `kg load`, `kg import`) are killed after several delays; whatever the
moment, the store then opens, answers queries, and holds either exactly the old graph or exactly the new
one. A reader keeps working while a writer runs, and the next write after a kill succeeds (the lock dies
with its holder).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph

from .conftest import shared_path

DELAYS = (0.3, 0.8, 1.5, 2.5)


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KG_")}


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env(), capture_output=True, text=True,
                          timeout=600)


def snapshot(store: Path) -> tuple[int, frozenset[str]]:
    graph = KnowledgeGraph.open(store)
    try:
        return len(graph), frozenset(str(t) for t in graph.graph.triples((None, None, None)))
    finally:
        graph.close()


def kill_after(args: list[str], cwd: Path, delay: float) -> int | None:
    """Start `kg ARGS`, SIGKILL it after ``delay`` seconds; return its exit code if it ended first."""
    process = subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=cwd, env=env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = process.poll()
    if finished is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


@pytest.fixture
def big_ntriples(tmp_path) -> Path:
    """About 300,000 triples of N-Triples, so that a load takes long enough to be killed midway."""
    path = tmp_path / "big.nt"
    with path.open("w") as out:
        for i in range(300_000):
            out.write(f'<https://e.org/s{i % 5000}> <https://e.org/p{i % 7}> "value {i}" .\n')
    return path


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_killed_load_leaves_old_or_new_store(tmp_path, big_ntriples, delay):
    assert kg("build", cwd=tmp_path).returncode == 0
    old = snapshot(tmp_path / ".kg")
    kill_after(["load", str(big_ntriples)], tmp_path, delay)
    now = snapshot(tmp_path / ".kg")
    # killed before the switch: the old store; after it (the process may not have exited yet): the new one, whole
    assert now == old or (now[0] == old[0] + 300_000 and old[1] <= now[1]), f"killed after {delay} s"
    again = kg("load", str(big_ntriples), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert snapshot(tmp_path / ".kg")[0] == old[0] + 300_000


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS[:3])
def test_killed_build_leaves_old_or_new_store(tmp_path, delay):
    assert kg("build", cwd=tmp_path).returncode == 0
    old = snapshot(tmp_path / ".kg")
    kill_after(["build", "--no-check"], tmp_path, delay)
    assert snapshot(tmp_path / ".kg") == old, "a rebuild of the same data gives the same graph, killed or not"
    assert kg("query", "talked-to", cwd=tmp_path).returncode == 0


@pytest.fixture(scope="module")
def icews_reference(tmp_path_factory):
    """Eight ICEWS files, and the store a whole import of them into the bundled graph gives."""
    folder = shared_path("data", "events", "icews_daily_2018-2019")
    files = [str(p) for p in sorted(folder.glob("*.gz"))[:8]]
    where = tmp_path_factory.mktemp("reference")
    assert kg("build", cwd=where).returncode == 0
    assert kg("import", "icews", *files, cwd=where).returncode == 0
    return files, snapshot(where / ".kg")


@pytest.mark.slow
@pytest.mark.parametrize("delay", DELAYS)
def test_killed_import_leaves_old_or_new_store(tmp_path, icews_reference, delay):
    files, whole = icews_reference
    assert kg("build", cwd=tmp_path).returncode == 0
    old = snapshot(tmp_path / ".kg")
    kill_after(["import", "icews", *files], tmp_path, delay)
    assert snapshot(tmp_path / ".kg") in (old, whole), f"killed after {delay} s: neither the old nor the whole store"
    assert kg("analyze", "centrality", "-n", "1", cwd=tmp_path).returncode == 0


@pytest.mark.slow
def test_readers_keep_working_while_a_writer_runs(tmp_path, big_ntriples):
    assert kg("build", cwd=tmp_path).returncode == 0
    writer = subprocess.Popen([sys.executable, "-m", "kg", "load", str(big_ntriples)], cwd=tmp_path, env=env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    answers = []
    while writer.poll() is None and len(answers) < 30:
        done = kg("query", "talked-to", "-f", "csv", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        answers.append(done.stdout)
    writer.wait()
    assert writer.returncode == 0
    assert answers and len(set(answers)) == 1
