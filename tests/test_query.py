import re
from datetime import date

import pytest
from rdflib import Literal
from rdflib.compare import to_isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError, UnknownActor
from kg.ontology import PREFIXES
from kg.query import load_query, saved_queries, saved_query
from kg.resolve import resolve_actor

#: Parameters for each saved query in the cross-store test; every declared parameter is given.
PARAMS = {
    "relations-of": {"actor": "Lukashenko"},
    "evidence": {"subject": "Lukashenko", "relation": "consults", "object": "Vladimir Putin"},
    "actors": {"type": "Organization"},
    "actors-in": {"country": "Belarus", "type": "Actor"},
    "timeline": {"since": "2020-08-10", "until": "2020-08-12"},
}
EXPECTED = {
    "talked-to", "relations-of", "evidence", "actors", "actors-in", "timeline", "conflict-cooperation", "allegations",
}


def test_saved_queries_exist_and_are_well_formed():
    queries = saved_queries()
    assert set(queries) >= EXPECTED
    for query in queries.values():
        assert query.description, query.name
        parsed = prepareQuery(query.text, initNs=PREFIXES)
        assert "ORDER BY" in query.text, f"{query.name} needs ORDER BY to compare across stores"
        projected = {str(v) for v in parsed.algebra["PV"]}
        for param in query.params:
            assert param.name in projected, f"{query.name} must project ?{param.name}"
        if query.name not in ("talked-to", "conflict-cooperation", "allegations"):
            assert query.params, query.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_saved_query_gives_the_same_rows_on_every_store(store_graphs, name):
    results = {kind: kg.run_query(saved_query(name), PARAMS.get(name)).records() for kind, kg in store_graphs.items()}
    reference = results["oxigraph-disk"]
    assert reference, f"{name} returned nothing"
    for kind, rows in results.items():
        assert rows == reference, f"{name} differs on {kind}"


def test_talked_to_shows_the_call_with_date_status_and_source(bundled):
    rows = bundled.run_query(saved_query("talked-to")).records()
    assert {"actor": "Alexander Lukashenko", "family": "consults", "relation": "calls",
            "recipient": "Vladimir Putin", "date": date(2020, 8, 15), "until": None, "status": "reported by Kremlin",
            "source": "source:seed-2020-08-15"} in [{k: v for k, v in r.items() if k != "event"} for r in rows]


def test_evidence_query(bundled):
    rows = bundled.run_query(saved_query("evidence"), PARAMS["evidence"]).records()
    assert [(r["specific"], r["start"], r["direct"]) for r in rows] == [("calls", 0, True), ("calls", 85, True),
                                                                       ("calls", 660, True)]
    alleged = bundled.run_query(saved_query("evidence"), {"subject": "belarusian-police", "relation": "assaults",
                                              "object": "Belarusian protesters"}).records()
    assert {r["specific"] for r in alleged} == {"beats", "tortures"} and not any(r["direct"] for r in alleged)


def test_timeline_window(bundled):
    rows = bundled.run_query(saved_query("timeline"), {"since": "2020-08-12", "until": "2020-08-12"}).records()
    relations = {(r["actor"], r["relation"]) for r in rows}
    assert ("Poland", "proposes") in relations
    assert ("Alexander Lukashenko", "calls") not in relations
    assert all(r["date"] <= date(2020, 8, 12) <= (r["end"] or r["date"]) for r in rows)


def test_actors_by_type(bundled):
    people = bundled.run_query(saved_query("actors"), {"type": "Person"}).records()
    assert {r["label"] for r in people} >= {"Alexander Lukashenko", "Elena German"}
    assert {r["class"] for r in people} == {"pk:Person"}
    countries = bundled.run_query(saved_query("actors"), {"type": "Country"}).records()
    assert {r["iso"] for r in countries} >= {"BY", "RU", "PL", "LV", "LT"}


def test_actor_resolution(bundled):
    for name in ("Lukashenko", "lukashenka", "Аляксандр Лукашэнка", "alexander-lukashenko",
                 "actor:alexander-lukashenko", "<https://w3id.org/polkg/actor/alexander-lukashenko>"):
        assert str(resolve_actor(bundled.handle, name)).endswith("/actor/alexander-lukashenko"), name
    assert str(resolve_actor(bundled.handle, "Tikhanovskaya")).endswith("sviatlana-tsikhanouskaya")
    with pytest.raises(UnknownActor, match="no actor called 'Lukashenkoo' \\(did you mean 'Alexander Lukashenko'"):
        resolve_actor(bundled.handle, "Lukashenkoo")


