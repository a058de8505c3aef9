"""Mention hygiene on hand-built parses: possessives, honorifics, articles, broken hyphenated words and verbs
glued to names; counts and quantifiers; prepositional tails; generic nouns; titles joined to their holder.

Sentences are our own; each parse is written by hand in the shape ``en_core_web_sm`` gives (a row is
``word head dep pos tag lemma``), as in tests/test_extract_rules.py. No model is loaded.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.extract.extractor import Extractor
from kg.extract.hygiene import clean_entity, group_start, is_generic, join_titles, keeps_tail
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent
from kg.extract.types import Mention, TitleParts

NLP = spacy.blank("en")
PUBLISHED = date(2020, 9, 8)


def parse(text: str, table: str, ents: list[tuple[int, int, str, str]] = ()) -> Doc:
    """A Doc of ``text`` with the parse of ``table`` (one row a token) and entities ``(start, end, label, id)``."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [row[0] for row in rows]
    spaces, offset = [], 0
    for word in words:
        start = text.index(word, offset)
        assert not text[offset:start].strip(), f"{word!r} is not next in {text!r}"
        offset = start + len(word)
        spaces.append(text[offset:offset + 1] == " ")
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=[int(row[1]) for row in rows],
              deps=[row[2] for row in rows], pos=[row[3] for row in rows], tags=[row[4] for row in rows],
              lemmas=[row[5] for row in rows])
    doc.ents = [Span(doc, start, end, label=label, span_id=actor or 0) for start, end, label, actor in ents]
    assert doc.text == text
    return doc


@pytest.fixture(scope="module")
def registry() -> CuratedData:
    return load_curated(bundled_inputs())


@pytest.fixture(scope="module")
def component() -> ExtractorComponent:
    return ExtractorComponent(NLP, "kg_extractor")


def extract(registry: CuratedData, component: ExtractorComponent, doc: Doc) -> tuple[Doc, Extractor, list]:
    doc = component(doc)
    extractor = Extractor(registry, nlp=NLP)
    found = extractor.statements(doc, Document("case", doc.text, published=PUBLISHED, name="case.txt"))
    return doc, extractor, found


# -- named entities -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "table", "ent", "kept", "label", "reasons"), [
    ("Belarus's police", "Belarus 2 poss PROPN NNP Belarus\n's 0 case PART POS 's\npolice 2 ROOT NOUN NNS police",
     (0, 2, "GPE"), "Belarus", "GPE", ["possessive"]),
    ("Ms Aune spoke", "Ms 1 compound PROPN NNP Ms\nAune 2 nsubj PROPN NNP Aune\nspoke 2 ROOT VERB VBD speak",
     (0, 2, "ORG"), "Aune", "PERSON", ["honorific"]),
    ("MEP Anna Aune spoke", "MEP 2 compound PROPN NNP MEP\nAnna 2 compound PROPN NNP Anna\n"
     "Aune 3 nsubj PROPN NNP Aune\nspoke 3 ROOT VERB VBD speak", (0, 3, "PERSON"), "Anna Aune", "PERSON", ["honorific"]),
    ("Rev Dr Aune spoke", "Rev 2 compound PROPN NNP Rev\nDr 2 compound PROPN NNP Dr\n"
     "Aune 3 nsubj PROPN NNP Aune\nspoke 3 ROOT VERB VBD speak", (0, 3, "ORG"), "Aune", "PERSON", ["honorific"]),
    ("the Harbour Board met", "the 2 det DET DT the\nHarbour 2 compound PROPN NNP Harbour\n"
     "Board 3 nsubj PROPN NNP Board\nmet 3 ROOT VERB VBD meet", (0, 3, "ORG"), "Harbour Board", "ORG", ["article"]),
    ("the Green co-chair", "the 3 det DET DT the\nGreen 3 compound PROPN NNP Green\nco 3 compound NOUN NN co\n"
     "- 3 punct PUNCT HYPH -\nchair 3 ROOT NOUN NN chair", (1, 3, "NORP"), "Green", "NORP", ["part of a word"]),
    ("Near Holm Bay , troops", "Near 2 compound PROPN NNP Near\nHolm 2 compound PROPN NNP Holm\n"
     "Bay 4 nsubj PROPN NNP Bay\n, 4 punct PUNCT , ,\ntroops 4 ROOT NOUN NNS troop", (0, 3, "PERSON"), "Holm Bay",
     "PERSON", ["preposition"]),
    ("Speaker Mara Lind agreed", "Speaker 2 compound PROPN NNP Speaker\nMara 2 compound PROPN NNP Mara\n"
     "Lind 3 nsubj PROPN NNP Lind\nagreed 3 ROOT VERB VBD agree", (1, 2, "PERSON"), "Mara Lind", "PERSON",
     ["surname left out of the name"]),
    ("He said DVLA staff", "He 1 nsubj PRON PRP he\nsaid 1 ROOT VERB VBD say\nDVLA 3 compound PROPN NNP DVLA\n"
     "staff 1 dobj NOUN NN staff", (2, 3, "PERSON"), "DVLA", "ORG", ["acronym read as a person"]),
])
def test_clean_entity_takes_off_what_is_not_the_name(text, table, ent, kept, label, reasons):
    doc = parse(text, table)
    span, notes = clean_entity(Span(doc, ent[0], ent[1], label=ent[2]))
    assert span is not None
    assert (span.text, span.label_) == (kept, label)
    assert [n.reason for n in notes] == reasons
    assert all(n.text == doc[ent[0]:ent[1]].text for n in notes)


