"""Classes of events that news reports describe without the plain "X did Y to Z" shape: agentless events
with an implied actor, the place where an event happened, attacks named by their weapon or gunfire, and
nominal events. Sentences are our own, parsed by hand as ``en_core_web_sm`` 3.8 parses them (see
``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from datetime import date
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
                          "rule/protest.demonstrate/3")


def _detained_case(rest: str, parse: str) -> Case:
    return Case(f"Police detained hundreds of Belarusians{rest}.", """
    Police       1 nsubj     NOUN  NNS  police
    detained     1 ROOT      VERB  VBD  detain
    hundreds     1 dobj      NOUN  NNS  hundred
    of           2 prep      ADP   IN   of
    Belarusians  3 pobj      PROPN NNPS Belarusians""" + parse, [(4, 5, "NORP", "")])


DETAINED_AT_RALLY = _detained_case(" at the rally", """
    at           1 prep      ADP   IN   at
    the          7 det       DET   DT   the
    rally        5 pobj      NOUN  NN   rally
    .            1 punct     PUNCT .    .
    """)
DETAINED_NO_PROTEST = _detained_case("", """
    .            1 punct     PUNCT .    .
    """)


def test_a_crowd_detained_at_a_protest_are_the_protesters(events):
    # those a repression falls on, named by a count and a demonym in a sentence about a protest, are the
    # country's protesters, as event data code them; with no protest in the sentence they stay as written
    found = events(DETAINED_AT_RALLY)
    [at_rally] = [e for e in found if e.relation == "detains"]
    assert (at_rally.subjects, at_rally.objects) == (("belarusian-police",), ("belarusian-protesters",))
    # and the rally itself happened: the protesters' event, named by its noun
    assert [(e.relation, e.implied) for e in found if e.relation != "detains"] == [("demonstrates", True)]
    [elsewhere] = events(DETAINED_NO_PROTEST)
    assert elsewhere.relation == "detains" and elsewhere.objects != ("belarusian-protesters",)


# -- violence by people nobody names, on people named by a common noun -------------------------------

def _gunmen_killed(victims: str, lemma: str, place: bool) -> Case:
    rows = ["Gunmen 1 nsubj NOUN NNS gunman", "killed 1 ROOT VERB VBD kill", "two 3 nummod NUM CD two",
            f"{victims} 1 dobj NOUN NNS {lemma}"]
    if place:
        rows += ["in 1 prep ADP IN in", "Minsk 4 pobj PROPN NNP Minsk"]
    return Case(f"Gunmen killed two {victims}{' in Minsk' if place else ''}.",
                "\n".join([*rows, ". 1 punct PUNCT . ."]), [(5, 6, "GPE", "minsk")] if place else [])


KILLED_IN_AN_ATTACK_BY = Case(
    "A man was killed in an attack by armed men in Minsk.",
    """
    A         1 det       DET   DT   a
    man       3 nsubjpass NOUN  NN   man
    was       3 auxpass   AUX   VBD  be
    killed    3 ROOT      VERB  VBN  kill
    in        3 prep      ADP   IN   in
    an        6 det       DET   DT   an
    attack    4 pobj      NOUN  NN   attack
    by        6 prep      ADP   IN   by
    armed     9 amod      ADJ   JJ   armed
    men       7 pobj      NOUN  NNS  man
    in        3 prep      ADP   IN   in
    Minsk    10 pobj      PROPN NNP  Minsk
    .         3 punct     PUNCT .    .
    """,
    [(11, 12, "GPE", "minsk")],
)

KILLED_AND_INJURED_BY = Case(
    "Two people were killed and three injured by gunmen in Minsk.",
    """
    Two       1 nummod    NUM   CD   two
    people    3 nsubjpass NOUN  NNS  person
    were      3 auxpass   AUX   VBD  be
    killed    3 ROOT      VERB  VBN  kill
    and       3 cc        CCONJ CC   and
    three     6 nsubjpass NUM   CD   three
    injured   3 conj      VERB  VBN  injure
    by        6 agent     ADP   IN   by
    gunmen    7 pobj      NOUN  NNS  gunman
    in        6 prep      ADP   IN   in
    Minsk     9 pobj      PROPN NNP  Minsk
    .         3 punct     PUNCT .    .
    """,
    [(10, 11, "GPE", "minsk")],
)

GUNMEN = ("unidentified-armed-group-in-belarus",)
CIVILIANS = ("civilians-in-belarus",)


def test_gunmen_killing_villagers_are_the_countrys_armed_group_and_civilians(events):
    # as event data code them (CAMEO UAF and CVL, ACLED "Unidentified Armed Group" and "Civilians"): the
    # country's, where it happened
    [event] = events(_gunmen_killed("villagers", "villager", place=True))
    assert (event.subjects, event.relation, event.objects) == (GUNMEN, "kills", CIVILIANS)


def test_soldiers_killed_are_not_civilians(events):
    [event] = events(_gunmen_killed("soldiers", "soldier", place=True))
    assert event.subjects == GUNMEN and event.objects != CIVILIANS


def test_violence_in_no_known_country_implies_no_group(events):
    # neither the gunmen nor the villagers of no country are anyone: no actor is made up for them
    found = events(_gunmen_killed("villagers", "villager", place=False))
    assert all(e.subjects != GUNMEN and e.objects != CIVILIANS for e in found)


@pytest.mark.parametrize("case", [KILLED_IN_AN_ATTACK_BY, KILLED_AND_INJURED_BY], ids=["attack-by", "shared-agent"])
def test_the_agent_of_a_killing_may_sit_on_its_attack_or_on_a_coordinated_verb(events, case):
    [event] = [e for e in events(case) if e.relation == "kills"]
    assert (event.subjects, event.objects) == (GUNMEN, CIVILIANS)


GUNMEN_IN_A_TOWN_OF_A_REGION = Case(
    "Gunmen shot dead a farmer in Itabuna, Bahia.",
    """
    Gunmen    1 nsubj     NOUN  NNS  gunman
    shot      1 ROOT      VERB  VBD  shoot
    dead      1 advmod    ADJ   JJ   dead
    a         4 det       DET   DT   a
    farmer    1 dobj      NOUN  NN   farmer
    in        4 prep      ADP   IN   in
    Itabuna   5 pobj      PROPN NNP  Itabuna
    ,         6 punct     PUNCT ,    ,
    Bahia     6 appos     PROPN NNP  Bahia
    .         1 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", ""), (8, 9, "PERSON", "")],  # as the model tags them: the region a "person"
)

