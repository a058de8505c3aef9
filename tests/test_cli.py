import csv
import io
import json
import re

import pytest
from rdflib import Graph

from .conftest import same_graph

COMMANDS = ["build", "query", "queries", "export", "stats", "explain", "ontology", "validate"]


@pytest.fixture
def built(cli, seeds):
    result = cli("build", "--sources", seeds)
    assert result.code == 0, result.err
    return cli


def assert_error(result, pattern: str) -> None:
    assert result.code == 1, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert re.match(r"^Error: " + pattern, lines[0]), lines[0]
    assert "Traceback" not in result.err


def test_version(cli):
    result = cli("--version")
    assert result.code == 0 and re.fullmatch(r"polkg \S+\n", result.out)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.code == 0 and "Usage: kg " + command in result.out


def test_build_reports_what_it_did(cli, seeds):
    from kg.curated import bundled_inputs, load_curated

    data = load_curated(bundled_inputs())
    with_evidence = sum(1 for s in data.statements if s.evidence)
    result = cli("build", "--sources", seeds)
    assert result.code == 0 and result.out == ""
    assert re.match(rf"Built \.kg: {len(data.actors)} actors, {len(data.things)} things, {len(data.sources)} sources, "
                    rf"{len(data.statements)} statements, [\d,]+ triples in [\d.]+ s\.\n"
                    rf"Evidence sentences attached for {with_evidence} statements\.\n$", result.err), result.err


def test_build_without_source_texts_says_how_to_attach_them(cli):
    result = cli("build")
    assert result.code == 0
    assert "no text found for seed-2020-08-15" in result.err and "--sources DIR" in result.err


def test_build_from_sources_env(cli, seeds, monkeypatch):
    monkeypatch.setenv("KG_SOURCES", str(seeds))
    assert re.search(r"Evidence sentences attached for [1-9]\d* statements\.\n$", cli("build").err)


def test_query_saved_shows_the_call(built):
    result = built("query", "talked-to")
    assert result.code == 0
    line = next(line for line in result.out.splitlines() if "reported by Kremlin" in line)
    assert re.search(r"Alexander Lukashenko\s+consults\s+calls\s+Vladimir Putin\s+2020-08-15\s+reported by Kremlin"
                     r"\s+source:seed-2020-08-15", line)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "table"])
def test_query_formats(built, fmt):
    result = built("query", "relations-of", "--param", "actor=Tsikhanouskaya", "--format", fmt)
    assert result.code == 0, result.err
    if fmt == "json":
        rows = json.loads(result.out)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.out.splitlines()]
    elif fmt in ("csv", "tsv"):
        rows = list(csv.DictReader(io.StringIO(result.out), delimiter="," if fmt == "csv" else "\t"))
    else:
        assert "flees_to" in result.out and "Lithuania" in result.out
        return
    assert {"direction": "out", "relation": "flees_to", "other": "Lithuania"}.items() <= \
        next(r for r in rows if r["relation"] == "flees_to").items()
    assert len(rows) == 6


def test_query_inline_file_and_ask(built, tmp_path):
    result = built("query", "SELECT ?o WHERE { actor:alexander-lukashenko pk:calls ?o }", "-f", "csv")
    assert result.out == "o\nactor:vladimir-putin\n"
    path = tmp_path / "who.rq"
    path.write_text("# Who proposes what.\nSELECT ?s ?o WHERE { ?s pk:proposes ?o } ORDER BY ?s\n")
    assert built("query", path, "-f", "tsv").out.splitlines()[1:] == [
        "actor:latvia\tnode:belarus-mediation-plan-2020", "actor:lithuania\tnode:belarus-mediation-plan-2020",
        "actor:poland\tnode:belarus-mediation-plan-2020"]
    assert built("query", "ASK { actor:poland pk:proposes ?x }", "-f", "json").out.strip() == '[\n  {\n    "result": true\n  }\n]'


def test_query_param_for_inline_query(built):
    result = built("query", "SELECT ?s ?o WHERE { ?s pk:flees_to ?o }", "-p", "s=actor:sviatlana-tsikhanouskaya",
                   "-f", "csv")
    assert result.out == "s,o\nactor:sviatlana-tsikhanouskaya,actor:lithuania\n"


