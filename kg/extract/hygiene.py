"""Mention hygiene: the names and noun phrases that reach the resolver, cleaned, and why.

News text names actors with words around the name that are not part of it. This stage takes them off, on
the parse, before any mention is resolved; each change is a :class:`~kg.extract.types.Cleaning` (what was
found, what is kept, why), left on the ``Doc`` for the corpus report. Page furniture goes earlier, on the
raw text (:mod:`kg.extract.furniture`).

- :func:`clean_entity`: a named entity without a possessive ("Belarus's" is Belarus), an honorific ("Ms
  Hewitt" is Hewitt, a person whatever the entity label), a leading article, surrounding punctuation or
  the first half of a hyphenated word ("Tory co-chairman" gave "Tory co"), a date glued to its end
  ("Commons on Thursday") or a function word ending it ("Centre at"); an entity that starts with a
  sentence's verb ("Entering Westminster"), ends with an honorific whose name was cut off ("Tory Treasurer
  Lord"), is a person's name with digits ("pounds 4bn") or a relative's given name that nothing says whose
  ("his wife Audrey") is no name at all;
- :func:`group_start`: a group's name without its count or quantifier ("at least 20 protesters" is
  protesters, "some 300 people" people);
- :func:`keeps_tail`: a group keeps a prepositional tail only if it says whose or where ("rebels in
  Darfur", "leaders of the opposition"), not what they did ("police in a series of raids");
- :func:`is_generic`: a noun phrase that names nobody in particular ("people", "the only person",
  "senior officials");
- :func:`join_titles`: a title not naming its holder ("the prime minister") joins the last earlier
  mention of a compatible title that did name one ("Prime Minister Anna Berg"), coreference light within
  one document.

The word lists are data: ``generic_nouns``, ``quantifiers`` and ``honorifics`` in
``patterns/lexicons.tsv``.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicons import lexicons
from kg.extract.types import Cleaning, Mention
from kg.names import fold

__all__ = ["clean_entity", "group_start", "is_generic", "join_titles", "keeps_tail"]

_POSSESSIVE = ("'s", "’s", "'", "’")
_VERB_TAGS = ("VBG", "VBN", "VBD", "VB", "VBZ", "VBP")
#: Roles a title may name its holder by interchangeably ("the Belarusian leader" is its head of state).
_SAME_ROLE = {"Leader": ("Leader", "HeadOfState", "HeadOfGovernment")}


#: Parts of speech that never end a name ("Centre at", "Temple in", "Smith and").
_FUNCTION_TAGS = ("ADP", "CCONJ", "SCONJ", "DET", "PART")
_DATE_WORDS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.month_name) if name)


def _date_tail(doc: Doc, start: int, end: int) -> int | None:
    """Where a date glued to the end of a name starts ("Commons on Thursday", "Council in March 2004"): the
    preposition before the date, if the name has one."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("on", "in", "at", "since") and doc[i + 1].lower_ in _DATE_WORDS \
                and all(t.lower_ in _DATE_WORDS or t.like_num or t.is_punct for t in doc[i + 1:end]):
            return i
    return None


def _unnamed_relative(token: Token) -> bool:
    """True if ``token``, a one-word person's name, is a given name by which a relative is called ("his wife
    Audrey", "their son Tom") with no named person to say whose, and the document never gives the full name
    ("Audrey Berg"): such a name tells a reader nobody. "Ilse Varga's husband Jan" keeps its name."""
    kin = lexicons().kin_nouns
    nouns = [t for t in (token.head, *token.children) if t.i != token.i and t.lower_ in kin
             and (t.i == token.i - 1 or token.dep_ == "appos" or t.dep_ == "appos")]
    if not nouns or any(e.label_ == "PERSON" and len(e) > 1 and e[0].text == token.text for e in token.doc.ents):
        return False
    owners = [c for noun in nouns for c in noun.children if c.dep_ == "poss"]
    return all(owner.pos_ == "PRON" for owner in owners)


def _span(doc: Doc, start: int, end: int, label: str, ent: Span) -> Span:
    return Span(doc, start, end, label=label, span_id=ent.id)