GUNMEN_IN_A_STATE = Case(
    "Unknown attackers killed two traders in Kano state.",
    """
    Unknown    1 amod      ADJ   JJ   unknown
    attackers  2 nsubj     NOUN  NNS  attacker
    killed     2 ROOT      VERB  VBD  kill
    two        4 nummod    NUM   CD   two
    traders    2 dobj      NOUN  NNS  trader
    in         4 prep      ADP   IN   in
    Kano       7 compound  PROPN NNP  Kano
    state      5 pobj      NOUN  NN   state
    .          2 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "")],
)


GUNMEN_IN_A_SMALL_TOWN = Case(
    "Gunmen shot dead a farmer in Zhlobin.",
    """
    Gunmen    1 nsubj     NOUN  NNS  gunman
    shot      1 ROOT      VERB  VBD  shoot
    dead      1 advmod    ADJ   JJ   dead
    a         4 det       DET   DT   a
    farmer    1 dobj      NOUN  NN   farmer
    in        4 prep      ADP   IN   in
    Zhlobin   5 pobj      PROPN NNP  Zhlobin
    .         1 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "")],
)


@pytest.mark.parametrize("case, country", [(GUNMEN_IN_A_TOWN_OF_A_REGION, "brazil"), (GUNMEN_IN_A_STATE, "nigeria"),
                                           (GUNMEN_IN_A_SMALL_TOWN, "belarus")],
                         ids=["town-region", "x-state", "gazetteer-town"])
