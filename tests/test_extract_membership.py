"""Membership and war in reports on armed conflict: lists of members, military units and the chain of command a
list of units gives, people posted to a unit, a war or fight named by a noun, and attacks on armed forces. Sentences are our own, parsed
by hand as ``en_core_web_sm`` 3.8 parses them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

import spacy

from kg.extract.pipeline import make_pipeline

from .test_extract_events import Event, events
from .test_extract_rules import Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests


def _facts(found: list[Event]) -> set[tuple[tuple[str, ...], str, tuple[str, ...], str]]:
    return {(e.subjects, e.relation, e.objects, e.method) for e in found}


# -- lists of members ---------------------------------------------------------------------------------------

MEMBERS_OF = Case(
    "Members of the Andean Community include Bolivia, Colombia and Ecuador.",
    """
    Members    5 nsubj     NOUN  NNS  member
    of         0 prep      ADP   IN   of
    the        4 det       DET   DT   the
    Andean     4 compound  PROPN NNP  Andean
    Community  1 pobj      PROPN NNP  Community
    include    5 ROOT      VERB  VBP  include
    Bolivia    5 dobj      PROPN NNP  Bolivia
    ,          6 punct     PUNCT ,    ,
    Colombia   6 conj      PROPN NNP  Colombia
    and        8 cc        CCONJ CC   and
    Ecuador    8 conj      PROPN NNP  Ecuador
    .          5 punct     PUNCT .    .
    """,
    [(2, 5, "ORG", ""), (6, 7, "GPE", "bolivia"), (8, 9, "GPE", "colombia"), (10, 11, "GPE", "ecuador")],
)

BODY_MEMBERS_ARE = Case(
    "Andean Community members are Bolivia and Peru.",
    """
    Andean     1 compound  PROPN NNP  Andean
    Community  2 compound  PROPN NNP  Community
    members    3 nsubj     NOUN  NNS  member
    are        3 ROOT      AUX   VBP  be
    Bolivia    3 attr      PROPN NNP  Bolivia
    and        4 cc        CCONJ CC   and
    Peru       4 conj      PROPN NNP  Peru
    .          3 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", ""), (4, 5, "GPE", "bolivia"), (6, 7, "GPE", "peru")],
)

ONE_MEMBER = Case(
    "Members of the Andean Community include Bolivia.",
    """
    Members    5 nsubj     NOUN  NNS  member
    of         0 prep      ADP   IN   of
    the        4 det       DET   DT   the
    Andean     4 compound  PROPN NNP  Andean
    Community  1 pobj      PROPN NNP  Community
    include    5 ROOT      VERB  VBP  include
    Bolivia    5 dobj      PROPN NNP  Bolivia
    .          5 punct     PUNCT .    .
    """,
    [(2, 5, "ORG", ""), (6, 7, "GPE", "bolivia")],
)

UNNAMED_BODY = Case(
    "Members of the coalition include Norway, Chile and Peru.",
    """
    Members    4 nsubj     NOUN  NNS  member
    of         0 prep      ADP   IN   of
    the        3 det       DET   DT   the
    coalition  1 pobj      NOUN  NN   coalition
    include    4 ROOT      VERB  VBP  include
    Norway     4 dobj      PROPN NNP  Norway
    ,          5 punct     PUNCT ,    ,
    Chile      5 conj      PROPN NNP  Chile
    and        7 cc        CCONJ CC   and
    Peru       7 conj      PROPN NNP  Peru
    .          4 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "norway"), (7, 8, "GPE", "chile"), (9, 10, "GPE", "peru")],
)

NAMED_BY_COMPOUND = Case(
    "Coalition nations that have sent troops include Norway, Chile and Peru.",
    """
    Coalition  1 compound  NOUN  NN   coalition
    nations    6 nsubj     NOUN  NNS  nation
    that       4 nsubj     PRON  WDT  that
    have       4 aux       AUX   VBP  have
    sent       1 relcl     VERB  VBN  send
    troops     4 dobj      NOUN  NNS  troop
    include    6 ROOT      VERB  VBP  include
    Norway     6 dobj      PROPN NNP  Norway
    ,          7 punct     PUNCT ,    ,
    Chile      7 conj      PROPN NNP  Chile
    and        9 cc        CCONJ CC   and
    Peru       9 conj      PROPN NNP  Peru
    .          6 punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "norway"), (9, 10, "GPE", "chile"), (11, 12, "GPE", "peru")],
)

