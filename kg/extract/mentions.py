"""Mentions of actors in a parsed document: names, demonyms, titles, pronouns and short names.

:func:`find_mentions` returns plain dicts (so they travel between processes with the ``Doc``):

``kind``
    ``entity`` (a named entity, with the registry ``actor`` id when the actor ruler found it),
    ``demonym`` (``Belarusian``: its ``country``), ``title`` (``the Belarusian president``: its
    ``title`` rule, ``role``, ``country``, ``org``, ``possessor`` and named ``person``), ``pronoun``
    and ``surname`` (with ``ref``, the mention they refer back to), or ``np`` (a noun phrase argument,
    added by relation finding).
``start``, ``end``, ``start_char``, ``end_char``, ``text``, ``head``
    Token and character offsets in the document, the text, the head token.

Coreference is deliberately simple and within one document: ``he``/``she`` (and their possessives) go to
the most salient earlier person of the same gender (registry gender, when known), preferring the
current sentence, then the most recent earlier sentence with a person, its subject first; a lone surname
(``German said``) goes to the earlier full name ending with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract.rules import TitleRule

__all__ = ["Mentions", "find_mentions"]

_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
             "she": "female", "her": "female", "hers": "female", "herself": "female"}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative", "attr", "poss", "agent"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


class Mentions:
    """The mentions of one document, with a token index for lookup."""

    def __init__(self, doc: Doc, items: list[dict[str, Any]] | None = None):
        self.doc = doc
        self.items: list[dict[str, Any]] = items if items is not None else []
        self._by_token: dict[int, int] = {}
        for index, item in enumerate(self.items):
            self._index(index, item)

    def _index(self, index: int, item: dict[str, Any]) -> None:
        for i in range(item["start"], item["end"]):
            self._by_token.setdefault(i, index)

    def add(self, kind: str, span: Span, **values: Any) -> int:
        """Add a mention over ``span``; return its index."""
        item = {"i": len(self.items), "kind": kind, "start": span.start, "end": span.end,
                "start_char": span.start_char, "end_char": span.end_char, "text": span.text,
                "head": span.root.i, "root": span.root.lower_, "root_lemma": span.root.lemma_.lower(), "label": "",
                "actor": None, "country": None, "ref": None}
        item.update(values)
        self.items.append(item)
        self._index(item["i"], item)
        return item["i"]

    def at(self, token: Token) -> int | None:
        """The mention covering ``token``, if any."""
        return self._by_token.get(token.i)

    def resolve(self, index: int | None) -> int | None:
        """Follow ``ref`` links (pronoun to antecedent) to the mention that names the actor."""
        seen = set()
        while index is not None and self.items[index].get("ref") is not None and index not in seen:
            seen.add(index)
            index = self.items[index]["ref"]
        return index


def _title_index(rules: list[TitleRule]) -> dict[str, list[tuple[tuple[str, ...], TitleRule]]]:
    index: dict[str, list[tuple[tuple[str, ...], TitleRule]]] = {}
    for rule in rules:
        for phrase in rule.words:
            words = tuple(phrase.lower().split())
            index.setdefault(words[-1], []).append((words, rule))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _match_title(token: Token, index: dict) -> tuple[TitleRule, int] | None:
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
                  titles: list[TitleRule], person_ids: frozenset[str] = frozenset()) -> Mentions:
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

    Returns
    -------
    Mentions
    """
    mentions = Mentions(doc)
    for ent in doc.ents:
        if ent.label_ not in _ACTOR_LABELS:
            continue
        actor = ent.ent_id_ or None
        label = "PERSON" if actor in person_ids else ent.label_
        country = countries.get(ent.text) if label == "NORP" else None
        mentions.add("entity", ent, label=label, actor=actor, gender=genders.get(actor or ""), country=country,
                     people=label == "NORP" and _people(ent))
    _demonyms(doc, mentions, countries)
    _titles(doc, mentions, _title_index(titles), countries)
    _surnames(doc, mentions)
    _pronouns(doc, mentions)
    _collective_pronouns(doc, mentions)
    return mentions


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
                mentions.add("demonym", span, label="NORP", country=countries[text], people=_people(span))
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
                    item = mentions.items[index]
                    if item["kind"] == "demonym" or item["label"] == "GPE" or (
                            item["kind"] == "entity" and item["label"] == "NORP" and item["country"]):
                        return index
    # a demonym earlier in the same noun phrase ("the Belarusian state president"), or a modifier of the
    # name the title precedes ("Iraqi President Fuad Masum": Iraqi and President both modify Masum)
    neighbours = list(token.lefts)
    if token.dep_ in ("compound", "amod") and token.head.i > token.i:
        neighbours += [c for c in token.head.lefts if c.i < token.i]
    for left in neighbours:
        index = mentions.at(left)
        if index is not None and (mentions.items[index]["kind"] == "demonym"
                                  or mentions.items[index]["label"] == "GPE"):
            return index
    return None


