"""Groups a text names by a description, and names the parser gets wrong, are never junk actors: people
named by their post speak for the body their description names, or for nobody; a government of no named
country is no one's; "the Spanish" is Spain; a country's air force is its military; "Varga and Kiss" is two
people; a verb glued before a name is not part of it. Sentences are our own, parsed by hand as
``en_core_web_sm`` 3.8 parses them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

import pytest

from kg.extract.naming import lower_lead

from .test_extract_events import events
from .test_extract_rules import Case, component, registry

__all__ = ["component", "events", "registry"]  # the fixtures, shared with the rule tests

MINISTERS_OF_A_BLOC = Case(
    "Finance ministers of the G8 rejected the British plan.",
    """
    Finance   1 compound  NOUN  NN   finance
    ministers 5 nsubj     NOUN  NNS  minister
    of        1 prep      ADP   IN   of
    the       4 det       DET   DT   the
    G8        2 pobj      PROPN NNP  G8
    rejected  5 ROOT      VERB  VBD  reject
    the       8 det       DET   DT   the
    British   8 amod      ADJ   JJ   british
    plan      5 dobj      NOUN  NN   plan
    .         5 punct     PUNCT .    .
    """,
    [(4, 5, "ORG", ""), (7, 8, "NORP", "")],
)

STAFF_OF_NO_BODY = Case(
    "Visa staff rejected the British plan.",
    """
    Visa      1 compound  NOUN  NN   visa
    staff     2 nsubj     NOUN  NNS  staff
    rejected  2 ROOT      VERB  VBD  reject
    the       5 det       DET   DT   the
    British   5 amod      ADJ   JJ   british
    plan      2 dobj      NOUN  NN   plan
    .         2 punct     PUNCT .    .
    """,
    [(4, 5, "NORP", "")],
)

GOVERNMENT_OF_NO_COUNTRY = Case(
    "The government rejected the plan.",
    """
    The         1 det       DET   DT   the
    government  2 nsubj     NOUN  NN   government
    rejected    2 ROOT      VERB  VBD  reject
    the         4 det       DET   DT   the
    plan        2 dobj      NOUN  NN   plan
    .           2 punct     PUNCT .    .
    """,
    [],
)

POLICE_OF_NO_COUNTRY = Case(
    "The police detained the men.",
    """
    The       1 det       DET   DT   the
    police    2 nsubj     NOUN  NNS  police
    detained  2 ROOT      VERB  VBD  detain
    the       4 det       DET   DT   the
    men       2 dobj      NOUN  NNS  man
    .         2 punct     PUNCT .    .
    """,
    [],
)

THE_SPANISH = Case(
    "The Spanish rejected the British plan.",
    """
    The       1 det       DET   DT   the
    Spanish   2 nsubj     PROPN NNPS Spanish
    rejected  2 ROOT      VERB  VBD  reject
    the       5 det       DET   DT   the
    British   5 amod      ADJ   JJ   british
    plan      2 dobj      NOUN  NN   plan
    .         2 punct     PUNCT .    .
    """,
    [(1, 2, "NORP", ""), (4, 5, "NORP", "")],
)

AIR_FORCE_OF_A_COUNTRY = Case(
    "Ghana's air force attacked the rebels.",
    """
    Ghana     3 poss      PROPN NNP  Ghana
    's        0 case      PART  POS  's
    air       3 compound  NOUN  NN   air
    force     4 nsubj     NOUN  NN   force
    attacked  4 ROOT      VERB  VBD  attack
    the       6 det       DET   DT   the
    rebels    4 dobj      NOUN  NNS  rebel
    .         4 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "")],
)

FIGHTERS_OF_A_GROUP = Case(
    "Taliban fighters attacked an army base in Kandahar.",
    """
    Taliban   1 compound  PROPN NNP  Taliban
    fighters  2 nsubj     NOUN  NNS  fighter
    attacked  2 ROOT      VERB  VBD  attack
    an        5 det       DET   DT   an
    army      5 compound  NOUN  NN   army
    base      2 dobj      NOUN  NN   base
    in        5 prep      ADP   IN   in
    Kandahar  6 pobj      PROPN NNP  Kandahar
    .         2 punct     PUNCT .    .
    """,
    [(0, 1, "ORG", ""), (7, 8, "GPE", "")],
)

