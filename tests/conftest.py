"""Shared fixtures: the shared data folder, built graphs on every store, a CLI runner, a tiny parliament."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.build import build, build_graph
from kg.graph import KnowledgeGraph
from kg.model import Actor, Source
from kg.store.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLKG_SHARED", ROOT.parent / "shared"))
SEED_NAME = "000_f5241064790a1c61.txt"


def shared_path(*parts: str) -> Path:
    """Return a path in ../shared, or skip the test when it is missing (fail instead when CI=true)."""
    path = SHARED.joinpath(*parts)
    require(path.exists(), f"{path} is missing: the shared data folder must sit beside the checkout")
    return path


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder holding the seed article."""
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seed_text(seeds: Path) -> str:
    return (seeds / SEED_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled(seeds: Path) -> KnowledgeGraph:
    """The bundled data with evidence sentences, in Oxigraph in memory."""
    return build_graph(sources=[seeds])


@pytest.fixture(scope="session")
def store_graphs(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, KnowledgeGraph]:
    """The bundled data built once into every kind of store, then opened for reading."""
    folder = tmp_path_factory.mktemp("stores")
    build(store=folder / "kg", sources=[seeds])
    build(store=f"memory:{folder / 'graph.trig'}", sources=[seeds])
    return {
        "oxigraph-disk": KnowledgeGraph.open(folder / "kg"),
        "memory-file": KnowledgeGraph.open(f"memory:{folder / 'graph.trig'}"),
        "oxigraph-memory": build_graph(sources=[seeds]),
        "rdflib-memory": build_graph(sources=[seeds], backend="memory"),
    }


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run ``kg`` in-process through its real entry point, in a fresh working directory."""
    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.delenv("KG_SOURCES", raising=False)

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


PARLIAMENT = [
    Actor("anna", "Person", "Anna Adler", aliases=(("Adler", "en"),)),
    Actor("boris", "Person", "Boris Brandt", aliases=(("Brandt", "en"),)),
    Actor("clara", "Person", "Clara Chen"),
    Actor("dmitri", "Person", "Dmitri Dorn"),
    Actor("eva", "Person", "Eva Egger"),
    Actor("ruritania", "Country", "Ruritania"),
]


@pytest.fixture
def parliament() -> KnowledgeGraph:
    """A five-member parliament of a made-up country, with one source and the ontology loaded."""
    kg = KnowledgeGraph()
    kg.add_ontology()
    for actor in PARLIAMENT:
        kg.add_actor(actor)
    kg.add_source(Source("minutes", "Minutes of the sitting"))
    return kg


def same_graph(a, b) -> bool:
    """Isomorphism under RDF 1.1, where a plain literal and an xsd:string literal are the same term, and
    decimals compare by value.

    rdflib's parsers give plain literals; the Oxigraph store gives them back typed xsd:string, and keeps
    decimals in canonical form (``7`` for ``7.0``).
    """
    from decimal import Decimal

    from rdflib import XSD, Graph, Literal
    from rdflib.compare import isomorphic

    def normal(graph):
        out = Graph()
        for s, p, o in graph:
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))
            elif isinstance(o, Literal) and o.datatype == XSD.decimal:
                o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
            out.add((s, p, o))
        return out

    return isomorphic(normal(a), normal(b))


def wait_for_port(port: int, process, *, what: str = "the server", seconds: float = 30) -> None:
    """Wait until ``process`` listens on 127.0.0.1:``port``; fail the test if it exits or takes too long."""
    from kg.errors import KGError
    from kg.store.serve import wait_listening

    try:
        wait_listening(port, process, what=what, seconds=seconds)
    except KGError as exc:
        raise AssertionError(str(exc)) from None


def require(condition: bool, message: str) -> None:
    """Skip the test when ``condition`` is false, or fail it when CI=true (a missing dependency is an error)."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def oxigraph_server(folder: Path):
    """A writable Oxigraph server on 127.0.0.1 with its data in ``folder``; yields its URL."""
    import subprocess

    from kg.store.serve import oxigraph_binary

    try:
        binary = oxigraph_binary()
    except Exception as exc:
        require(False, str(exc))
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, what="the Oxigraph server")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def stop(process, seconds: float = 30) -> None:
    """Terminate a server process, and kill it if it does not stop in time."""
    import subprocess

    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}/www
ServerThreads = 8
MaxClientConnections = 8
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""

#: Anonymous SPARQL users may update (the /sparql endpoint and the Graph Store Protocol at
#: /sparql-graph-crud); only safe on a private server bound to 127.0.0.1, as here.
VIRTUOSO_GRANTS = """GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"""


@contextlib.contextmanager
def virtuoso_server(folder: Path):
    """A private Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1 with its own ini and database in
    ``folder``, anonymous writes granted and the 10,000-row result cap raised; yields its /sparql URL."""
    import shutil
    import subprocess

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    require(bool(binary and isql), "Virtuoso is not installed (Debian package virtuoso-opensource; .ci/run "
                                   "installs it)")
    http_port, sql_port = free_port(), free_port()
    (folder / "www").mkdir(parents=True, exist_ok=True)
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        wait_for_port(sql_port, process, what="Virtuoso", seconds=60)
        wait_for_port(http_port, process, what="Virtuoso", seconds=60)
        granted = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
                                 capture_output=True, text=True, timeout=60)
        assert granted.returncode == 0 and "Error" not in granted.stdout + granted.stderr, granted.stdout
        url = f"http://127.0.0.1:{http_port}/sparql"
        _wait_for_sparql(url, process)
        yield url
    finally:
        stop(process)
        log.close()


def _wait_for_sparql(url: str, process, seconds: float = 60) -> None:
    """Wait until the endpoint answers an ASK with SPARQL JSON (a server may listen before it is ready)."""
    import json
    import time
    import urllib.parse
    import urllib.request

    deadline = time.monotonic() + seconds
    problem = ""
    while process.poll() is None and time.monotonic() < deadline:
        request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": "ASK {}"}).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if "boolean" in json.loads(response.read()):
                    return
        except Exception as exc:  # not ready yet: an HTML page, a refused or reset connection
            problem = str(exc)
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer SPARQL: {problem}")