WHICH_INCLUDES = Case(
    "The Northern Front, which includes the Red Brigades, seized the bridge.",
    """
    The       2 det       DET   DT   the
    Northern  2 compound  PROPN NNP  Northern
    Front    10 nsubj     PROPN NNP  Front
    ,         2 punct     PUNCT ,    ,
    which     5 nsubj     PRON  WDT  which
    includes  2 relcl     VERB  VBZ  include
    the       8 det       DET   DT   the
    Red       8 compound  PROPN NNP  Red
    Brigades  5 dobj      PROPN NNPS Brigades
    ,         2 punct     PUNCT ,    ,
    seized   10 ROOT      VERB  VBD  seize
    the      12 det       DET   DT   the
    bridge   10 dobj      NOUN  NN   bridge
    .        10 punct     PUNCT .    .
    """,
    [(0, 3, "ORG", ""), (6, 9, "ORG", "")],
)


def test_a_list_of_members_of_a_named_body_makes_each_a_member(events):
    assert _facts(events(MEMBERS_OF)) == {
        (("bolivia", "colombia", "ecuador"), "member_of", ("andean-community",), "rule/member.list/1")}
    assert _facts(events(BODY_MEMBERS_ARE)) == {
        (("bolivia", "peru"), "member_of", ("andean-community",), "rule/member.list/1")}


def test_a_list_of_one_or_of_an_unnamed_body_is_no_membership(events):
    assert not [e for e in events(ONE_MEMBER) if e.relation == "member_of"]
    assert not [e for e in events(UNNAMED_BODY) if e.relation == "member_of"]  # "the coalition": which one?


def test_a_capitalised_word_before_the_plural_names_the_body(events):
    [event] = [e for e in events(NAMED_BY_COMPOUND) if e.relation == "member_of"]
    assert (event.subjects, event.objects) == (("norway", "chile", "peru"), ("coalition",))


def test_an_organisation_which_includes_another_has_it_as_member(events):
    facts = _facts(events(WHICH_INCLUDES))
    assert (("red-brigades",), "member_of", ("northern-front",), "rule/member.list/1") in facts


# -- military units ----------------------------------------------------------------------------------------

ATTACHED_TO_UNITS = Case(
    "Corporal Ortiz was attached to the 2nd Battalion, 7th Cavalry Regiment.",
    """
    Corporal   1 compound  PROPN NNP  Corporal
    Ortiz      3 nsubjpass PROPN NNP  Ortiz
    was        3 auxpass   AUX   VBD  be
    attached   3 ROOT      VERB  VBN  attach
    to         3 prep      ADP   IN   to
    the        7 det       DET   DT   the
    2nd        7 amod      ADJ   JJ   2nd
    Battalion  4 pobj      PROPN NNP  Battalion
    ,          7 punct     PUNCT ,    ,
    7th       10 compound  PROPN NNP  7th
    Cavalry   11 compound  PROPN NNP  Cavalry
    Regiment   7 appos     PROPN NNP  Regiment
    .          3 punct     PUNCT .    .
    """,
    [(1, 2, "PERSON", ""), (6, 8, "ORG", ""), (9, 12, "ORG", "")],
)

