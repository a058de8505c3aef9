"""The store contract: one suite run against every store (Oxigraph on disk, rdflib Memory with and without a
file, a real Oxigraph server and a real Virtuoso on 127.0.0.1), through the Store and Handle protocols only."""

from __future__ import annotations

import io

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError, QueryError, StoreError
from kg.ontology import GRAPH_IRI
from kg.store import Handle, Store, open_store
from kg.store.rdfio import FORMATS, parse_graph

from .conftest import oxigraph_server, same_graph, virtuoso_server

KINDS = ["oxigraph-disk", "memory-file", "memory", "oxigraph-server", "virtuoso"]

E = "https://e.org/"
TURTLE = f"""@prefix e: <{E}> .
e:anna e:knows e:boris ; e:name "Anna" .
e:boris e:name "Boris"@en ; e:age 41 .
e:clara e:knows [ e:name "someone" ] .
""".encode()
EXTRA = [(URIRef(E + "dmitri"), URIRef(E + "knows"), URIRef(E + "anna"))]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """One Oxigraph server and one Virtuoso for the whole module, started on first use."""
    import contextlib

    with contextlib.ExitStack() as stack:
        started: dict[str, str] = {}

        def url(kind: str) -> str:
            if kind not in started:
                start = oxigraph_server if kind == "oxigraph-server" else virtuoso_server
                started[kind] = stack.enter_context(start(tmp_path_factory.mktemp(kind)))
            return started[kind]

        yield url


@pytest.fixture(params=KINDS)
def store(request, tmp_path, servers) -> Store:
    """An empty store of each kind."""
    kind = request.param
    if kind == "oxigraph-disk":
        return open_store(tmp_path / "kg")
    if kind == "memory-file":
        return open_store(f"memory:{tmp_path / 'graph.trig'}")
    if kind == "memory":
        return open_store("memory")
    remote = open_store(servers(kind))
    remote.update(f"DROP SILENT GRAPH <{GRAPH_IRI}>", once=True)  # type: ignore[attr-defined]
    return remote


def written(store: Store) -> Store:
    """``store`` holding the test graph (TURTLE), written in one replacing transaction."""
    with store.transaction(replace=True) as txn:
        txn.handle.load(io.BytesIO(TURTLE), "turtle", name="test.ttl")
    return store


def expected() -> Graph:
    return Graph().parse(data=TURTLE.decode(), format="turtle")


def test_stores_and_handles_follow_the_protocols(store):
    assert isinstance(store, Store)
    assert isinstance(written(store).open(), Handle)


def test_an_empty_store(store):
    assert not store.exists()
    assert store.count() == 0
    with pytest.raises(StoreError, match="no graph in store"):
        store.open()


def test_a_transaction_writes_what_a_reader_then_reads(store):
    handle = written(store).open()
    assert store.exists()
    assert store.count() == handle.count() == 6
    assert same_graph(handle.graph, expected())
    rows = handle.query("SELECT ?who ?name WHERE { ?who <https://e.org/name> ?name } ORDER BY ?name",
                        {"who": URIRef(E + "anna")}).rows
    assert rows == [{"who": "https://e.org/anna", "name": "Anna"}]
    assert handle.query("ASK { <https://e.org/boris> <https://e.org/age> 41 }").boolean is True
    assert sorted(handle.scan(E + "knows"))[0] == ("https://e.org/anna", "https://e.org/boris")
    constructed = handle.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert constructed is not None and same_graph(constructed, expected())
    named = handle.query("CONSTRUCT { ?who <https://e.org/name> ?name } WHERE { ?who <https://e.org/name> ?name }",
                         {"who": URIRef(E + "boris")}).graph
    assert named is not None and len(named) == 1
    assert isinstance(store.manifest(), dict)


def test_every_dump_format_parses_back_to_the_same_graph(store):
    handle = written(store).open()
    for fmt in FORMATS:
        assert same_graph(parse_graph(handle.dump(fmt), fmt), expected()), fmt


def test_adding_keeps_what_was_there(store):
    written(store)
    with store.transaction(replace=False) as txn:
        txn.handle.add(EXTRA)
        txn.handle.load(io.BytesIO(b'<https://e.org/eva> <https://e.org/name> "Eva" .\n'), "nt")
    assert store.count() == 8
    graph = store.open().graph
    assert EXTRA[0] in graph and (URIRef(E + "anna"), URIRef(E + "name"), Literal("Anna")) in set(
        (s, p, Literal(str(o)) if isinstance(o, Literal) and o.language is None and o.datatype else o)
        for s, p, o in graph)


@pytest.mark.parametrize("replace", [True, False])
def test_a_failed_transaction_leaves_the_graph_as_it_was(store, replace):
    written(store)
    with pytest.raises(RuntimeError, match="stop here"), store.transaction(replace=replace) as txn:
        txn.handle.add(EXTRA)
        txn.handle.load(io.BytesIO(b'<https://e.org/eva> <https://e.org/name> "Eva" .\n'), "nt")
        raise RuntimeError("stop here")
    assert store.count() == 6
    assert same_graph(store.open().graph, expected())


def test_bad_rdf_names_the_file_and_line_and_changes_nothing(store):
    written(store)
    bad = b'<https://e.org/a> <https://e.org/p> "x" .\n<https://e.org/a> <https://e.org/p> "unclosed .\n'
    with pytest.raises(InputError, match=r"^bad\.nt:2: not valid N-Triples"), \
            store.transaction(replace=False) as txn:
        txn.handle.load(io.BytesIO(bad), "nt", name="bad.nt")
    assert same_graph(store.open().graph, expected())


def test_queries_fail_clearly(store):
    handle = written(store).open()
    with pytest.raises(QueryError, match="syntax error"):
        handle.query("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="must be projected"):
        handle.query("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef(E + "anna")})
    with pytest.raises(QueryError, match="SPARQL UPDATE"):
        handle.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_updates_run_in_a_transaction_or_are_refused_on_a_server(store):
    written(store)
    update = "INSERT DATA { <https://e.org/dmitri> <https://e.org/knows> <https://e.org/anna> }"
    if store.spec.startswith("http"):
        with pytest.raises(StoreError, match="SPARQL Update runs on the server"), \
                store.transaction(replace=False) as txn:
            txn.handle.update(update)
        assert store.count() == 6
        return
    with store.transaction(replace=False) as txn:
        txn.handle.update(update)
    assert EXTRA[0] in store.open().graph


def test_a_backup_keeps_the_graph_of_its_moment(store, tmp_path):
    written(store)
    target = tmp_path / "backup.trig" if store.spec.startswith("memory") else tmp_path / "backup"
    copy = store.backup(f"memory:{target}" if store.spec.startswith("memory") else target)
    with store.transaction(replace=False) as txn:
        txn.handle.add(EXTRA)
    assert store.count() == 7
    assert copy.count() == 6 and same_graph(copy.open().graph, expected())