def test_construct_prints_turtle(built):
    result = built("query", "CONSTRUCT { ?s pk:calls ?o } WHERE { ?s pk:calls ?o }")
    graph = Graph().parse(data=result.out, format="turtle")
    assert len(graph) == 1


def test_update_needs_the_flag_and_then_changes_the_store(built):
    update = 'INSERT DATA { GRAPH <urn:polkg:graph> { actor:x rdfs:label "X" } }'
    assert_error(built("query", update), r"<query>: this is a SPARQL UPDATE; `kg query` runs it only with --update")
    update = 'INSERT DATA { actor:x rdfs:label "X" }'
    result = built("query", update, "--update")
    assert result.code == 0 and re.match(r"Updated \.kg: ([\d,]+) triples before, ([\d,]+) after\.", result.err)
    assert built("query", "SELECT ?l WHERE { actor:x rdfs:label ?l }", "-f", "csv").out == "l\nX\n"


def test_queries_lists_every_saved_query(cli):
    result = cli("queries", "-f", "json")
    names = {row["name"] for row in json.loads(result.out)}
    assert {"talked-to", "relations-of", "evidence", "actors", "actors-in", "timeline", "conflict-cooperation"} <= names


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "jsonld", "xml"])
def test_export_round_trips(built, tmp_path, fmt):
    from kg.graph import KnowledgeGraph

    from .test_export import parse_back

    out = tmp_path / f"graph.{fmt}"
    result = built("export", "--format", fmt, "--out", out)
    assert result.code == 0 and result.out == "" and re.match(r"Wrote [\d,]+ triples", result.err)
    assert same_graph(parse_back(out.read_bytes(), fmt), KnowledgeGraph.open(".kg").graph)


def test_export_to_stdout(built):
    result = built("export")
    assert result.out.startswith("@prefix")
    from rdflib import URIRef

    graph = Graph().parse(data=result.out, format="turtle")
    assert (URIRef("https://w3id.org/polkg/actor/alexander-lukashenko"), URIRef("https://w3id.org/polkg/ontology#calls"),
            URIRef("https://w3id.org/polkg/actor/vladimir-putin")) in graph
    assert_error(built("export", "--format", "rdfa"), r"unknown export format 'rdfa'")


def test_stats(built):
    from collections import Counter

    from kg.curated import bundled_inputs, load_curated

    data = load_curated(bundled_inputs())
    rows = json.loads(built("stats", "-f", "json").out)
    counts = {(r["what"], r["name"]): r["count"] for r in rows}
    types = Counter(actor.type for actor in data.actors.values())
    assert counts[("class", "Person")] == types["Person"]
    assert counts[("total", "actors")] == sum(n for t, n in types.items() if t != "City")
    assert counts[("relation", "calls")] == 1
    assert counts[("status", "alleged")] == sum(1 for s in data.statements if s.status == "alleged")
    assert counts[("total", "attestations")] == len(data.statements)


def test_explain_two_actors_shows_the_evidence(built, seed_text):
    result = built("explain", "Lukashenko", "Putin")
    assert result.code == 0
    assert "Alexander Lukashenko -[calls]-> Vladimir Putin  2020-08-15" in result.out
    assert "reported by Kremlin; source:seed-2020-08-15 chars 660-770" in result.out
    assert f"evidence: \u201c{seed_text[0:68]}\u201d" in result.out
    rows = json.loads(built("explain", "Putin", "Lukashenko", "-f", "json").out)
    assert len(rows) == 3 and {r["relation"] for r in rows} == {"calls"}
    assert [r["start"] for r in rows] == [0, 85, 660]


def test_explain_one_actor(built):
    rows = json.loads(built("explain", "Elena German", "-f", "json").out)
    assert {r["relation"] for r in rows} == {"partner_of", "accuses_of_human_rights_abuses", "rejects",
                                             "makes_statement", "demands_investigation", "appeals_for_aid"}


def test_explain_without_source_texts(cli):
    cli("build")
    assert "source text not available to the build" in cli("explain", "Lukashenko", "Putin").out


