"""People an event names only by a common noun, whom event data code as one of a country's groups.

CAMEO and ACLED code the people of an event by what they do, not by who they are: "farmers protested" is
the country's protesters, "thousands of Belarusians were detained" at a protest are the protesters detained,
"gunmen killed a shopkeeper" kills one of the country's civilians. Each function here reads one mention
(and the relation it takes part in) and says which implied group it stands for (the word the extractor
resolves to the country's institution: ``protesters``, ``civilians``), or None. The words and relations are
lexicons (``crowd_relations``, ``crowd_recipients``, ``victim_relations``, ``not_civilians`` in
``patterns/``).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.lexicons import lexicons
from kg.extract.types import Mention

__all__ = ["assailant", "crowd_actor", "crowd_recipient", "victim"]


def _described(item: Mention) -> bool:
    """True if ``item`` is a noun phrase naming no one: no registry actor, no owner, no entity inside."""
    return item.kind == "np" and item.actor is None and item.owner is None and not item.inner


def _people(item: Mention, kind: str | None, excluded: Iterable[str]) -> str | None:
    """``kind`` if ``item`` names people by a common noun whose words are not ``excluded``, else None."""
    if kind is None or not _described(item) or not _human(item):
        return None
    return None if {item.root, item.root_lemma} & set(excluded) else kind


def _human(item: Mention) -> bool:
    lex = lexicons()
    return item.root_lemma in lex.human_nouns or item.root in lex.human_nouns or item.root in lex.crowd_counts


def crowd_actor(item: Mention, relation: str) -> str | None:
    """The group the subject of a protest stands for ("farmers", "dozens of residents": ``protesters``), if
    it is people named by a common noun; not a body ("the police") or an organisation, and not protesters
    already (who resolve as named). People named by what they are to a body they name ("supporters of the
    X Front", "pro-X lawyers", "parents of pupils of X", "X's volunteers") are protesters too, as event data
    code them; "members of X" are X."""
    lex = lexicons()
    excluded = (*lex.generic_bodies, *lex.organisation_heads, *lex.crowd_heads)
    kind = lex.crowd_relations.get(relation)
    if kind is not None and _affiliated(item) and _human(item) \
            and not {item.root, item.root_lemma} & {*excluded, *lex.group_heads}:
        return kind
    return _people(item, kind, excluded)


def _affiliated(item: Mention) -> bool:
    """True if ``item`` is a noun phrase naming people of a body or person it names inside, itself no one
    the registry knows."""
    return item.kind == "np" and item.actor is None and bool(item.inner or item.owner is not None)


def crowd_recipient(item: Mention, relation: str, sentence: Iterable[Token]) -> str | None:
    """The group the recipients of a repression stand for (``protesters``), if they are a crowd ("thousands
    of Belarusians", "hundreds of people") in a ``sentence`` about a protest: event data code those detained
    at a protest as protesters."""
    lex = lexicons()
    kind = lex.crowd_recipients.get(relation)
    if kind is None:
        return None
    crowd = (item.people and item.kind in ("entity", "demonym")) or (
        _described(item) and (item.generic or item.root in lex.crowd_counts) and item.root_lemma not in lex.crowd_heads)
    if not crowd or not any(t.lemma_.lower() in lex.crowd_heads or t.lower_ in lex.crowd_heads
                            or lex.occurrences.get(t.lemma_.lower()) == "ProtestCampaign" for t in sentence):
        return None
    return kind


def victim(item: Mention, relation: str) -> str | None:
    """The group the victims of a killing, shooting or abduction stand for (``civilians``), if they are people
    named by a common noun of no armed, official or organised body ("a shopkeeper", "two villagers", "four
    passengers"; not "two soldiers", "a police officer", "party supporters")."""
    lex = lexicons()
    return _people(item, lex.victim_relations.get(relation),
                   (*lex.not_civilians, *lex.generic_bodies, *lex.organisation_heads))


def assailant(item: Mention, relation: str) -> str | None:
    """The group the perpetrators of a killing, shooting or abduction stand for (``gunmen``: the country's
    unidentified armed group), if they are people nobody names ("gunmen", "unknown assailants", "armed men");
    not a body, an organisation or a group a report names by what it is ("militants", "rebels")."""
    lex = lexicons()
    kind = _people(item, lex.assailant_relations.get(relation),
                   (*lex.generic_bodies, *lex.organisation_heads, *lex.crowd_heads))
    first = item.text.lower().split()[0]
    named = {item.root, item.root_lemma} & lex.assailant_nouns or first in lex.unidentified_words
    return kind if named else None
