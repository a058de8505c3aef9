"""`--store http://...`: every command against real Oxigraph and Virtuoso servers on 127.0.0.1, and servers that fail."""

from __future__ import annotations

import gzip
import http.server
import threading
import time

import pytest

from kg.analyze import project
from kg.errors import StoreError
from kg.graph import KnowledgeGraph
from kg.query import saved_queries, saved_query
from kg.store.remote import RemoteStore, endpoints

from .conftest import free_port, oxigraph_server, same_graph, shared_path, virtuoso_server

PARAMETERS = {"actors-in": {"country": "Belarus"}, "actors": {"type": "Person"},
              "evidence": {"subject": "Lukashenko", "relation": "consults", "object": "Putin"},
              "relations-of": {"actor": "Tsikhanouskaya"}, "timeline": {"since": "2020-08-10", "until": "2020-08-20"},
              "allegations": {}, "conflict-cooperation": {}, "talked-to": {}}


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    """A writable SPARQL server (Oxigraph, then Virtuoso) with a temporary data directory, stopped afterwards."""
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as url:
        yield url


@pytest.fixture(scope="module")
def built(server, seeds, tmp_path_factory):
    """The bundled data built into the server and, for comparison, into a store on disk."""
    from kg.build import build

    build(store=server, sources=[seeds])
    folder = tmp_path_factory.mktemp("local")
    build(store=folder / "kg", sources=[seeds])
    return KnowledgeGraph.open(server), KnowledgeGraph.open(folder / "kg"), folder / "kg"


def test_endpoint_layouts(monkeypatch):
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    assert endpoints("http://h:7878")["gsp"] == "http://h:7878/store"
    assert endpoints("http://h:8890/sparql")["gsp"] == "http://h:8890/sparql-graph-crud"
    assert endpoints("http://h:3030/ds/")["update"] == "http://h:3030/ds/update"
    monkeypatch.setenv("KG_QUERY_URL", "http://elsewhere/q")
    assert endpoints("http://h:7878")["query"] == "http://elsewhere/q"
    with pytest.raises(StoreError, match="KG_STORE_USER"):
        endpoints("http://user:secret@h:7878")


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_every_saved_query_gives_the_same_rows_on_the_server(built, name):
    remote, local, _ = built
    assert name in saved_queries()
    rows = remote.run_query(saved_query(name), PARAMETERS[name]).records()
    assert rows == local.run_query(saved_query(name), PARAMETERS[name]).records()
    assert rows or name == "allegations"


def test_the_server_holds_the_same_graph(built):
    remote, local, _ = built
    assert len(remote) == len(local)
    assert same_graph(remote.graph, local.graph)


def test_analysis_reads_the_server(built):
    remote, local, _ = built
    a, b = project(remote), project(local)
    assert sorted(a.nodes(data="label")) == sorted(b.nodes(data="label"))
    assert sorted((u, v, d["event"], d["sources"]) for u, v, d in a.edges(data=True)) == \
        sorted((u, v, d["event"], d["sources"]) for u, v, d in b.edges(data=True))


@pytest.mark.parametrize("args", [("analyze", "centrality", "-n", "5"), ("analyze", "communities"),
                                  ("analyze", "path", "Tsikhanouskaya", "Putin"), ("analyze", "balance"),
                                  ("validate",), ("stats",), ("explain", "Lukashenko", "Putin"),
                                  ("query", "talked-to"), ("query", "relations-of", "--param", "actor=Lukashenko"),
                                  ("actors",)])
def test_commands_print_the_same_on_the_server_as_on_disk(cli, built, server, tmp_path, args):
    remote = cli(*args, "--store", server)
    assert remote.code == 0, remote.err
    local = cli(*args, "--store", built[2])
    assert local.code == 0, local.err
    assert remote.out + remote.err == local.out + local.err and (remote.out + remote.err).strip()