# --- bad input: one line on stderr, exit 1, no traceback -----------------------------------------

def test_bad_curated_files(cli, tmp_path):
    cases = {
        "malformed.yaml": ("statements:\n  - id: a\n    subject: [unclosed\n", r"malformed.yaml:\d+: malformed YAML"),
        "actor.yaml": ("statements:\n  - {id: a, subject: Lukashenk, relation: calls, source: seed-2020-08-15}\n",
                       r"actor.yaml:2: no actor called 'Lukashenk'"),
        "relation.yaml": ("statements:\n  - {id: a, subject: Putin, relation: phones, source: seed-2020-08-15}\n",
                          r"relation.yaml:2: unknown relation 'phones'"),
        "date.yaml": ("statements:\n  - {id: a, subject: Putin, relation: calls, date: 2020-02-31,"
                      " source: seed-2020-08-15}\n", r"date.yaml:2: bad date '2020-02-31'"),
        "dup.yaml": ("statements:\n  - {id: a, subject: Putin, relation: calls, source: seed-2020-08-15}\n"
                     "  - {id: a, subject: Putin, relation: calls, source: seed-2020-08-15}\n",
                     r"dup.yaml:3: duplicate statement id 'a'"),
    }
    for name, (text, pattern) in cases.items():
        (tmp_path / name).write_text(text)
        assert_error(cli("build", name), pattern)


def test_failed_build_leaves_the_store_intact(built, tmp_path):
    before = built("query", "talked-to", "-f", "json").out
    (tmp_path / "bad.yaml").write_text("statements:\n  - {id: a, subject: Nobody, relation: calls, "
                                       "source: seed-2020-08-15}\n")
    assert_error(built("build", "bad.yaml"), r"bad.yaml:2: no actor called 'Nobody'")
    assert built("query", "talked-to", "-f", "json").out == before


def test_query_errors(built):
    assert_error(built("query", "SELECT ?s WHERE { ?s ?p }"), r"<query>:1: SPARQL syntax error")
    assert_error(built("query", "talkedto"), r"unknown saved query 'talkedto' \(did you mean 'talked-to'")
    assert_error(built("query", "relations-of"), r"saved query 'relations-of' needs --param actor=")
    assert_error(built("query", "relations-of", "-p", "actor=Nobody"), r"no actor called 'Nobody'")
    assert_error(built("query", "relations-of", "-p", "actor=Putin", "-p", "x=1"), r"query .* has no parameter 'x'")
    assert_error(built("query", "SELECT ?o WHERE { ?s pk:calls ?o }", "-p", "s=Putin"),
                 r"parameter \?s must be projected")
    assert_error(built("query", "SELECT ?x WHERE { ?x nope:p ?y }"), r"<query>: SPARQL error: Unknown namespace prefix")


def test_usage_errors_exit_2(built):
    result = built("query", "talked-to", "--param", "novalue")
    assert result.code == 2 and "expected NAME=VALUE" in result.err


def test_store_errors(cli, tmp_path):
    assert_error(cli("query", "talked-to"), r"no graph in store \.kg: run `kg build` first")
    assert_error(cli("stats", "--store", "memory:nothing.trig"), r"no graph in store memory:nothing.trig")
    assert_error(cli("explain", "Lukashenko", "--store", "http://127.0.0.1:1/sparql"),
                 r"http://127\.0\.0\.1:1/sparql: .*\(after 3 attempts\)")


def test_explain_unknown_actor(built):
    assert_error(built("explain", "Lukashenko", "Putn"), r"no actor called 'Putn' \(did you mean 'Vladimir Putin'")


def test_memory_store_end_to_end(cli, seeds):
    assert cli("build", "--store", "memory:g.trig", "--sources", seeds).code == 0
    result = cli("query", "talked-to", "--store", "memory:g.trig", "-f", "csv")
    assert "Alexander Lukashenko,consults,calls,Vladimir Putin,2020-08-15" in result.out


def test_validate_passes_on_the_bundled_graph(built):
    result = built("validate")
    assert result.code == 0 and result.out == ""
    assert result.err == "The graph conforms (SHACL shapes and OWL 2 RL): no violations, no inconsistencies.\n"


