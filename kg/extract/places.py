"""Place names a report gives where the parser may see no entity, to tell which country it is about.

Event reports say where by a town and then its region ("in Itabuna, Bahia", "in Hyderabad, Sindh") or by a
region and its kind ("in Borno state", "Helmand province"); the statistical NER often misses the region
or takes it for a person. :func:`place_names` lists those names, as written, for the extractor to look up
in the registry (the first of each group it knows; a name it does not know is ignored there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract.lexicons import lexicons
from kg.extract.types import Mention
from kg.model import Actor

if TYPE_CHECKING:
    from kg.resolve import Resolver

__all__ = ["main_country", "place_names"]

#: The most words a place name takes ("Mato Grosso do Sul").
LONGEST = 4


def _name(tokens: list[Token]) -> bool:
    """True if ``tokens`` may be a place name: capitalised words, with lower-case joiners ("do", "de") inside."""
    joiners = lexicons().place_joiners
    return bool(tokens) and tokens[0].is_title and tokens[-1].is_title and all(
        t.is_title or (t.lower_ in joiners and 0 < k < len(tokens) - 1) for k, t in enumerate(tokens))


def place_names(doc: Doc) -> Iterator[tuple[str, ...]]:
    """At each place a name may stand, the names it may be, longest first: the words after a comma that
    follows a capitalised word ("Itabuna, Bahia"), and the capitalised words before a region noun ("Borno
    state")."""
    kinds = lexicons().region_nouns
    for token in doc:
        if token.text == "," and token.i > 0 and doc[token.i - 1].is_title:
            start = token.i + 1
            found = tuple(doc[start:end].text for end in range(min(start + LONGEST, len(doc)), start, -1)
                          if _name(list(doc[start:end])))
        elif token.lower_ in kinds and token.i > 0 and doc[token.i - 1].is_title:
            end = token.i
            found = tuple(doc[start:end].text for start in range(max(0, end - LONGEST), end)
                          if _name(list(doc[start:end])))
        else:
            continue
        if found:
            yield found


def _country_of_place(name: str, resolver: Resolver) -> str | None:
    place = resolver.lookup(name)
    return place.country if isinstance(place, Actor) and place.type in ("City", "Region") else None


def main_country(mentions: Sequence[Mention], doc: Doc, resolver: Resolver) -> str | None:
    """The country a document names most: by its countries, the places and bodies of a country it names
    (found by the actor ruler, or a smaller city or region the parser found), and :func:`place_names`."""
    registry = resolver.known
    counts: Counter[str] = Counter()
    for item in mentions:
        country = None
        if item.actor is not None and item.actor in registry:
            actor = registry[item.actor]
            country = actor.id if actor.type == "Country" else actor.country
        elif item.country is not None and item.country in registry:
            country = item.country
        elif item.kind == "entity" and item.label in ("GPE", "LOC", "ORG"):  # a smaller city, a region
            country = _country_of_place(item.text, resolver)
        if country:
            counts[country] += 1
    for names in place_names(doc):  # "in Itabuna, Bahia": a region the parser took for no place
        country = next((c for name in names if (c := _country_of_place(name, resolver))), None)
        if country:
            counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None