@pytest.mark.parametrize("fmt", ["turtle", "graphml", "csv"])
def test_export_and_viz_from_the_server(cli, built, server, tmp_path, fmt):
    assert cli("viz", "--out", tmp_path / "page.html", "--store", server).code == 0
    assert "vis-network" in (tmp_path / "page.html").read_text(encoding="utf-8")
    suffix = {"turtle": ".ttl"}.get(fmt, "." + fmt)
    done = cli("export", "--format", fmt, "--out", tmp_path / f"remote{suffix}", "--store", server)
    assert done.code == 0, done.err
    assert cli("export", "--format", fmt, "--out", tmp_path / f"local{suffix}", "--store", built[2]).code == 0
    remote, local = sorted(tmp_path.glob("remote*")), sorted(tmp_path.glob("local*"))
    assert len(remote) == len(local) == (2 if fmt == "csv" else 1)
    if fmt == "turtle":
        from rdflib import Graph

        assert same_graph(Graph().parse(remote[0], format="turtle"), Graph().parse(local[0], format="turtle"))
    else:
        assert [p.read_bytes() for p in remote] == [p.read_bytes() for p in local]


def _staging_left(url: str) -> bool:
    return RemoteStore(url).ask("ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:polkg:staging')) }")


def test_rebuild_replaces_the_graph_in_one_move(built, server, seeds):
    from kg.build import build

    before = len(KnowledgeGraph.open(server))
    build(store=server, sources=[seeds])
    assert not _staging_left(server), "no staging graph is left behind"
    assert len(KnowledgeGraph.open(server)) == before


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def scratch(request, tmp_path_factory):
    """A second server of each kind for the tests that write (load, import); each starts with a build."""
    start = oxigraph_server if request.param == "oxigraph" else virtuoso_server
    with start(tmp_path_factory.mktemp(request.param)) as url:
        yield url


#: A wins event whose recipient is a person, not an election: valid RDF, but it breaks the shapes.
WRONG = """@prefix pk: <https://w3id.org/polkg/ontology#> .
<https://w3id.org/polkg/event/t1> a pk:Event ; pk:relation pk:wins ;
    pk:actor <https://w3id.org/polkg/actor/alexander-lukashenko> ;
    pk:recipient <https://w3id.org/polkg/actor/vladimir-putin> .
"""


def test_load_adds_to_a_server_as_to_a_store(cli, scratch, tmp_path):
    (tmp_path / "wrong.ttl").write_text(WRONG, encoding="utf-8")
    local = tmp_path / "kg"
    for store in (scratch, local):
        assert cli("build", "--store", store).code == 0
        before = len(KnowledgeGraph.open(store))
        done = cli("load", tmp_path / "wrong.ttl", "--store", store)
        assert done.code == 0, done.err
        assert len(KnowledgeGraph.open(store)) == before + 4
    assert same_graph(KnowledgeGraph.open(scratch).graph, KnowledgeGraph.open(local).graph)
    assert not _staging_left(scratch)
    remote, here = cli("validate", "--store", scratch), cli("validate", "--store", local)
    assert remote.code == here.code == 1
    assert "not a pk:Election" in remote.out and remote.out == here.out


def test_a_bad_file_changes_nothing_on_the_server(cli, scratch, tmp_path):
    assert cli("build", "--store", scratch).code == 0
    before = len(KnowledgeGraph.open(scratch))
    good = "".join(f'<https://e.org/s{i}> <https://e.org/p> "{i}" .\n' for i in range(120_000))  # 2 batches sent
    (tmp_path / "bad.nt").write_text(good + '<https://e.org/b> <https://e.org/p> bad .\n')
    done = cli("load", tmp_path / "bad.nt", "--store", scratch)
    assert done.code == 1 and "bad.nt:120001" in done.err and "Traceback" not in done.err
    assert len(KnowledgeGraph.open(scratch)) == before
    assert not _staging_left(scratch)