def test_a_town_the_registry_does_not_know_is_in_the_country_of_its_region(events, case, country):
    # a small town is no city of the registry; the region written after it ("Town, Region") or the state
    # named with it ("X state") gives the country, and with it the groups that stand for the people; a
    # town the report names alone is found in the gazetteer of smaller places (data/places.tsv)
    [event] = [e for e in events(case) if e.relation == "kills"]
    assert (event.subjects, event.objects) == ((f"unidentified-armed-group-in-{country}",), (f"civilians-in-{country}",))


TAXI_DRIVERS_PROTESTED = Case(
    "Taxi drivers protested in Minsk.",
    """
    Taxi        1 compound  NOUN  NN   taxi
    drivers     2 nsubj     NOUN  NNS  driver
    protested   2 ROOT      VERB  VBD  protest
    in          2 prep      ADP   IN   in
    Minsk       3 pobj      PROPN NNP  Minsk
    .           2 punct     PUNCT .    .
    """,
    [(4, 5, "GPE", "minsk")],
)


def test_people_named_by_their_trade_who_protest_are_the_protesters(events):
    [event] = events(TAXI_DRIVERS_PROTESTED)
    assert (event.subjects, event.relation, event.place) == (("belarusian-protesters",), "demonstrates", "minsk")


SOLDIERS_EXCHANGED_FIRE = Case(
    "Soldiers exchanged fire with militants in Donetsk.",
    """
    Soldiers    1 nsubj     NOUN  NNS  soldier
    exchanged   1 ROOT      VERB  VBD  exchange
    fire        1 dobj      NOUN  NN   fire
    with        1 prep      ADP   IN   with
    militants   3 pobj      NOUN  NNS  militant
    in          4 prep      ADP   IN   in
    Donetsk     5 pobj      PROPN NNP  Donetsk
    .           1 punct     PUNCT .    .
    """,
    [(6, 7, "GPE", "")],
)


def test_an_exchange_of_fire_is_a_fight_between_both_sides(events):
    [event] = events(SOLDIERS_EXCHANGED_FIRE)
    assert event.relation == "fights" and event.method == "rule/fight.exchange-fire/1"
    assert event.subjects == ("military-of-ukraine",) and event.objects != ()


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
    # the farmers, of no country the text names, are nobody in particular: the event keeps no recipient
    assert event.subjects[0].startswith("police") and event.objects == ()


# -- nominal events --------------------------------------------------------------------------------

ARREST_OF_BY = Case(
    "The arrest of Maria Kolesnikova by the KGB shocked the opposition.",
    """
    The           1 det       DET   DT   the
    arrest        8 nsubj     NOUN  NN   arrest
    of            1 prep      ADP   IN   of
    Maria         4 compound  PROPN NNP  Maria
    Kolesnikova   2 pobj      PROPN NNP  Kolesnikova
    by            1 prep      ADP   IN   by
    the           7 det       DET   DT   the
    KGB           5 pobj      PROPN NNP  KGB
    shocked       8 ROOT      VERB  VBD  shock
    the          10 det       DET   DT   the
    opposition    8 dobj      NOUN  NN   opposition
    .             8 punct     PUNCT .    .
    """,
    [(3, 5, "PERSON", ""), (7, 8, "ORG", "")],
)


def test_the_arrest_of_x_by_y(events):
    [event] = events(ARREST_OF_BY)
    assert (event.relation, event.objects, event.method) == ("detains", ("maria-kolesnikova",),
                                                              "rule/nominal.arrest/1")
    assert event.subjects[0].startswith("kgb") and not event.implied


