"""Short and long forms of one name across a corpus are one new actor, whichever comes first: an
abbreviation and the name it abbreviates, words cut short ("Lib Dems"), a party without "Party" or named by
its members ("Conservatives"), a lone surname met before the full name. Names are our own inventions."""

from __future__ import annotations

from pathlib import Path

from kg.curated import CuratedData
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent
from kg.resolve import SHORT_FORM, Resolver

from .test_extract_rules import NLP, Case, component, registry

__all__ = ["component", "registry"]  # the fixtures, shared with the rule tests

ABBREVIATED = Case(
    "The NFB criticised Ilse Varga.",
    """
    The         1 det       DET   DT   the
    NFB         2 nsubj     PROPN NNP  NFB
    criticised  2 ROOT      VERB  VBD  criticise
    Ilse        4 compound  PROPN NNP  Ilse
    Varga       2 dobj      PROPN NNP  Varga
    .           2 punct     PUNCT .    .
    """,
    [(1, 2, "ORG", ""), (3, 5, "PERSON", "")],
)

IN_FULL = Case(
    "The Northern Fisheries Board criticised Ilse Varga.",
    """
    The         3 det       DET   DT   the
    Northern    2 compound  PROPN NNP  Northern
    Fisheries   3 compound  PROPN NNPS Fisheries
    Board       4 nsubj     PROPN NNP  Board
    criticised  4 ROOT      VERB  VBD  criticise
    Ilse        6 compound  PROPN NNP  Ilse
    Varga       4 dobj      PROPN NNP  Varga
    .           4 punct     PUNCT .    .
    """,
    [(1, 4, "ORG", ""), (5, 7, "PERSON", "")],
)


def test_an_abbreviation_joins_the_name_met_before(registry: CuratedData):
    resolver = Resolver(registry)
    full = resolver.new_actor("Northern Fisheries Board", "Organization", country="norway")
    short = resolver.new_actor("NFB", "Organization", country="norway")
    assert short.id == full.id and short.label == "Northern Fisheries Board"
    assert [(m.name, m.into, m.score) for m in resolver.proposed] == [("NFB", full.id, SHORT_FORM)]


def test_a_name_met_after_its_abbreviation_becomes_the_label(registry: CuratedData):
    resolver = Resolver(registry)
    short = resolver.new_actor("NFB", "Organization", country="norway")
    full = resolver.new_actor("Northern Fisheries Board", "Organization", country="norway")
    assert full.id == short.id and full.label == "Northern Fisheries Board" and ("NFB", "en") in full.aliases
    assert resolver.actor(short.id) == full  # what was extracted before points to the fuller name


def test_words_cut_short_join_and_take_the_long_forms_type(registry: CuratedData):
    resolver = Resolver(registry)
    short = resolver.new_actor("Agr Dems", "Person", country="norway")  # the model's PERSON for a party
    full = resolver.new_actor("Agrarian Democrats", "Group", country="norway")
    assert full.id == short.id and full.type == "Group" and full.label == "Agrarian Democrats"


def test_a_party_is_named_without_party_and_by_its_members(registry: CuratedData):
    resolver = Resolver(registry)
    party = resolver.new_actor("Harbour Party", "Organization", country="norway")
    assert resolver.new_actor("Harbour", "Organization", country="norway").id == party.id
    members = resolver.new_actor("Moderates", "Group", country="norway")
    assert resolver.new_actor("Moderate Party", "Organization", country="norway").id == members.id
    assert resolver.new_actor("Coastal Harbour Party", "Organization", country="norway").id != party.id


def test_a_surname_met_before_the_full_name_takes_it(registry: CuratedData):
    resolver = Resolver(registry)
    alone = resolver.new_actor("Varga", "Person")
    full = resolver.new_actor("Ilse Varga", "Person")
    assert full.id == alone.id and full.label == "Ilse Varga"
    assert resolver.new_actor("Tamas Varga", "Person").id != alone.id  # a second Varga is someone else


def test_two_long_forms_leave_the_short_one_alone(registry: CuratedData):
    resolver = Resolver(registry)
    first = resolver.new_actor("Northern Fisheries Board", "Organization", country="norway")
    second = resolver.new_actor("National Forestry Bureau", "Organization", country="norway")
    assert resolver.new_actor("NFB", "Organization", country="norway").id not in (first.id, second.id)


def test_other_countries_and_places_are_never_joined(registry: CuratedData):
    resolver = Resolver(registry)
    full = resolver.new_actor("Northern Fisheries Board", "Organization", country="norway")
    assert resolver.new_actor("NFB", "Organization", country="sweden").id != full.id
    town = resolver.new_actor("Vik Harbour", "City", country="norway")
    assert resolver.new_actor("VH", "Organization", country="norway").id != town.id


def test_a_rejected_short_form_is_not_joined_again(registry: CuratedData, tmp_path: Path):
    merges = tmp_path / "merges.yaml"
    merges.write_text("merges:\n- {name: NFB, into: northern-fisheries-board, score: 85.0, status: rejected}\n",
                      encoding="utf-8")
    resolver = Resolver(registry, merges=merges)
    full = resolver.new_actor("Northern Fisheries Board", "Organization", country="norway")
    assert resolver.new_actor("NFB", "Organization", country="norway").id != full.id


def test_the_corpus_report_names_an_actor_by_its_fullest_name(registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    for number, case in enumerate((ABBREVIATED, IN_FULL)):
        found = extractor.statements(component(case.doc()), Document(f"d{number}", case.text))
        assert [e.statement.relation for e in found] == ["criticizes"]
    entries = {a["label"]: a for a in extractor.report.to_dict()["new_actors"]}
    assert entries["Northern Fisheries Board"]["count"] == 2 and "NFB" not in entries
