"""Protests and riots named by a noun: a crowd's event without a verb ("Serbian protests against the
government"), the crowd of the country a nationality names, no event in a compound ("riot police"), and one
protest when a verb already reports it. Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses
them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from kg.extract.extractor import Extractor
from kg.extract.inputs import Document

from .test_extract_events import events
from .test_extract_rules import NLP, PUBLISHED, Case, component, registry

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


# -- "in protest at X": who protests, and at whom ---------------------------------------------------------

WALKED_OUT_IN_PROTEST = Case(
    "Miners in Ghana walked out in protest at the government's refusal.",
    """
    Miners      3  nsubj     NOUN  NNS  miner
    in          0  prep      ADP   IN   in
    Ghana       1  pobj      PROPN NNP  Ghana
    walked      3  ROOT      VERB  VBD  walk
    out         3  prt       ADP   RP   out
    in          3  prep      ADP   IN   in
    protest     5  pobj      NOUN  NN   protest
    at          3  prep      ADP   IN   at
    the         9  det       DET   DT   the
    government  11 poss      NOUN  NN   government
    's          9  case      PART  POS  's
    refusal     7  pobj      NOUN  NN   refusal
    .           3  punct     PUNCT .    .
    """,
    [(2, 3, "GPE", "ghana")],
)

BLOCKED_IN_PROTEST = Case(
    "Farmers in Chile blocked roads in protest at the new tax.",
    """
    Farmers  3  nsubj     NOUN  NNS  farmer
    in       0  prep      ADP   IN   in
    Chile    1  pobj      PROPN NNP  Chile
    blocked  3  ROOT      VERB  VBD  block
    roads    3  dobj      NOUN  NNS  road
    in       4  prep      ADP   IN   in
    protest  5  pobj      NOUN  NN   protest
    at       3  prep      ADP   IN   at
    the      10 det       DET   DT   the
    new      10 amod      ADJ   JJ   new
    tax      7  pobj      NOUN  NN   tax
    .        3  punct     PUNCT .    .
    """,
    [(2, 3, "GPE", "chile")],
)

HUNGER_STRIKE_IN_PROTEST = Case(
    "Refugees began a hunger strike in protest at the Kenyan government's refusal.",
    """
    Refugees    1  nsubj     NOUN  NNS  refugee
    began       1  ROOT      VERB  VBD  begin
    a           4  det       DET   DT   a
    hunger      4  compound  NOUN  NN   hunger
    strike      1  dobj      NOUN  NN   strike
    in          4  prep      ADP   IN   in
    protest     5  pobj      NOUN  NN   protest
    at          4  prep      ADP   IN   at
    the         10 det       DET   DT   the
    Kenyan      10 amod      ADJ   JJ   kenyan
    government  12 poss      NOUN  NN   government
    's          10 case      PART  POS  's
    refusal     7  pobj      NOUN  NN   refusal
    .           1  punct     PUNCT .    .
    """,
    [(9, 11, "ORG", "government-of-kenya")],
)


def test_in_protest_at_names_who_protests_and_the_target_behind_what_they_protest(events):
    # the subject of the verb protests, not an implied crowd; "X's refusal" is protested at X
    [protest] = events(WALKED_OUT_IN_PROTEST)
    assert (protest.relation, protest.implied) == ("demonstrates", False)
    assert protest.subjects == ("protesters-in-ghana",) and protest.objects == ("government-of-ghana",)


def test_a_verb_done_in_protest_is_one_protest(events):
    # "blocked roads in protest at X" is the blockade, not a second, crowd-less protest
    assert [e.method for e in events(BLOCKED_IN_PROTEST)] == ["rule/protest.obstruct/1"]


def test_a_hunger_strike_is_a_hunger_strike_and_its_purpose_names_its_target(events):
    [strike] = events(HUNGER_STRIKE_IN_PROTEST)
    assert strike.method == "rule/protest.hunger/2" and strike.objects == ("government-of-kenya",)


# -- a nationality's riots: the crowd is implied, the nationality is the text that says whose ------------

NATIONAL_RIOTS_AGAINST_POLICIES = Case(
    "Georgian riots against Russian army policies went on.",
    """
    Georgian  1  amod      ADJ   JJ   georgian
    riots     6  nsubj     NOUN  NNS  riot
    against   1  prep      ADP   IN   against
    Russian   5  amod      ADJ   JJ   russian
    army      5  compound  NOUN  NN   army
    policies  2  pobj      NOUN  NNS  policy
    went      6  ROOT      VERB  VBD  go
    on        6  prt       ADP   RP   on
    .         6  punct     PUNCT .    .
    """,
    [(0, 1, "NORP", ""), (3, 5, "ORG", "military-of-russia")],
)


def test_riots_against_a_bodys_policies_target_the_body_and_their_crowd_is_named_by_the_nationality(
        registry, component):
    doc = component(NATIONAL_RIOTS_AGAINST_POLICIES.doc())
    [found] = Extractor(registry, nlp=NLP).statements(doc, Document("case", doc.text, published=PUBLISHED))
    [subject] = found.subjects
    assert found.statement.subjects == ("rioters-in-georgia",) and found.statement.objects == ("military-of-russia",)
    assert subject.implied and (subject.text, doc.text[subject.start:subject.end]) == ("Georgian", "Georgian")
