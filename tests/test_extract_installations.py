"""Targets of armed violence as conflict reports name them: an installation of a side ("government
positions", "rebel positions", "Russian positions") stands for the side that holds it; a member of the
forces ("a policeman", "a police officer") for the country's body; armed forces killing civilians is an
assault, not a fight, and gunmen killing police a fight; a group placed in a region is the country's
("rebels in Rakhine, Myanmar": rebels in Myanmar). Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses them
(see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from kg.curated import CuratedData
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.lexicons import lexicons
from kg.extract.pipeline import ExtractorComponent

from .test_extract_events import events
from .test_extract_rules import NLP, PUBLISHED, Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

GOVERNMENT_POSITIONS = Case(
    "Rebels fired mortars at government positions near Aleppo.",
    """
    Rebels      1 nsubj     NOUN  NNS  rebel
    fired       1 ROOT      VERB  VBD  fire
    mortars     1 dobj      NOUN  NNS  mortar
    at          1 prep      ADP   IN   at
    government  5 compound  NOUN  NN   government
    positions   3 pobj      NOUN  NNS  position
    near        5 prep      ADP   IN   near
    Aleppo      6 pobj      PROPN NNP  Aleppo
    .           1 punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "aleppo")],
)

REBEL_POSITIONS = Case(
    "Soldiers shelled rebel positions near Aleppo.",
    """
    Soldiers   1 nsubj     NOUN  NNS  soldier
    shelled    1 ROOT      VERB  VBD  shell
    rebel      3 compound  NOUN  NN   rebel
    positions  1 dobj      NOUN  NNS  position
    near       3 prep      ADP   IN   near
    Aleppo     4 pobj      PROPN NNP  Aleppo
    .          1 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "aleppo")],
)

NATIONAL_POSITIONS = Case(
    "Ukrainian troops shelled Russian positions near Bakhmut.",
    """
    Ukrainian  1 amod      ADJ   JJ   ukrainian
    troops     2 nsubj     NOUN  NNS  troop
    shelled    2 ROOT      VERB  VBD  shell
    Russian    4 amod      ADJ   JJ   russian
    positions  2 dobj      NOUN  NNS  position
    near       2 prep      ADP   IN   near
    Bakhmut    5 pobj      PROPN NNP  Bakhmut
    .          2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "military-of-ukraine"), (3, 4, "NORP", ""), (6, 7, "GPE", "")],
)

