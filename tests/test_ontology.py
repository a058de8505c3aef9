import pytest
from rdflib import RDFS, SKOS, Graph, URIRef

from kg.errors import UnknownTerm
from kg.iris import PK_IRI
from kg.namespace import PK
from kg.ontology import CAMEO, load_ontology, ontology_files
from kg.resources import bundled_path
from kg.vocab import cameo_scheme, namespace_module, ontology_terms, read_cameo_codes, render_cameo

from .conftest import shared_path


@pytest.fixture(scope="module")
def ontology_graph() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def test_namespace_module_matches_ontology():
    """kg/namespace.py is generated from polkg.ttl: regenerate with `python -m kg.vocab` when this fails."""
    ontology = Graph().parse(bundled_path("ontology", "polkg.ttl"), format="turtle")
    expected = namespace_module(ontology_terms(ontology))
    assert (bundled_path("ontology").parent / "kg" / "namespace.py").read_text(encoding="utf-8") == expected


def test_cameo_scheme_is_generated_from_the_reference_list():
    rows = read_cameo_codes(shared_path("reference", "cameo_codes.tsv"))
    assert len(rows) == 311
    assert bundled_path("ontology", "cameo.ttl").read_text(encoding="utf-8") == render_cameo(rows)


def test_closed_namespace_rejects_typos():
    assert str(PK.calls) == PK_IRI + "calls"
    with pytest.raises(AttributeError):
        PK.cals  # noqa: B018


def test_every_pk_term_used_in_ontology_is_declared(ontology_graph):
    used = {t for triple in ontology_graph for t in triple if isinstance(t, URIRef) and str(t).startswith(PK_IRI)}
    for term in used:
        getattr(PK, str(term)[len(PK_IRI):])  # raises if the namespace lacks it


def test_cameo_scheme_shape(ontology_graph):
    concepts = set(ontology_graph.subjects(SKOS.inScheme, URIRef("https://w3id.org/polkg/cameo")))
    assert len(concepts) == 311
    assert (CAMEO["1822"], SKOS.broader, CAMEO["182"]) in ontology_graph
    assert (CAMEO["182"], SKOS.broader, CAMEO["18"]) in ontology_graph
    assert (CAMEO["18"], SKOS.topConceptOf, URIRef("https://w3id.org/polkg/cameo")) in ontology_graph


def test_every_relation_has_label_definition_and_alignment(ontology_graph):
    onto = load_ontology()
    assert len(onto.relations) >= 60
    for relation in onto.relations.values():
        assert relation.label == relation.name, relation.name
        assert relation.definition, relation.name
        if relation.root == "interacts_with" and relation.name != "interacts_with":
            assert relation.cameo is not None, f"{relation.name} has no CAMEO code"
            assert relation.cameo.code.startswith(onto.relations[relation.family].cameo.code)


@pytest.mark.parametrize(
    ("name", "family", "cameo", "goldstein", "quad"),
    [
        ("calls", "consults", "041", 1.0, 1),
        ("proposes", "expresses_intent_to_cooperate", "03", 4.0, 1),
        ("rejects_mediation", "rejects", "126", -5.0, 3),
        ("tortures", "assaults", "1822", -9.0, 4),
        ("imprisons", "coerces", "173", -5.0, 4),
        ("flees_to", "flees_to", None, None, None),
        ("head_of_state_of", "head_of_state_of", None, None, None),
    ],
)
def test_registry(name, family, cameo, goldstein, quad):
    relation = load_ontology().relation(name)
    assert relation.family == family
    assert (relation.cameo.code if relation.cameo else None) == cameo
    assert relation.goldstein == goldstein
    assert relation.quad_class == quad


def test_registry_knows_wikidata_alignment_and_symmetry():
    onto = load_ontology()
    assert onto.relation("spouse_of").wikidata == "P26" and onto.relation("spouse_of").symmetric
    assert onto.relation("head_of_state_of").wikidata == "P35"
    assert onto.relation("head_of_state_of").wikidata_inverse


def test_unknown_relation_suggests_close_names():
    with pytest.raises(UnknownTerm, match="did you mean 'flees_to'"):
        load_ontology().relation("flee_to")


def test_classes_and_disjointness(ontology_graph):
    onto = load_ontology()
    assert onto.is_a("NewsAgency", "Organization") and onto.is_a("Country", "Place")
    assert not onto.is_a("Person", "Organization")
    disjoint = URIRef("http://www.w3.org/2002/07/owl#disjointWith")
    pairs = {frozenset(pair) for pair in ontology_graph.subject_objects(disjoint)}
    assert pairs >= {frozenset((PK.Person, PK.Organization)), frozenset((PK.Person, PK.Country)),
                     frozenset((PK.Organization, PK.Country))}


def test_the_graph_has_no_blank_nodes(bundled):
    from rdflib import BNode

    assert not any(isinstance(term, BNode) for triple in bundled.graph for term in triple)


def test_every_term_has_label_and_definition(ontology_graph):
    for name in ontology_terms(ontology_graph):
        iri = PK[name]
        assert ontology_graph.value(iri, RDFS.label) is not None, name
        assert ontology_graph.value(iri, SKOS.definition) is not None, name


def test_cameo_reader_rejects_malformed_lists(tmp_path):
    from kg.errors import InputError

    path = tmp_path / "codes.tsv"
    path.write_text("code\tdescription\tgoldstein\tquad_class\n04\tCONSULT\t1.0\t1\n0411\tOrphan\t1.0\t1\n")
    with pytest.raises(InputError, match=r"codes.tsv:3: CAMEO code 0411 comes before its parent"):
        read_cameo_codes(path)
    path.write_text("code\tdescription\tgoldstein\tquad_class\n04\tCONSULT\tx\t1\n")
    with pytest.raises(InputError, match=r":2: malformed score"):
        read_cameo_codes(path)
    assert len(cameo_scheme([])) == 3