MILITANTS_OF_A_GROUP = Case(
    "Iraqi troops fought militants of the Islamic State near Mosul.",
    """
    Iraqi     1 amod      ADJ   JJ   Iraqi
    troops    2 nsubj     NOUN  NNS  troop
    fought    2 ROOT      VERB  VBD  fight
    militants 2 dobj      NOUN  NNS  militant
    of        3 prep      ADP   IN   of
    the       7 det       DET   DT   the
    Islamic   7 compound  PROPN NNP  Islamic
    State     4 pobj      PROPN NNP  State
    near      2 prep      ADP   IN   near
    Mosul     8 pobj      PROPN NNP  Mosul
    .         2 punct     PUNCT .    .
    """,
    [(0, 1, "NORP", ""), (5, 8, "ORG", ""), (9, 10, "GPE", "")],
)

A_TOWN_AS_AGENT = Case(
    "Mosul attacked the Iraqi army.",
    """
    Mosul     1 nsubj     PROPN NNP  Mosul
    attacked  1 ROOT      VERB  VBD  attack
    the       4 det       DET   DT   the
    Iraqi     4 amod      ADJ   JJ   Iraqi
    army      1 dobj      NOUN  NN   army
    .         1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", ""), (3, 4, "NORP", "")],
)

TWO_PEOPLE_AS_ONE = Case(
    "Ilse Varga met Anna Kiss. Varga and Kiss rejected the British plan.",
    """
    Ilse      1 compound  PROPN NNP  Ilse
    Varga     2 nsubj     PROPN NNP  Varga
    met       2 ROOT      VERB  VBD  meet
    Anna      4 compound  PROPN NNP  Anna
    Kiss      2 dobj      PROPN NNP  Kiss
    .         2 punct     PUNCT .    .
    Varga     9 nsubj     PROPN NNP  Varga
    and       6 cc        CCONJ CC   and
    Kiss      6 conj      PROPN NNP  Kiss
    rejected  9 ROOT      VERB  VBD  reject
    the       12 det      DET   DT   the
    British   12 amod     ADJ   JJ   british
    plan      9 dobj      NOUN  NN   plan
    .         9 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", ""), (3, 5, "PERSON", ""), (6, 9, "ORG", ""), (11, 12, "NORP", "")],
)


def test_people_named_by_their_post_speak_for_the_body_named(events):
    found = events(MINISTERS_OF_A_BLOC)
    assert found and all("minister" not in s for e in found for s in e.subjects)
    assert any(e.relation == "rejects" and e.subjects == ("group-of-eight",) for e in found)


def test_people_named_by_their_post_and_no_body_are_nobody(events):
    assert not [e for e in events(STAFF_OF_NO_BODY) if e.subjects]


def test_a_government_of_no_named_country_is_no_one_s(events):
    assert events(GOVERNMENT_OF_NO_COUNTRY) == []


def test_police_of_no_named_country_still_act(events):
    """Police that act stay, unnamed, as the forces of wherever the event happened."""
    [event] = events(POLICE_OF_NO_COUNTRY)
    assert event.relation == "detains" and event.subjects == ("police",)


def test_the_spanish_are_spain(events):
    [event] = events(THE_SPANISH)
    assert event.subjects == ("spain",)


def test_a_country_s_air_force_is_its_military(events):
    [event] = events(AIR_FORCE_OF_A_COUNTRY)
    assert event.subjects == ("military-of-ghana",)


def test_fighters_of_an_armed_group_are_the_group(events):
    """"Taliban fighters" and "militants of the Islamic State" are the registry's armed groups, not a new
    group each, and not the forces of the country the group fights in."""
    [attack] = events(FIGHTERS_OF_A_GROUP)
    assert (attack.subjects, attack.relation, attack.objects) == (("taliban",), "fights", ("military-of-afghanistan",))
    [fight] = events(MILITANTS_OF_A_GROUP)
    assert (fight.subjects, fight.objects) == (("military-of-iraq",), ("islamic-state",))