def clean_entity(ent: Span) -> tuple[Span | None, list[Cleaning]]:
    """The name a named entity stands for, and what was taken off it.

    Parameters
    ----------
    ent : Span
        An entity of a parsed document (a registry actor's, found by the actor ruler, keeps its words but
        a possessive).

    Returns
    -------
    (Span or None, list of Cleaning)
        The cleaned span, labelled ``PERSON`` after an honorific; None when nothing of a name is left.

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("They met Ms Berg's aides.")
    >>> span, notes = clean_entity(Span(doc, 2, 5, label="ORG"))
    >>> span.text, span.label_, [n.reason for n in notes]
    ('Berg', 'PERSON', ['possessive', 'honorific'])
    """
    doc = ent.doc
    lex = lexicons()
    start, end, label = ent.start, ent.end, ent.label_
    notes: list[Cleaning] = []

    def note(reason: str) -> None:
        kept = doc[start:end].text if start < end else None
        notes.append(Cleaning(ent.start_char, ent.end_char, ent.text, reason, kept))

    if end - start > 1 and end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end -= 1  # "Tory co-chairman": the entity ended inside the hyphenated word (but "Iran-backed": Iran)
        while end > start and not doc[end - 1].whitespace_:
            end -= 1
        note("part of a word")
    if end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
        note("possessive")
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".", ")"):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    if not ent.ent_id_:
        honorific = False
        while start < end - 1 and doc[start].lower_ in lex.honorifics and doc[start + 1].is_title \
                and doc[start + 1].tag_ != "POS":  # "Rev Dr Berg"; never "Lord's Resistance Army"
            start += 1
            honorific = True
        if honorific:
            label = "PERSON"
            note("honorific")
        if label == "PERSON" and end - start == 1 and end < len(doc) and doc[start].dep_ == "compound" \
                and doc[start].head.i == end and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and doc[end].lower_ not in lex.organisation_heads \
                and doc[end].lower_ not in lex.honorifics:
            end += 1  # "Deputy Speaker Sylvia Heal" with only "Sylvia" recognised: the surname too
            note("surname left out of the name")
        if start < end - 1 and doc[start].lower_ in lex.lead_prepositions \
                and (doc[start].pos_ == "ADP" or doc[start].is_sent_start):
            start += 1  # "Near Ar Raqqah": Ar Raqqah
            note("preposition")
        if start < end - 1 and doc[start].lower_ in lex.articles:
            start += 1
            note("article")
        if label == "PERSON" and not honorific and start > 0 and doc[start - 1].lower_ in lex.articles:
            label = "ORG"  # "the Telegraph": an article never comes before a person's name
            note("article before a name")
        cut = _date_tail(doc, start, end)
        if cut is not None:  # "Commons on Thursday": the Commons
            end = cut
            note("date")
        while end - start > 1 and doc[end - 1].pos_ in _FUNCTION_TAGS and not doc[end - 1].is_title:
            end -= 1  # "Management Centre at": the centre
            note("trailing function word")
        first = doc[start] if start < end else None
        if end - start > 1 and doc[end - 1].lower_ in lex.honorifics:
            start = end  # "Tory Treasurer Lord": the name after the honorific was cut off
            note("honorific without a name")
        elif label == "PERSON" and end - start == 1 and doc[start].is_upper and len(doc[start].text) > 1:
            label = "ORG"  # "ODPM", "DVLA": an acronym is a body, never a person's name
            note("acronym read as a person")
        elif label == "PERSON" and any(ch.isdigit() for ch in doc[start:end].text):
            start = end  # "pounds 4bn": a person's name has no digits
            note("number read as a name")
        elif first is not None and first.is_sent_start and first.tag_ in _VERB_TAGS and end - start > 1:
            start = end
            note("a verb read as part of a name")
        elif end - start == 1 and (doc[start].lower_ in lex.generic_nouns
                                   or doc[start].lower_ in lex.institution_words):
            start = end  # "Party", "Groups" at the start of a sentence, "the House", "the Commission": no name
            note("generic noun")
        elif label == "PERSON" and end - start == 1 and _unnamed_relative(doc[start]):
            start = end  # "his wife Audrey": someone's relative by a given name, and nothing says whose
            note("a relative named by a given name only")
        elif start < end and all(t.pos_ == "NOUN" for t in doc[start:end]) and doc[end - 1].tag_ == "NNS" \
                and (doc[end - 1].lemma_.lower() in lex.human_nouns or doc[end - 1].lower_ in lex.human_nouns):
            start = end  # "Farmers protested", "Tea workers marched": people named by what they are, not a name
            note("common noun read as a name")
    if start >= end:
        return None, notes
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent, notes
    return _span(doc, start, end, label, ent), notes


