import pytest
from rdflib import RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import UnknownTerm
from kg.ontology import CAMEO, load_ontology, ontology_files
from kg.ontology.iris import PK_IRI
from kg.ontology.namespace import PK
from kg.ontology.reference import REFERENCE_PATH, ontology_reference
from kg.ontology.vocab import (
    cameo_scheme,
    generated_files,
    namespace_module,
    ontology_terms,
    plover_type_of,
    read_cameo_codes,
    read_plover,
    render_cameo,
)
from kg.resources import bundled_path

from .conftest import ROOT, shared_path


@pytest.fixture(scope="module")
def ontology_graph() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def test_generated_files_are_current():
    """cameo.ttl, plover.ttl, alignment.ttl and kg/namespace.py: regenerate with `python -m kg.ontology.vocab`."""
    reference = shared_path("reference")
    for path, text in generated_files(reference, ROOT).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(ROOT)} is stale: run python -m kg.ontology.vocab"


def test_ontology_reference_is_current():
    assert (ROOT / REFERENCE_PATH).read_text(encoding="utf-8") == ontology_reference(ROOT), \
        "docs/ontology.md is stale: run python -m kg.ontology.vocab"


def test_namespace_module_matches_ontology():
    ontology = Graph().parse(bundled_path("ontology", "polkg.ttl"), format="turtle")
    expected = namespace_module(ontology_terms(ontology))
    assert (ROOT / "kg" / "ontology" / "namespace.py").read_text(encoding="utf-8") == expected


def test_cameo_list_is_complete():
    rows = read_cameo_codes(shared_path("reference", "cameo_codes.tsv"))
    assert len(rows) == 311
    assert "cameo:041 a skos:Concept" in render_cameo(rows)


def test_plover_tables():
    plover = read_plover(shared_path("reference", "CAMEO_PLOVER.md"))
    assert len(plover.types) == 16 and len(plover.contexts) == 37
    assert plover.types["CONSULT"] == (1, ("visit", "third-party", "multilateral", "phone"))
    assert plover.types["SANCTION"][0] == 4 and "expel" in plover.types["SANCTION"][1]
    assert plover.auxiliary == ("historical", "future", "hypothetical", "negation")
    assert plover_type_of(plover, "0841") == "RETREAT" and plover_type_of(plover, "082") == "CONCEDE"
    assert plover_type_of(plover, "010") is None and plover_type_of(plover, "204") == "ASSAULT"


def test_relations_cover_every_cameo_root_and_most_plover_types():
    onto = load_ontology()
    roots = {r.cameo.root for r in onto.relations.values() if r.cameo}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    types = {r.plover for r in onto.relations.values() if r.plover}
    assert types == set(read_plover(shared_path("reference", "CAMEO_PLOVER.md")).types)
    required = ["makes_statement", "declines_comment", "appeals", "offers_mediation", "offers_to_meet", "consults",
                "calls", "visits", "hosts", "mediates", "negotiates", "praises", "signs_agreement", "aids",
                "grants_asylum", "releases", "investigates", "demands", "criticizes", "accuses", "accuses_of_crime",
                "accuses_of_human_rights_abuses", "rejects", "rejects_mediation", "threatens", "demonstrates",
                "strikes", "riots", "mobilizes", "reduces_relations", "sanctions", "expels", "detains", "represses",
                "abducts", "beats", "tortures", "kills", "fights", "occupies", "head_of_state_of",
                "head_of_government_of", "holds_role", "member_of", "leader_of", "spouse_of", "partner_of",
                "relative_of", "citizen_of", "located_in", "part_of", "opponent_of", "candidate_in", "wins",
                "flees_to", "in_exile_in", "ally_of"]
    for name in required:
        onto.relation(name)
    wikidata = {r.name: r.wikidata for r in onto.relations.values() if r.wikidata}
    assert {wikidata[n] for n in ("head_of_state_of", "head_of_government_of", "holds_role", "member_of",
                                  "spouse_of", "partner_of", "citizen_of", "located_in", "part_of")} == {
        "P35", "P6", "P39", "P463", "P26", "P451", "P27", "P131", "P361"}
    assert wikidata["wins"] == "P1346"


def test_plover_annotations_agree_with_the_cameo_mapping():
    plover = read_plover(shared_path("reference", "CAMEO_PLOVER.md"))
    onto = load_ontology()
    for relation in onto.relations.values():
        if relation.cameo:
            assert relation.plover == plover_type_of(plover, relation.cameo.code), relation.name
        if relation.plover_mode:
            assert relation.plover_mode in plover.types[relation.plover][1], relation.name
        for context in relation.contexts:
            assert context in plover.contexts, relation.name


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
    assert len(onto.relations) >= 70
    for relation in onto.relations.values():
        assert relation.label == relation.name, relation.name
        assert relation.definition, relation.name
        if relation.parent is None:
            continue
        assert relation.cameo or relation.wikidata or relation.contexts, f"{relation.name} is aligned with nothing"
        if relation.root == "interacts_with":
            assert relation.cameo is not None, f"{relation.name} has no CAMEO code"
            assert relation.cameo.code.startswith(onto.relations[relation.family].cameo.code)
            iri = relation.iri
            assert ontology_graph.value(iri, PK.cameoCode) == Literal(relation.cameo.code)
            assert float(ontology_graph.value(iri, PK.goldstein)) == relation.goldstein
            assert int(ontology_graph.value(iri, PK.quadClass)) == relation.quad_class


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


def test_rdf_xml_export_loads_in_owlready2(tmp_path, ontology_graph):
    import owlready2
    from rdflib import OWL, RDF

    from kg.build import build_graph
    from kg.export import export

    path = tmp_path / "graph.rdf"
    path.write_bytes(export(build_graph(), "xml"))
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()

    def ours(items):
        return {item.iri for item in items if item.iri.startswith(PK_IRI)}

    def declared(kind):
        return {str(s) for s in ontology_graph.subjects(RDF.type, kind) if str(s).startswith(PK_IRI)}

    assert ours(world.classes()) == declared(OWL.Class)
    assert ours(world.object_properties()) == declared(OWL.ObjectProperty)
    assert ours(world.data_properties()) == declared(OWL.DatatypeProperty)
    assert ours(world.annotation_properties()) == declared(OWL.AnnotationProperty)
    assert len(declared(OWL.Class)) >= 35 and len(declared(OWL.ObjectProperty)) >= 90


def test_an_ontology_that_does_not_parse(tmp_path):
    from kg.errors import InputError

    broken = tmp_path / "polkg.ttl"
    broken.write_text("@prefix pk: <https://w3id.org/polkg/ontology#> .\n\npk:calls a pk:Thing ;\n  rdfs:label .\n")
    with pytest.raises(InputError, match=r"polkg.ttl:4: the ontology does not parse"):
        load_ontology((broken,))