def test_import_into_a_server_as_into_a_store(cli, scratch, tmp_path):
    source = shared_path("data", "events", "icews_daily_2018-2019", "20181004-icews-events.tab.gz")
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        head = [next(lines) for _ in range(301)]
    (tmp_path / "icews.tab").write_text("".join(head), encoding="utf-8")
    local = tmp_path / "kg"
    for store in (scratch, local):
        assert cli("build", "--store", store).code == 0
        done = cli("import", "icews", tmp_path / "icews.tab", "--store", store)
        assert done.code == 0, done.err
        assert "Imported 299 of 300 rows" in done.err  # one row has an unknown CAMEO code
    assert same_graph(KnowledgeGraph.open(scratch).graph, KnowledgeGraph.open(local).graph)
    assert cli("query", "actors", "--store", scratch).out == cli("query", "actors", "--store", local).out
    assert not _staging_left(scratch)


def test_a_server_that_is_down(cli):
    url = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    done = cli("query", "talked-to", "--store", url)
    assert done.code == 1 and url in done.err and "after 3 attempts" in done.err and "Traceback" not in done.err
    assert time.monotonic() - started < 20, "bounded retries, never a hang"


class _Garbage(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_POST(self):
        if self.status == 0:  # a server that never answers in time
            time.sleep(5)
            return
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"this is not SPARQL")

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.fixture
def garbage_server():
    servers = []

    def start(status: int) -> str:
        handler = type("Handler", (_Garbage,), {"status": status})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_server_that_answers_garbage(cli, garbage_server):
    url = garbage_server(200)
    done = cli("stats", "--store", url)
    assert done.code == 1 and "not SPARQL JSON results" in done.err and url in done.err


def test_a_wrong_password_is_named_but_never_shown(cli, garbage_server, monkeypatch):
    url = garbage_server(401)
    monkeypatch.setenv("KG_STORE_USER", "analyst")
    monkeypatch.setenv("KG_STORE_PASSWORD", "s3cret-value")
    done = cli("stats", "--store", url)
    assert done.code == 1 and "HTTP 401" in done.err and "KG_STORE_PASSWORD" in done.err
    assert "s3cret-value" not in done.err + done.out


def test_a_server_that_is_too_slow(cli, garbage_server, monkeypatch):
    url = garbage_server(0)
    monkeypatch.setenv("KG_HTTP_TIMEOUT", "0.5")
    started = time.monotonic()
    done = cli("query", "talked-to", "--store", url)
    assert done.code == 1 and url in done.err and "timed out" in done.err and "after 3 attempts" in done.err
    assert "Traceback" not in done.err and time.monotonic() - started < 10, "bounded retries, never a hang"


def test_blank_nodes_keep_their_identity_across_batches_and_files(cli, scratch, tmp_path, monkeypatch):
    import kg.store.remote

    monkeypatch.setattr(kg.store.remote, "BATCH", 2)  # every few triples a new request
    plain = "".join(f'<https://e.org/s{i}> <https://e.org/q> "{i}" .\n' for i in range(7))
    (tmp_path / "one.nt").write_text('_:a <https://e.org/p> "1" .\n' + plain + '_:a <https://e.org/p> "2" .\n')
    (tmp_path / "two.nt").write_text('_:a <https://e.org/p> "3" .\n')
    counts = []
    for store in (scratch, tmp_path / "kg"):
        assert cli("build", "--store", store).code == 0
        done = cli("load", tmp_path / "one.nt", tmp_path / "two.nt", "--store", store)
        assert done.code == 0, done.err
        rows = KnowledgeGraph.open(store).query(
            "SELECT ?b (COUNT(?v) AS ?n) WHERE { ?b <https://e.org/p> ?v } GROUP BY ?b")
        counts.append(sorted(int(r["n"]) for r in rows))
    assert counts == [[1, 2], [1, 2]], "one blank node per file, each whole"