UNHELD_CHECKPOINT = Case(
    "Soldiers fired at a checkpoint near Aleppo.",
    """
    Soldiers    1 nsubj     NOUN  NNS  soldier
    fired       1 ROOT      VERB  VBD  fire
    at          1 prep      ADP   IN   at
    a           4 det       DET   DT   a
    checkpoint  2 pobj      NOUN  NN   checkpoint
    near        4 prep      ADP   IN   near
    Aleppo      5 pobj      PROPN NNP  Aleppo
    .           1 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "aleppo")],
)

ARMY_KILLS_VILLAGERS = Case(
    "The army killed six villagers near Aleppo.",
    """
    The        1 det       DET   DT   the
    army       2 nsubj     NOUN  NN   army
    killed     2 ROOT      VERB  VBD  kill
    six        4 nummod    NUM   CD   six
    villagers  2 dobj      NOUN  NNS  villager
    near       2 prep      ADP   IN   near
    Aleppo     5 pobj      PROPN NNP  Aleppo
    .          2 punct     PUNCT .    .
    """,
    [(3, 4, "CARDINAL", ""), (6, 7, "GPE", "aleppo")],
)

ARMY_KILLS_REBELS = Case(
    "The army killed six rebels near Aleppo.",
    """
    The     1 det       DET   DT   the
    army    2 nsubj     NOUN  NN   army
    killed  2 ROOT      VERB  VBD  kill
    six     4 nummod    NUM   CD   six
    rebels  2 dobj      NOUN  NNS  rebel
    near    2 prep      ADP   IN   near
    Aleppo  5 pobj      PROPN NNP  Aleppo
    .       2 punct     PUNCT .    .
    """,
    [(3, 4, "CARDINAL", ""), (6, 7, "GPE", "aleppo")],
)

REBELS_IN_A_REGION = Case(
    "Soldiers killed three rebels in Rakhine, Myanmar.",
    """
    Soldiers  1 nsubj     NOUN  NNS  soldier
    killed    1 ROOT      VERB  VBD  kill
    three     3 nummod    NUM   CD   three
    rebels    1 dobj      NOUN  NNS  rebel
    in        3 prep      ADP   IN   in
    Rakhine   4 pobj      PROPN NNP  Rakhine
    ,         5 punct     PUNCT ,    ,
    Myanmar   5 appos     PROPN NNP  Myanmar
    .         1 punct     PUNCT .    .
    """,
    [(2, 3, "CARDINAL", ""), (5, 6, "GPE", ""), (7, 8, "GPE", "myanmar")],
)


def test_government_positions_stand_for_the_countrys_military(events):
    [event] = events(GOVERNMENT_POSITIONS)
    assert event.relation == "fights"  # rebels firing at the army's positions: a fight, not an assault
    assert event.objects == ("military-of-syria",)
    assert event.method == "rule/assault.fire-at/2"


def test_rebel_positions_stand_for_the_countrys_rebels(registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    [found] = extractor.statements(component(REBEL_POSITIONS.doc()), Document("a", REBEL_POSITIONS.text,
                                                                              published=PUBLISHED))
    assert found.statement.relation == "fights" and found.statement.subjects == ("military-of-syria",)
    [rebels] = found.statement.objects
    actor = extractor.resolver.actor(rebels)
    assert actor is not None and actor.label.lower() == "rebels in syria" and actor.country == "syria"


def test_a_demonym_on_positions_names_that_countrys_military(events):
    [event] = events(NATIONAL_POSITIONS)
    assert event.subjects == ("military-of-ukraine",) and event.objects == ("military-of-russia",)


def test_an_installation_nobody_is_said_to_hold_is_no_target(events):
    assert [e.objects for e in events(UNHELD_CHECKPOINT)] == []  # "at a checkpoint": whose, nobody says


def test_soldiers_killing_civilians_is_an_assault_not_a_fight(events):
    [event] = events(ARMY_KILLS_VILLAGERS)
    assert (event.relation, event.objects) == ("kills", ("civilians-in-syria",))
    [event] = events(ARMY_KILLS_REBELS)
    assert event.relation == "fights"  # the army and armed rebels: a fight


def test_a_group_placed_in_a_region_is_the_countrys(registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    [found] = extractor.statements(component(REBELS_IN_A_REGION.doc()), Document("a", REBELS_IN_A_REGION.text,
                                                                                 published=PUBLISHED))
    [rebels] = found.statement.objects
    actor = extractor.resolver.actor(rebels)
    assert actor is not None and actor.label == "rebels in Myanmar" and actor.country == "myanmar"


def test_installation_holders_are_sides_the_extractor_resolves():
    lex = lexicons()
    assert set(lex.installation_holders.values()) <= {*lex.generic_bodies, *lex.human_nouns}
    assert {"position", "positions", "checkpoint", "base"} <= lex.installation_nouns


GUNMEN_KILL_A_POLICEMAN = Case(
    "Gunmen killed a policeman near Aleppo.",
    """
    Gunmen     1 nsubj     NOUN  NNS  gunman
    killed     1 ROOT      VERB  VBD  kill
    a          3 det       DET   DT   a
    policeman  1 dobj      NOUN  NN   policeman
    near       1 prep      ADP   IN   near
    Aleppo     4 pobj      PROPN NNP  Aleppo
    .          1 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "aleppo")],
)

