"""Attacks reported by their casualties, and armed sides the parser misreads: those killed "in", "after" or
"following" an attack by someone are whom it hit; a group's name the parser reads as a verb ("IS militants")
still names the group; armed groups killing police or soldiers fight them; and a clause the parser took for a
noun phrase ("The forces engaged in ...") still has its subject. Sentences are
our own, parsed by hand as ``en_core_web_sm`` 3.8 parses them (see ``tests/test_extract_rules.py`` for the
table format)."""

from __future__ import annotations

from .test_extract_events import events
from .test_extract_rules import Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

KILLED_IN_AN_ATTACK_BY = Case(
    "Four Afghan soldiers were killed in an attack by Taliban militants.",
    """
    Four       2  nummod    NUM   CD   four
    Afghan     2  amod      ADJ   JJ   afghan
    soldiers   4  nsubjpass NOUN  NNS  soldier
    were       4  auxpass   AUX   VBD  be
    killed     4  ROOT      VERB  VBN  kill
    in         4  prep      ADP   IN   in
    an         7  det       DET   DT   an
    attack     5  pobj      NOUN  NN   attack
    by         7  prep      ADP   IN   by
    Taliban    10 compound  PROPN NNP  Taliban
    militants  8  pobj      NOUN  NNS  militant
    .          4  punct     PUNCT .    .
    """,
    [(1, 3, "ORG", "military-of-afghanistan"), (9, 10, "ORG", "taliban")],
)

WOUNDED_FOLLOWING_AN_AMBUSH = Case(  # "following" parsed as a verb, the ambush its object
    "Two Afghan soldiers were killed and one was wounded following an ambush by Taliban militants.",
    """
    Two        2  nummod    NUM   CD   two
    Afghan     2  amod      ADJ   JJ   afghan
    soldiers   4  nsubjpass NOUN  NNS  soldier
    were       4  auxpass   AUX   VBD  be
    killed     4  ROOT      VERB  VBN  kill
    and        4  cc        CCONJ CC   and
    one        8  nsubjpass NUM   CD   one
    was        8  auxpass   AUX   VBD  be
    wounded    4  conj      VERB  VBN  wound
    following  8  xcomp     VERB  VBG  follow
    an         11 det       DET   DT   an
    ambush     9  pobj      NOUN  NN   ambush
    by         11 prep      ADP   IN   by
    Taliban    14 compound  PROPN NNP  Taliban
    militants  12 pobj      NOUN  NNS  militant
    .          8  punct     PUNCT .    .
    """,
    [(1, 3, "ORG", "military-of-afghanistan"), (13, 14, "ORG", "taliban")],
)

PROTESTED_AFTER_AN_ARREST = Case(  # "after" an event noun is still a reason given when no one was hurt
    "Students marched after the arrest of a teacher in Minsk.",
    """
    Students  1  nsubj     NOUN  NNS  student
    marched   1  ROOT      VERB  VBD  march
    after     1  prep      ADP   IN   after
    the       4  det       DET   DT   the
    arrest    2  pobj      NOUN  NN   arrest
    of        4  prep      ADP   IN   of
    a         7  det       DET   DT   a
    teacher   5  pobj      NOUN  NN   teacher
    in        4  prep      ADP   IN   in
    Minsk     8  pobj      PROPN NNP  Minsk
    .         1  punct     PUNCT .    .
    """,
    [(9, 10, "GPE", "minsk")],
)

NAME_READ_AS_AUXILIARY = Case(
    "On Monday, IS militants attacked Iraqi soldiers.",
    """
    On         4  prep      ADP   IN   on
    Monday     0  pobj      PROPN NNP  Monday
    ,          4  punct     PUNCT ,    ,
    IS         5  auxpass   AUX   VBZ  be
    militants  5  nsubj     NOUN  NNS  militant
    attacked   5  ROOT      VERB  VBD  attack
    Iraqi      7  amod      ADJ   JJ   iraqi
    soldiers   5  dobj      NOUN  NNS  soldier
    .          5  punct     PUNCT .    .
    """,
    [(1, 2, "DATE", ""), (3, 4, "ORG", "islamic-state"), (6, 8, "ORG", "military-of-iraq")],
)

