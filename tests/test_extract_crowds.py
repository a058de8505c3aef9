"""Protests and riots named by a noun: a crowd's event without a verb ("Serbian protests against the
government"), the crowd of the country a nationality names, no event in a compound ("riot police"), and one
protest when a verb already reports it. Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses
them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from .test_extract_events import events
from .test_extract_rules import Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

NATIONAL_PROTESTS = Case(
    "Serbian protests against the government grew.",
    """
    Serbian     1 amod      ADJ   JJ   serbian
    protests    5 nsubj     NOUN  NNS  protest
    against     1 prep      ADP   IN   against
    the         4 det       DET   DT   the
    government  2 pobj      NOUN  NN   government
    grew        5 ROOT      VERB  VBD  grow
    .           5 punct     PUNCT .    .
    """,
    [(0, 1, "NORP", "")],
)

RIOT_POLICE = Case(
    "The riot police detained Anna Berg.",
    """
    The       2 det       DET   DT   the
    riot      2 compound  NOUN  NN   riot
    police    3 nsubj     NOUN  NNS  police
    detained  3 ROOT      VERB  VBD  detain
    Anna      5 compound  PROPN NNP  Anna
    Berg      3 dobj      PROPN NNP  Berg
    .         3 punct     PUNCT .    .
    """,
    [(4, 6, "PERSON", "")],
)

VERB_AND_NOUN = Case(
    "Students demonstrated in Minsk in a protest against Lukashenko.",
    """
    Students      1 nsubj     NOUN  NNS  student
    demonstrated  1 ROOT      VERB  VBD  demonstrate
    in            1 prep      ADP   IN   in
    Minsk         2 pobj      PROPN NNP  Minsk
    in            1 prep      ADP   IN   in
    a             6 det       DET   DT   a
    protest       4 pobj      NOUN  NN   protest
    against       6 prep      ADP   IN   against
    Lukashenko    7 pobj      PROPN NNP  Lukashenko
    .             1 punct     PUNCT .    .
    """,
    [(3, 4, "GPE", "minsk"), (8, 9, "PERSON", "alexander-lukashenko")],
)


def test_protests_a_nationality_names_are_by_that_countrys_protesters(events):
    [event] = events(NATIONAL_PROTESTS)
    assert (event.relation, event.method, event.implied) == ("demonstrates", "rule/nominal.protest/1", True)
    assert event.subjects != ("serbia",)  # the crowd, not the state
    assert event.place == "serbia" and event.objects == ("government-of-serbia",)


def test_a_crowd_noun_modifying_another_noun_is_no_event(events):
    assert [e.relation for e in events(RIOT_POLICE)] == ["detains"]


def test_a_protest_the_verb_reports_is_one_protest(events):
    found = [e for e in events(VERB_AND_NOUN) if e.relation == "demonstrates"]
    assert [(e.method, e.implied) for e in found] == [("rule/protest.demonstrate/3", False)]


# -- protests named by what the crowd did, and by whom ------------------------------------------------------

COMMON_NOUN_READ_AS_A_NAME = Case(  # the recogniser took the capitalised first word for an organisation
    "Farmers protested in Lucknow.",
    """
    Farmers    1  nsubj     NOUN  NNS  farmer
    protested  1  ROOT      VERB  VBD  protest
    in         1  prep      ADP   IN   in
    Lucknow    2  pobj      PROPN NNP  Lucknow
    .          1  punct     PUNCT .    .
    """,
    [(0, 1, "ORG", ""), (3, 4, "GPE", "lucknow")],
)

TOWN_READ_AS_A_BODY = Case(  # a town the registry does not know, taken for an organisation: where, not whom
    "Students staged a rally in Rajbiraj.",
    """
    Students  1  nsubj     NOUN  NNS  student
    staged    1  ROOT      VERB  VBD  stag
    a         3  det       DET   DT   a
    rally     1  dobj      NOUN  NN   rally
    in        1  prep      ADP   IN   in
    Rajbiraj  4  pobj      PROPN NNP  Rajbiraj
    .         1  punct     PUNCT .    .
    """,
    [(5, 6, "ORG", "")],
)

TOOK_TO_THE_STREETS = Case(
    "Thousands of farmers took to the streets in Lucknow.",
    """
    Thousands  3  nsubj     NOUN  NNS  thousand
    of         0  prep      ADP   IN   of
    farmers    1  pobj      NOUN  NNS  farmer
    took       3  ROOT      VERB  VBD  take
    to         3  prep      ADP   IN   to
    the        6  det       DET   DT   the
    streets    4  pobj      NOUN  NNS  street
    in         3  prep      ADP   IN   in
    Lucknow    7  pobj      PROPN NNP  Lucknow
    .          3  punct     PUNCT .    .
    """,
    [(0, 1, "CARDINAL", ""), (8, 9, "GPE", "lucknow")],
)

STARTED_A_STRIKE = Case(
    "Nurses started a strike in Delhi.",
    """
    Nurses   1  nsubj     NOUN  NNS  nurse
    started  1  ROOT      VERB  VBD  start
    a        3  det       DET   DT   a
    strike   1  dobj      NOUN  NN   strike
    in       3  prep      ADP   IN   in
    Delhi    4  pobj      PROPN NNP  Delhi
    .        1  punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "delhi")],
)