VILLAGERS_ATTACK_AN_OFFICER = Case(
    "Villagers attacked a police officer near Aleppo.",
    """
    Villagers  1 nsubj     NOUN  NNS  villager
    attacked   1 ROOT      VERB  VBD  attack
    a          4 det       DET   DT   a
    police     4 compound  NOUN  NN   police
    officer    1 dobj      NOUN  NN   officer
    near       1 prep      ADP   IN   near
    Aleppo     5 pobj      PROPN NNP  Aleppo
    .          1 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "aleppo")],
)

GROUP_COMMANDER = Case(
    "Soldiers killed a Hamas commander near Aleppo.",
    """
    Soldiers   1 nsubj     NOUN  NNS  soldier
    killed     1 ROOT      VERB  VBD  kill
    a          4 det       DET   DT   a
    Hamas      4 compound  PROPN NNP  Hamas
    commander  1 dobj      NOUN  NN   commander
    near       4 prep      ADP   IN   near
    Aleppo     5 pobj      PROPN NNP  Aleppo
    .          1 punct     PUNCT .    .
    """,
    [(3, 4, "ORG", ""), (6, 7, "GPE", "aleppo")],
)


def test_one_policeman_stands_for_the_countrys_police_and_gunmen_killing_him_fight_it(events):
    [event] = events(GUNMEN_KILL_A_POLICEMAN)
    assert event.objects == ("police-of-syria",)  # not dropped as "one person nobody names"
    assert event.subjects == ("unidentified-armed-group-in-syria",) and event.relation == "fights"


def test_a_police_officer_attacked_by_villagers_is_an_assault_on_the_police(events):
    [event] = events(VILLAGERS_ATTACK_AN_OFFICER)
    assert (event.relation, event.objects) == ("assaults", ("police-of-syria",))


def test_a_commander_of_a_named_group_is_the_groups_not_the_countrys(events):
    [event] = events(GROUP_COMMANDER)
    assert event.subjects == ("military-of-syria",)
    assert event.objects and event.objects != ("military-of-syria",)  # Hamas's man, not the Syrian army's


KILLED_IN_AN_ENCOUNTER = Case(
    "Two militants were killed in an encounter with security forces near Aleppo.",
    """
    Two        1 nummod    NUM   CD   two
    militants  3 nsubjpass NOUN  NNS  militant
    were       3 auxpass   AUX   VBD  be
    killed     3 ROOT      VERB  VBN  kill
    in         3 prep      ADP   IN   in
    an         6 det       DET   DT   an
    encounter  4 pobj      NOUN  NN   encounter
    with       6 prep      ADP   IN   with
    security   9 compound  NOUN  NN   security
    forces     7 pobj      NOUN  NNS  force
    near       9 prep      ADP   IN   near
    Aleppo    10 pobj      PROPN NNP  Aleppo
    .          3 punct     PUNCT .    .
    """,
    [(0, 1, "CARDINAL", ""), (11, 12, "GPE", "aleppo")],
)

A_REBEL_IN_A_GUNFIGHT = Case(
    "A rebel was killed in a gunfight with the army in Idlib, Syria.",
    """
    A         1 det       DET   DT   a
    rebel     3 nsubjpass NOUN  NN   rebel
    was       3 auxpass   AUX   VBD  be
    killed    3 ROOT      VERB  VBN  kill
    in        3 prep      ADP   IN   in
    a         6 det       DET   DT   a
    gunfight  4 pobj      NOUN  NN   gunfight
    with      6 prep      ADP   IN   with
    the       9 det       DET   DT   the
    army      7 pobj      NOUN  NN   army
    in        9 prep      ADP   IN   in
    Idlib    10 pobj      PROPN NNP  Idlib
    ,        11 punct     PUNCT ,    ,
    Syria    11 appos     PROPN NNP  Syria
    .         3 punct     PUNCT .    .
    """,
    [(11, 12, "GPE", ""), (13, 14, "GPE", "syria")],
)


def test_those_killed_in_an_encounter_with_security_forces_fought_them(events):
    [event] = [e for e in events(KILLED_IN_AN_ENCOUNTER) if e.relation == "fights"]
    assert event.objects == ("military-of-syria",)  # "security forces": the country's military
    assert event.subjects and event.subjects != ("military-of-syria",)


def test_one_rebel_is_the_countrys_rebels_and_the_army_in_a_region_its_army(
        registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    found = extractor.statements(component(A_REBEL_IN_A_GUNFIGHT.doc()), Document(
        "a", A_REBEL_IN_A_GUNFIGHT.text, published=PUBLISHED))
    [fight] = [f.statement for f in found if f.statement.relation == "fights"]
    assert fight.objects == ("military-of-syria",)  # not a new actor "army in Idlib, Syria"
    [rebels] = fight.subjects
    actor = extractor.resolver.actor(rebels)
    assert actor is not None and actor.label == "rebels in Syria"


ATTACKED_BUT_REPELLED = Case(
    "Syrian troops attacked near Aleppo but were repelled by rebels.",
    """
    Syrian    1 amod      ADJ   JJ   syrian
    troops    2 nsubj     NOUN  NNS  troop
    attacked  2 ROOT      VERB  VBD  attack
    near      2 prep      ADP   IN   near
    Aleppo    3 pobj      PROPN NNP  Aleppo
    but       2 cc        CCONJ CC   but
    were      7 auxpass   AUX   VBD  be
    repelled  2 conj      VERB  VBN  repel
    by        7 agent     ADP   IN   by
    rebels    8 pobj      NOUN  NNS  rebel
    .         2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "military-of-syria"), (4, 5, "GPE", "aleppo")],
)


def test_an_attacker_repelled_by_a_side_fought_it(events):
    # the subject the passive conjunct shares with "attacked" is the attacker; the agent, who repelled it
    [event] = [e for e in events(ATTACKED_BUT_REPELLED) if e.method == "rule/fight.repelled/1"]
    assert event.relation == "fights" and event.subjects == ("military-of-syria",)
    assert event.objects and event.objects != ("military-of-syria",)


VILLAGE_ATTACKED = Case(
    "Militants attacked Tarif village near Aleppo.",
    """
    Militants  1 nsubj     NOUN  NNS  militant
    attacked   1 ROOT      VERB  VBD  attack
    Tarif      3 compound  PROPN NNP  Tarif
    village    1 dobj      NOUN  NN   village
    near       1 prep      ADP   IN   near
    Aleppo     4 pobj      PROPN NNP  Aleppo
    .          1 punct     PUNCT .    .
    """,
    [(2, 3, "PERSON", ""), (5, 6, "GPE", "aleppo")],  # the parser takes the village's name for a person
)


def test_an_attack_on_a_village_hits_its_civilians_and_the_village_is_a_place(
        registry: CuratedData, component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    [found] = extractor.statements(component(VILLAGE_ATTACKED.doc()), Document("a", VILLAGE_ATTACKED.text,
                                                                               published=PUBLISHED))
    assert found.statement.relation == "assaults" and found.statement.objects == ("civilians-in-syria",)
    [village] = [a for a in map(extractor.resolver.actor, extractor.resolver.new_actors) if a and a.label == "Tarif"]
    assert village.type == "City"  # never a Person
