"""`kg serve`: the store over the SPARQL 1.1 Protocol through a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.query import saved_queries
from kg.store.serve import oxigraph_binary

from .conftest import free_port, require, stop, wait_for_port


@contextlib.contextmanager
def serving(folder, build_args, serve_args):
    """Build the bundled data in ``folder`` and run `kg serve` over it; yields the URL, graph and process."""
    try:
        oxigraph_binary()
    except KGError as exc:
        require(False, str(exc))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    subprocess.run([sys.executable, "-m", "kg", "build", *build_args], cwd=folder, env=env, check=True,
                   capture_output=True)
    port = free_port()
    with (folder / "stderr.log").open("w") as log:  # a file, never a pipe nobody reads
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port), *serve_args],
                                   cwd=folder, env=env, stderr=log, text=True)
        try:
            wait_for_port(port, process, what="kg serve")
            yield f"http://127.0.0.1:{port}/query", KnowledgeGraph.open(folder / ".kg"), process
        finally:
            stop(process)


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds):
    with serving(tmp_path_factory.mktemp("serve"), ["--sources", str(seeds)], ["--timeout", "5"]) as (url, kg, _):
        yield url, kg


def remote(url, query):
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def embedded(kg, query):
    result = kg.graph.query(query)
    return [[None if term is None else str(term) for term in row] for row in result]


PARAMETER_FREE = sorted(name for name, q in saved_queries().items() if not q.params)


@pytest.mark.parametrize("name", PARAMETER_FREE)
def test_saved_queries_give_the_same_rows_over_http(server, name):
    url, kg = server
    text = saved_queries()[name].text
    answer = remote(url, text)
    columns = answer["head"]["vars"]
    rows = [[row.get(c, {}).get("value") for c in columns] for row in answer["results"]["bindings"]]
    local = embedded(kg, text)
    assert rows == local
    assert rows, f"{name} gives rows on the bundled data"


def test_served_read_only(server):
    url, _ = server
    update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(urllib.request.Request(url.replace("/query", "/update"), data=update), timeout=10)


def test_serve_without_a_store(cli):
    done = cli("serve", "--port", str(free_port()))
    assert done.code == 1 and "no graph in store .kg" in done.err and "Traceback" not in done.err


PARAMETERS = {"actors-in": {"country": "Belarus"}, "actors": {"type": "Person"},
              "evidence": {"subject": "Lukashenko", "relation": "consults", "object": "Putin"},
              "relations-of": {"actor": "Tsikhanouskaya"}, "timeline": {}}


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_parameterised_queries_bound_with_values_give_the_same_rows(server, name):
    from kg.query import convert

    url, kg = server
    query = saved_queries()[name]
    given = PARAMETERS[name]
    bindings = {p.name: convert(kg.handle, kg.ontology, p, given.get(p.name, p.default)) for p in query.params
                if given.get(p.name, p.default) is not None}
    values = f"VALUES ({' '.join('?' + k for k in bindings)}) {{ ({' '.join(v.n3() for v in bindings.values())}) }}"
    head, where, body = query.text.partition("WHERE {")  # inside the group, so FILTERs see the values
    answer = remote(url, head + where + "\n  " + values + body)
    columns = answer["head"]["vars"]
    rows = [[row.get(c, {}).get("value") for c in columns] for row in answer["results"]["bindings"]]
    local = [[None if t is None else str(t) for t in row] for row in kg.graph.query(query.text, initBindings=bindings)]
    assert rows == local and rows


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    """`kg serve --limit 3 --cors` over the bundled data."""
    folder = tmp_path_factory.mktemp("limited")
    with serving(folder, [], ["--limit", "3", "--cors"]) as (url, kg, process):
        yield url, kg, process
    assert process.returncode in (0, -15)
    log = (folder / "stderr.log").read_text()
    assert "at most 3 rows an answer" in log and "Traceback" not in log


def ask_server(url, query, accept):
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


EVERYTHING_TYPED = "SELECT ?s ?c WHERE { ?s a ?c } ORDER BY ?s ?c"


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/tab-separated-values", "text/csv"])
def test_answers_are_cut_at_the_limit_in_every_format(limited, accept):
    import pyoxigraph as ox

    url, kg, _ = limited
    headers, body = ask_server(url, EVERYTHING_TYPED, accept)
    assert headers["Content-Type"].startswith(accept) and headers["X-SPARQL-MaxRows"] == "3"
    expected = [[str(t) for t in row] for row in kg.graph.query(EVERYTHING_TYPED)][:3]
    assert len(expected) == 3
    if accept == "text/csv":
        lines = body.decode().splitlines()
        assert lines[0] == "s,c" and [line.split(",") for line in lines[1:]] == expected
        return
    fmt = ox.QueryResultsFormat.from_media_type(accept)
    rows = [[s["s"].value, s["c"].value] for s in ox.parse_query_results(body, fmt)]
    assert rows == expected


def test_the_yasgui_page_and_its_endpoint_are_limited_too(limited):
    url = limited[0]
    with urllib.request.urlopen(url.replace("/query", "/"), timeout=10) as response:
        page = response.read().decode()
    assert "yasgui" in page.lower() and '"/sparql"' in page, "Oxigraph's own YASGUI page queries /sparql"
    headers, body = ask_server(url.replace("/query", "/sparql"), EVERYTHING_TYPED, "application/sparql-results+json")
    assert headers["X-SPARQL-MaxRows"] == "3" and len(json.loads(body)["results"]["bindings"]) == 3


def test_small_answers_asks_and_errors_pass_unchanged(limited):
    url, _, _ = limited
    headers, body = ask_server(url, "SELECT ?s WHERE { ?s a ?c } LIMIT 2", "application/sparql-results+json")
    assert "X-SPARQL-MaxRows" not in headers and len(json.loads(body)["results"]["bindings"]) == 2
    headers, body = ask_server(url, "ASK { ?s a ?c }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True
    with pytest.raises(urllib.error.HTTPError) as error:
        ask_server(url, "SELECT ?s WHERE { ?s a ", "application/sparql-results+json")
    assert error.value.code == 400


def test_graphs_are_cut_at_the_limit_too(limited):
    from rdflib import Graph

    url, _, _ = limited
    headers, body = ask_server(url, "CONSTRUCT WHERE { ?s a ?c }", "text/turtle")
    assert headers["Content-Type"].startswith("text/turtle") and headers["X-SPARQL-MaxRows"] == "3"
    assert len(Graph().parse(data=body.decode(), format="turtle")) == 3


def test_rdflib_sparqlstore_reads_through_the_limit(limited):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    url, _, _ = limited
    graph = Graph(store=SPARQLStore(url, returnFormat="json"))
    assert len(list(graph.query("SELECT ?s WHERE { ?s a ?c }"))) == 3


def test_cross_origin_requests_only_when_asked(limited, server):
    request = urllib.request.Request(limited[0], method="OPTIONS", headers={
        "Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status in (200, 204) and response.headers["Access-Control-Allow-Origin"]
    for url, allowed in ((limited[0], True), (server[0], False)):
        request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": EVERYTHING_TYPED}).encode(),
                                         headers={"Origin": "http://yasgui.example", "Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert bool(response.headers.get("Access-Control-Allow-Origin")) is allowed


def test_chunked_and_malformed_requests_get_an_answer(limited):
    import http.client

    host, port = urllib.parse.urlsplit(limited[0]).netloc.split(":")
    # Headers only: the server answers a chunked body at once, and a body still being written when it
    # closes would break the client's pipe, not the server.
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/query")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    assert connection.getresponse().status == 411
    connection.close()
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/query")
    connection.putheader("Content-Length", "many")
    connection.endheaders()
    assert connection.getresponse().status == 400
    connection.close()
    _, body = ask_server(limited[0], "ASK {}", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True, "still serving"