STAGED_A_SIT_IN = Case(  # "sit-in" is three words to the tokenizer, its head "in"
    "Teachers staged a sit-in in Karachi.",
    """
    Teachers  1  nsubj     NOUN  NNS  teacher
    staged    1  ROOT      VERB  VBD  stag
    a         5  det       DET   DT   a
    sit       5  compound  NOUN  NN   sit
    -         5  punct     PUNCT HYPH -
    in        1  dobj      NOUN  NN   in
    in        1  prep      ADP   IN   in
    Karachi   6  pobj      PROPN NNP  Karachi
    .         1  punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "karachi")],
)

AGAINST_THE_COLLEGE_AUTHORITIES = Case(
    "Students protested against the college authorities in Delhi.",
    """
    Students     1  nsubj     NOUN  NNS  student
    protested    1  ROOT      VERB  VBD  protest
    against      1  prep      ADP   IN   against
    the          5  det       DET   DT   the
    college      5  compound  NOUN  NN   college
    authorities  2  pobj      NOUN  NNS  authority
    in           5  prep      ADP   IN   in
    Delhi        6  pobj      PROPN NNP  Delhi
    .            1  punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "delhi")],
)


def test_people_named_by_a_capitalised_common_noun_are_the_countrys_protesters(events):
    [event] = events(COMMON_NOUN_READ_AS_A_NAME)
    assert (event.subjects, event.relation, event.objects, event.place) == (
        ("protesters-in-india",), "demonstrates", (), "lucknow")


def test_a_town_read_as_a_body_is_not_what_a_rally_was_against(events):
    [event] = events(TOWN_READ_AS_A_BODY)
    assert event.relation == "demonstrates" and event.objects == ()


def test_taking_to_the_streets_starting_a_strike_and_a_sit_in_are_protests(events):
    assert [(e.subjects, e.relation) for e in events(TOOK_TO_THE_STREETS)] == [
        (("protesters-in-india",), "demonstrates")]
    assert [(e.subjects, e.relation) for e in events(STARTED_A_STRIKE)] == [(("protesters-in-india",), "strikes")]
    assert [(e.subjects, e.relation) for e in events(STAGED_A_SIT_IN)] == [
        (("protesters-in-pakistan",), "demonstrates")]


def test_the_authorities_of_a_college_are_not_the_government(events):
    [event] = events(AGAINST_THE_COLLEGE_AUTHORITIES)
    assert event.relation == "demonstrates" and event.objects == ()


SUPPORTERS_OF_A_FRONT = Case(
    "Supporters of the Green Front staged a protest in Lahore.",
    """
    Supporters  5  nsubj     NOUN  NNS  supporter
    of          0  prep      ADP   IN   of
    the         4  det       DET   DT   the
    Green       4  compound  PROPN NNP  Green
    Front       1  pobj      PROPN NNP  Front
    staged      5  ROOT      VERB  VBD  stage
    a           7  det       DET   DT   a
    protest     5  dobj      NOUN  NN   protest
    in          5  prep      ADP   IN   in
    Lahore      8  pobj      PROPN NNP  Lahore
    .           5  punct     PUNCT .    .
    """,
    [(2, 5, "ORG", ""), (9, 10, "GPE", "lahore")],
)

MEMBERS_OF_A_FRONT = Case(
    "Members of the Green Front staged a protest in Lahore.",
    """
    Members  5  nsubj     NOUN  NNS  member
    of       0  prep      ADP   IN   of
    the      4  det       DET   DT   the
    Green    4  compound  PROPN NNP  Green
    Front    1  pobj      PROPN NNP  Front
    staged   5  ROOT      VERB  VBD  stage
    a        7  det       DET   DT   a
    protest  5  dobj      NOUN  NN   protest
    in       5  prep      ADP   IN   in
    Lahore   8  pobj      PROPN NNP  Lahore
    .        5  punct     PUNCT .    .
    """,
    [(2, 5, "ORG", ""), (9, 10, "GPE", "lahore")],
)

VOLUNTEERS_OF_A_FRONT = Case(
    "Green Front volunteers held a rally in Lahore.",
    """
    Green       1  compound  PROPN NNP  Green
    Front       2  compound  PROPN NNP  Front
    volunteers  3  nsubj     NOUN  NNS  volunteer
    held        3  ROOT      VERB  VBD  hold
    a           5  det       DET   DT   a
    rally       3  dobj      NOUN  NN   rally
    in          3  prep      ADP   IN   in
    Lahore      6  pobj      PROPN NNP  Lahore
    .           3  punct     PUNCT .    .
    """,
    [(0, 2, "ORG", ""), (7, 8, "GPE", "lahore")],
)


def test_people_named_by_the_body_they_back_who_protest_are_the_protesters(events):
    # supporters or volunteers of a body protesting are the country's protesters, as event data code them
    # (the body is their affiliation, not the protest's actor); the members of a body are the body
    for case in (SUPPORTERS_OF_A_FRONT, VOLUNTEERS_OF_A_FRONT):
        protest = next(e for e in events(case) if e.relation == "demonstrates")
        assert (protest.subjects, protest.place) == (("protesters-in-pakistan",), "lahore")
    [protest] = [e for e in events(MEMBERS_OF_A_FRONT) if e.relation == "demonstrates"]
    assert protest.subjects != ("protesters-in-pakistan",) and "front" in protest.subjects[0]
