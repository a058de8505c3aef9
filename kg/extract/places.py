"""Place names a report gives where the parser may see no entity, to tell which country it is about.

Event reports say where by a town and then its region ("in Itabuna, Bahia", "in Hyderabad, Sindh") or by a
region and its kind ("in Borno state", "Helmand province"); the statistical NER often misses the region
or takes it for a person. :func:`place_names` lists those names, as written, for the extractor to look up
in the registry (the first of each group it knows; a name it does not know is ignored there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.curated.gazetteer import country_of_place
from kg.extract.lexicons import lexicons
from kg.extract.types import Mention
from kg.model import Actor

if TYPE_CHECKING:
    from kg.resolve import Resolver

__all__ = ["listed_places", "main_country", "place_names"]

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
    """The country of a city, region or party (a registry one: "Labour" in a report of British politics)."""
    place = resolver.lookup(name)
    return place.country if isinstance(place, Actor) and place.type in ("City", "Region", "PoliticalParty") \
        else None


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
        elif item.kind == "entity" and item.label in ("GPE", "LOC", "ORG", "NORP"):  # a smaller city, a region, a party
            country = _country_of_place(item.text, resolver)
        if country:
            counts[country] += 1
    # "in Itabuna, Bahia": a region the parser took for no place
    counts.update(_named_countries(doc, lambda name: _country_of_place(name, resolver)))
    if not counts:  # no country, and no place the registry knows: a town or district of the gazetteer
        counts.update(_gazetteer_countries(mentions, doc))
    return counts.most_common(1)[0][0] if counts else None


def _gazetteer_countries(mentions: Sequence[Mention], doc: Doc) -> Iterator[str]:
    """The countries of the smaller places (:mod:`kg.curated.gazetteer`) a report names where a place may
    stand: a place entity of the parser's, or a name of :func:`place_names`."""
    for item in mentions:
        if item.kind == "entity" and item.label in ("GPE", "LOC") and (found := country_of_place(item.text)):
            yield found
    yield from _named_countries(doc, country_of_place)


def _named_countries(doc: Doc, country: Callable[[str], str | None]) -> Iterator[str]:
    """At each place :func:`place_names` finds, the ``country`` of the first name it gives one for."""
    for names in place_names(doc):
        found = next((c for name in names if (c := country(name))), None)
        if found:
            yield found


def _is_place(item: Mention, resolver: Resolver) -> bool:
    found = resolver.known.get(item.actor or "") or resolver.lookup(item.text)
    return isinstance(found, Actor) and found.type in ("Country", "City", "Region")


def listed_places(mentions: Sequence[Mention], doc: Doc, resolver: Resolver) -> set[int]:
    """The names (mention indexes) a report gives as places whatever the parser took them for: a name
    coordinated with two or more names of places the registry knows ("she toured Leeds, York, Ripon and
    Thirsk": Ripon and Thirsk), and a seat ("the MP for Ripon")."""
    by_head = {item.head: item for item in mentions if item.kind == "entity"}
    found: set[int] = set()
    seats = lexicons().seat_nouns
    for item in by_head.values():
        token = doc[item.head]
        if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lower_ in seats:
            found.add(item.index)
            continue
        group = [by_head[t.i] for t in doc[item.head].conjuncts if t.i in by_head]
        if len(group) < 2 or item.index in found or _is_place(item, resolver):
            continue
        if sum(_is_place(other, resolver) for other in group) >= 2:
            found.add(item.index)
    return found
