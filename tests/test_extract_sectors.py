"""Groups named by a common noun are the country's sector or body, as event data code them (CAMEO's CVL, LEG,
JUD, MED, EDU, HLH, LAB, BUS, REF): "voters" are its civilians, "backbench MPs" its parliament, "secondary
pupils in Cardiff, Wales" its education sector; a group a name says is someone's ("Labour MPs", "doctors in
the NHS") keeps its own name. Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses them
(see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

import pytest

from kg.curated import bundled_inputs, load_curated
from kg.resolve import Resolver

from .test_extract_events import events
from .test_extract_rules import Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

BACKBENCH_MPS = Case(
    "Angry backbench MPs rejected the British plan.",
    """
    Angry      2 amod      ADJ   JJ   angry
    backbench  2 compound  NOUN  NN   backbench
    MPs        3 nsubj     NOUN  NNS  mp
    rejected   3 ROOT      VERB  VBD  reject
    the        6 det       DET   DT   the
    British    6 amod      ADJ   JJ   british
    plan       3 dobj      NOUN  NN   plan
    .          3 punct     PUNCT .    .
    """,
    [(5, 6, "NORP", "")],
)

PARTY_MPS = Case(
    "Angry Labour MPs rejected the British plan.",
    """
    Angry     2 amod      ADJ   JJ   angry
    Labour    2 compound  PROPN NNP  Labour
    MPs       3 nsubj     NOUN  NNS  mp
    rejected  3 ROOT      VERB  VBD  reject
    the       6 det       DET   DT   the
    British   6 amod      ADJ   JJ   british
    plan      3 dobj      NOUN  NN   plan
    .         3 punct     PUNCT .    .
    """,
    [(5, 6, "NORP", "")],
)

DOCTORS_OF_A_BODY = Case(
    "Doctors in the NHS rejected the British plan.",
    """
    Doctors   4 nsubj     NOUN  NNS  doctor
    in        0 prep      ADP   IN   in
    the       3 det       DET   DT   the
    NHS       1 pobj      PROPN NNP  NHS
    rejected  4 ROOT      VERB  VBD  reject
    the       7 det       DET   DT   the
    British   7 amod      ADJ   JJ   british
    plan      4 dobj      NOUN  NN   plan
    .         4 punct     PUNCT .    .
    """,
    [(3, 4, "ORG", ""), (6, 7, "NORP", "")],
)

PUPILS_IN_A_CITY = Case(
    "Secondary pupils in Cardiff, Wales, rejected the plan.",
    """
    Secondary  1 amod      ADJ   JJ   secondary
    pupils     7 nsubj     NOUN  NNS  pupil
    in         1 prep      ADP   IN   in
    Cardiff    2 pobj      PROPN NNP  Cardiff
    ,          3 punct     PUNCT ,    ,
    Wales      3 appos     PROPN NNP  Wales
    ,          3 punct     PUNCT ,    ,
    rejected   7 ROOT      VERB  VBD  reject
    the        9 det       DET   DT   the
    plan       7 dobj      NOUN  NN   plan
    .          7 punct     PUNCT .    .
    """,
    [(3, 4, "GPE", ""), (5, 6, "GPE", "")],
)

NATIONAL_VOTERS = Case(
    "British voters rejected the plan.",
    """
    British   1 amod      ADJ   JJ   british
    voters    2 nsubj     NOUN  NNS  voter
    rejected  2 ROOT      VERB  VBD  reject
    the       4 det       DET   DT   the
    plan      2 dobj      NOUN  NN   plan
    .         2 punct     PUNCT .    .
    """,
    [(0, 2, "NORP", "civilians-in-the-united-kingdom")],
)


def test_members_of_parliament_named_by_a_common_noun_are_the_countrys_parliament(events):
    [event] = events(BACKBENCH_MPS)
    assert event.subjects == ("parliament-of-the-united-kingdom",) and event.relation == "rejects"


def test_a_party_s_members_keep_their_own_name(events):
    [event] = events(PARTY_MPS)
    assert event.subjects != ("parliament-of-the-united-kingdom",)


def test_a_group_of_a_named_body_is_not_the_countrys_sector(events):
    [*found] = events(DOCTORS_OF_A_BODY)
    assert found and all(e.subjects != ("health-sector-of-the-united-kingdom",) for e in found)


def test_a_group_placed_in_a_city_is_its_countrys_sector(events):
    [event] = events(PUPILS_IN_A_CITY)
    assert event.subjects == ("education-sector-of-the-united-kingdom",)


def test_a_countrys_voters_are_its_civilians(events):
    [event] = events(NATIONAL_VOTERS)
    assert event.subjects == ("civilians-in-the-united-kingdom",)


@pytest.mark.parametrize("name, code", [
    ("voters", "CVL"), ("backbench MPs", "LEG"), ("MPs", "LEG"), ("judges", "JUD"), ("the courts", "JUD"),
    ("journalists", "MED"), ("secondary pupils", "EDU"), ("hospital doctors", "HLH"), ("health workers", "HLH"),
    ("trade unions", "LAB"), ("small businesses", "BUS"), ("asylum seekers", "REF"),
    ("officials", "GOV"), ("local councillors", "GOV"), ("civil servants", "GOV"), ("men", "CVL"),
    ("pensioners", "CVL"), ("researchers", "EDU"), ("law lords", "JUD"),
    ("Labour MPs", None), ("Kurdistan Workers' Army", None), ("Riot Police", None),
])
def test_a_sector_is_named_by_its_head_word_in_lower_case(name, code):
    world = Resolver(load_curated(bundled_inputs(statements=False))).world
    found = world.institution_named(name, "united-kingdom")
    expected = world.institution(code, "united-kingdom") if code else None
    assert found == expected


CRITICS_OF_A_PERSON = Case(
    "Ilse Varga's critics rejected the British plan.",
    """
    Ilse      1 compound  PROPN NNP  Ilse
    Varga     3 poss      PROPN NNP  Varga
    's        1 case      PART  POS  's
    critics   4 nsubj     NOUN  NNS  critic
    rejected  4 ROOT      VERB  VBD  reject
    the       7 det       DET   DT   the
    British   7 amod      ADJ   JJ   british
    plan      4 dobj      NOUN  NN   plan
    .         4 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", ""), (6, 7, "NORP", "")],
)