@pytest.mark.parametrize(("text", "table", "ent", "kept", "reasons"), [
    ("the Harbour Centre at Holm", "the 2 det DET DT the\nHarbour 2 compound PROPN NNP Harbour\n"
     "Centre 2 ROOT PROPN NNP Centre\nat 2 prep ADP IN at\nHolm 3 pobj PROPN NNP Holm",
     (1, 4, "ORG"), "Harbour Centre", ["trailing function word"]),
    ("the Assembly on Thursday", "the 1 det DET DT the\nAssembly 1 ROOT PROPN NNP Assembly\n"
     "on 1 prep ADP IN on\nThursday 2 pobj PROPN NNP Thursday", (1, 4, "ORG"), "Assembly", ["date"]),
    ("the Assembly in March 2004", "the 1 det DET DT the\nAssembly 1 ROOT PROPN NNP Assembly\n"
     "in 1 prep ADP IN in\nMarch 2 pobj PROPN NNP March\n2004 3 nummod NUM CD 2004",
     (1, 5, "ORG"), "Assembly", ["date"]),
    ("Radio 9 said", "Radio 1 compound PROPN NNP Radio\n9 2 nsubj NUM CD 9\nsaid 2 ROOT VERB VBD say",
     (0, 2, "ORG"), "Radio 9", []),
])
def test_clean_entity_cuts_dates_and_function_words_off_the_end(text, table, ent, kept, reasons):
    doc = parse(text, table)
    span, notes = clean_entity(Span(doc, ent[0], ent[1], label=ent[2]))
    assert span is not None and span.text == kept
    assert [n.reason for n in notes] == reasons


@pytest.mark.parametrize(("text", "table", "ent", "reason"), [
    ("Party Treasurer Lord", "Party 1 compound PROPN NNP Party\nTreasurer 2 compound PROPN NNP Treasurer\n"
     "Lord 2 ROOT PROPN NNP Lord", (0, 3, "PERSON"), "honorific without a name"),
    ("pounds 6bn", "pounds 1 compound NOUN NNS pound\n6bn 1 ROOT NUM CD 6bn", (0, 2, "PERSON"),
     "number read as a name"),
    ("the Commission said", "the 1 det DET DT the\nCommission 2 nsubj PROPN NNP Commission\nsaid 2 ROOT VERB VBD say",
     (1, 2, "ORG"), "generic noun"),
    ("Parliament voted", "Parliament 1 nsubj PROPN NNP Parliament\nvoted 1 ROOT VERB VBD vote", (0, 1, "ORG"),
     "generic noun"),
])
def test_what_is_left_of_no_name_is_dropped(text, table, ent, reason):
    doc = parse(text, table)
    span, notes = clean_entity(Span(doc, ent[0], ent[1], label=ent[2]))
    assert span is None
    assert [n.reason for n in notes][-1] == reason


