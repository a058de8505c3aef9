"""Membership and alliance that lists and names give, rather than a verb: military units, lists of members,
backers.

Reports on armed conflict name units the statistical model often misses or cuts ("the 2nd Battalion",
"101st Airborne Division", "Third Army"). :func:`unit_patterns` gives ``entity_ruler`` token patterns for
them, built from the ``unit_ranks`` mapping (``patterns/mappings.tsv``: unit noun -> rank) and the
``ordinal_words`` lexicon. :func:`unit_chain_candidates` reads a run of units each named right after a
smaller one ("4th Battalion, 12th Infantry Regiment, 3rd Division"): each is a member of the next.
:func:`member_list_candidates` reads lists of members ("members of the alliance include A, B and C", "the
SDF, which includes the Syrian Arab Coalition"). All give ``member_of``. :func:`ally_candidates` reads
backing named in passing ("the Iran-backed Houthis", "strikes in support of the Iraqi army"): ``ally_of``.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Token

from kg.extract.arguments import Arguments
from kg.extract.lexicons import lexicons
from kg.extract.mentions import Mentions
from kg.extract.qualifiers import qualifiers
from kg.extract.syntax import children, conjuncts, subjects
from kg.extract.types import Candidate

__all__ = ["ally_candidates", "member_list_candidates", "unit_chain_candidates", "unit_patterns"]

#: Entity labels of what can be a member listed, and of an organisation that includes members.
_MEMBER_LABELS = ("GPE", "ORG", "NORP")

#: Ranks from which an ordinal written as a word names a unit ("Third Army", "First Division"); below it a
#: word ordinal too often starts a company's name ("First Group").
_WORD_ORDINAL_RANK = 6
#: Words of the name between the ordinal and the unit noun ("101st Airborne Division", "3rd Armored Cavalry
#: Regiment").
_MAX_INNER = 3


def unit_patterns() -> list[dict[str, Any]]:
    """``entity_ruler`` patterns (label ``ORG``) for units named by an ordinal and a unit noun."""
    lex = lexicons()
    inner = {"IS_TITLE": True, "OP": f"{{0,{_MAX_INNER}}}"}
    nouns = sorted(lex.unit_ranks)
    big = sorted(n for n, rank in lex.unit_ranks.items() if int(rank) >= _WORD_ORDINAL_RANK)
    return [
        {"label": "ORG", "id": "", "pattern": [{"TEXT": {"REGEX": r"^[0-9]+(st|nd|rd|th)$"}}, inner,
                                             {"LOWER": {"IN": nouns}, "IS_TITLE": True}]},
        {"label": "ORG", "id": "", "pattern": [{"LOWER": {"IN": sorted(lex.ordinal_words)}, "IS_TITLE": True},
                                             inner, {"LOWER": {"IN": big}, "IS_TITLE": True}]},
    ]


def _rank(doc: Doc, mentions: Mentions, index: int) -> int | None:
    """The rank of the unit mention ``index`` names by its last word, or None if it is no unit."""
    item = mentions[index]
    if item.label != "ORG":
        return None
    rank = lexicons().unit_ranks.get(doc[item.end - 1].lower_)
    return int(rank) if rank is not None else None


def unit_chain_candidates(doc: Doc, mentions: Mentions, arguments: Arguments) -> list[Candidate]:
    """``member_of`` candidates for units named one after another, each smaller than the next, separated by a
    comma or ``of`` ("1st Battalion, 5th Marines"; "the 2nd Brigade of the 3rd Division")."""
    units = sorted((m.start, m.end, m.index, rank) for m in mentions if m.kind == "entity"
                   and (rank := _rank(doc, mentions, m.index)) is not None)
    found = []
    for (_, end, smaller, low), (start, _, larger, high) in pairwise(units):
        between = [t.lower_ for t in doc[end:start]]
        if between not in ([","], ["of"], ["of", "the"], [",", "of", "the"]):
            continue
        if low >= high or arguments.target(smaller) == arguments.target(larger):
            continue
        sentence = doc[mentions[smaller].head].sent
        found.append(Candidate("member.unit-chain", 1, "member_of", (smaller,), (larger,), mentions[smaller].head,
                               sentence.start_char, sentence.end_char))
    return found


def _list_body(head: Token, mentions: Mentions, arguments: Arguments) -> tuple[int | None, int]:
    """The body whose members a list names, from the subject ``head`` of the listing verb, and how many
    members the list must name: a plural of members ("members of NATO", "NATO members", "Coalition nations":
    two or more, else it is a sentence of another kind) or an organisation itself ("the SDF includes": one)."""
    lex = lexicons()
    doc = head.doc
    here = mentions.at(head)
    if here is not None and mentions[here].kind == "entity" and arguments.label(here) in ("ORG", "NORP"):
        return here, 1
    if head.lower_ not in lex.member_list_heads or head.tag_ != "NNS":
        return None, 0
    for prep in children(head, "prep"):
        if prep.lower_ == "of":  # a named body ("of NATO", "of the Arab League"), not "of the alliance"
            for pobj in children(prep, "pobj"):
                body = arguments.argument(pobj)
                if body is not None and (arguments.is_entity(body) or mentions[body].inner):
                    return body, 2
    names = [c for c in children(head, "compound", "amod")
             if c.pos_ == "PROPN" or (c.dep_ == "compound" and c.is_title)]
    for name in names:
        named = mentions.at(name)
        if named is not None and arguments.label(named) in ("ORG", "NORP"):
            return named, 2
    if names and names[-1].i + 1 == head.i:  # "Coalition nations": the Coalition
        return mentions.add(doc[names[0].i:head.i], "entity", label="ORG"), 2
    return None, 0


def member_list_candidates(doc: Doc, mentions: Mentions, arguments: Arguments) -> list[Candidate]:
    """Membership given as a list: "coalition nations which have conducted strikes include A, B and C",
    "members of the alliance include A and B", "NATO members are A and B", "the SDF, which includes the Syrian
    Arab Coalition": each of A, B, C is a member of the body (see :func:`_list_body`)."""
    lex = lexicons()
    found = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma not in lex.member_list_verbs or verb.pos_ not in ("VERB", "AUX"):
            continue
        for head in children(verb, "nsubj")[:1]:
            if head.tag_ == "WDT" and verb.dep_ == "relcl":  # "the SDF, which includes ...": the SDF
                head = verb.head
            body, least = _list_body(head, mentions, arguments)
            if body is None or (least == 1 and lemma == "be"):  # "the SDF is X" names no member
                continue
            members: list[int] = []
            for token in (t for o in children(verb, "dobj", "attr") for t in conjuncts(o)):
                index = mentions.at(token)
                if index is not None and arguments.label(index) in _MEMBER_LABELS \
                        and arguments.target(index) != arguments.target(body) and index not in members:
                    members.append(index)
            qualified = qualifiers(verb, None, arguments)
            if len(members) < least or qualified is None:
                continue
            found.append(Candidate("member.list", 1, "member_of", tuple(members), (body,), verb.i,
                                   verb.sent.start_char, verb.sent.end_char, qualifiers=qualified))
    return found


