import json
import os
import subprocess
import sys
import textwrap

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import build
from kg.errors import InputError, StoreError
from kg.graph import KnowledgeGraph
from kg.store import MemoryStore, OxigraphDirStore, open_store

from .conftest import same_graph


def test_specs(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert isinstance(open_store(None), OxigraphDirStore) and open_store(None).spec == ".kg"
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))
    assert open_store(None).spec == str(tmp_path / "elsewhere")
    assert isinstance(open_store("memory:g.trig"), MemoryStore)
    with pytest.raises(StoreError, match="must end in"):
        open_store("memory:g.txt")
    from kg.store.remote import RemoteStore

    assert isinstance(open_store("http://127.0.0.1:7878"), RemoteStore)
    with pytest.raises(StoreError, match="a store is a directory"):
        open_store("ftp://127.0.0.1/kg")


def test_build_writes_a_generation_and_a_manifest(tmp_path):
    report = build(store=tmp_path / "kg")
    store = OxigraphDirStore(tmp_path / "kg")
    assert store.exists() and (tmp_path / "kg" / "current").is_symlink()
    manifest = store.manifest()
    assert manifest["statements"] == report.statements and manifest["triples"] == report.triples
    assert {"built", "seconds", "rdflib", "pyoxigraph", "files"} <= set(manifest)
    assert len(KnowledgeGraph.open(tmp_path / "kg")) == report.triples


def test_rebuild_keeps_current_and_previous_generations_only(tmp_path):
    for _ in range(3):
        build(store=tmp_path / "kg")
    generations = sorted(p.name for p in (tmp_path / "kg").glob("gen-*"))
    assert len(generations) == 2
    assert os.readlink(tmp_path / "kg" / "current") in generations
    assert os.readlink(tmp_path / "kg" / "previous") in generations


def test_a_failed_build_leaves_the_previous_store_intact(tmp_path):
    build(store=tmp_path / "kg")
    before = KnowledgeGraph.open(tmp_path / "kg")
    size = len(before)
    bad = tmp_path / "bad.yaml"
    bad.write_text("statements:\n  - id: x\n    subject: nobody\n    relation: calls\n    source: seed-2020-08-15\n")
    with pytest.raises(InputError):
        build([bad], store=tmp_path / "kg")
    store = OxigraphDirStore(tmp_path / "kg")
    with pytest.raises(RuntimeError, match="boom"), store.transaction(replace=True) as txn:
        txn.graph.add((URIRef("urn:x"), URIRef("urn:p"), Literal("half-written")))
        raise RuntimeError("boom")
    after = KnowledgeGraph.open(tmp_path / "kg")
    assert len(after) == size
    assert same_graph(before.graph, after.graph)
    assert len(list((tmp_path / "kg").glob("gen-*"))) == 1


def test_adding_to_a_store_copies_it(tmp_path):
    build(store=tmp_path / "kg")
    size = len(KnowledgeGraph.open(tmp_path / "kg"))
    with OxigraphDirStore(tmp_path / "kg").transaction(replace=False) as txn:
        txn.graph.add((URIRef("urn:x"), URIRef("urn:p"), Literal("added")))
    assert len(KnowledgeGraph.open(tmp_path / "kg")) == size + 1


def test_graph_of_an_ended_transaction_cannot_be_used(tmp_path):
    with OxigraphDirStore(tmp_path / "kg").transaction(replace=True) as txn:
        graph = txn.graph
    with pytest.raises(StoreError, match="has ended"):
        len(graph)


def test_second_writer_waits_then_fails_clearly(tmp_path, monkeypatch):
    build(store=tmp_path / "kg")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from kg.store import OxigraphDirStore
        with OxigraphDirStore({str(tmp_path / 'kg')!r}).transaction(replace=False):
            print("locked", flush=True)
            time.sleep(30)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.5")
        with pytest.raises(StoreError, match=rf"store {tmp_path / 'kg'} is locked by another writer \(pid {holder.pid}\)"):
            build(store=tmp_path / "kg")
        assert len(KnowledgeGraph.open(tmp_path / "kg")) > 0  # readers keep working
    finally:
        holder.kill()
        holder.wait()
    build(store=tmp_path / "kg")  # the lock went with the process


def test_missing_and_foreign_stores(tmp_path):
    with pytest.raises(StoreError, match="no graph in store .*run `kg build` first"):
        KnowledgeGraph.open(tmp_path / "nothing")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "data.bin").write_bytes(b"x")
    with pytest.raises(StoreError, match="is not a polkg store"):
        KnowledgeGraph.open(tmp_path / "foreign")
    (tmp_path / "file.ttl").write_text("")
    with pytest.raises(StoreError, match="is a file, not a store directory; .*memory:"):
        KnowledgeGraph.open(tmp_path / "file.ttl")


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt"])
def test_memory_file_store_round_trips(tmp_path, suffix):
    spec = f"memory:{tmp_path / ('graph' + suffix)}"
    build(store=spec)
    reopened = KnowledgeGraph.open(spec)
    assert reopened.graph.store.__class__.__name__ == "Memory"
    assert isomorphic(reopened.graph, KnowledgeGraph.open(spec).graph)
    assert reopened.query("SELECT ?o WHERE { actor:alexander-lukashenko pk:calls ?o }") == [
        {"o": "actor:vladimir-putin"}]
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_memory_file_store_is_replaced_atomically(tmp_path):
    path = tmp_path / "graph.trig"
    build(store=f"memory:{path}")
    original = path.read_bytes()
    with pytest.raises(RuntimeError), MemoryStore(path).transaction(replace=True):
        raise RuntimeError("stop")
    assert path.read_bytes() == original


def test_corrupt_memory_file(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text("this is not trig {")
    with pytest.raises(StoreError, match="does not parse"):
        KnowledgeGraph.open(f"memory:{path}")


def test_manifest_is_json(tmp_path):
    build(store=tmp_path / "kg")
    manifest = json.loads((tmp_path / "kg" / "current" / "manifest.json").read_text())
    assert manifest["files"][0] == "data/actors.yaml"
