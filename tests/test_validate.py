import pytest
from rdflib import RDF, XSD, Literal, URIRef

from kg.build import build_graph
from kg.errors import InputError
from kg.ontology import ACTOR
from kg.ontology.namespace import PK
from kg.validate import inconsistencies, load_shapes, validate


@pytest.fixture
def graph():
    return build_graph()


def test_bundled_graph_conforms(graph):
    assert validate(graph) == []


def test_bundled_graph_is_consistent_under_owl_rl(graph):
    assert inconsistencies(graph) == []


def test_owl_rl_catches_a_person_typed_as_a_country(graph):
    graph.graph.add((ACTOR["alexander-lukashenko"], RDF.type, PK.Country))
    problems = inconsistencies(graph)
    assert any("Person" in p and "Country" in p and "alexander-lukashenko" in p for p in problems), problems


def event_of(graph, relation):
    return next(iter(graph.graph.subjects(PK.relation, relation)))


def attestation_of(graph, event):
    return next(iter(graph.graph.subjects(PK.attests, event)))


def messages(graph):
    return [str(v) for v in validate(graph)]


def test_range_violation_names_the_value_and_the_curated_line(graph):
    graph.graph.add((event_of(graph, PK.flees_to), PK.recipient, ACTOR["vladimir-putin"]))
    found = messages(graph)
    assert len(found) == 1
    assert found[0].startswith("event:")
    assert "(Sviatlana Tsikhanouskaya -[flees_to]-> " in found[0]
    assert "-- pk:recipient: recipient actor:vladimir-putin is not a pk:Place, the range of pk:flees_to" in found[0]
    assert "(data/curated/belarus-2020-08.yaml:" in found[0]


def test_domain_violation(graph):
    graph.graph.add((event_of(graph, PK.head_of_state_of), PK.actor, ACTOR["kremlin"]))
    assert any("actor actor:kremlin is not a pk:Person, the domain of pk:head_of_state_of" in m for m in messages(graph))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda g, e, a: g.remove((e, PK.actor, None)), "pk:actor: an event needs at least one actor"),
        (lambda g, e, a: g.remove((e, PK.relation, None)), "pk:relation: an event needs exactly one relation"),
        (lambda g, e, a: g.remove((None, PK.attests, e)), "an event needs at least one attestation"),
        (lambda g, e, a: g.remove((e, PK.cameo, None)), "an event of pk:calls needs a CAMEO code"),
        (lambda g, e, a: g.set((e, PK.date, Literal("15 August 2020"))), "pk:date: an event's date must be one xsd:date"),
        (lambda g, e, a: g.set((e, PK.date, Literal("2020-08-15T10:00:00", datatype=XSD.dateTime))), "xsd:date"),
        (lambda g, e, a: g.set((a, PK.confidence, Literal("1.5", datatype=XSD.decimal))),
         "pk:confidence: confidence must be one xsd:decimal between 0 and 1"),
        (lambda g, e, a: g.set((a, PK.confidence, Literal("-0.1", datatype=XSD.decimal))), "between 0 and 1"),
        (lambda g, e, a: g.remove((a, PK.source, None)), "pk:source: an attestation needs exactly one source"),
        (lambda g, e, a: g.remove((a, PK.method, None)), "pk:method: an attestation needs exactly one method"),
        (lambda g, e, a: g.set((a, PK.status, PK.Actual)), "pk:status: status must be one of"),
        (lambda g, e, a: g.set((a, PK.evidenceEnd, Literal(0))), "evidence offsets must be integers with 0 <= start < end"),
        (lambda g, e, a: (g.set((a, PK.status, PK.Reported)), g.remove((a, PK.claimant, None))),
         "a reported attestation needs a claimant"),
        (lambda g, e, a: g.set((e, PK.relation, URIRef("https://example.org/likes"))), "is not a relation of the ontology"),
    ],
)
def test_each_kind_of_violation_is_caught(graph, change, expected):
    event = event_of(graph, PK.calls)
    attestation = attestation_of(graph, event)
    change(graph.graph, event, attestation)
    found = messages(graph)
    assert any(expected in m for m in found), found


def test_actor_and_source_shapes(graph):
    graph.graph.remove((ACTOR.belarus, PK.iso3166Alpha2, None))
    graph.graph.add((ACTOR.minsk, URIRef("http://www.w3.org/2004/02/skos/core#exactMatch"), URIRef("https://example.org/x")))
    found = messages(graph)
    assert any("actor:belarus (Belarus) -- pk:iso3166Alpha2: a country needs its two-letter ISO 3166-1 code" in m
               for m in found)
    assert any("a Wikidata id must be an item IRI" in m for m in found)


def test_shapes_that_do_not_parse(tmp_path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\nex:Shape a sh:NodeShape ;\n")
    with pytest.raises(InputError, match=r"shapes.ttl(:\d+)?: the shapes do not parse"):
        load_shapes(bad)
