"""`kg serve`: the store over the SPARQL 1.1 Protocol through a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

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
from kg.serve import oxigraph_binary

from .conftest import free_port, wait_for_port


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds):
    try:
        oxigraph_binary()
    except KGError as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    folder = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    subprocess.run([sys.executable, "-m", "kg", "build", "--sources", str(seeds)], cwd=folder, env=env, check=True,
                   capture_output=True)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port), "--timeout", "5"],
                               cwd=folder, env=env, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    wait_for_port(port, process, what="kg serve")
    yield url, KnowledgeGraph.open(folder / ".kg")
    process.terminate()
    process.wait(timeout=10)


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
    bindings = {p.name: convert(kg, p, given.get(p.name, p.default)) for p in query.params
                if given.get(p.name, p.default) is not None}
    values = f"VALUES ({' '.join('?' + k for k in bindings)}) {{ ({' '.join(v.n3() for v in bindings.values())}) }}"
    head, where, body = query.text.partition("WHERE {")  # inside the group, so FILTERs see the values
    answer = remote(url, head + where + "\n  " + values + body)
    columns = answer["head"]["vars"]
    rows = [[row.get(c, {}).get("value") for c in columns] for row in answer["results"]["bindings"]]
    local = [[None if t is None else str(t) for t in row] for row in kg.graph.query(query.text, initBindings=bindings)]
    assert rows == local and rows