GROUP_KILLS_POLICE = Case(
    "The Taliban killed two Afghan policemen.",
    """
    The        1  det       DET   DT   the
    Taliban    2  nsubj     PROPN NNP  Taliban
    killed     2  ROOT      VERB  VBD  kill
    two        5  nummod    NUM   CD   two
    Afghan     5  amod      ADJ   JJ   afghan
    policemen  2  dobj      NOUN  NNS  policeman
    .          2  punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "taliban"), (4, 6, "ORG", "police-of-afghanistan")],
)

GROUP_KILLS_SHOPKEEPERS = Case(
    "The Taliban killed two Afghan shopkeepers.",
    """
    The          1  det       DET   DT   the
    Taliban      2  nsubj     PROPN NNP  Taliban
    killed       2  ROOT      VERB  VBD  kill
    two          5  nummod    NUM   CD   two
    Afghan       5  amod      ADJ   JJ   afghan
    shopkeepers  2  dobj      NOUN  NNS  shopkeeper
    .            2  punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "taliban"), (4, 5, "NORP", "")],
)

CLAUSE_READ_AS_NOUN_PHRASE = Case(  # no finite verb: "engaged" hangs on "forces" as a participle
    "The Malian forces engaged in a gunbattle with rebels.",
    """
    The        2  det       DET   DT   the
    Malian     2  amod      ADJ   JJ   malian
    forces     2  ROOT      NOUN  NNS  force
    engaged    2  acl       VERB  VBN  engage
    in         3  prep      ADP   IN   in
    a          6  det       DET   DT   a
    gunbattle  4  pobj      NOUN  NN   gunbattle
    with       6  prep      ADP   IN   with
    rebels     7  pobj      NOUN  NNS  rebel
    .          2  punct     PUNCT .    .
    """,
    [(1, 3, "ORG", "military-of-mali")],
)


def test_those_killed_in_an_attack_by_a_group_are_whom_it_attacked(events):
    found = [e for e in events(KILLED_IN_AN_ATTACK_BY) if e.method.startswith("rule/nominal.attack/")]
    assert [(e.subjects, e.relation, e.objects) for e in found] == [
        (("taliban",), "fights", ("military-of-afghanistan",))]  # armed sides: a battle, not an assault


def test_those_hurt_following_an_ambush_are_whom_it_hit(events):
    found = [e for e in events(WOUNDED_FOLLOWING_AN_AMBUSH) if e.method.startswith("rule/nominal.attack/")]
    assert [(e.subjects, e.relation, e.objects) for e in found] == [
        (("taliban",), "fights", ("military-of-afghanistan",))]


def test_an_event_noun_after_a_verb_of_no_casualty_is_a_reason_not_an_event(events):
    assert [e.relation for e in events(PROTESTED_AFTER_AN_ARREST)] == ["demonstrates"]


def test_a_name_the_parser_read_as_an_auxiliary_still_names_the_group(events):
    [event] = [e for e in events(NAME_READ_AS_AUXILIARY) if e.method.startswith("rule/assault.attack/")]
    assert (event.subjects, event.relation, event.objects) == (("islamic-state",), "fights", ("military-of-iraq",))


def test_an_armed_group_killing_police_fights_them_and_killing_shopkeepers_assaults_civilians(events):
    [police] = events(GROUP_KILLS_POLICE)
    assert (police.subjects, police.relation, police.objects) == (("taliban",), "fights", ("police-of-afghanistan",))
    [civilians] = events(GROUP_KILLS_SHOPKEEPERS)
    assert civilians.relation == "kills" and civilians.objects == ("civilians-in-afghanistan",)


def test_a_clause_read_as_a_noun_phrase_keeps_its_subject(events):
    [event] = events(CLAUSE_READ_AS_NOUN_PHRASE)
    assert (event.subjects, event.relation) == (("military-of-mali",), "fights")