def test_parameters_are_bound_not_spliced(bundled):
    """A value shaped like SPARQL stays a value: no row, no error, no change to the graph."""
    before = to_isomorphic(bundled.graph)
    hostile = '" } } ; DELETE WHERE { ?s ?p ?o } ; SELECT * { ?x ?y "'
    rows = bundled.execute("SELECT ?label ?x WHERE { ?x rdfs:label ?label }", params={"label": hostile}).records()
    assert rows == []
    assert to_isomorphic(bundled.graph) == before
    with pytest.raises(UnknownActor):
        bundled.run_query(saved_query("relations-of"), {"actor": hostile})
    found = bundled.execute("SELECT ?label ?x WHERE { ?x rdfs:label ?label }",
                params={"label": Literal("Minsk", lang="en")}).records()
    assert found == [{"label": "Minsk", "x": "actor:minsk"}]


def test_parameters_must_be_projected_on_every_store(store_graphs):
    for kg in store_graphs.values():
        with pytest.raises(QueryError, match=r"parameter \?s must be projected"):
            kg.execute("SELECT ?o WHERE { ?s pk:calls ?o }", params={"s": "actor:alexander-lukashenko"})


def test_missing_and_unknown_parameters(bundled):
    with pytest.raises(QueryError, match="saved query 'relations-of' needs --param actor="):
        bundled.run_query(saved_query("relations-of"))
    with pytest.raises(QueryError, match="has no parameter 'who' \\(it takes: actor\\)"):
        bundled.run_query(saved_query("relations-of"), {"actor": "Putin", "who": "x"})
    with pytest.raises(QueryError, match="parameter since: bad date"):
        bundled.run_query(saved_query("timeline"), {"since": "yesterday-ish"})


def test_load_query(tmp_path):
    assert load_query("talked-to").name == "talked-to"
    with pytest.raises(QueryError, match="unknown saved query 'talked' \\(did you mean 'talked-to'"):
        load_query("talked")
    path = tmp_path / "mine.rq"
    path.write_text("# Mine.\n# param: who actor  Someone.\nSELECT ?who ?o WHERE { ?who pk:calls ?o } ORDER BY ?o\n")
    loaded = load_query(str(path))
    assert loaded.description == "Mine." and loaded.params[0].name == "who"
    assert load_query("SELECT * WHERE { ?s ?p ?o }").name == ""


def test_syntax_errors_name_the_line(bundled, tmp_path):
    with pytest.raises(QueryError, match=r"^<query>:2: SPARQL syntax error"):
        bundled.execute("SELECT ?s\nWHERE { ?s ?p }")
    path = tmp_path / "broken.rq"
    path.write_text("# Broken.\nSELECT ?s\nWHERE {\n  ?s ?p ?o\n  FILTER(\n}\n")
    with pytest.raises(QueryError, match=re.escape(str(path)) + r":\d: SPARQL syntax error"):
        bundled.run_query(load_query(str(path)))


def test_updates_are_refused_by_query(bundled):
    with pytest.raises(QueryError, match="this is a SPARQL UPDATE; `kg query` runs it only with --update"):
        bundled.execute("INSERT DATA { actor:x a pk:Person }")


def test_ask_and_construct(bundled):
    assert bundled.execute("ASK { actor:alexander-lukashenko pk:calls actor:vladimir-putin }").boolean is True
    assert bundled.execute("ASK { actor:vladimir-putin pk:calls actor:alexander-lukashenko }").boolean is False
    result = bundled.execute("CONSTRUCT { ?s pk:calls ?o } WHERE { ?s pk:calls ?o }")
    assert len(result.graph) == 1


def test_a_one_line_query_longer_than_a_file_name_is_sparql_text():
    text = "SELECT ?a WHERE { ?a ?p ?o . " + " ".join(f"OPTIONAL {{ ?a rdfs:label ?l{i} }}" for i in range(20)) + " }"
    assert len(text) > 255 and "\n" not in text
    assert load_query(text).text == text