def test_a_one_word_name_before_a_hyphen_stays_a_name():
    doc = parse("Iran-backed rebels", "Iran 2 npadvmod PROPN NNP Iran\n- 2 punct PUNCT HYPH -\n"
                "backed 3 amod VERB VBN back\nrebels 3 ROOT NOUN NNS rebel")
    span, notes = clean_entity(Span(doc, 0, 1, label="GPE"))
    assert span is not None and span.text == "Iran" and not notes


def test_a_name_after_an_article_is_no_persons():
    doc = parse("the Herald said", "the 1 det DET DT the\nHerald 2 nsubj PROPN NNP Herald\nsaid 2 ROOT VERB VBD say")
    span, notes = clean_entity(Span(doc, 1, 2, label="PERSON"))
    assert span is not None and (span.text, span.label_) == ("Herald", "ORG")
    assert [n.reason for n in notes] == ["article before a name"]
    doc = parse("Ms Berg said", "Ms 1 compound PROPN NNP Ms\nBerg 2 nsubj PROPN NNP Berg\nsaid 2 ROOT VERB VBD say")
    span, _ = clean_entity(Span(doc, 1, 2, label="PERSON"))
    assert span is not None and span.label_ == "PERSON"


def test_group_start_leaves_out_an_adverb_before_the_group():
    doc = NLP("even the loudest critics")
    for token, pos in zip(doc, ("ADV", "DET", "ADJ", "NOUN"), strict=True):
        token.pos_ = pos
    assert doc[group_start(doc, 0, 3):4].text == "loudest critics"


def test_a_verb_glued_to_a_name_at_a_sentence_start_is_no_name():
    doc = parse("Entering Holmwood , she smiled", """
    Entering 4 advcl VERB VBG enter
    Holmwood 0 dobj PROPN NNP Holmwood
    , 4 punct PUNCT , ,
    she 4 nsubj PRON PRP she
    smiled 4 ROOT VERB VBD smile
    """)
    span, notes = clean_entity(Span(doc, 0, 2, label="PERSON"))
    assert span is None
    assert [(n.reason, n.kept) for n in notes] == [("a verb read as part of a name", None)]


def test_a_registry_actor_keeps_its_name_but_not_a_possessive():
    doc = parse("The Kremlin's line", "The 1 det DET DT the\nKremlin 3 poss PROPN NNP Kremlin\n's 1 case PART POS 's\n"
                "line 3 ROOT NOUN NN line")
    doc.ents = [Span(doc, 0, 3, label="ORG", span_id="kremlin")]
    span, _ = clean_entity(doc.ents[0])
    assert span is not None and (span.text, span.ent_id_) == ("The Kremlin", "kremlin")


# -- groups -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "table", "head", "kept"), [
    ("at least 20 Belarusian protesters", "at 1 advmod ADV RB at\nleast 2 advmod ADV RBS least\n"
     "20 4 nummod NUM CD 20\nBelarusian 4 amod ADJ JJ Belarusian\nprotesters 4 ROOT NOUN NNS protester",
     4, "Belarusian protesters"),
    ("some 300 students", "some 1 advmod DET DT some\n300 2 nummod NUM CD 300\nstudents 2 ROOT NOUN NNS student",
     2, "students"),
    ("a 45-year-old man", "a 6 det DET DT a\n45 3 npadvmod NUM CD 45\n- 3 punct PUNCT HYPH -\n"
     "year 5 npadvmod NOUN NN year\n- 5 punct PUNCT HYPH -\nold 6 amod ADJ JJ old\nman 6 ROOT NOUN NN man",
     6, "man"),
    ("the striking dockers", "the 2 det DET DT the\nstriking 2 amod VERB VBG strike\n"
     "dockers 2 ROOT NOUN NNS docker", 2, "striking dockers"),
])
def test_group_start_leaves_out_counts_and_quantifiers(text, table, head, kept):
    doc = parse(text, table)
    assert doc[group_start(doc, 0, head):head + 1].text == kept