POSTED_A_LETTER = Case(
    "Ortiz posted a letter to the 3rd Battalion.",
    """
    Ortiz      1 nsubj     PROPN NNP  Ortiz
    posted     1 ROOT      VERB  VBD  post
    a          3 det       DET   DT   a
    letter     1 dobj      NOUN  NN   letter
    to         1 prep      ADP   IN   to
    the        7 det       DET   DT   the
    3rd        7 compound  PROPN NNP  3rd
    Battalion  4 pobj      PROPN NNP  Battalion
    .          1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", ""), (6, 8, "ORG", "")],
)


def test_a_person_posted_to_a_unit_is_its_member_and_the_unit_is_part_of_the_next(events):
    assert _facts(events(ATTACHED_TO_UNITS)) == {
        (("ortiz",), "member_of", ("2nd-battalion",), "rule/member.posted/1"),
        (("2nd-battalion",), "member_of", ("7th-cavalry-regiment",), "rule/member.unit-chain/1")}


def test_posting_a_letter_to_a_unit_is_no_membership(events):
    assert not [e for e in events(POSTED_A_LETTER) if e.relation == "member_of"]


def test_a_larger_unit_named_first_is_not_part_of_a_smaller_one(events):
    reversed_order = Case(
        "The 7th Cavalry Regiment, 2nd Battalion",
        """
        The        3 det       DET   DT   the
        7th        3 compound  PROPN NNP  7th
        Cavalry    3 compound  PROPN NNP  Cavalry
        Regiment   3 ROOT      PROPN NNP  Regiment
        ,          3 punct     PUNCT ,    ,
        2nd        6 amod      ADJ   JJ   2nd
        Battalion  3 appos     PROPN NNP  Battalion
        """,
        [(1, 4, "ORG", ""), (5, 7, "ORG", "")],
    )
    assert not [e for e in events(reversed_order) if e.relation == "member_of"]


def test_units_named_by_an_ordinal_are_organisations():
    nlp = make_pipeline([], nlp=spacy.blank("en"), world=False)
    ents = {(e.text, e.label_) for e in nlp("Troops of the 101st Airborne Division and the Third Army "
                                              "met the 2nd Battalion in the 4th quarter.").ents}
    assert ents == {("101st Airborne Division", "ORG"), ("Third Army", "ORG"), ("2nd Battalion", "ORG")}
    assert not nlp("First Group and the Second Company reported profits.").ents  # word ordinals: large units only


# -- a war named by a noun -----------------------------------------------------------------------------------

WAR_AGAINST = Case(
    "Ethiopia stepped up its war against the TPLF.",
    """
    Ethiopia  1 nsubj     PROPN NNP  Ethiopia
    stepped   1 ROOT      VERB  VBD  step
    up        1 prt       ADP   RP   up
    its       4 poss      PRON  PRP$ its
    war       1 dobj      NOUN  NN   war
    against   4 prep      ADP   IN   against
    the       7 det       DET   DT   the
    TPLF      5 pobj      PROPN NNP  TPLF
    .         1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "ethiopia"), (7, 8, "ORG", "")],
)

JOINED_THE_FIGHT = Case(
    "Kenya joined the fight against al-Shabaab.",
    """
    Kenya    1 nsubj     PROPN NNP  Kenya
    joined   1 ROOT      VERB  VBD  join
    the      3 det       DET   DT   the
    fight    1 dobj      NOUN  NN   fight
    against  3 prep      ADP   IN   against
    al       7 compound  PROPN NNP  al
    -        7 punct     PROPN NNP  -
    Shabaab  4 pobj      PROPN NNP  Shabaab
    .        1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "kenya"), (5, 8, "ORG", "")],
)


def test_a_war_or_fight_against_an_actor_is_fighting_it(events):
    assert (("ethiopia",), "fights", ("tplf",), "rule/nominal.war/1") in _facts(events(WAR_AGAINST))
    assert (("kenya",), "fights", ("al-shabaab",), "rule/nominal.war/1") in _facts(events(JOINED_THE_FIGHT))


# -- attacks on armed forces ---------------------------------------------------------------------------------

ON_ARMY_UNITS = Case(
    "The rebels attacked Afghan army units near Kabul.",
    """
    The       1 det       DET   DT   the
    rebels    2 nsubj     NOUN  NNS  rebel
    attacked  2 ROOT      VERB  VBD  attack
    Afghan    5 amod      ADJ   JJ   afghan
    army      5 compound  NOUN  NN   army
    units     2 dobj      NOUN  NNS  unit
    near      2 prep      ADP   IN   near
    Kabul     6 pobj      PROPN NNP  Kabul
    .         2 punct     PUNCT .    .
    """,
    [(3, 5, "ORG", "military-of-afghanistan"), (7, 8, "GPE", "kabul")],
)

ON_VILLAGERS = Case(
    "The rebels attacked villagers near Kabul.",
    """
    The        1 det       DET   DT   the
    rebels     2 nsubj     NOUN  NNS  rebel
    attacked   2 ROOT      VERB  VBD  attack
    villagers  2 dobj      NOUN  NNS  villager
    near       2 prep      ADP   IN   near
    Kabul      4 pobj      PROPN NNP  Kabul
    .          2 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "kabul")],
)

