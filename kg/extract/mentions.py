"""Mentions of actors in a parsed document: names, demonyms, titles, pronouns and short names.

:func:`find_mentions` returns the :class:`~kg.extract.types.Mention` objects of a document in a
:class:`Mentions` list: named entities (with the registry ``actor`` id when the actor ruler found it),
demonyms (``Belarusian``: its ``country``), titles (``the Belarusian president``: its rule, role, country,
organisation, possessor and named person), pronouns and lone surnames (with ``ref``, the mention they refer
back to); relation finding adds noun phrase arguments (``np``).

Coreference is deliberately simple and within one document: ``he``/``she`` (and their possessives) go to
the most salient earlier person of the same gender (registry gender, when known), preferring the
current sentence, then the most recent earlier sentence with a person, its subject first; a lone surname
(``German said``) goes to the earlier full name ending with it.
"""


from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.hygiene import clean_entity, join_titles
from kg.extract.lexicons import lexicons
from kg.extract.rules import TitleRule
from kg.extract.types import Cleaning, Mention, MentionKind, TitleParts

__all__ = ["Mentions", "find_mentions"]

#: Title rules by the last word of each of their phrases, longest phrase first.
TitleIndex = dict[str, list[tuple[tuple[str, ...], TitleRule]]]


class Mentions:
    """The mentions of one document, with a token index for lookup.

    Mentions are frozen; :meth:`refer` and :meth:`surname` replace one with a changed copy. ``cleanings``
    records what mention hygiene (:mod:`kg.extract.hygiene`) changed or dropped.
    """

    def __init__(self, doc: Doc, items: list[Mention] | None = None):
        self.doc = doc
        self.items: list[Mention] = items if items is not None else []
        self.cleanings: list[Cleaning] = []
        self._by_token: dict[int, int] = {}
        for item in self.items:
            self._index(item)

    def _index(self, item: Mention) -> None:
        for i in range(item.start, item.end):
            self._by_token.setdefault(i, item.index)

    def __getitem__(self, index: int) -> Mention:
        return self.items[index]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def add(self, span: Span, kind: MentionKind, *, label: str = "", actor: str | None = None,
            country: str | None = None, ref: int | None = None, ref_token: int | None = None,
            gender: str | None = None, people: bool = False, title: TitleParts | None = None,
            inner: tuple[int, ...] = (), owner: int | None = None, generic: bool = False) -> int:
        """Add a mention over ``span``; return its index."""
        item = Mention(len(self.items), kind, span.start, span.end, span.start_char, span.end_char, span.text,
                       span.root.i, span.root.lower_, span.root.lemma_.lower(), label=label, actor=actor,
                       country=country, ref=ref, ref_token=ref_token, gender=gender, people=people, title=title,
                       inner=inner, owner=owner, generic=generic)
        self.items.append(item)
        self._index(item)
        return item.index

    def refer(self, index: int, ref: int | None) -> None:
        """Make mention ``index`` refer back to mention ``ref`` (a pronoun to its antecedent)."""
        self.items[index] = replace(self.items[index], ref=ref)

    def surname(self, index: int, ref: int) -> None:
        """Make mention ``index`` a person's lone surname, referring back to the full name ``ref``."""
        self.items[index] = replace(self.items[index], kind="surname", ref=ref, label="PERSON")

    def at(self, token: Token) -> int | None:
        """The mention covering ``token``, if any."""
        return self._by_token.get(token.i)

    def resolve(self, index: int | None) -> int | None:
        """Follow ``ref`` links (pronoun to antecedent) to the mention that names the actor."""
        seen = set()
        while index is not None and self.items[index].ref is not None and index not in seen:
            seen.add(index)
            index = self.items[index].ref
        return index


def _title_index(rules: list[TitleRule]) -> TitleIndex:
    index: TitleIndex = {}
    for rule in rules:
        for phrase in rule.words:
            words = tuple(phrase.lower().split())
            index.setdefault(words[-1], []).append((words, rule))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _match_title(token: Token, index: TitleIndex) -> tuple[TitleRule, int] | None:
    """The title rule whose words end at ``token``, and the index of the first title token."""
    for words, rule in [*index.get(token.lower_, []), *index.get(token.lemma_.lower(), [])]:
        start = token.i - len(words) + 1
        if start < token.sent.start:
            continue
        span = token.doc[start:token.i + 1]
        lowered = tuple(t.lower_ for t in span)
        lemmas = (*lowered[:-1], token.lemma_.lower())
        if words in (lowered, lemmas):
            return rule, start
    return None


