"""Shared fixtures: the shared data folder, built graphs on every store, a CLI runner, a tiny parliament."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.build import build, build_graph
from kg.graph import KnowledgeGraph
from kg.model import Actor, Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLKG_SHARED", ROOT.parent / "shared"))
SEED_NAME = "000_f5241064790a1c61.txt"


def shared_path(*parts: str) -> Path:
    """Return a path in ../shared, or skip the test when it is missing (fail instead when CI=true)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: the shared data folder must sit beside the checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
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
    """Isomorphism under RDF 1.1, where a plain literal and an xsd:string literal are the same term.

    rdflib's parsers give plain literals; the Oxigraph store gives them back typed xsd:string.
    """
    from rdflib import XSD, Graph, Literal
    from rdflib.compare import isomorphic

    def normal(graph):
        out = Graph()
        for s, p, o in graph:
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))
            out.add((s, p, o))
        return out

    return isomorphic(normal(a), normal(b))


def free_port() -> int:
    """A TCP port nobody listens on, on 127.0.0.1."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process, *, what: str = "the server", seconds: float = 30) -> None:
    """Wait until ``process`` listens on 127.0.0.1:``port``; fail if it exits or takes too long."""
    import socket
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{what} did not start on port {port}") from None
            time.sleep(0.1)