def test_validate_reports_each_violation(built):
    update = ("DELETE { ?a pk:claimant ?c } INSERT { ?a pk:claimant actor:minsk } WHERE { ?a pk:claimant ?c ; "
              "pk:curationId 'kremlin-announces-call' }")
    assert built("query", update, "--update").code == 0
    built("query", "INSERT DATA { actor:alexander-lukashenko a pk:Country }", "--update")
    result = built("validate")
    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("attestation:") and "-- pk:claimant: a claimant must be one pk:Actor" in line
               and "(data/curated/belarus-2020-08.yaml:" in line for line in lines), lines
    assert any(line.startswith("OWL 2 RL -- inconsistency: Disjoint classes") and "alexander-lukashenko" in line
               for line in lines)
    assert re.match(r"\d+ shape violations, 1 inconsistencies", result.err)
    rows = json.loads(built("validate", "--no-reasoning", "-f", "json").out)
    assert {"focus", "description", "path", "message", "origins", "severity"} <= set(rows[0])


def test_validate_with_shapes_that_do_not_parse(built, tmp_path):
    (tmp_path / "bad.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y\n")
    assert_error(built("validate", "--shapes", "bad.ttl"), r"bad.ttl(:\d+)?: the shapes do not parse")


def test_build_refuses_a_graph_that_violates_a_shape(built, tmp_path):
    before = built("query", "talked-to", "-f", "json").out
    (tmp_path / "wrong.yaml").write_text(
        "statements:\n"
        "  - id: poland-flees\n"
        "    subject: Poland\n"
        "    relation: flees_to\n"
        "    object: Lithuania\n"
        "    source: seed-2020-08-15\n")
    result = built("build", "wrong.yaml")
    assert_error(result, r"wrong.yaml:2: the graph would violate a shape: event:\w+ \(Poland -\[flees_to\]-> Lithuania\)"
                         r" -- pk:actor: actor actor:poland is not a pk:Person, the domain of pk:flees_to")
    assert built("query", "talked-to", "-f", "json").out == before
    assert built("build", "wrong.yaml", "--no-check").code == 0


def test_bad_mode_and_context(cli, tmp_path):
    base = "statements:\n  - {id: a, subject: Putin, relation: calls, object: Lukashenko, source: seed-2020-08-15, "
    (tmp_path / "mode.yaml").write_text(base + "mode: firearms}\n")
    assert_error(cli("build", "mode.yaml"), r"mode.yaml:2: 'firearms' is not a mode of PLOVER CONSULT \(modes: ")
    (tmp_path / "context.yaml").write_text(base + "context: [diplomacy]}\n")
    assert_error(cli("build", "context.yaml"), r"context.yaml:2: unknown PLOVER context 'diplomacy' \(did you mean "
                                               r"'diplomatic'")


def test_ontology_command(cli):
    result = cli("ontology")
    assert result.code == 0
    assert result.out.startswith("interacts_with\n")
    assert "│   ├── calls  CAMEO 041 · PLOVER CONSULT.phone · quad 1 · Goldstein 1" in result.out
    assert "├── head_of_state_of  Wikidata P35" in result.out
    tree = json.loads(cli("ontology", "-f", "json").out)
    assert [node["name"] for node in tree] == ["interacts_with", "related_to"]
    rows = list(csv.DictReader(io.StringIO(cli("ontology", "-f", "csv").out)))
    tortures = next(r for r in rows if r["relation"] == "tortures")
    assert (tortures["parent"], tortures["cameo"], tortures["plover"], tortures["quad_class"]) == (
        "assaults", "1822", "ASSAULT", "4")


@pytest.mark.parametrize(("fmt", "first"), [("plover", "{"), ("cameo", "event_id\tdate\t")])
def test_export_event_formats(built, tmp_path, fmt, first):
    out = tmp_path / f"events.{fmt}"
    result = built("export", "--format", fmt, "--out", out)
    assert result.code == 0 and re.match(rf"Wrote the events \([\d,]+ bytes, {fmt}\)", result.err)
    assert out.read_text().startswith(first)