def find_mentions(doc: Doc, *, genders: Mapping[str, str], countries: Mapping[str, str],
                  titles: list[TitleRule], person_ids: frozenset[str] = frozenset(),
                  outlet_ids: frozenset[str] = frozenset()) -> Mentions:
    """Find the actor mentions of ``doc`` and link pronouns and short names to what they refer to.

    Parameters
    ----------
    doc : Doc
        A parsed document with named entities (registry actors carry their id as ``ent_id_``).
    genders : mapping
        Registry actor id to ``"female"`` or ``"male"``.
    countries : mapping
        Demonym (``Belarusian``) to a registry country id or an ISO 3166 alpha-3 code.
    titles : list of TitleRule
        The title rules.
    person_ids : frozenset
        Registry ids of people, so their mentions count as persons whatever the NER label.
    outlet_ids : frozenset
        Registry ids of media outlets: a name they own ("BBC One's Breakfast") is a programme, standing for them.

    Returns
    -------
    Mentions
    """
    mentions = Mentions(doc)
    actor_labels = lexicons().actor_labels
    for found in doc.ents:
        if found.label_ not in actor_labels:
            continue
        ent, cleanings = clean_entity(found)  # "Belarus's", "Ms Berg", "the Home Office"
        mentions.cleanings += cleanings
        if ent is None or ent.label_ not in actor_labels:
            continue
        actor = ent.ent_id_ or None
        outlet = _programme(ent, outlet_ids) if actor is None else None
        if outlet is not None:  # "told BBC One's Breakfast": the broadcaster is told, not a place "Breakfast"
            mentions.cleanings.append(Cleaning(ent.start_char, ent.end_char, ent.text, "a broadcaster's programme"))
            mentions.add(ent, "entity", label="ORG", actor=outlet)
            continue
        label = "PERSON" if actor in person_ids else ent.label_
        if label != "NORP" and actor is None and ent.text in countries:
            label = "NORP"  # "Pakistanis" read as an organisation: a nationality
        country = countries.get(ent.text) if label == "NORP" else None
        mentions.add(ent, "entity", label=label, actor=actor, gender=genders.get(actor or ""), country=country,
                     people=label == "NORP" and _people(ent))
    _demonyms(doc, mentions, countries)
    _titles(doc, mentions, _title_index(titles), countries)
    _surnames(doc, mentions)
    for title, person in join_titles(mentions.items):  # "the prime minister": the one named before
        mentions.refer(title, person)
    _pronouns(doc, mentions)
    _collective_pronouns(doc, mentions)
    return mentions


def _programme(ent: Span, outlet_ids: frozenset[str]) -> str | None:
    """The media outlet that owns ``ent`` ("BBC One's Breakfast", "Radio Foo's Today"), a programme or a
    column named by the words after the outlet's possessive; None if no outlet owns it."""
    return next((t.ent_id_ for c in ent.root.children if c.dep_ == "poss" for t in c.subtree
                 if t.ent_id_ in outlet_ids), None)


def _people(span: Span) -> bool:
    """A demonym naming people rather than modifying a noun: "thousands of Belarusians", "ethnic Turks"."""
    root = span.root
    return root.dep_ not in ("amod", "compound", "poss", "nmod") and (
        root.tag_ in ("NNS", "NNPS") or root.lower_.endswith("s"))


def _demonyms(doc: Doc, mentions: Mentions, countries: Mapping[str, str]) -> None:
    i = 0
    while i < len(doc):
        token = doc[i]
        two = doc[i:i + 2].text if i + 1 < len(doc) else None
        for text, width in ((two, 2), (token.text, 1)):
            if text and text in countries and mentions.at(token) is None and token.is_title | token.is_upper:
                span = doc[i:i + width]
                mentions.add(span, "demonym", label="NORP", country=countries[text], people=_people(span))
                i += width - 1
                break
        i += 1