CLASHES_BETWEEN = Case(
    "Clashes between protesters and police erupted in Minsk.",
    """
    Clashes      5 nsubj     NOUN  NNS  clash
    between      0 prep      ADP   IN   between
    protesters   1 pobj      NOUN  NNS  protester
    and          2 cc        CCONJ CC   and
    police       2 conj      NOUN  NNS  police
    erupted      5 ROOT      VERB  VBD  erupt
    in           5 prep      ADP   IN   in
    Minsk        6 pobj      PROPN NNP  Minsk
    .            5 punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "minsk")],
)


def test_clashes_between_protesters_and_police_are_a_violent_protest(events):
    # one event, the first named acting on the other; protesters who clash riot (CAMEO 145); the place is
    # where the clashes erupted
    assert [e for e in events(CLASHES_BETWEEN) if e.method == "rule/nominal.clash/2"] == [
        Event(("belarusian-protesters",), "riots", ("belarusian-police",), "minsk", False, "rule/nominal.clash/2")]


TALKS_CALLED_FOR = Case(
    "The EU called for talks between Russia and Ukraine.",
    """
    The       1 det       DET   DT   the
    EU        2 nsubj     PROPN NNP  EU
    called    2 ROOT      VERB  VBD  call
    for       2 prep      ADP   IN   for
    talks     3 pobj      NOUN  NNS  talk
    between   4 prep      ADP   IN   between
    Russia    5 pobj      PROPN NNP  Russia
    and       6 cc        CCONJ CC   and
    Ukraine   6 conj      PROPN NNP  Ukraine
    .         2 punct     PUNCT .    .
    """,
    [(1, 2, "ORG", ""), (6, 7, "GPE", "russia"), (8, 9, "GPE", "")],
)


def test_talks_called_for_did_not_happen(events):
    assert not [e for e in events(TALKS_CALLED_FOR) if e.relation == "consults"]


DENIED_INVOLVEMENT = Case(
    "The Kremlin denied involvement in the attack on the embassy.",
    """
    The           1 det       DET   DT   the
    Kremlin       2 nsubj     PROPN NNP  Kremlin
    denied        2 ROOT      VERB  VBD  deny
    involvement   2 dobj      NOUN  NN   involvement
    in            3 prep      ADP   IN   in
    the           6 det       DET   DT   the
    attack        4 pobj      NOUN  NN   attack
    on            6 prep      ADP   IN   on
    the           9 det       DET   DT   the
    embassy       7 pobj      NOUN  NN   embassy
    .             2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "kremlin")],
)


def test_a_denied_involvement_is_a_denial_and_the_attack_is_denied(registry, component):
    doc = component(DENIED_INVOLVEMENT.doc())
    found = Extractor(registry, nlp=NLP).statements(doc, Document("case", DENIED_INVOLVEMENT.text,
                                                                  published=PUBLISHED))
    by_relation = {e.statement.relation: e.statement for e in found}
    assert by_relation["makes_statement"].cameo == "016" and by_relation["makes_statement"].subjects == ("kremlin",)
    attack = by_relation["assaults"]
    assert (attack.subjects, attack.polarity, attack.status, attack.claimant) == (
        ("kremlin",), "denied", "reported", "kremlin")


# -- precision: who says it, and static relations from their own clause -------------------------------

UNNAMED_SPEAKER = Case(
    "He said protesters attacked the police.",
    """
    He           1 nsubj     PRON  PRP  he
    said         1 ROOT      VERB  VBD  say
    protesters   3 nsubj     NOUN  NNS  protester
    attacked     1 ccomp     VERB  VBD  attack
    the          5 det       DET   DT   the
    police       3 dobj      NOUN  NN   police
    .            1 punct     PUNCT .    .
    """,
    [],
)


def test_what_an_unnamed_speaker_says_is_never_asserted(registry, component):
    doc = component(UNNAMED_SPEAKER.doc())
    [found] = Extractor(registry, nlp=NLP).statements(doc, Document("case", UNNAMED_SPEAKER.text))
    assert (found.statement.relation, found.statement.status, found.statement.claimant) == ("assaults", "alleged",
                                                                                            None)


