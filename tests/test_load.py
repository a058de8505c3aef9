"""`kg load`: RDF files bulk-loaded into the store, atomically."""

from __future__ import annotations

import gzip
import re

import pytest

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.store.load import load_files
from kg.store.rdfio import load_format

from .conftest import same_graph


@pytest.fixture
def exported(cli, tmp_path):
    assert cli("build").code == 0
    for fmt, name in (("nquads", "g.nq"), ("turtle", "g.ttl"), ("nt", "g.nt"), ("trig", "g.trig")):
        assert cli("export", "--format", fmt, "--out", name).code == 0
    return tmp_path


@pytest.mark.parametrize("name", ["g.nq", "g.ttl", "g.nt", "g.trig", "g.ttl.gz"])
def test_load_round_trips(cli, exported, name):
    if name.endswith(".gz"):
        (exported / name).write_bytes(gzip.compress((exported / name[:-3]).read_bytes()))
    done = cli("load", name, "--store", "loaded")
    assert done.code == 0, done.err
    assert f"Read {name}" in done.err
    original, loaded = KnowledgeGraph.open(exported / ".kg"), KnowledgeGraph.open(exported / "loaded")
    assert len(loaded) == len(original)
    assert same_graph(original.graph, loaded.graph)
    assert loaded.saved_query("talked-to") == original.saved_query("talked-to")


def test_load_adds_to_the_current_graph_and_moves_other_graphs_into_ours(cli, exported):
    (exported / "extra.nq").write_text('<https://e.org/a> <https://e.org/p> "in another graph" <https://e.org/g> .\n'
                                       '<https://e.org/a> <https://e.org/p> "in the default graph" .\n')
    before = len(KnowledgeGraph.open(exported / ".kg"))
    done = cli("load", "extra.nq")
    assert done.code == 0, done.err
    kg = KnowledgeGraph.open(exported / ".kg")
    assert len(kg) == before + 2 and "(+2)" in done.err
    values = {row["o"] for row in kg.query("SELECT ?o WHERE { <https://e.org/a> <https://e.org/p> ?o }")}
    assert values == {"in another graph", "in the default graph"}


def test_a_bad_file_changes_nothing(cli, exported):
    (exported / "bad.ttl").write_text("@prefix ex: <https://e.org/> .\nex:a ex:p ex:b .\nex:c ex:p .\n")
    before = sorted(map(str, KnowledgeGraph.open(exported / ".kg").graph))
    current = (exported / ".kg" / "current").resolve()
    done = cli("load", "g.nt", "bad.ttl")
    assert done.code == 1 and "\nError: bad.ttl:3: not valid Turtle" in done.err
    assert "Traceback" not in done.err
    assert sorted(map(str, KnowledgeGraph.open(exported / ".kg").graph)) == before
    assert (exported / ".kg" / "current").resolve() == current, "the store still points at the old generation"


def test_fresh_store_gets_the_ontology(tmp_path):
    (tmp_path / "a.nt").write_text('<https://e.org/a> <https://e.org/p> "x" .\n')
    with_ontology = load_files([tmp_path / "a.nt"], store=tmp_path / "one")
    without = load_files([tmp_path / "a.nt"], store=tmp_path / "two", ontology=False)
    assert without.triples == 1 and with_ontology.triples > 1000


@pytest.mark.parametrize(("name", "message"), [("data.csv", "unknown RDF file type '.csv'"),
                                               ("data", "unknown RDF file type '(no suffix)'")])
def test_unknown_file_types(tmp_path, name, message):
    (tmp_path / name).write_text("x")
    with pytest.raises(InputError, match=re.escape(message)):
        load_files([tmp_path / name], store=tmp_path / "kg")
    assert not (tmp_path / "kg").exists()


def test_corrupt_gzip_and_missing_files(tmp_path):
    (tmp_path / "a.nt.gz").write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="a.nt.gz: cannot read"):
        load_files([tmp_path / "a.nt.gz"], store=tmp_path / "kg")
    with pytest.raises(InputError, match="nothere.nq: no such file"):
        load_files([tmp_path / "nothere.nq"], store=tmp_path / "kg")


def test_every_store_loads_the_same_graph(tmp_path):
    (tmp_path / "a.nt").write_text('<https://e.org/a> <https://e.org/p> "x" .\n_:b <https://e.org/p> "y" .\n')
    (tmp_path / "b.trig").write_text('<https://e.org/g> { <https://e.org/c> <https://e.org/p> <https://e.org/a> }\n')
    graphs = {}
    for spec in (tmp_path / "kg", f"memory:{tmp_path / 'g.trig'}"):
        report = load_files([tmp_path / "a.nt", tmp_path / "b.trig"], store=spec)
        assert report.files == 2 and report.triples > 3
        graphs[str(spec)] = KnowledgeGraph.open(spec).graph
    first, second = graphs.values()
    assert same_graph(first, second)


def test_rdf_format_by_suffix(tmp_path):
    assert load_format(tmp_path / "x.NQ.gz") == ("nquads", True)
    assert load_format(tmp_path / "x.trig") == ("trig", False)