def _country_of(token: Token, mentions: Mentions, countries: Mapping[str, str]) -> int | None:
    """A demonym or country mention modifying ``token`` (``Russian president``, ``president of Russia``)."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for target in targets:
                index = mentions.at(target)
                if index is not None:
                    item = mentions[index]
                    if item.kind == "demonym" or item.label == "GPE" or (
                            item.kind == "entity" and item.label == "NORP" and item.country):
                        return index
    # a demonym earlier in the same noun phrase ("the Belarusian state president"), or a modifier of the
    # name the title precedes ("Iraqi President Fuad Masum": Iraqi and President both modify Masum)
    neighbours = list(token.lefts)
    if token.dep_ in ("compound", "amod") and token.head.i > token.i:
        neighbours += [c for c in token.head.lefts if c.i < token.i]
    for left in neighbours:
        index = mentions.at(left)
        if index is not None and (mentions[index].kind == "demonym" or mentions[index].label == "GPE"):
            return index
    return None


def _person_at(mentions: Mentions, token: Token) -> int | None:
    """The mention covering ``token`` if it is labelled a person."""
    index = mentions.at(token)
    return index if index is not None and mentions[index].label == "PERSON" else None


def _named_person(mentions: Mentions, token: Token) -> bool:
    """True if ``token`` is inside a person's name (an entity, not a title or pronoun)."""
    index = _person_at(mentions, token)
    return index is not None and mentions[index].kind == "entity"