KIN_OF_A_PERSON = Case(
    "The parents of Ilse Varga rejected the British plan.",
    """
    The       1 det       DET   DT   the
    parents   5 nsubj     NOUN  NNS  parent
    of        1 prep      ADP   IN   of
    Ilse      4 compound  PROPN NNP  Ilse
    Varga     2 pobj      PROPN NNP  Varga
    rejected  5 ROOT      VERB  VBD  reject
    the       8 det       DET   DT   the
    British   8 amod      ADJ   JJ   british
    plan      5 dobj      NOUN  NN   plan
    .         5 punct     PUNCT .    .
    """,
    [(3, 5, "PERSON", ""), (7, 8, "NORP", "")],
)

ACTIVISTS_OF_A_NAME = Case(
    "Activists of Ilse Varga rejected the British plan.",
    """
    Activists 4 nsubj     NOUN  NNS  activist
    of        0 prep      ADP   IN   of
    Ilse      3 compound  PROPN NNP  Ilse
    Varga     1 pobj      PROPN NNP  Varga
    rejected  4 ROOT      VERB  VBD  reject
    the       7 det       DET   DT   the
    British   7 amod      ADJ   JJ   british
    plan      4 dobj      NOUN  NN   plan
    .         4 punct     PUNCT .    .
    """,
    [(2, 4, "PERSON", ""), (6, 7, "NORP", "")],
)


@pytest.mark.parametrize("case", [CRITICS_OF_A_PERSON, KIN_OF_A_PERSON], ids=["possessive", "kin"])
def test_a_group_named_by_the_person_it_is_around_is_nobody(events, case):
    """"Ilse Varga's critics", "the parents of Ilse Varga": no group an event graph can hold, and never a
    new actor (the event has no subject, so none is stated)."""
    assert not any("critic" in s or "parent" in s for e in events(case) for s in e.subjects)


def test_a_group_of_a_name_that_is_not_kin_keeps_its_name(events):
    """"Activists of X": X may be a body or a place the parser took for a person, so the group stands."""
    [event] = events(ACTIVISTS_OF_A_NAME)
    assert event.subjects and "activists" in event.subjects[0]
