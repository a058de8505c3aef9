"""Network analysis: projection of events and attestations to networkx, measures, and `kg analyze`."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from kg.analyze import (
    Filters,
    actor_balance,
    balance,
    centrality,
    collapse,
    communities,
    dyads,
    ego,
    find_node,
    k_core,
    paths,
    project,
    timeline,
)
from kg.dates import parse_date
from kg.errors import KGError, UnknownActor, UnknownTerm
from kg.model import Evidence, Source, Statement


def day(text):
    return parse_date(text)


@pytest.fixture
def sitting(parliament):
    """The parliament in August 2020: praise and accusations among five members, seen in two sources."""
    kg = parliament
    kg.add_source(Source("wire", "A wire report"))
    add = kg.add
    add(Statement(("anna",), "praises", ("boris",), source="minutes", date=day("2020-08-03"),
                  evidence=Evidence(0, 40, "Anna praised Boris.")))
    add(Statement(("anna",), "praises", ("boris",), source="wire", date=day("2020-08-03"), method="rule-x@1",
                  confidence=0.8, evidence=Evidence(10, 50)))
    add(Statement(("boris",), "praises", ("clara",), source="minutes", date=day("2020-08-04")))
    add(Statement(("anna",), "accuses", ("clara",), source="minutes", date=day("2020-08-11")))
    add(Statement(("dmitri",), "threatens", ("eva",), source="wire", date=day("2020-08-20"), method="rule-y@1",
                  confidence=0.5, status="alleged", claimant="eva"))
    add(Statement(("eva",), "meets", ("dmitri",), source="minutes", date=day("2020-08-25"), modality="intended"))
    add(Statement(("clara",), "calls", ("dmitri",), source="minutes"))
    add(Statement(("anna", "boris"), "criticizes", ("ruritania",), source="minutes", date=day("2020-08-26")))
    return kg


def test_projection_reads_events_and_attestations(sitting):
    G = project(sitting)
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G) == ["actor:anna", "actor:boris", "actor:clara", "actor:dmitri", "actor:eva", "actor:ruritania"]
    assert G.number_of_edges() == 8  # the criticism has two actors: two edges
    assert G.graph["events"] == 7
    anna = G.nodes["actor:anna"]
    assert (anna["label"], anna["type"], anna["kind"]) == ("Anna Adler", "Person", "Person")
    assert G.nodes["actor:ruritania"]["kind"] == "Country"
    (praise,) = G.get_edge_data("actor:anna", "actor:boris").values()
    assert praise["relation"] == "praises" and praise["cameo"] == "051" and praise["quad_class"] == 1
    assert praise["goldstein"] == 3.4 and praise["date"] == "2020-08-03"
    assert praise["sources"] == 2 and praise["attestations"] == 2, "one event seen in two sources"
    assert praise["curated"] and praise["fact"] and praise["confidence"] == 1.0
    assert praise["source"] == "source:minutes" and praise["evidence"] == "Anna praised Boris."
    (threat,) = G.get_edge_data("actor:dmitri", "actor:eva").values()
    assert threat["status"] == "alleged" and threat["claimant"] == "actor:eva" and not threat["fact"]
    assert G.get_edge_data("actor:clara", "actor:dmitri")[next(iter(G["actor:clara"]["actor:dmitri"]))]["date"] \
        is None


@pytest.mark.parametrize(("filters", "edges"), [
    (Filters(families=("consults",)), {("actor:eva", "actor:dmitri"), ("actor:clara", "actor:dmitri")}),
    (Filters(families=("praises",)), {("actor:anna", "actor:boris"), ("actor:boris", "actor:clara")}),
    (Filters(since=day("2020-08-10").start, until=day("2020-08-21").start),
     {("actor:anna", "actor:clara"), ("actor:dmitri", "actor:eva")}),
    (Filters(min_confidence=0.9, curated_only=False, facts_only=True),
     {("actor:anna", "actor:boris"), ("actor:boris", "actor:clara"), ("actor:anna", "actor:clara"),
      ("actor:clara", "actor:dmitri"), ("actor:anna", "actor:ruritania"), ("actor:boris", "actor:ruritania")}),
    (Filters(statuses=("alleged",)), {("actor:dmitri", "actor:eva")}),
    (Filters(curated_only=True, since=day("2020-08").start, until=day("2020-08-05").start),
     {("actor:anna", "actor:boris"), ("actor:boris", "actor:clara")}),
])
def test_filters(sitting, filters, edges):
    G = project(sitting, filters=filters)
    assert set(G.edges()) == edges
    assert G.graph["filters"] == filters.describe()


def test_filters_recount_sources_from_passing_attestations(sitting):
    (praise,) = project(sitting, filters=Filters(curated_only=True)).get_edge_data(
        "actor:anna", "actor:boris").values()
    assert praise["sources"] == 1 and praise["method"] == "method:curated"
    (praise,) = project(sitting, filters=Filters(statuses=("asserted",), min_confidence=0.5)).get_edge_data(
        "actor:anna", "actor:boris").values()
    assert praise["sources"] == 2


def test_unknown_family_is_an_error(sitting):
    with pytest.raises(UnknownTerm, match="praise"):
        project(sitting, filters=Filters(families=("praisez",)))


def test_projection_is_the_same_on_every_store(store_graphs):
    shapes = {}
    for name, kg in store_graphs.items():
        G = project(kg)
        shapes[name] = (sorted(G.nodes(data="label")),
                        sorted((u, v, d["event"], d["relation"], d["sources"], d["goldstein"] or 0.0)
                               for u, v, d in G.edges(data=True)))
    first = next(iter(shapes.values()))
    assert first[1], "the bundled graph has events"
    assert all(shape == first for shape in shapes.values())


def test_collapse_weights_dyads(sitting):
    D = collapse(project(sitting))
    e = D["actor:anna"]["actor:boris"]
    assert (e["count"], e["sources"], e["cooperation"], e["conflict"], e["goldstein_sum"]) == (1, 2, 1, 0, 3.4)
    e = D["actor:anna"]["actor:clara"]
    assert (e["conflict"], e["goldstein_sum"], e["relations"]) == (1, -2.0, "accuses")


def test_centrality_on_a_star():
    G = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub"), ("hub", "d")])
    rows = centrality(G)
    assert rows[0]["node"] in ("hub", "d")
    by = {r["node"]: r for r in rows}
    assert by["hub"]["in_degree"] == 3 and by["hub"]["out_degree"] == 1 and by["hub"]["degree"] == 4
    assert by["hub"]["weighted_degree"] == 4
    assert by["hub"]["betweenness"] > 0 and by["a"]["betweenness"] == 0
    assert by["hub"]["closeness"] == max(r["closeness"] for r in rows)
    assert set(by["hub"]) >= {"pagerank", "eigenvector", "closeness", "betweenness"}


def test_sampled_betweenness_is_seeded():
    G = nx.MultiDiGraph(nx.gnm_random_graph(60, 180, seed=3, directed=True))
    first, again = centrality(G, k=10, seed=7), centrality(G, k=10, seed=7)
    assert [r["betweenness"] for r in first] == [r["betweenness"] for r in again]
    exact = {r["node"]: r["betweenness"] for r in centrality(G)}
    assert {r["node"]: r["betweenness"] for r in first} != exact


def test_communities_split_two_cliques_and_are_seeded():
    G = nx.MultiDiGraph()
    for group in (("a", "b", "c", "d"), ("w", "x", "y", "z")):
        for u in group:
            for v in group:
                if u != v:
                    G.add_edge(u, v)
    G.add_edge("d", "w")
    rows = communities(G, seed=1)
    found = {}
    for row in rows:
        found.setdefault(row["community"], set()).add(row["node"])
    assert sorted(map(sorted, found.values())) == [["a", "b", "c", "d"], ["w", "x", "y", "z"]]
    assert communities(G, seed=1) == rows


def test_k_core():
    G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    assert k_core(G) == {"a": 2, "b": 2, "c": 2, "d": 1}


def test_paths_carry_evidence_for_each_hop(sitting):
    G = project(sitting)
    rows = paths(G, "Adler", "Dmitri Dorn", cutoff=3)
    first = [r for r in rows if r["path"] == 1]
    assert [(r["from"], r["relation"], r["to"]) for r in first] == [
        ("Anna Adler", "accuses", "Clara Chen"), ("Clara Chen", "calls", "Dmitri Dorn")]
    assert all(r["length"] == 2 for r in first)
    longer = [r for r in rows if r["length"] == 3]
    assert longer and longer[0]["from"] == "Anna Adler" and longer[0]["evidence"] == "Anna praised Boris."
    assert longer[0]["events"] == 1 and longer[0]["source"] == "source:minutes"


def test_path_errors(sitting):
    G = project(sitting)
    with pytest.raises(UnknownActor, match="did you mean 'Anna Adler'"):
        paths(G, "Ana Adler", "Eva Egger")
    with pytest.raises(KGError, match="no path of at most 1 hops"):
        paths(G, "anna", "eva", cutoff=1)
    with pytest.raises(KGError, match="same actor"):
        paths(G, "anna", "Adler")


def test_find_node_knows_aliases_and_actors_filtered_out(sitting):
    G = project(sitting, filters=Filters(families=("praises",)))
    assert find_node(G, "brandt") == "actor:boris"
    with pytest.raises(UnknownActor, match="takes part in no event"):
        find_node(G, "Eva Egger")
    with pytest.raises(UnknownActor, match="the graph has no events"):
        find_node(project(sitting, filters=Filters(since=day("2030").start)), "anna")


def test_ego_network(sitting):
    G = project(sitting)
    sub = ego(G, "Eva Egger")
    assert sorted(sub) == ["actor:dmitri", "actor:eva"] and sub.number_of_edges() == 2
    assert sorted(ego(G, "eva", radius=2)) == ["actor:clara", "actor:dmitri", "actor:eva"]


def test_dyads_and_actor_balance(sitting):
    rows = dyads(project(sitting))
    assert (rows[0]["actor"], rows[0]["recipient"], rows[0]["goldstein_sum"]) == ("Dmitri Dorn", "Eva Egger", -6.0)
    assert rows[-1]["goldstein_sum"] == 3.4
    by = {r["actor_id"]: r for r in actor_balance(project(sitting))}
    assert by["actor:anna"]["cooperation_given"] == 1 and by["actor:anna"]["conflict_given"] == 2
    assert by["actor:clara"]["conflict_received"] == 1 and by["actor:clara"]["cooperation_received"] == 1


def test_structural_balance_lists_the_unbalanced_triad(sitting):
    result = balance(project(sitting))
    assert result["triads"] == 2 and result["unbalanced"] == 1 and result["ratio"] == 0.5
    bad = result["rows"][0]
    assert not bad["balanced"]
    assert {bad["a"], bad["b"], bad["c"]} == {"Anna Adler", "Boris Brandt", "Clara Chen"}
    good = result["rows"][1]
    assert good["balanced"] and {good["a"], good["b"], good["c"]} == {"Anna Adler", "Boris Brandt", "Ruritania"}


def test_weekly_timeline_with_empty_weeks_and_rolling_window(sitting):
    G = project(sitting)
    rows = timeline(G, step="week")
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2020-08-03", 2), ("2020-08-10", 1), ("2020-08-17", 1), ("2020-08-24", 3)]
    rolled = timeline(G, step="week", window=2)
    assert [r["events"] for r in rolled] == [2, 3, 2, 4]
    dyad = timeline(G, step="day", actor="dmitri", other="Eva Egger")
    assert dyad[0]["period"] == "2020-08-20" and dyad[-1]["period"] == "2020-08-25"
    assert sum(r["events"] for r in dyad) == 2 and len(dyad) == 6
    with pytest.raises(KGError, match="no dated events for Clara Chen and Dmitri Dorn"):
        timeline(G, actor="clara", other="dmitri")
    with pytest.raises(KGError, match="unknown step"):
        timeline(G, step="fortnight")


def test_bundled_lukashenko_putin_week_by_week(bundled):
    rows = timeline(project(bundled), step="week", actor="Lukashenko", other="Putin")
    assert rows[-1]["events"] >= 1 and "calls" in rows[-1]["relations"]


# --- the CLI -----------------------------------------------------------------------------------------


@pytest.fixture
def built(cli, tmp_path):
    done = cli("build")
    assert done.code == 0, done.err
    return cli


def test_cli_centrality_json(built):
    done = built("analyze", "centrality", "--top", "3", "-f", "json")
    assert done.code == 0, done.err
    rows = json.loads(done.out)
    assert len(rows) == 3
    assert rows[0]["pagerank"] >= rows[1]["pagerank"] >= rows[2]["pagerank"]
    assert {"node", "label", "betweenness", "eigenvector", "closeness", "core", "weighted_degree"} <= set(rows[0])
    lukashenko = next(r for r in json.loads(built("analyze", "centrality", "-n", "0", "-f", "json").out)
                      if r["label"] == "Alexander Lukashenko")
    assert lukashenko["weighted_degree"] >= lukashenko["in_degree"] + lukashenko["out_degree"]


def test_cli_path_with_evidence(built):
    done = built("analyze", "path", "Lukashenko", "Putin", "--relation", "consults", "--max-hops", "1", "-f", "jsonl")
    assert done.code == 0, done.err
    (hop,) = [json.loads(line) for line in done.out.splitlines()]
    assert (hop["from"], hop["relation"], hop["to"]) == ("Alexander Lukashenko", "calls", "Vladimir Putin")
    assert hop["evidence_start"] == 0 and hop["source"] == "source:seed-2020-08-15"


@pytest.mark.parametrize("args", [
    ("communities",), ("ego", "Putin"), ("dyads",), ("dyads", "--by-actor"), ("balance",),
    ("timeline", "--step", "month"), ("timeline", "Lukashenko", "Putin"), ("centrality", "--k", "5"),
])
def test_cli_analyses_list_rows(built, args):
    done = built("analyze", *args, "-f", "csv")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert len(lines) >= 2 and "," in lines[0]


@pytest.mark.parametrize(("args", "code", "message"), [
    (("path", "Lukashenko", "Putn"), 1, "did you mean 'Vladimir Putin'"),
    (("ego", "Putin", "--since", "2021"), 1, "takes part in no event"),
    (("centrality", "--since", "2030"), 1, "no events to analyse (dates 2030-01-01"),
    (("timeline", "--since", "2020-09", "--until", "2020-08"), 1, "the date window is empty"),
    (("centrality", "--relation", "consultz"), 1, "unknown relation 'consultz'"),
    (("dyads", "--status", "rumoured"), 2, "'rumoured'"),
])
def test_cli_bad_input(built, args, code, message):
    done = built("analyze", *args)
    assert done.code == code
    assert message in done.err and "Traceback" not in done.err


def test_cli_analyze_without_a_store(cli):
    done = cli("analyze", "centrality")
    assert done.code == 1 and "Error:" in done.err and "Traceback" not in done.err


# --- network exports -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_carry_every_attribute(built, tmp_path, fmt, reader):
    out = tmp_path / f"net.{fmt}"
    done = built("export", "--format", fmt, "--out", out)
    assert done.code == 0, done.err
    H = reader(out)
    from kg.graph import KnowledgeGraph

    G = project(KnowledgeGraph.open(tmp_path / ".kg"))
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    node = H.nodes["actor:alexander-lukashenko"]
    assert node["label"] == "Alexander Lukashenko" and node["wikidata"] == "Q2866" and node["kind"] == "Person"
    edge = next(d for u, v, d in H.edges(data=True) if d.get("relation") == "calls")
    assert {"event", "cameo", "quad_class", "goldstein", "date", "status", "confidence", "sources"} <= set(edge)
    assert float(edge["goldstein"]) == 1.0


def test_csv_export_writes_gephi_tables(built, tmp_path):
    done = built("export", "--format", "csv", "--out", tmp_path / "net.csv")
    assert done.code == 0, done.err
    import csv

    edges = list(csv.DictReader((tmp_path / "net.csv").open(encoding="utf-8")))
    nodes = list(csv.DictReader((tmp_path / "net.nodes.csv").open(encoding="utf-8")))
    ids = {n["Id"] for n in nodes}
    assert edges and all(e["Source"] in ids and e["Target"] in ids for e in edges)
    assert any(e["Label"] == "calls" and e["goldstein"] == "1.0" for e in edges)
    assert "net.nodes.csv" in done.err
    done = built("export", "--format", "csv")
    assert done.out.startswith("Source,Target,Label")