def _titles(doc: Doc, mentions: Mentions, index: TitleIndex, countries: Mapping[str, str]) -> None:
    lex = lexicons()
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = _match_title(token, index)
        if found is None:
            continue
        rule, first = found
        inside = mentions.at(token)
        if inside is not None and mentions[inside].label not in ("PERSON", ""):
            continue  # part of an organisation's or place's name
        if token.tag_ in ("NNS", "NNPS") and inside is None:
            continue  # "EU foreign ministers", "leaders of the opposition": a group, read as a noun phrase
        person = None
        if token.head.i != token.i and token.dep_ in ("compound", "amod", "appos") and token.head.ent_type_ == "PERSON":
            person = mentions.at(token.head)
        for child in token.children:
            named = _person_at(mentions, child)
            if child.dep_ == "appos" and named is not None:
                person = named
        if token.dep_ == "appos" and _person_at(mentions, token.head) is not None:
            person = mentions.at(token.head)
        if inside is not None and mentions[inside].label == "PERSON":
            person = inside
        following = mentions.at(doc[token.i + 1]) if token.i + 1 < len(doc) else None
        if person is None and following is not None and mentions[following].label == "PERSON" \
                and mentions[following].start == token.i + 1:
            person = following  # "... and Lithuanian President Gitanas Nauseda", however the parser attached it
        country = _country_of(token, mentions, countries)
        possessor = org = None
        for child in token.children:
            if child.dep_ == "poss":
                possessor = mentions.at(child)
                if possessor is None and (child.lower_ in lex.pronoun_genders
                                          or child.lower_ in lex.possessive_pronouns):
                    possessor = mentions.add(doc[child.i:child.i + 1], "pronoun",
                                             gender=lex.pronoun_genders.get(child.lower_))
            if child.dep_ in ("compound", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
                targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                for target in targets:
                    found_org = mentions.at(target)
                    if found_org is not None and mentions[found_org].label in ("ORG", "NORP") \
                            and not first <= mentions[found_org].start <= token.i:  # not "Home" Secretary
                        org = found_org
        parts = TitleParts(rule.id, rule.role, rule.relation, rule.object, country=country, possessor=possessor,
                           org=org, person=person)
        if inside is not None:  # the title is inside the person's name span: "President Fuad Masum"
            mentions.add(doc[first:token.i + 1], "title", title=parts, label="PERSON")
            continue
        left = min([first, *(c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss"))])
        span = doc[left:token.i + 1]
        if any(_named_person(mentions, t) for t in span):
            span = doc[first:token.i + 1]
        mentions.add(span, "title", title=parts, label="PERSON")


def _surnames(doc: Doc, mentions: Mentions) -> None:
    """Link lone surnames to the full name of the same person in the document, before it or after (a
    headline names a person by surname before the report gives the full name)."""
    lex = lexicons()
    argument_deps = lex.argument_deps
    named: dict[str, list[tuple[int, int]]] = {}
    given: dict[str, int] = {}
    for item in sorted(mentions, key=lambda m: m.start):
        if item.kind == "entity" and item.label == "PERSON" and len(item.text.split()) >= 2:
            named.setdefault(item.text.split()[-1], []).append((item.end, item.index))
            given.setdefault(item.text.split()[0], item.index)

    def person(surname: str, at: int) -> int:  # the nearest full name before, else the first after
        names = named[surname]
        return next((index for end, index in reversed(names) if end <= at), names[0][1])

    for token in doc:
        index = mentions.at(token)
        if index is not None:
            item = mentions[index]
            if item.kind == "entity" and token.i == item.start and item.text in named \
                    and item.label != "PERSON" and item.actor is None:
                # "Kilroy-Silk" read as an organisation, with Robert Kilroy-Silk in the same report
                mentions.surname(index, person(item.text, token.i))
            elif item.kind == "entity" and item.actor is None and item.text in given and token.i == item.start \
                    and token.i > 0 and doc[token.i - 1].lower_ in lex.given_name_honorifics \
                    and given[item.text] != index:
                # "Sir Menzies": a knight by his given name, with Sir Menzies Campbell in the same report
                mentions.surname(index, given[item.text])
            continue
        if token.text in named and token.is_title and token.dep_ in argument_deps:
            mentions.add(doc[token.i:token.i + 1], "surname", ref=person(token.text, token.i), label="PERSON")


def _collective_pronouns(doc: Doc, mentions: Mentions) -> None:
    """Link "it" and "they" to the state, organisation or group they stand for.

    In reported speech the pronoun is the speaker ("Syria said it would ..."): the link is to the speech
    verb's subject token (``ref_token``), resolved when the relation finder reads it as an argument.
    Otherwise it is the nearest earlier organisation, state or nationality in the sentence or the one before.
    """
    numbers = lexicons().collective_numbers
    for token in doc:
        number = numbers.get(token.lower_)
        if number is None or token.pos_ not in ("PRON", "DET") or token.dep_ == "expl":
            continue
        if mentions.at(token) is not None:
            continue
        speaker = _speaker_of(token)
        if speaker is not None:
            mentions.add(doc[token.i:token.i + 1], "pronoun", label="", ref_token=speaker.i)
            continue
        start = token.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        labels = ("ORG", "GPE") if number == "singular" else ("ORG", "NORP")  # "they" is rarely a place
        before = [m for m in mentions if start <= m.start and m.end <= token.i and m.kind == "entity"
                  and m.label in labels]
        if before:
            mentions.add(doc[token.i:token.i + 1], "pronoun", label=before[-1].label, ref=before[-1].index)


def _speaker_of(token: Token) -> Token | None:
    """The subject of the speech verb whose complement ``token`` is the subject or possessor in."""
    reporting = lexicons().reporting_verbs
    current = token.head
    if token.dep_ == "poss":
        current = current.head
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in reporting:
            speech = head
            while speech.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in speech.children):
                speech = speech.head  # "rejected the plan and said they ...": the shared subject
            subjects = [c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i]
            if subjects and subjects[0].pos_ not in ("PRON",) and subjects[0].i < token.i:
                return subjects[0]
            return None
        if current.dep_ not in ("conj", "aux", "xcomp"):
            return None
        current = head
    return None


def _person_like(item: Mention) -> bool:
    return item.label == "PERSON" and item.kind in ("entity", "title", "surname")


def _gender(mentions: Mentions, index: int) -> str | None:
    target = mentions.resolve(index)
    return mentions[target].gender if target is not None else None


def _pronouns(doc: Doc, mentions: Mentions) -> None:
    genders = lexicons().pronoun_genders
    for token in doc:
        gender = genders.get(token.lower_)
        if gender is None or token.pos_ not in ("PRON", "DET"):
            continue
        index = mentions.at(token)
        if index is None:
            index = mentions.add(doc[token.i:token.i + 1], "pronoun", gender=gender, label="PERSON")
        elif mentions[index].kind != "pronoun":
            continue
        sentence = token.sent
        before = sorted((m for m in mentions if m.end <= token.i and _person_like(m)
                         and _gender(mentions, m.index) in (None, gender)), key=lambda m: m.start)
        if not before:
            continue
        same = [m for m in before if m.start >= sentence.start]
        if same:
            chosen = same[-1]
        else:
            last = before[-1]
            candidates = [m for m in before if doc[m.start].sent.start == doc[last.start].sent.start]
            subjects = [m for m in candidates if doc[m.head].dep_ in ("nsubj", "nsubjpass")]
            chosen = (subjects or candidates)[0]
        mentions.refer(index, chosen.index)