def test_a_town_that_is_not_a_capital_does_nothing_itself(events):
    """A town is where an event happened, never who did it (a capital acts for its government)."""
    assert [e for e in events(A_TOWN_AS_AGENT) if e.subjects] == []


def test_two_people_the_parser_took_for_one_body_are_never_an_actor(events):
    assert all("varga-and-kiss" not in s for e in events(TWO_PEOPLE_AS_ONE) for s in e.subjects)


@pytest.mark.parametrize("name, expected", [
    ("rang Lucy Kiss", "Lucy Kiss"), ("de Klerk", "de Klerk"), ("Ilse Varga", "Ilse Varga"),
    ("told bin Salman", "bin Salman"),
])
def test_words_glued_before_a_name_are_not_part_of_it(name, expected):
    assert lower_lead(name) == expected


TITLED_BODY = Case(
    "Lord Varga-Kiss criticised the British plan.",
    """
    Lord        1 compound  PROPN NNP  Lord
    Varga-Kiss  2 nsubj     PROPN NNP  Varga-Kiss
    criticised  2 ROOT      VERB  VBD  criticise
    the         5 det       DET   DT   the
    British     5 amod      ADJ   JJ   british
    plan        2 dobj      NOUN  NN   plan
    .           2 punct     PUNCT .    .
    """,
    [(1, 2, "ORG", ""), (4, 5, "NORP", "")],
)

COMMON_NOUN_AS_A_NAME = Case(
    "The newspaper criticised the British plan.",
    """
    The         1 det       DET   DT   the
    newspaper   2 nsubj     NOUN  NN   newspaper
    criticised  2 ROOT      VERB  VBD  criticise
    the         5 det       DET   DT   the
    British     5 amod      ADJ   JJ   british
    plan        2 dobj      NOUN  NN   plan
    .           2 punct     PUNCT .    .
    """,
    [(1, 2, "ORG", ""), (4, 5, "NORP", "")],
)


@pytest.fixture
def proposed(registry, component):
    """The statements of a case and the new actors proposed for it."""
    from kg.extract.extractor import Extractor
    from kg.extract.inputs import Document

    from .test_extract_rules import NLP, PUBLISHED

    def run(case: Case):
        extractor = Extractor(registry, nlp=NLP)
        found = extractor.statements(component(case.doc()), Document("case", case.text, published=PUBLISHED))
        return [e.statement for e in found], extractor.resolver.new_actors

    return run


def test_a_name_after_a_person_s_honorific_is_a_person(proposed):
    [statement], new = proposed(TITLED_BODY)
    assert new[statement.subjects[0]].type == "Person"


def test_a_common_noun_the_parser_took_for_a_name_is_no_actor(proposed):
    statements, new = proposed(COMMON_NOUN_AS_A_NAME)
    assert statements == [] and not any("newspaper" in ident for ident in new)


LEADER_AS_A_BODY = Case(
    "Party leader Ilse Varga criticised the British plan.",
    """
    Party       1 compound  NOUN  NN   party
    leader      3 compound  NOUN  NN   leader
    Ilse        3 compound  PROPN NNP  Ilse
    Varga       4 nsubj     PROPN NNP  Varga
    criticised  4 ROOT      VERB  VBD  criticise
    the         7 det       DET   DT   the
    British     7 amod      ADJ   JJ   british
    plan        4 dobj      NOUN  NN   plan
    .           4 punct     PUNCT .    .
    """,
    [(2, 4, "ORG", ""), (6, 7, "NORP", "")],
)

# the same sentence, with "newspaper" a noun phrase rather than an entity
AN_ORGANISATION_BY_ITS_HEAD_ALONE = Case(COMMON_NOUN_AS_A_NAME.text, COMMON_NOUN_AS_A_NAME.table, [(4, 5, "NORP", "")])


def test_a_name_after_a_noun_of_one_person_is_a_person(proposed):
    [statement], new = proposed(LEADER_AS_A_BODY)
    assert new[statement.subjects[0]].type == "Person"


def test_an_organisation_named_by_its_head_alone_is_nobody_in_particular(proposed):
    statements, new = proposed(AN_ORGANISATION_BY_ITS_HEAD_ALONE)
    assert statements == [] and not new
