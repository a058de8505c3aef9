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
    assert [(e.method, e.implied) for e in found] == [("rule/protest.demonstrate/2", False)]