def test_is_generic():
    doc = parse("the only person and senior officials and harbour officials", """
    the 2 det DET DT the
    only 2 amod ADJ JJ only
    person 2 ROOT NOUN NN person
    and 2 cc CCONJ CC and
    senior 5 amod ADJ JJ senior
    officials 2 conj NOUN NNS official
    and 5 cc CCONJ CC and
    harbour 8 compound NOUN NN harbour
    officials 5 conj NOUN NNS official
    """)
    assert is_generic(doc[0:3], doc[2], named=False)
    assert is_generic(doc[4:6], doc[5], named=False)
    assert not is_generic(doc[7:9], doc[8], named=False)      # which officials: the harbour's
    assert not is_generic(doc[4:6], doc[5], named=True)       # "Belarusian officials": named inside


def test_keeps_a_tail_that_says_where_not_one_that_says_what():
    doc = parse("police in Minsk and police in a series of raids", """
    police 0 ROOT NOUN NNS police
    in 0 prep ADP IN in
    Minsk 1 pobj PROPN NNP Minsk
    and 0 cc CCONJ CC and
    police 0 conj NOUN NNS police
    in 4 prep ADP IN in
    a 7 det DET DT a
    series 5 pobj NOUN NN series
    of 7 prep ADP IN of
    raids 8 pobj NOUN NNS raid
    """)
    assert keeps_tail(doc[1], names={2})
    assert not keeps_tail(doc[5], names={2})


RAIDS = ("Belarus's police in a series of raids detained at least 20 protesters .", """
    Belarus     2 poss     PROPN NNP  Belarus
    's          0 case     PART  POS  's
    police      8 nsubj    NOUN  NNS  police
    in          2 prep     ADP   IN   in
    a           5 det      DET   DT   a
    series      3 pobj     NOUN  NN   series
    of          5 prep     ADP   IN   of
    raids       6 pobj     NOUN  NNS  raid
    detained    8 ROOT     VERB  VBD  detain
    at         10 advmod   ADV   RB   at
    least      11 advmod   ADV   RBS  least
    20         12 nummod   NUM   CD   20
    protesters  8 dobj     NOUN  NNS  protester
    .           8 punct    PUNCT .    .
    """, [(0, 1, "GPE", "belarus")])


def test_a_group_loses_its_count_and_a_tail_of_what_it_did(registry, component):
    doc, _, found = extract(registry, component, parse(*RAIDS))
    mentions: list[Mention] = doc._.kg_mentions
    [candidate] = [c for c in doc._.kg_candidates if c.relation == "detains"]
    assert [mentions[i].text for i in candidate.subjects] == ["Belarus's police"]
    assert [mentions[i].text for i in candidate.objects] == ["protesters"]
    reasons = {(c.reason, c.text, c.kept) for c in doc._.kg_cleanings}
    assert ("prepositional tail", "Belarus's police in a series of raids", "Belarus's police") in reasons
    assert ("count or quantifier", "at least 20 protesters", "protesters") in reasons
    [statement] = [e for e in found if e.relation == "detains"]
    assert [a.text for a in statement.objects] == ["protesters"]


GENERIC = ("Police detained people . The only person criticized Lukashenko .", """
    Police      1 nsubj    NOUN  NNS  police
    detained    1 ROOT     VERB  VBD  detain
    people      1 dobj     NOUN  NNS  people
    .           1 punct    PUNCT .    .
    The         6 det      DET   DT   the
    only        6 amod     ADJ   JJ   only
    person      7 nsubj    NOUN  NN   person
    criticized  7 ROOT     VERB  VBD  criticize
    Lukashenko  7 dobj     PROPN NNP  Lukashenko
    .           7 punct    PUNCT .    .
    """, [(8, 9, "PERSON", "alexander-lukashenko")])


def test_generic_nouns_propose_no_actor(registry, component):
    _doc, extractor, found = extract(registry, component, parse(*GENERIC))
    # the arrest stays an event, of nobody in particular; "the only person" acts for nobody
    assert [(e.relation, [a.id for a in e.subjects], [a.id for a in e.objects]) for e in found] == [
        ("detains", ["belarusian-police"], [])]
    assert extractor.resolver.new_actors == {}
    dropped = extractor.report.to_dict()["hygiene"]
    assert {row["reason"]: row["count"] for row in dropped}["generic noun"] == 2