def _titles(doc: Doc, mentions: Mentions, index: dict, countries: Mapping[str, str]) -> None:
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        found = _match_title(token, index)
        if found is None:
            continue
        rule, first = found
        inside = mentions.at(token)
        if inside is not None and mentions.items[inside]["label"] not in ("PERSON", ""):
            continue  # part of an organisation's or place's name
        if token.tag_ in ("NNS", "NNPS") and inside is None:
            continue  # "EU foreign ministers", "leaders of the opposition": a group, read as a noun phrase
        person = None
        if token.head.i != token.i and token.dep_ in ("compound", "amod", "appos") and token.head.ent_type_ == "PERSON":
            person = mentions.at(token.head)
        for child in token.children:
            if child.dep_ == "appos" and mentions.at(child) is not None \
                    and mentions.items[mentions.at(child)]["label"] == "PERSON":
                person = mentions.at(child)
        if token.dep_ == "appos" and mentions.at(token.head) is not None \
                and mentions.items[mentions.at(token.head)]["label"] == "PERSON":
            person = mentions.at(token.head)
        if inside is not None and mentions.items[inside]["label"] == "PERSON":
            person = inside
        following = mentions.at(doc[token.i + 1]) if token.i + 1 < len(doc) else None
        if person is None and following is not None and mentions.items[following]["label"] == "PERSON" \
                and mentions.items[following]["start"] == token.i + 1:
            person = following  # "... and Lithuanian President Gitanas Nauseda", however the parser attached it
        country = _country_of(token, mentions, countries)
        possessor = org = None
        for child in token.children:
            if child.dep_ == "poss":
                possessor = mentions.at(child)
                if possessor is None and child.lower_ in _PRONOUNS | {"their": None, "its": None}:
                    possessor = mentions.add("pronoun", doc[child.i:child.i + 1], gender=_PRONOUNS.get(child.lower_))
            if child.dep_ in ("compound", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
                targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                for target in targets:
                    found_org = mentions.at(target)
                    if found_org is not None and mentions.items[found_org]["label"] in ("ORG", "NORP"):
                        org = found_org
        if inside is not None:  # the title is inside the person's name span: "President Fuad Masum"
            mentions.add("title", doc[first:token.i + 1], title=rule.id, role=rule.role, relation=rule.relation,
                         object_kind=rule.object, country_mention=country, possessor=possessor, org=org, person=person,
                         label="PERSON")
            continue
        left = min([first, *(c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss"))])
        span = doc[left:token.i + 1]
        if any(mentions.at(t) is not None and mentions.items[mentions.at(t)]["kind"] == "entity"
               and mentions.items[mentions.at(t)]["label"] == "PERSON" for t in span):
            span = doc[first:token.i + 1]
        mentions.add("title", span, title=rule.id, role=rule.role, relation=rule.relation, object_kind=rule.object,
                     country_mention=country, possessor=possessor, org=org, person=person, label="PERSON")


def _surnames(doc: Doc, mentions: Mentions) -> None:
    people: dict[str, int] = {}
    for token in doc:
        index = mentions.at(token)
        if index is not None:
            item = mentions.items[index]
            if item["kind"] == "entity" and item["label"] == "PERSON" and item["end"] - item["start"] >= 2 \
                    and token.i == item["end"] - 1:
                people[token.text] = index
            elif item["kind"] == "entity" and item["end"] - item["start"] == 1 and token.text in people \
                    and item["label"] != "PERSON":
                item.update(kind="surname", ref=people[token.text], label="PERSON")
            continue
        if token.text in people and token.is_title and token.dep_ in _ARGUMENT_DEPS:
            mentions.add("surname", doc[token.i:token.i + 1], ref=people[token.text], label="PERSON")


_COLLECTIVE = {"it": "singular", "its": "singular", "itself": "singular", "they": "plural", "them": "plural",
               "their": "plural", "themselves": "plural"}
_REPORTING = {"say", "announce", "confirm", "declare", "state", "tell", "warn", "insist", "add", "report", "claim",
              "threaten", "vow", "pledge", "promise", "indicate", "signal", "reiterate", "stress", "deny"}


def _collective_pronouns(doc: Doc, mentions: Mentions) -> None:
    """Link "it" and "they" to the state, organisation or group they stand for.

    In reported speech the pronoun is the speaker ("Syria said it would ..."): the link is to the speech
    verb's subject token (``ref_token``), resolved when the relation finder reads it as an argument.
    Otherwise it is the nearest earlier organisation, state or nationality in the sentence or the one before.
    """
    for token in doc:
        number = _COLLECTIVE.get(token.lower_)
        if number is None or token.pos_ not in ("PRON", "DET") or token.dep_ == "expl":
            continue
        if mentions.at(token) is not None:
            continue
        speaker = _speaker_of(token)
        if speaker is not None:
            mentions.add("pronoun", doc[token.i:token.i + 1], label="", ref_token=speaker.i)
            continue
        start = token.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        labels = ("ORG", "GPE") if number == "singular" else ("ORG", "NORP")  # "they" is rarely a place
        before = [m for m in mentions.items if start <= m["start"] and m["end"] <= token.i and m["kind"] == "entity"
                  and m["label"] in labels]
        if before:
            index = mentions.add("pronoun", doc[token.i:token.i + 1], label=before[-1]["label"])
            mentions.items[index]["ref"] = before[-1]["i"]


def _speaker_of(token: Token) -> Token | None:
    """The subject of the speech verb whose complement ``token`` is the subject or possessor in."""
    current = token.head
    if token.dep_ == "poss":
        current = current.head
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _REPORTING:
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


def _person_like(item: dict[str, Any]) -> bool:
    return item["label"] == "PERSON" and item["kind"] in ("entity", "title", "surname")


def _gender(mentions: Mentions, index: int) -> str | None:
    target = mentions.resolve(index)
    return mentions.items[target].get("gender") if target is not None else None


def _pronouns(doc: Doc, mentions: Mentions) -> None:
    for token in doc:
        gender = _PRONOUNS.get(token.lower_)
        if gender is None or token.pos_ not in ("PRON", "DET"):
            continue
        index = mentions.at(token)
        if index is None:
            index = mentions.add("pronoun", doc[token.i:token.i + 1], gender=gender, label="PERSON")
        elif mentions.items[index]["kind"] != "pronoun":
            continue
        sentence = token.sent
        before = sorted((m for m in mentions.items if m["end"] <= token.i and _person_like(m)
                         and _gender(mentions, m["i"]) in (None, gender)), key=lambda m: m["start"])
        if not before:
            continue
        same = [m for m in before if m["start"] >= sentence.start]
        if same:
            chosen = same[-1]
        else:
            last = before[-1]
            candidates = [m for m in before if doc[m["start"]].sent.start == doc[last["start"]].sent.start]
            subjects = [m for m in candidates if doc[m["head"]].dep_ in ("nsubj", "nsubjpass")]
            chosen = (subjects or candidates)[0]
        mentions.items[index]["ref"] = chosen["i"]
