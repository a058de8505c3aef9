"""Attacks and fights as conflict reports phrase them: the target of an air strike given by a participle
("airstrikes targeting X"), strikes by weapons that are no labour strike, a gunfight that "broke out between"
two sides, and forces a group names that are not the state's. Sentences are our own, parsed by hand as
``en_core_web_sm`` 3.8 parses them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from kg.curated import CuratedData
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent

from .test_extract_events import events
from .test_extract_rules import NLP, PUBLISHED, Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

TARGETING = Case(
    "Egyptian jets conducted airstrikes targeting Islamist fighters in Sinai.",
    """
    Egyptian    1 amod      ADJ   JJ   egyptian
    jets        2 nsubj     NOUN  NNS  jet
    conducted   2 ROOT      VERB  VBD  conduct
    airstrikes  2 dobj      NOUN  NNS  airstrike
    targeting   3 acl       VERB  VBG  target
    Islamist    6 amod      ADJ   JJ   islamist
    fighters    4 dobj      NOUN  NNS  fighter
    in          4 prep      ADP   IN   in
    Sinai       7 pobj      PROPN NNP  Sinai
    .           2 punct     PUNCT .    .
    """,
    [(0, 1, "NORP", ""), (5, 6, "NORP", ""), (8, 9, "GPE", "")],
)

DRONE_STRIKES = Case(
    "The army launched drone strikes on Marib.",
    """
    The       1 det       DET   DT   the
    army      2 nsubj     NOUN  NN   army
    launched  2 ROOT      VERB  VBD  launch
    drone     4 compound  NOUN  NN   drone
    strikes   2 dobj      NOUN  NNS  strike
    on        4 prep      ADP   IN   on
    Marib     5 pobj      PROPN NNP  Marib
    .         2 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "")],
)

LABOUR_STRIKE = Case(
    "Dock workers launched a strike against Lukashenko.",
    """
    Dock        1 compound  NOUN  NN   dock
    workers     2 nsubj     NOUN  NNS  worker
    launched    2 ROOT      VERB  VBD  launch
    a           4 det       DET   DT   a
    strike      2 dobj      NOUN  NN   strike
    against     4 prep      ADP   IN   against
    Lukashenko  5 pobj      PROPN NNP  Lukashenko
    .           2 punct     PUNCT .    .
    """,
    [(6, 7, "PERSON", "alexander-lukashenko")],
)

GUNFIGHT = Case(
    "A gunfight broke out between police and bandits in Minsk.",
    """
    A         1 det       DET   DT   a
    gunfight  2 nsubj     NOUN  NN   gunfight
    broke     2 ROOT      VERB  VBD  break
    out       2 prt       ADP   RP   out
    between   2 prep      ADP   IN   between
    police    4 pobj      NOUN  NNS  police
    and       5 cc        CCONJ CC   and
    bandits   5 conj      NOUN  NNS  bandit
    in        5 prep      ADP   IN   in
    Minsk     8 pobj      PROPN NNP  Minsk
    .         2 punct     PUNCT .    .
    """,
    [(9, 10, "GPE", "minsk")],
)

GROUP_FORCES = Case(
    "Tigrayan forces attacked Ethiopian soldiers near Mekelle.",
    """
    Tigrayan   1 compound  PROPN NNP  Tigrayan
    forces     2 nsubj     NOUN  NNS  force
    attacked   2 ROOT      VERB  VBD  attack
    Ethiopian  4 amod      ADJ   JJ   ethiopian
    soldiers   2 dobj      NOUN  NNS  soldier
    near       2 prep      ADP   IN   near
    Mekelle    5 pobj      PROPN NNP  Mekelle
    .          2 punct     PUNCT .    .
    """,
    [(0, 1, "ORG", ""), (3, 5, "ORG", "military-of-ethiopia"), (6, 7, "GPE", "")],
)


def test_the_target_of_air_strikes_may_be_the_object_of_a_participle(events):
    [event] = [e for e in events(TARGETING) if e.relation == "fights"]
    assert event.method == "rule/fight.airstrike/3"
    assert event.subjects == ("egypt",)  # "Israeli helicopters": Israel
    assert event.objects and "egypt" not in event.objects  # the fighters, not the place or the state


def test_strikes_by_weapons_are_no_labour_strike(events):
    found = events(DRONE_STRIKES)
    assert "strikes" not in [e.relation for e in found]
    assert [e.relation for e in found] == ["fights"]


def test_a_strike_with_no_weapon_is_still_a_labour_strike(events):
    assert [(e.relation, e.method) for e in events(LABOUR_STRIKE)] == [("strikes", "rule/protest.strike/3")]


def test_a_gunfight_that_broke_out_between_two_sides_is_their_fight(events):
    [event] = events(GUNFIGHT)
    assert (event.relation, event.method) == ("fights", "rule/nominal.clash/2")
    assert event.subjects == ("belarusian-police",) and len(event.objects) == 1  # the curated police
    assert event.objects != event.subjects


def test_forces_a_group_names_are_not_the_states_military(events):
    [event] = events(GROUP_FORCES)
    assert event.relation == "fights" and event.objects == ("military-of-ethiopia",)
    assert event.subjects != ("military-of-ethiopia",) and "military" not in event.subjects[0]


CROWD_NOWHERE = Case(
    "Demonstrators marched.",
    """
    Demonstrators  1 nsubj     NOUN  NNS  demonstrator
    marched        1 ROOT      VERB  VBD  march
    .              1 punct     PUNCT .    .
    """,
    [],
)

CROWD_IN_MINSK = Case(
    "Demonstrators marched in Minsk.",
    """
    Demonstrators  1 nsubj     NOUN  NNS  demonstrator
    marched        1 ROOT      VERB  VBD  march
    in             1 prep      ADP   IN   in
    Minsk          2 pobj      PROPN NNP  Minsk
    .              1 punct     PUNCT .    .
    """,
    [(3, 4, "GPE", "minsk")],
)


def test_a_crowd_met_first_in_a_report_of_no_country_is_still_this_countrys(
        registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    nowhere = extractor.statements(component(CROWD_NOWHERE.doc()), Document("a", CROWD_NOWHERE.text,
                                                                             published=PUBLISHED))
    minsk = extractor.statements(component(CROWD_IN_MINSK.doc()), Document("b", CROWD_IN_MINSK.text,
                                                                           published=PUBLISHED))
    assert nowhere and minsk
    assert minsk[0].statement.subjects != nowhere[0].statement.subjects
    [subject] = minsk[0].statement.subjects
    assert extractor.resolver.actor(subject) is not None
    assert extractor.resolver.actor(subject).country == "belarus"