TITLE_ELSEWHERE = Case(
    "Russia hosted the talks. President Ion Ivanov welcomed the plan.",
    """
    Russia      1 nsubj     PROPN NNP  Russia
    hosted      1 ROOT      VERB  VBD  host
    the         3 det       DET   DT   the
    talks       1 dobj      NOUN  NNS  talk
    .           1 punct     PUNCT .    .
    President   7 compound  PROPN NNP  President
    Ion         7 compound  PROPN NNP  Ion
    Ivanov      8 nsubj     PROPN NNP  Ivanov
    welcomed    8 ROOT      VERB  VBD  welcome
    the        10 det       DET   DT   the
    plan        8 dobj      NOUN  NN   plan
    .           8 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "russia"), (6, 8, "PERSON", "")],
)

TITLE_SAME_SENTENCE = Case(
    "Russia hosted the talks with President Ion Ivanov.",
    """
    Russia      1 nsubj     PROPN NNP  Russia
    hosted      1 ROOT      VERB  VBD  host
    the         3 det       DET   DT   the
    talks       1 dobj      NOUN  NNS  talk
    with        3 prep      ADP   IN   with
    President   7 compound  PROPN NNP  President
    Ion         7 compound  PROPN NNP  Ion
    Ivanov      4 pobj      PROPN NNP  Ivanov
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "russia"), (6, 8, "PERSON", "")],
)


@pytest.mark.parametrize("case", [TITLE_ELSEWHERE, TITLE_SAME_SENTENCE], ids=["elsewhere", "same-sentence"])
def test_a_title_naming_no_country_is_no_head_of_state_of_a_country_named_elsewhere(events, case):
    assert not [e for e in events(case) if e.relation == "head_of_state_of"]


# -- an extracted event a curated one covers is another attestation of it --------------------------


def test_an_extracted_consult_covered_by_a_curated_call_is_the_same_event():
    from kg.dates import EventDate
    from kg.extract.ingest import covered
    from kg.graph.write import statement_triples
    from kg.model import Evidence, Statement
    from kg.ontology import ACTOR, PK

    day = EventDate(PUBLISHED)
    call = Statement(("alexander-lukashenko",), "calls", ("vladimir-putin",), "s1", date=day)
    consult = Statement(("alexander-lukashenko",), "consults", ("vladimir-putin",), "s1", date=day, place="minsk",
                        evidence=Evidence(0, 9, "They spoke."), method="rule/consult.speak/1", confidence=0.8)
    other_day = Statement(("alexander-lukashenko",), "consults", ("vladimir-putin",), "s1",
                          date=EventDate(date(2020, 8, 21)), method="rule/consult.speak/1", confidence=0.8)
    kept = covered([consult, other_day], [call])
    assert [(s.relation, s.place, s.method) for s in kept] == [("calls", None, "rule/consult.speak/1"),
                                                              ("consults", None, "rule/consult.speak/1")]

    def events(statement: Statement) -> set:
        return {o for _, p, o in statement_triples(statement, iri_of=lambda i: ACTOR[i]) if p == PK.attests}

    assert events(kept[0]) == events(call) and events(kept[1]) != events(call)


# -- speech acts named by a noun: a statement, a demand, a protest lodged -----------------------------