FIRED_AT = Case(
    "Police fired at protesters in Minsk.",
    """
    Police      1 nsubj     NOUN  NNS  Police
    fired       1 ROOT      VERB  VBD  fire
    at          1 prep      ADP   IN   at
    protesters  2 pobj      NOUN  NNS  protester
    in          3 prep      ADP   IN   in
    Minsk       4 pobj      PROPN NNP  Minsk
    .           1 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "minsk")],
)

ON_A_DATE_IN_MARCH = Case(
    "Troops crossed the river on 13 March 2023.",
    """
    Troops   1 nsubj     NOUN  NNS  troop
    crossed  1 ROOT      VERB  VBD  cross
    the      3 det       DET   DT   the
    river    1 dobj      NOUN  NN   river
    on       1 prep      ADP   IN   on
    13       6 nummod    NUM   CD   13
    March    4 pobj      PROPN NNP  March
    2023     6 nummod    NUM   CD   2023
    .        1 punct     PUNCT .    .
    """,
    [(5, 8, "DATE", "")],
)


def test_an_attack_on_armed_forces_is_a_fight_and_one_on_civilians_an_assault(events):
    [on_army] = events(ON_ARMY_UNITS)
    assert (on_army.relation, on_army.objects) == ("fights", ("military-of-afghanistan",))
    [on_villagers] = events(ON_VILLAGERS)
    assert on_villagers.relation == "assaults"


def test_firing_at_people_is_an_assault(events):
    [event] = events(FIRED_AT)
    assert (event.relation, event.method) == ("assaults", "rule/assault.fire-at/2")
    assert event.subjects == ("belarusian-police",)


def test_a_word_of_a_date_is_no_event_noun(events):
    assert not events(ON_A_DATE_IN_MARCH)  # "March" names the month, not a march


FIGHTING_BETWEEN = Case(
    "Fighting between Azerbaijan and Armenia continued.",
    """
    Fighting    5 nsubj     VERB  VBG  fight
    between     0 prep      ADP   IN   between
    Azerbaijan  1 pobj      PROPN NNP  Azerbaijan
    and         2 cc        CCONJ CC   and
    Armenia     2 conj      PROPN NNP  Armenia
    continued   5 ROOT      VERB  VBD  continue
    .           5 punct     PUNCT .    .
    """,
    [(2, 3, "GPE", "azerbaijan"), (4, 5, "GPE", "armenia")],
)

SHELLED_NEAR = Case(
    "Russian forces shelled near Kharkiv.",
    """
    Russian  1 amod      ADJ   JJ   russian
    forces   2 nsubj     NOUN  NNS  force
    shelled  2 ROOT      VERB  VBD  shell
    near     2 prep      ADP   IN   near
    Kharkiv  3 pobj      PROPN NNP  Kharkiv
    .        2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "military-of-russia"), (4, 5, "GPE", "kharkiv")],
)

POLICE_OPERATION = Case(
    "Police conducted an operation in Minsk.",
    """
    Police     1 nsubj     NOUN  NNS  Police
    conducted  1 ROOT      VERB  VBD  conduct
    an         3 det       DET   DT   an
    operation  1 dobj      NOUN  NN   operation
    in         3 prep      ADP   IN   in
    Minsk      4 pobj      PROPN NNP  Minsk
    .          1 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "minsk")],
)


def test_fighting_between_two_sides_named_by_a_gerund_is_a_fight(events):
    [event] = events(FIGHTING_BETWEEN)
    assert (event.subjects, event.relation, event.objects) == (("azerbaijan",), "fights", ("armenia",))


def test_shelling_with_no_target_named_is_a_fight_where_it_happened(events):
    [event] = events(SHELLED_NEAR)
    assert (event.subjects, event.relation, event.objects, event.place) == (
        ("military-of-russia",), "fights", (), "kharkiv")


def test_an_operation_without_a_target_is_no_fight(events):
    assert not [e for e in events(POLICE_OPERATION) if e.relation == "fights"]


MURDERED = Case(
    "A journalist was murdered in Karachi.",
    """
    A           1 det       DET   DT   a
    journalist  3 nsubjpass NOUN  NN   journalist
    was         3 auxpass   AUX   VBD  be
    murdered    3 ROOT      VERB  VBN  murder
    in          3 prep      ADP   IN   in
    Karachi     4 pobj      PROPN NNP  Karachi
    .           3 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "karachi")],
)

