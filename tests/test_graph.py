import itertools

import pytest
from rdflib import RDF, Literal
from rdflib.compare import isomorphic, to_isomorphic

from kg.build import build_graph
from kg.dates import parse_date
from kg.errors import UnknownActor, UnknownTerm
from kg.graph import KnowledgeGraph, event_iri
from kg.model import MODALITIES, POLARITIES, STATUSES, Evidence, Statement
from kg.ontology import ACTOR, NODE
from kg.ontology.namespace import PK

from .conftest import same_graph


def calls(**changes) -> Statement:
    values = {"subjects": ("anna",), "relation": "calls", "objects": ("boris",), "source": "minutes",
              "date": parse_date("2021-03-04"), "evidence": Evidence(10, 50)}
    values.update(changes)
    return Statement(**values)


def test_statement_becomes_event_attestation_and_edge(parliament):
    event, attestation = parliament.add(calls())
    g = parliament.graph
    assert (event, RDF.type, PK.Event) in g
    assert (event, PK.relation, PK.calls) in g
    assert (event, PK.actor, ACTOR.anna) in g and (event, PK.recipient, ACTOR.boris) in g
    assert (attestation, PK.attests, event) in g
    assert (attestation, PK.status, PK.Asserted) in g
    assert (attestation, PK.evidenceStart, Literal(10)) in g
    assert (ACTOR.anna, PK.calls, ACTOR.boris) in g


@pytest.mark.parametrize(("status", "polarity", "modality"),
                         list(itertools.product(STATUSES, POLARITIES, MODALITIES)))
def test_direct_edges_only_for_plain_facts(parliament, status, polarity, modality):
    claimant = "clara" if status != "asserted" else None
    parliament.add(calls(status=status, claimant=claimant, polarity=polarity, modality=modality))
    edge = (ACTOR.anna, PK.calls, ACTOR.boris) in parliament.graph
    assert edge == (status in ("asserted", "reported") and polarity == "positive" and modality == "actual")


def test_adding_the_same_statement_twice_adds_nothing(parliament):
    parliament.add(calls())
    before = to_isomorphic(parliament.graph)
    size = len(parliament)
    parliament.add(calls(note=None))
    assert len(parliament) == size
    assert to_isomorphic(parliament.graph) == before


def test_same_event_from_several_sources_is_one_event(parliament):
    from kg.model import Source

    parliament.add_source(Source("press", "Press release"))
    event_a, att_a = parliament.add(calls())
    event_b, att_b = parliament.add(calls(source="press", status="reported", claimant="anna"))
    assert event_a == event_b and att_a != att_b
    assert len(parliament.query("SELECT ?a WHERE { ?a pk:attests ?e }")) == 2


def test_multi_actor_event_makes_one_event_and_several_edges(parliament):
    event, _ = parliament.add(calls(subjects=("anna", "clara", "dmitri"), relation="proposes", objects=("eva",)))
    assert len(set(parliament.graph.objects(event, PK.actor))) == 3
    for member in ("anna", "clara", "dmitri"):
        assert (ACTOR[member], PK.proposes, ACTOR.eva) in parliament.graph


def test_event_iri_ignores_order_of_actors():
    a, b = ACTOR.anna, ACTOR.boris
    assert event_iri(PK.proposes, [a, b], [], None, None) == event_iri(PK.proposes, [b, a], [], None, None)
    assert event_iri(PK.proposes, [a], [b], None, None) != event_iri(PK.proposes, [b], [a], None, None)


def test_curated_and_extracted_are_distinguishable(parliament):
    _, curated = parliament.add(calls())
    _, extracted = parliament.add(calls(method="rule/svo-call/1", confidence=0.8))
    assert (curated, RDF.type, PK.CuratedAttestation) in parliament.graph
    assert (extracted, RDF.type, PK.ExtractedAttestation) in parliament.graph
    rows = parliament.query("SELECT ?m WHERE { ?a a pk:ExtractedAttestation ; pk:method ?m }")
    assert rows == [{"m": "method:rule/svo-call/1"}]


def test_unknown_ids_and_relations_fail(parliament):
    with pytest.raises(UnknownActor, match="'zoe'"):
        parliament.add(calls(objects=("zoe",)))
    with pytest.raises(UnknownTerm, match="unknown relation 'phones'"):
        parliament.add(calls(relation="phones"))