STATEMENT_CRITICISING = Case(
    "Poland issued a statement criticising Russia.",
    """
    Poland        1 nsubj     PROPN NNP  Poland
    issued        1 ROOT      VERB  VBD  issue
    a             3 det       DET   DT   a
    statement     1 dobj      NOUN  NN   statement
    criticising   3 acl       VERB  VBG  criticise
    Russia        4 dobj      PROPN NNP  Russia
    .             1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "poland"), (5, 6, "GPE", "russia")],
)

RENEWED_ITS_DEMAND = Case(
    "Poland renewed its demand that Belarus free the prisoners.",
    """
    Poland      1 nsubj     PROPN NNP  Poland
    renewed     1 ROOT      VERB  VBD  renew
    its         3 poss      PRON  PRP$ its
    demand      1 dobj      NOUN  NN   demand
    that        6 mark      SCONJ IN   that
    Belarus     6 nsubj     PROPN NNP  Belarus
    free        3 acl       VERB  VB   free
    the         8 det       DET   DT   the
    prisoners   6 dobj      NOUN  NNS  prisoner
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "poland"), (5, 6, "GPE", "belarus")],
)

LODGED_A_PROTEST = Case(
    "Lithuania lodged a protest with Belarus.",
    """
    Lithuania   1 nsubj     PROPN NNP  Lithuania
    lodged      1 ROOT      VERB  VBD  lodge
    a           3 det       DET   DT   a
    protest     1 dobj      NOUN  NN   protest
    with        3 prep      ADP   IN   with
    Belarus     4 pobj      PROPN NNP  Belarus
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "lithuania"), (5, 6, "GPE", "belarus")],
)

ACCUSED_OF_BY = Case(
    "Lukashenko was accused of rigging the vote by the opposition.",
    """
    Lukashenko   2 nsubjpass PROPN NNP  Lukashenko
    was          2 auxpass   AUX   VBD  be
    accused      2 ROOT      VERB  VBN  accuse
    of           2 prep      ADP   IN   of
    rigging      3 pcomp     VERB  VBG  rig
    the          6 det       DET   DT   the
    vote         4 dobj      NOUN  NN   vote
    by           4 prep      ADP   IN   by
    the          9 det       DET   DT   the
    opposition   7 pobj      NOUN  NN   opposition
    .            2 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko")],
)


def test_a_statement_speaks_for_who_issued_it(events):
    # the participle's subject is the statement's author, not the statement
    [event] = events(STATEMENT_CRITICISING)
    assert (event.subjects, event.relation, event.objects) == (("poland",), "criticizes", ("russia",))


def test_a_demand_renewed_asks_the_subject_of_its_clause_and_what_it_asks_did_not_happen(events):
    found = events(RENEWED_ITS_DEMAND)
    assert [(e.subjects, e.relation, e.objects) for e in found] == [(("poland",), "demands", ("belarus",))]


def test_a_protest_lodged_with_a_country_is_an_official_complaint(events):
    [event] = events(LODGED_A_PROTEST)
    assert (event.subjects, event.relation, event.objects) == (("lithuania",), "disapproves", ("belarus",))


def test_the_agent_of_an_accusation_may_hang_on_its_clause(events):
    [event] = [e for e in events(ACCUSED_OF_BY) if e.relation == "accuses"]
    assert event.objects == ("alexander-lukashenko",) and event.subjects != ()


