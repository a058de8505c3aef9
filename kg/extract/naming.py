"""The shape of a name, read from its words alone: the class its last or first word gives ("Harbour Party"),
a leading article, words in lower case glued before a person's name, an honorific before it, and two
people joined by "and" the parser took for one body."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.lexicons import lexicons
from kg.extract.types import Mention
from kg.names import fold

__all__ = ["bare", "capitalised_head", "lower_lead", "named_type", "titled", "two_people"]


def named_type(name: str) -> str | None:
    """The class a name's last or first word gives ("Harbour Party": a political party, "the Ripon Gazette",
    "Radio Ripon": media outlets), or None."""
    words = fold(name).split()
    lex = lexicons()
    return (lex.name_last_words.get(words[-1]) or lex.name_first_words.get(words[0])) if words else None


def capitalised_head(text: str, head: str) -> bool:
    """True if a word after the first of ``text`` is its head ``head`` written with a capital ("the Scottish
    Executive"): the name of a body, not a description of people ("the information commissioner")."""
    return any(w[:1].isupper() and w.lower() == head for w in text.split()[1:])


def lower_lead(name: str) -> str:
    """A person's name without the words in lower case the parser glued before it ("rang Lucy": Lucy), except
    a particle of the name itself ("de Klerk", "van Gogh")."""
    words = name.split()
    particles = lexicons().name_particles
    while len(words) > 1 and words[0].islower() and words[0] not in particles:
        words = words[1:]
    return " ".join(words)


def bare(text: str) -> str:
    """A name without a leading article."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in lexicons().articles else text


def titled(text: str, item: Mention) -> bool:
    """True if an honorific of a person ("Lord", "Sir", "Ms") or a noun of one person in lower case ("leader",
    "spokesman") stands right before a name of two or three words in ``text``."""
    before = text[:item.start_char].split()
    if not before:
        return False
    word, lex = before[-1], lexicons()
    if word[:1].isupper():
        return word.lower() in lex.honorifics
    words = item.text.split()
    return word in lex.human_nouns and not word.endswith("s") and 2 <= len(words) <= 3 \
        and all(w[:1].isupper() for w in words)


def two_people(mentions: Sequence[Mention], item: Mention) -> bool:
    """True if a name "X and Y" the parser took for an organisation joins two people the document names
    ("Varga and Kiss criticised ...", after "Ilse Varga" and "Anna Kiss")."""
    sides = [side.split() for side in item.text.replace("&", " and ").split(" and ")]
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "entity" and m.label == "PERSON"}
    return len(sides) == 2 and all(len(side) == 1 and side[0] in surnames for side in sides)