def group_start(doc: Doc, left: int, head: int) -> int:
    """The first word of a group's name from ``left`` to its ``head`` noun, past articles, punctuation,
    counts and quantifiers ("at least 20 protesters", "some 300 people", "a 45-year-old man").

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("at least 20 Belarusian protesters")
    >>> doc[group_start(doc, 0, 4):5].text
    'Belarusian protesters'
    """
    lex = lexicons()
    while left < head:
        token = doc[left]
        if token.dep_ in ("det", "punct", "cc", "predet", "nummod", "quantmod") \
                or token.pos_ in ("DET", "NUM", "PUNCT", "ADV") or token.like_num or token.lower_ in lex.quantifiers \
                or any(ch.isdigit() for ch in token.text):
            left += 1
            continue
        break
    return left


def keeps_tail(prep: Token, names: set[int]) -> bool:
    """True if the prepositional phrase ``prep`` after a group's noun says whose or where it is: its object
    is a named actor or place (a token in ``names``), or for ``of`` and ``from`` a group or body of people
    ("leaders of the opposition", "officials from the ministry"), not what they did ("police in a series
    of raids")."""
    lex = lexicons()
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if any(t.i in names for t in obj.subtree):
            return True
        lemma = obj.lemma_.lower()
        if prep.lower_ in ("of", "from") and (lemma in lex.human_nouns or obj.lower_ in lex.human_nouns
                                              or lemma in lex.organisation_heads):
            return True
    return False


def is_generic(span: Span, head: Token, named: bool) -> bool:
    """True if a noun phrase names nobody in particular: its head is a generic noun ("people", "officials")
    or one person or group left unnamed ("the judge", "a student"; a body of a country such as "the
    police" is not: it stands for that country's), and nothing in it but articles, numbers, quantifiers,
    adjectives and possessive pronouns says whose or which (``named``: it holds or is owned by a named actor;
    a noun or name modifier also tells).

    Examples
    --------
    >>> import spacy
    >>> doc = spacy.blank("en")("the only person")
    >>> is_generic(doc[0:3], doc[2], named=False), is_generic(doc[0:3], doc[2], named=True)
    (True, False)
    """
    lex = lexicons()
    lemma = head.lemma_.lower()
    singular = head.tag_ == "NN" and lemma not in lex.generic_bodies and (
        lemma in lex.human_nouns or head.lower_ in lex.human_nouns)  # "the judge", "a student": one unnamed
    if named or not (singular or lemma in lex.generic_nouns or head.lower_ in lex.generic_nouns):
        return False
    for token in span:
        if token.i == head.i:
            continue
        if token.pos_ in ("PROPN", "NOUN") and token.lower_ not in lex.quantifiers:
            return False  # "assembly members", "Labour voters", "fathers' groups"
    return True


def _key(mentions: Sequence[Mention], index: int | None) -> str | None:
    if index is None:
        return None
    item = mentions[index]
    return item.country or item.actor or fold(item.text)


def _roles(role: str | None) -> tuple[str, ...]:
    return () if role is None else _SAME_ROLE.get(role, (role,))


def join_titles(mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Coreference light for titles: each title that names no holder ("the prime minister", "the Belarusian
    leader"), with the mention of the holder of the last earlier compatible title that named one.

    Compatible: the same role (a "leader" is a head of state or of government), the same country when both
    titles name one, and the same organisation when the later one names one ("the Green leader" after
    "Green leader Ilse Varga"). A title naming a possessor ("his deputy") is left alone.

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, in text order of their titles.

    Returns
    -------
    list of (int, int)
        ``(title, person)`` mention indexes: the title refers back to the person.
    """
    holders: list[tuple[Mention, int]] = []
    links: list[tuple[int, int]] = []
    for item in sorted(mentions, key=lambda m: m.start):
        title = item.title
        if item.kind != "title" or title is None or title.role is None or title.role == "same":
            continue
        if title.person is not None:
            holders.append((item, title.person))
            continue
        if item.ref is not None or title.possessor is not None:
            continue
        country, org = _key(mentions, title.country), _key(mentions, title.org)
        for earlier, person in reversed(holders):
            parts = earlier.title
            assert parts is not None
            other, other_org = _key(mentions, parts.country), _key(mentions, parts.org)
            if (parts.role in _roles(title.role) or title.role in _roles(parts.role)) \
                    and (country is None or other is None or country == other) and (org is None or org == other_org):
                links.append((item.index, person))
                break
    return links