RELATIVES_OF_A_BOY = Case(
    "Relatives of a boy from Leeds, who died in May, criticised Poland.",
    """
    Relatives   12 nsubj     NOUN  NNS  relative
    of           0 prep      ADP   IN   of
    a            3 det       DET   DT   a
    boy          1 pobj      NOUN  NN   boy
    from         3 prep      ADP   IN   from
    Leeds        4 pobj      PROPN NNPS Leeds
    ,            5 punct     PUNCT ,    ,
    who          8 nsubj     PRON  WP   who
    died         5 relcl     VERB  VBD  die
    in           8 prep      ADP   IN   in
    May          9 pobj      PROPN NNP  May
    ,            5 punct     PUNCT ,    ,
    criticised  12 ROOT      VERB  VBD  criticise
    Poland      12 dobj      PROPN NNP  Poland
    .           12 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", ""), (10, 11, "DATE", ""), (13, 14, "GPE", "poland")],
)


def test_a_group_s_name_ends_before_a_relative_clause_inside_its_tail(events):
    # the name keeps "of a boy from Leeds", not the clause about the boy nor the commas around it
    [event] = events(RELATIVES_OF_A_BOY)
    assert event.subjects == ("relatives-of-a-boy-from-leeds",) and event.objects == ("poland",)


CHIEF_EXECUTIVE_OF = Case(
    "The chief executive of Oxfam criticised Poland.",
    """
    The          2 det       DET   DT   the
    chief        2 amod      ADJ   JJ   chief
    executive    5 nsubj     NOUN  NN   executive
    of           2 prep      ADP   IN   of
    Oxfam        3 pobj      PROPN NNP  Oxfam
    criticised   5 ROOT      VERB  VBD  criticise
    Poland       5 dobj      PROPN NNP  Poland
    .            5 punct     PUNCT .    .
    """,
    [(4, 5, "ORG", ""), (6, 7, "GPE", "poland")],
)

LEADERS_OF = Case(
    "The leaders of Oxfam criticised Poland.",
    """
    The          1 det       DET   DT   the
    leaders      4 nsubj     NOUN  NNS  leader
    of           1 prep      ADP   IN   of
    Oxfam        2 pobj      PROPN NNP  Oxfam
    criticised   4 ROOT      VERB  VBD  criticise
    Poland       4 dobj      PROPN NNP  Poland
    .            4 punct     PUNCT .    .
    """,
    [(3, 4, "ORG", ""), (5, 6, "GPE", "poland")],
)


def test_one_unnamed_person_of_an_organisation_speaks_for_it_and_so_do_its_leaders(events):
    # no new actor "chief executive of Oxfam" (a role, not a group): Oxfam, as event data code it
    assert [e.subjects for e in events(CHIEF_EXECUTIVE_OF) if e.relation == "criticizes"] == [("oxfam",)]
    # and so do its leaders ("the leaders of Oxfam"): the body they lead
    assert [e.subjects for e in events(LEADERS_OF) if e.relation == "criticizes"] == [("oxfam",)]


# -- whom an offer is made to; where a threatened curfew falls ------------------------------------------------

OFFERED_TROOPS_TO = Case(
    "Chile offered its troops to Peru.",
    """
    Chile    1  nsubj     PROPN NNP  Chile
    offered  1  ROOT      VERB  VBD  offer
    its      3  poss      PRON  PRP$ its
    troops   1  dobj      NOUN  NNS  troop
    to       1  prep      ADP   IN   to
    Peru     4  pobj      PROPN NNP  Peru
    .        1  punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "chile"), (5, 6, "GPE", "peru")],
)

WILL_EXTEND_CURFEW = Case(
    "Laurent Gbagbo will extend the curfew in Abidjan.",
    """
    Laurent  1  compound  PROPN NNP  Laurent
    Gbagbo   3  nsubj     PROPN NNP  Gbagbo
    will     3  aux       AUX   MD   will
    extend   3  ROOT      VERB  VB   extend
    the      5  det       DET   DT   the
    curfew   3  dobj      NOUN  NN   curfew
    in       3  prep      ADP   IN   in
    Abidjan  6  pobj      PROPN NNP  Abidjan
    .        3  punct     PUNCT .    .
    """,
    [(1, 2, "PERSON", ""), (7, 8, "GPE", "abidjan")],
)


def test_an_offer_is_made_to_its_recipient_not_to_what_is_offered(events):
    [offer] = events(OFFERED_TROOPS_TO)
    assert (offer.subjects, offer.relation, offer.objects) == (("chile",), "proposes", ("peru",))


def test_a_curfew_threatened_for_a_city_is_on_that_city(events):
    # the coercion recoded as a threat keeps the city it falls on as its object, as the coercion does
    [threat] = events(WILL_EXTEND_CURFEW)
    assert (threat.relation, threat.objects, threat.place) == ("threatens", ("abidjan",), "abidjan")