def test_statement_validation():
    with pytest.raises(ValueError, match="needs a claimant"):
        calls(status="reported")
    with pytest.raises(ValueError, match="no claimant"):
        calls(claimant="clara")
    with pytest.raises(ValueError, match="confidence"):
        calls(confidence=1.5)
    with pytest.raises(ValueError, match="0 <= start < end"):
        Evidence(5, 5)


def test_building_twice_gives_isomorphic_graphs():
    assert isomorphic(build_graph().graph, build_graph().graph)


def test_sub_properties_are_found_through_the_hierarchy(bundled):
    rows = bundled.query("""SELECT DISTINCT ?s ?p ?o WHERE { ?p rdfs:subPropertyOf* pk:consults . ?s ?p ?o }""")
    assert {"s": "actor:alexander-lukashenko", "p": "pk:calls", "o": "actor:vladimir-putin"} in rows
    assert bundled.query("SELECT ?o WHERE { actor:alexander-lukashenko pk:consults ?o }") == []


def test_our_users_examples_work_literally(bundled):
    """Lukashenko-calls-Putin, Poland-proposes-mediation, Tsikhanouskaya-flees_to-Lithuania."""
    rows = bundled.query("""
        SELECT ?s ?p ?o WHERE {
          VALUES ?s { actor:alexander-lukashenko actor:poland actor:sviatlana-tsikhanouskaya }
          VALUES ?p { pk:calls pk:proposes pk:flees_to }
          ?s ?p ?o . ?o rdfs:label ?label }
        ORDER BY ?s""")
    assert rows == [
        {"s": "actor:alexander-lukashenko", "p": "pk:calls", "o": "actor:vladimir-putin"},
        {"s": "actor:poland", "p": "pk:proposes", "o": "node:belarus-mediation-plan-2020"},
        {"s": "actor:sviatlana-tsikhanouskaya", "p": "pk:flees_to", "o": "actor:lithuania"},
    ]
    labels = bundled.query("SELECT ?l WHERE { node:belarus-mediation-plan-2020 rdfs:label ?l ; a pk:Proposal }")
    assert labels == [{"l": "mediation"}]
    assert (NODE["belarus-presidential-election-2020"], RDF.type, PK.Election) in bundled.graph


def test_one_query_gets_from_a_direct_edge_to_its_evidence(bundled):
    rows = bundled.query("""
        SELECT ?status ?start ?end ?text WHERE {
          actor:alexander-lukashenko pk:calls actor:vladimir-putin .
          ?event pk:relation pk:calls ; pk:actor actor:alexander-lukashenko ; pk:recipient actor:vladimir-putin .
          ?att pk:attests ?event ; pk:status ?status ; pk:evidenceStart ?start ; pk:evidenceEnd ?end ;
               pk:evidenceText ?text }
        ORDER BY ?start""")
    assert [r["start"] for r in rows] == [0, 85, 660]
    assert rows[2]["status"] == "pk:Reported"
    assert all("Putin" in r["text"] or "counterpart" in r["text"] for r in rows)


def test_allegations_never_become_edges(bundled):
    assert bundled.query("SELECT ?s WHERE { ?s pk:tortures ?o }") == []
    assert bundled.query("SELECT ?s WHERE { ?s pk:kills ?o }") == []
    assert len(bundled.query("SELECT ?a WHERE { ?a pk:attests ?e . ?e pk:relation pk:tortures }")) == 2


def test_families_are_derived_into_the_graph(bundled):
    assert bundled.query("SELECT ?f WHERE { pk:calls pk:family ?f }") == [{"f": "pk:consults"}]
    assert bundled.query("SELECT ?f WHERE { pk:flees_to pk:family ?f }") == [{"f": "pk:flees_to"}]


def test_dataframe(bundled):
    import pandas
    frame = bundled.dataframe("SELECT ?s ?o WHERE { ?s pk:proposes ?o } ORDER BY ?s")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["s"]) == ["actor:latvia", "actor:lithuania", "actor:poland"]


def test_save_and_open(tmp_path, parliament):
    parliament.add(calls())
    parliament.save(tmp_path / "store")
    reopened = KnowledgeGraph.open(tmp_path / "store")
    assert same_graph(reopened.graph, parliament.graph)