KILLED_IN_A_CRASH = Case(
    "A man was killed in a crash in Karachi.",
    """
    A        1 det       DET   DT   a
    man      3 nsubjpass NOUN  NN   man
    was      3 auxpass   AUX   VBD  be
    killed   3 ROOT      VERB  VBN  kill
    in       3 prep      ADP   IN   in
    a        6 det       DET   DT   a
    crash    4 pobj      NOUN  NN   crash
    in       6 prep      ADP   IN   in
    Karachi  7 pobj      PROPN NNP  Karachi
    .        3 punct     PUNCT .    .
    """,
    [(8, 9, "GPE", "karachi")],
)


def test_a_murder_nobody_is_named_for_is_by_the_countrys_unidentified_armed_group(events):
    [event] = events(MURDERED)
    assert (event.subjects, event.relation, event.implied, event.method) == (
        ("unidentified-armed-group-in-pakistan",), "kills", True, "rule/agentless.shot/1")
    assert event.objects == ("civilians-in-pakistan",) and event.place == "karachi"


def test_a_death_that_needs_no_killer_implies_none(events):
    assert not events(KILLED_IN_A_CRASH)  # "killed" alone: an accident, a disaster or a killing


BLOCKADE_OF = Case(
    "Israel tightened the blockade of Gaza.",
    """
    Israel     1 nsubj     PROPN NNP  Israel
    tightened  1 ROOT      VERB  VBD  tighten
    the        3 det       DET   DT   the
    blockade   1 dobj      NOUN  NN   blockade
    of         3 prep      ADP   IN   of
    Gaza       4 pobj      PROPN NNP  Gaza
    .          1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "israel"), (5, 6, "GPE", "")],
)


def test_the_blockade_of_a_place_is_a_blockade_on_it(events):
    [event] = events(BLOCKADE_OF)
    assert (event.subjects, event.relation, event.method) == (("israel",), "fights", "rule/fight.blockade/3")
    assert event.objects == ("gaza",)


POLICE_FORCES_SHOT = Case(
    "Police forces shot two students in Minsk.",
    """
    Police    1 compound  NOUN  NN   police
    forces    2 nsubj     NOUN  NNS  force
    shot      2 ROOT      VERB  VBD  shoot
    two       4 nummod    NUM   CD   two
    students  2 dobj      NOUN  NNS  student
    in        2 prep      ADP   IN   in
    Minsk     5 pobj      PROPN NNP  Minsk
    .         2 punct     PUNCT .    .
    """,
    [(3, 4, "CARDINAL", ""), (6, 7, "GPE", "minsk")],
)


def test_police_forces_shooting_people_is_an_assault_not_a_fight(events):
    [event] = events(POLICE_FORCES_SHOT)
    assert event.relation == "assaults"


ROCKETS_AT = Case(
    "Hamas launched rockets at Israel.",
    """
    Hamas     1 nsubj     PROPN NNP  Hamas
    launched  1 ROOT      VERB  VBD  launch
    rockets   1 dobj      NOUN  NNS  rocket
    at        1 prep      ADP   IN   at
    Israel    3 pobj      PROPN NNP  Israel
    .         1 punct     PUNCT .    .
    """,
    [(0, 1, "ORG", ""), (4, 5, "GPE", "israel")],
)


def test_rockets_or_fire_launched_at_a_side_is_a_fight(events):
    [event] = events(ROCKETS_AT)
    assert (event.relation, event.objects, event.method) == ("fights", ("israel",), "rule/fight.launch-fire/1")


# -- backing named in passing ------------------------------------------------------------------------------

BACKED = Case(
    "The US-backed SDF captured Raqqa.",
    """
    The       4 det       DET   DT   the
    US        3 npadvmod  PROPN NNP  US
    -         3 punct     PUNCT HYPH -
    backed    4 amod      VERB  VBN  back
    SDF       5 nsubj     PROPN NNP  SDF
    captured  6 amod      VERB  VBN  capture
    Raqqa     6 ROOT      PROPN NNP  Raqqa
    .         6 punct     PUNCT .    .
    """,
    [(1, 2, "GPE", "united-states"), (4, 5, "ORG", ""), (6, 7, "GPE", "")],
)


def test_a_backer_named_before_a_hyphen_is_an_ally_of_the_backed(events):
    facts = _facts(events(BACKED))
    assert (("united-states",), "ally_of", ("syrian-democratic-forces",), "rule/ally.backed/1") in facts