# -- titles -------------------------------------------------------------------------------------

TITLES = ("Prime Minister Ilse Varga met Jonas Lind . The prime minister criticized Lind .", """
    Prime       1 compound PROPN NNP  Prime
    Minister    3 compound PROPN NNP  Minister
    Ilse        3 compound PROPN NNP  Ilse
    Varga       4 nsubj    PROPN NNP  Varga
    met         4 ROOT     VERB  VBD  meet
    Jonas       6 compound PROPN NNP  Jonas
    Lind        4 dobj     PROPN NNP  Lind
    .           4 punct    PUNCT .    .
    The        10 det      DET   DT   the
    prime      10 amod     ADJ   JJ   prime
    minister   11 nsubj    NOUN  NN   minister
    criticized 11 ROOT     VERB  VBD  criticize
    Lind       11 dobj     PROPN NNP  Lind
    .          11 punct    PUNCT .    .
    """, [(2, 4, "PERSON", ""), (5, 7, "PERSON", ""), (12, 13, "PERSON", "")])


def test_a_title_joins_the_holder_named_before(registry, component):
    _doc, extractor, found = extract(registry, component, parse(*TITLES))
    criticism = [e for e in found if e.relation == "criticizes"]
    assert [([a.id for a in e.subjects], [a.id for a in e.objects]) for e in criticism] == [
        (["ilse-varga"], ["jonas-lind"])]
    assert "prime-minister" not in extractor.resolver.new_actors


def test_a_title_without_a_holder_is_dropped(registry, component):
    text, table, _ = TITLES
    alone = text.split(" . ", 1)[1]
    rows = [row.split() for row in table.strip().splitlines()][8:]
    table = "\n".join(" ".join([r[0], str(int(r[1]) - 8), *r[2:]]) for r in rows)
    _doc, extractor, found = extract(registry, component, parse(alone, table, [(4, 5, "PERSON", "")]))
    assert [e.relation for e in found] == []
    assert set(extractor.resolver.new_actors) <= {"lind"}
    assert "title without a named holder" in {row["reason"] for row in extractor.report.to_dict()["hygiene"]}


def _title(index: int, start: int, role: str, *, person: int | None = None, country: int | None = None) -> Mention:
    return Mention(index, "title", start, start + 1, start, start + 1, "t", start, "t", "t", label="PERSON",
                   title=TitleParts("rule", role, None, "country", country=country, person=person))


def _country(index: int, start: int, code: str) -> Mention:
    return Mention(index, "demonym", start, start + 1, start, start + 1, code, start, "x", "x", label="NORP",
                   country=code)


def test_join_titles_takes_the_last_compatible_holder():
    mentions = [
        _country(0, 0, "EST"), _title(1, 1, "HeadOfState", person=9, country=0),     # Estonian President A
        _country(2, 5, "FIN"), _title(3, 6, "HeadOfState", person=8, country=2),     # Finnish President B
        _title(4, 10, "HeadOfState"),                                                 # the president: B
        _country(5, 12, "EST"), _title(6, 13, "Leader", country=5),                   # the Estonian leader: A
        _title(7, 15, "HeadOfGovernment"),                                            # the prime minister: nobody
    ]
    assert join_titles(mentions) == [(4, 8), (6, 9)]


def test_an_honorific_word_that_begins_a_name_stays():
    doc = parse("Lord's Resistance Army fighters", "Lord 3 poss PROPN NNP Lord\n's 0 case PART POS 's\n"
                "Resistance 3 compound PROPN NNP Resistance\nArmy 4 compound PROPN NNP Army\n"
                "fighters 4 ROOT NOUN NNS fighter")
    span, notes = clean_entity(Span(doc, 0, 4, label="ORG"))
    assert span is not None and (span.text, span.label_) == ("Lord's Resistance Army", "ORG") and notes == []


