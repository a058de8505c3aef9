"""Classes of events that news reports describe without the plain "X did Y to Z" shape: agentless events
with an implied actor, the place where an event happened, attacks named by their weapon or gunfire, and
nominal events. Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses them (see
``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from kg.curated import CuratedData
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent
from kg.extract.types import Extracted

from .test_extract_rules import NLP, PUBLISHED, Case, component, registry

__all__ = ["component", "registry"]  # the fixtures, shared with the rule tests


class Event(NamedTuple):
    """What a statement says, with its place and whether its subject is implied."""

    subjects: tuple[str, ...]
    relation: str
    objects: tuple[str, ...]
    place: str | None
    implied: bool
    method: str


@pytest.fixture
def events(registry: CuratedData, component: ExtractorComponent):
    def run(case: Case) -> list[Event]:
        doc = component(case.doc())
        extractor = Extractor(registry, nlp=NLP)
        found: list[Extracted] = extractor.statements(doc, Document("case", case.text, published=PUBLISHED))
        return [Event(e.statement.subjects, e.statement.relation, e.statement.objects, e.statement.place,
                      any(a.implied for a in e.subjects), e.statement.method) for e in found]

    return run


# -- agentless events: the actor is implied, of the country where it happened -------------------------

DETAINED_IN_MINSK = Case(
    "Dozens of students were detained in Minsk on Sunday.",
    """
    Dozens     4 nsubjpass NOUN  NNS  dozen
    of         0 prep      ADP   IN   of
    students   1 pobj      NOUN  NNS  student
    were       4 auxpass   AUX   VBD  be
    detained   4 ROOT      VERB  VBN  detain
    in         4 prep      ADP   IN   in
    Minsk      5 pobj      PROPN NNP  Minsk
    on         4 prep      ADP   IN   on
    Sunday     7 pobj      PROPN NNP  Sunday
    .          4 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "minsk"), (8, 9, "DATE", "")],
)


def test_a_detention_without_agent_is_by_the_police_of_the_place(events):
    [event] = events(DETAINED_IN_MINSK)
    assert event.subjects == ("belarusian-police",) and event.relation == "detains"
    assert (event.place, event.implied, event.method) == ("minsk", True, "rule/agentless.detained/1")


DETAINED_BY_SOLDIERS = Case(
    "Hundreds were detained by soldiers.",
    """
    Hundreds   2 nsubjpass NOUN  NNS  hundred
    were       2 auxpass   AUX   VBD  be
    detained   2 ROOT      VERB  VBN  detain
    by         2 agent     ADP   IN   by
    soldiers   3 pobj      NOUN  NNS  soldier
    .          2 punct     PUNCT .    .
    """,
    [],
)


def test_a_named_agent_is_never_replaced_by_an_implied_one(events):
    assert not any(e.implied for e in events(DETAINED_BY_SOLDIERS))


ARRESTS_MADE = Case(
    "Many arrests were made in Minsk.",
    """
    Many      1 amod      ADJ   JJ   many
    arrests   3 nsubjpass NOUN  NNS  arrest
    were      3 auxpass   AUX   VBD  be
    made      3 ROOT      VERB  VBN  make
    in        3 prep      ADP   IN   in
    Minsk     4 pobj      PROPN NNP  Minsk
    .         3 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "minsk")],
)


def test_arrests_made_are_detentions_by_the_police(events):
    assert events(ARRESTS_MADE) == [Event(("belarusian-police",), "detains", (), "minsk", True,
                                          "rule/agentless.arrests/1")]


PROTEST_HELD = Case(
    "A protest was held outside the parliament in Kyiv.",
    """
    A            1 det       DET   DT   a
    protest      3 nsubjpass NOUN  NN   protest
    was          3 auxpass   AUX   VBD  be
    held         3 ROOT      VERB  VBN  hold
    outside      3 prep      ADP   IN   outside
    the          6 det       DET   DT   the
    parliament   4 pobj      NOUN  NN   parliament
    in           3 prep      ADP   IN   in
    Kyiv         7 pobj      PROPN NNP  Kyiv
    .            3 punct     PUNCT .    .
    """,
    [(8, 9, "GPE", "")],
)


def test_a_protest_held_is_by_protesters(events, registry: CuratedData):
    [event] = events(PROTEST_HELD)
    assert (event.relation, event.objects, event.implied) == ("demonstrates", (), True)
    assert event.place is not None and event.place not in event.objects  # Kyiv: where, not whom
    assert registry.actors.get(event.subjects[0]) is None  # a new actor, "protesters"


PROTESTS_ERUPTED = Case(
    "Protests erupted in Tbilisi.",
    """
    Protests   1 nsubj     NOUN  NNS  protest
    erupted    1 ROOT      VERB  VBD  erupt
    in         1 prep      ADP   IN   in
    Tbilisi    2 pobj      PROPN NNP  Tbilisi
    .          1 punct     PUNCT .    .
    """,
    [(3, 4, "GPE", "")],
)


def test_protests_that_erupt_are_by_protesters(events):
    [event] = events(PROTESTS_ERUPTED)
    assert (event.relation, event.implied, event.method) == ("demonstrates", True,
                                                              "rule/agentless.protests-erupted/1")


STUDENTS_DEMONSTRATED = Case(
    "Students demonstrated in Minsk.",
    """
    Students       1 nsubj     NOUN  NNS  student
    demonstrated   1 ROOT      VERB  VBD  demonstrate
    in             1 prep      ADP   IN   in
    Minsk          2 pobj      PROPN NNP  Minsk
    .              1 punct     PUNCT .    .
    """,
    [(3, 4, "GPE", "minsk")],
)


def test_people_named_by_a_common_noun_who_protest_are_the_protesters(events):
    # the city is the place, not the object; the students are the country's protesters, as event data code
    # them, and the mention still says "Students"
    [event] = events(STUDENTS_DEMONSTRATED)
    assert event == Event(("belarusian-protesters",), "demonstrates", (), "minsk", False,
                          "rule/protest.demonstrate/2")


# -- attacks named by their gunfire or weapon ---------------------------------------------------------

KILLED_IN_FIRING = Case(
    "Two farmers were killed in police firing.",
    """
    Two       1 nummod    NUM   CD   two
    farmers   3 nsubjpass NOUN  NNS  farmer
    were      3 auxpass   AUX   VBD  be
    killed    3 ROOT      VERB  VBN  kill
    in        3 prep      ADP   IN   in
    police    6 compound  NOUN  NN   police
    firing    4 pobj      VERB  VBG  fire
    .         3 punct     PUNCT .    .
    """,
    [],
)


def test_killed_in_police_firing_is_killed_by_the_police(events):
    [event] = events(KILLED_IN_FIRING)
    assert (event.relation, event.implied) == ("kills", False)
    assert event.subjects[0].startswith("police") and event.objects