def _named(mentions: Mentions, arguments: Arguments, token: Token) -> int | None:
    """The entity mention of an actor at ``token`` (a country, organisation or group), if there is one."""
    index = mentions.at(token)
    if index is None or mentions[index].kind not in ("entity", "demonym") \
            or arguments.label(index) not in _MEMBER_LABELS:
        return None
    return index


def ally_candidates(doc: Doc, mentions: Mentions, arguments: Arguments) -> list[Candidate]:
    """``ally_of`` candidates for backing named in passing: a participle of backing between a backer and a
    named actor ("the Iran-backed Houthis", "US-supported SDF"), and an act done in support of a named actor
    ("Coalition aircraft conducted strikes in support of the Iraqi army": the subject and the supported)."""
    lex = lexicons()
    found = []
    for token in doc:
        pairs: list[tuple[int, int]] = []
        if token.lemma_.lower() in lex.backing_verbs and token.tag_ == "VBN" and token.dep_ == "amod":
            backed = _named(mentions, arguments, token.head)
            for child in children(token, "npadvmod", "compound", "nmod"):
                backer = _named(mentions, arguments, child)
                if backer is not None and backed is not None and mentions[backed].start > child.i:
                    pairs.append((backer, backed))
        elif token.lower_ == "support" and token.dep_ == "pobj" and token.head.lower_ == "in" \
                and token.head.head.pos_ in ("VERB", "AUX"):
            supported = [i for p in children(token, "prep") if p.lower_ == "of" for o in children(p, "pobj")
                         if (i := _named(mentions, arguments, o)) is not None]
            for agent in subjects(token.head.head):
                backer = arguments.argument(agent)
                if backer is not None and (arguments.human(backer) or agent.lemma_.lower() in lex.military_heads):
                    pairs += [(backer, s) for s in supported]
        for backer, backed in pairs:
            if arguments.target(backer) != arguments.target(backed):
                found.append(Candidate("ally.backed", 1, "ally_of", (backer,), (backed,), token.i,
                                       token.sent.start_char, token.sent.end_char))
    return found