def test_a_word_of_a_title_is_not_the_titles_organisation(component):
    """"the Home Secretary": "Home", read as an organisation, is a word of the title, not whose minister."""
    doc = component(parse("The Home Secretary criticised Lind.", """
    The        2 det      DET   DT   the
    Home       2 compound PROPN NNP  Home
    Secretary  3 nsubj    PROPN NNP  Secretary
    criticised 3 ROOT     VERB  VBD  criticise
    Lind       3 dobj     PROPN NNP  Lind
    .          3 punct    PUNCT .    .
    """, [(1, 2, "ORG", ""), (4, 5, "PERSON", "")]))
    [title] = [m for m in doc._.kg_mentions if m.kind == "title"]
    assert title.text == "The Home Secretary" and title.title is not None and title.title.org is None


# -- relatives, programmes, one person described, diplomats -------------------------------------

def test_a_relative_by_a_given_name_alone_is_nobody():
    """"his wife Ilse": a given name that tells a reader nobody; "Varga's wife Ilse" says whose, and a report
    that gives the full name elsewhere ("Ilse Varga") keeps the name for the resolver to join."""
    rows = """
    His      1 poss     PRON  PRP$ his
    wife     2 compound NOUN  NN   wife
    Ilse     3 nsubj    PROPN NNP  Ilse
    spoke    3 ROOT     VERB  VBD  speak
    .        3 punct    PUNCT .    .
    """
    doc = parse("His wife Ilse spoke.", rows)
    span, notes = clean_entity(Span(doc, 2, 3, label="PERSON"))
    assert span is None and [n.reason for n in notes] == ["a relative named by a given name only"]
    owned = parse("Varga's wife Ilse spoke.", """
    Varga    2 poss     PROPN NNP  Varga
    's       0 case     PART  POS  's
    wife     3 compound NOUN  NN   wife
    Ilse     4 nsubj    PROPN NNP  Ilse
    spoke    4 ROOT     VERB  VBD  speak
    .        4 punct    PUNCT .    .
    """)
    span, _ = clean_entity(Span(owned, 3, 4, label="PERSON"))
    assert span is not None and span.text == "Ilse"
    full = parse("His wife Ilse spoke. Ilse Varga", rows + "Ilse 6 compound PROPN NNP Ilse\nVarga 6 ROOT PROPN NNP Varga",
                 [(5, 7, "PERSON", "")])
    span, _ = clean_entity(Span(full, 2, 3, label="PERSON"))
    assert span is not None and span.text == "Ilse"


PROGRAMME = ("Lind told BBC Two's Evening that Varga lied.", """
    Lind     1 nsubj    PROPN NNP  Lind
    told     1 ROOT     VERB  VBD  tell
    BBC      3 compound PROPN NNP  BBC
    Two      5 poss     PROPN NNP  Two
    's       3 case     PART  POS  's
    Evening  1 dobj     PROPN NNP  Evening
    that     8 mark     SCONJ IN   that
    Varga    8 nsubj    PROPN NNP  Varga
    lied     1 ccomp    VERB  VBD  lie
    .        1 punct    PUNCT .    .
    """, [(0, 1, "PERSON", ""), (2, 3, "ORG", "bbc"), (5, 6, "LOC", ""), (7, 8, "PERSON", "")])


def test_a_broadcasters_programme_stands_for_the_broadcaster(component):
    """"told BBC Two's Evening": the programme stands for its broadcaster, never a place or a body of its own."""
    doc = component(parse(*PROGRAMME))
    assert {m.text: m.actor for m in doc._.kg_mentions if m.kind == "entity"}["Evening"] == "bbc"
    assert "a broadcaster's programme" in {c.reason for c in doc._.kg_cleanings}
    text, table, ents = PROGRAMME
    other = component(parse(text, table, [(start, end, label, "") for start, end, label, _ in ents]))
    assert {m.text: m.actor for m in other._.kg_mentions if m.kind == "entity"}["Evening"] is None  # no outlet


def _described(subject: list[tuple[str, str]]) -> tuple[str, str]:
    words = " ".join(w for w, _ in subject)
    return (f"{words} criticized Lind.", "\n".join(
        [f"{w} {len(subject) - (k < len(subject) - 1)} {d}" for k, (w, d) in enumerate(subject)]  # noun -> verb
        + [f"criticized {len(subject)} ROOT VERB VBD criticize", f"Lind {len(subject)} dobj PROPN NNP Lind",
           f". {len(subject)} punct PUNCT . ."]))


