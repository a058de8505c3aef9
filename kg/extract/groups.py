"""Groups a text names by a common noun, as event data code them: the country's sector its head word names
("voters": the country's civilians), the body whose leaders they are ("the leaders of Romania's new
government": that government), or nobody an event graph can hold ("Mr Varga's critics"). A part of
:class:`kg.extract.actors.ActorResolver`, which gives the methods declared here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.context import Context
from kg.extract.lexicons import lexicons
from kg.extract.naming import bare
from kg.extract.types import Mention
from kg.model import Actor, Thing
from kg.names import fold

if TYPE_CHECKING:
    from kg.ontology import Ontology
    from kg.resolve import Resolver

__all__ = ["GroupNames"]


class GroupNames:
    """How the actor resolver reads groups named by a description (see the module docs)."""

    resolver: Resolver
    onto: Ontology

    def resolve(self, context: Context, index: int | None, *, relation: str | None = None) -> Actor | Thing | None:
        raise NotImplementedError

    def _body(self, body: str, name: str, country: str) -> Actor | None:
        raise NotImplementedError

    def _propose(self, context: Context, label: str, kind: str, country: str | None, reason: str) -> Actor:
        raise NotImplementedError

    def _armed_group(self, context: Context, item: Mention) -> Actor | None:
        """The registry armed group whose people or units a mention names ("Taliban fighters", "an IS
        commander", "militants of al-Shabaab", "Hamas's leadership"): the group, as event data code them."""
        lex = lexicons()
        if not ({item.root, item.root_lemma} & lex.armed_member_nouns):
            return None
        inner = [*item.inner, *(() if item.owner is None else (item.owner,))]
        groups = [a for a in (self.resolve(context, i) for i in inner)
                  if isinstance(a, Actor) and a.type == "ArmedGroup"]
        return groups[0] if len({a.id for a in groups}) == 1 else None

    def _sector(self, context: Context, item: Mention, words: list[str]) -> Actor | None:
        """The country's sector or body a group named by a common noun belongs to, as event data code it
        ("voters": the country's civilians, "backbench MPs": its parliament, "secondary pupils in Cardiff,
        Wales": the education sector of the United Kingdom); None when an owner or a name that is not a place
        says whose it is ("Labour MPs", "doctors in the NHS"), or the head names no sector."""
        if not words:
            return None
        written = bare(item.text).split()
        owned = None
        if item.owner is not None:  # "Ivory Coast's air force": that country's, named by what follows
            owner = context.mentions[item.owner]
            state = self.resolve(context, item.owner)
            if not (isinstance(state, Actor) and state.type == "Country") or owner.start >= item.head:
                return None
            owned = state.id
            written = context.document.text[owner.end_char:item.end_char].removeprefix("'s").split()
            words = [w for w in words if w in {fold(x) for x in written}] or words
        named = [self.resolve(context, m.index) for m in context.mentions  # before the head and after it
                 if m.kind in ("entity", "demonym") and item.start <= m.start and m.end <= item.end and m is not item
                 and m.index != item.owner]
        if any(not isinstance(a, Actor) or not self.onto.is_a(a.type, "Place") for a in named):
            return None
        countries = [a.id if a.type == "Country" else a.country for a in named if isinstance(a, Actor)]
        country = owned or next((c for c in countries if c), None) or context.main_country
        upto = words.index(item.root) - (len(words) - len(written)) + 1 if item.root in words else len(written)
        phrase = " ".join(written[:max(upto, 1)])
        opening = context.document.text[:item.start_char].rstrip()[-1:] in ("", ".", "!", "?", '"')
        if opening and len(written) == len(words):
            phrase = phrase[:1].lower() + phrase[1:]  # "Angry backbench MPs" opening a sentence
        return self.resolver.world.institution_named(phrase, country)

    def _body_of(self, context: Context, item: Mention) -> Actor | None:
        """The body a group is "of" when the words after "of" name one by a noun of a body ("the leaders of
        Romania's new government": the Government of Romania; "leaders of the Freedom coalition": that
        coalition, a new organisation); None otherwise."""
        lex = lexicons()
        text = context.document.text[item.start_char:item.end_char]
        at = text.find(" of ")
        tail = bare(text[at + 4:].strip()) if at > 0 else ""
        inner = [context.mentions[i] for i in item.inner if context.mentions[i].start_char >= item.start_char + at]
        if len(inner) == 1 and bare(inner[0].text) == tail and inner[0].label == "ORG":  # "the leaders of Oxfam"
            return self._organisation(self.resolve(context, inner[0].index))
        words = fold(tail).split()
        last = words[-1] if words else ""
        if not (last in lex.generic_bodies or last in lex.organisation_heads or last in lex.collective_nouns):
            return None
        known = self.resolver.lookup(tail)
        if isinstance(known, Actor):
            return known
        states = [a for m in inner if isinstance(a := self.resolve(context, m.index), Actor) and a.type == "Country"]
        kind = lex.generic_bodies.get(last)
        if states and kind is not None:
            return self._body(kind, last, states[0].id)
        if inner or tail[:1].islower():
            return None
        return self._propose(context, tail, "Organization", context.main_country, "a body named by a description")

    def _organisation(self, found: Actor | Thing | None) -> Actor | None:
        """``found`` if it is an actor that is neither a person nor a place: a body people can speak for."""
        if isinstance(found, Actor) and found.type != "Person" and not self.onto.is_a(found.type, "Place"):
            return found
        return None

    def _of_a_person(self, context: Context, item: Mention) -> bool:
        """True if a group named by a common noun is named by the one person it is around, and no other name:
        by the person's possessive ("Mr Varga's critics") or as their kin ("the parents of Ilse Varga");
        such a group is nobody an event graph can hold."""
        around = {i for i in item.inner if context.mentions[i].start > item.head}
        if item.owner is not None:
            around.add(item.owner)
        if len(around) != 1:
            return False
        one = around.pop()
        kin = lexicons().kin_nouns
        if context.mentions[one].start > item.head and not {item.root, item.root_lemma} & kin:
            return False  # "residents of X", "activists of X": X may be a place or a body the parser took for a person
        found = self.resolve(context, one)
        return isinstance(found, Actor) and found.type == "Person"