def test_one_person_described_is_no_group(registry, component):
    """"The European commissioner": one person, of no country, is dropped; "the Nordic Executive", a
    capitalised head, is a body; "a Saudi businessman" stays one of a country's, as event data code them."""
    cases = {
        "commissioner": [("The", "det DET DT the"), ("European", "amod ADJ JJ european"),
                         ("commissioner", "nsubj NOUN NN commissioner")],
        "executive": [("The", "det DET DT the"), ("Nordic", "amod ADJ JJ nordic"),
                      ("Executive", "nsubj PROPN NNP executive")],
        "businessman": [("A", "det DET DT a"), ("Saudi", "amod ADJ JJ saudi"),
                        ("businessman", "nsubj NOUN NN businessman")],
    }
    found = {}
    for key, words in cases.items():
        text, table = _described(words)
        ents = [(1, 2, "NORP", ""), (len(words) + 1, len(words) + 2, "PERSON", "")]  # Saudi, Lind
        _doc, extractor, statements = extract(registry, component, parse(text, table, ents))
        found[key] = ({a.label: a.type for a in extractor.resolver.new_actors.values()},
                      [[a.label for a in e.subjects] for e in statements])
    assert found["commissioner"][1] == [] and "European commissioner" not in found["commissioner"][0]
    assert found["executive"][0]["Nordic Executive"] == "Organization"
    assert found["executive"][1] == [["Nordic Executive"]]
    assert found["businessman"][1] == [["Saudi businessman"]]
    assert found["businessman"][0]["Saudi businessman"] == "Group"


def test_an_ambassador_nobody_names_speaks_for_the_government(registry, component):
    """"The Estonian ambassador met Lind": a diplomat is a title (pk:Diplomat); with no holder named, its
    country's government acts, as event data code it, and no group "Estonian ambassador" is proposed."""
    _doc, extractor, found = extract(registry, component, parse("The Estonian ambassador met Lind.", """
    The        2 det      DET   DT   the
    Estonian   2 amod     ADJ   JJ   estonian
    ambassador 3 nsubj    NOUN  NN   ambassador
    met        3 ROOT     VERB  VBD  meet
    Lind       3 dobj     PROPN NNP  Lind
    .          3 punct    PUNCT .    .
    """, [(1, 2, "NORP", ""), (4, 5, "PERSON", "")]))
    assert [(e.relation, [a.id for a in e.subjects]) for e in found] == [("meets", ["government-of-estonia"])]
    assert set(extractor.resolver.new_actors) == {"lind"}


def test_a_regime_after_a_common_noun_is_a_system_of_rules(component):
    """"The visa regime criticized Lind": a system of rules, so no one criticized; "the Varga regime", named
    by its leader, is a government and the subject."""
    def subjects(modifier: tuple[str, str], ents: list[tuple[int, int, str, str]]) -> list[str]:
        word, tags = modifier
        doc = component(parse(f"The {word} regime criticized Lind.", f"""
        The        2 det      DET   DT  the
        {word}     2 compound {tags} {word.lower()}
        regime     3 nsubj    NOUN  NN  regime
        criticized 3 ROOT     VERB  VBD criticize
        Lind       3 dobj     PROPN NNP Lind
        .          3 punct    PUNCT .   .
        """, ents))
        mentions = doc._.kg_mentions
        return [mentions[s].text for c in doc._.kg_candidates for s in c.subjects]

    assert subjects(("visa", "NOUN NN"), [(4, 5, "PERSON", "")]) == []
    assert subjects(("Varga", "PROPN NNP"), [(1, 2, "PERSON", ""), (4, 5, "PERSON", "")]) == ["Varga regime"]


def test_a_body_named_by_what_it_does_is_an_organisation(registry, component):
    """"The pensions committee criticized Lind": one body, not a group of people."""
    text, table = _described([("The", "det DET DT the"), ("pensions", "compound NOUN NNS pension"),
                              ("committee", "nsubj NOUN NN committee")])
    _doc, extractor, found = extract(registry, component, parse(text, table, [(4, 5, "PERSON", "")]))
    assert [[a.label for a in e.subjects] for e in found] == [["pensions committee"]]
    assert {a.label: a.type for a in extractor.resolver.new_actors.values()}["pensions committee"] == "Organization"
