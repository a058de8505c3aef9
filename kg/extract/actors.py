"""Who each mention of a document stands for: a registry actor, a country's institution, or a new actor.

:class:`ActorResolver` turns the mentions the spaCy pipeline leaves on a ``Doc`` into actors, in the context
of one document (:class:`Context`: its mentions, publication date and main country):

- a mention with a registry id (from the actor ruler) is that actor;
- a title ("the Belarusian president", "his Russian counterpart") is its holder on the publication day, else
  the body the office speaks for;
- a demonym is its country, or the country's people ("thousands of Belarusians");
- a noun phrase is the body of the document's country it names ("the police"), a thing ("the vote"), the
  country's group of people named by what they do ("farmers", as event data code them), or nobody;
- any other name becomes a new, unreviewed actor, kept across documents by :class:`kg.resolve.Resolver`,
  and the reason it was not resolved goes to the corpus report.

What names nobody is dropped with its reason (:meth:`ActorResolver.drop`), for the report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kg.curated import CuratedData
from kg.extract.context import Context
from kg.extract.groups import GroupNames
from kg.extract.implied import assailant, crowd_actor, crowd_recipient, victim
from kg.extract.lexicons import lexicons
from kg.extract.naming import bare, capitalised_head, lower_lead, named_type, titled, two_people
from kg.extract.report import CorpusReport
from kg.extract.types import Cleaning, Mention, TitleParts
from kg.model import Actor, Thing
from kg.names import fold, tidy_label, with_the

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.ontology import Ontology
    from kg.resolve import Resolver

__all__ = ["ActorResolver", "Context", "bare", "named_type"]


class ActorResolver(GroupNames):
    """Resolve the mentions of documents to actors, registering new actors with ``resolver``.

    Parameters
    ----------
    registry : CuratedData
        Known actors and things.
    resolver : kg.resolve.Resolver
        Names, aliases and the world registry; keeps new actors across documents.
    onto : kg.ontology.Ontology
        The ontology (classes of actors).
    report : kg.extract.report.CorpusReport
        Where new actors are proposed, with the reason.
    """

    def __init__(self, registry: CuratedData, resolver: Resolver, onto: Ontology, report: CorpusReport):
        self.registry = registry
        self.resolver = resolver
        self.onto = onto
        self.report = report

    def _role_holder(self, role: str, country: str | None, day: date | None) -> str | None:
        if country is None:
            return None
        # "the Russian leader": a country's leader is its head of state, else its head of government
        for wanted in (("HeadOfState", "HeadOfGovernment") if role == "Leader" else (role,)):
            holders = [a.id for a in self.registry.actors.values() for r in a.roles
                       if r.role == wanted and r.of == country and (day is None or r.valid_on(day))]
            if holders:
                return holders[0] if len(set(holders)) == 1 else None
        return None

    def country(self, context: Context, index: int | None) -> str | None:
        if index is None:
            return None
        item = context.mentions[index]
        code = item.country or item.actor
        if code is not None and code in self.resolver.known:
            return code
        resolved = self.resolve(context, index)
        return resolved.id if resolved is not None and resolved.type == "Country" else None

    def resolve(self, context: Context, index: int | None, *, relation: str | None = None) -> Actor | Thing | None:
        """The actor (or thing) a mention stands for, registering new actors with the resolver."""
        seen: set[int] = set()
        while index is not None and context.mentions[index].ref is not None and index not in seen:
            seen.add(index)
            index = context.mentions[index].ref
        if index is None:
            return None
        item = context.mentions[index]
        registry = self.resolver.known
        if item.actor is not None and item.actor in registry:
            return registry[item.actor]
        kind = item.kind
        if item.title is not None:  # a title mention
            title = item.title
            if title.person is not None:
                return self.resolve(context, title.person)
            role = title.role
            if role == "same" and title.possessor is not None:
                owner = self.resolve(context, title.possessor)
                roles = [r.role for r in (owner.roles if isinstance(owner, Actor) else ())
                         if context.published is None or r.valid_on(context.published)]
                role = roles[0] if roles else None
            country = self.country(context, title.country) or context.main_country
            holder = self._role_holder(role, country, context.published) if role else None
            if holder:
                return registry[holder]
            if title.role is None:  # "the partner of the protester": nobody we can name
                return None
            return self._office(context, item, title)
        if kind == "demonym" or (kind == "entity" and item.label == "NORP" and item.country):
            code = item.country
            if item.people and bare(item.text).endswith("s"):  # "thousands of Belarusians": people, not the state
                # ("the Spanish", "the French" said: the country, as event data code it)
                if code is not None and code in registry:
                    country = code
                else:
                    state = self.resolver.country(code) if code else None
                    country = state.id if state is not None else None
                return self._propose(context, bare(item.text), "Group", country, "people of a country, not the state")
            if code is not None and code in registry:
                return registry[code]
            return self.resolver.country(code) if code else None
        if kind == "pronoun":
            return None
        text = item.text
        known = self.resolver.lookup(bare(text))
        if isinstance(known, Actor) and kind == "np" and known.country is None and known.id in self.resolver.new_actors:
            known = None  # "demonstrators" met first in a report of no country: here, this country's
        known = known or self.resolver.national(bare(text), context.main_country)
        if known is not None:
            return known
        if kind in ("entity", "surname"):
            if item.label == "NORP" and not text.endswith("s"):
                # "Tory", "Catholic", "anti-French": an adjective of people, not the people ("Tories")
                self.drop(context, item, "an adjective, not a group")
                return None
            if {"and", "&"} & set(text.split()) and (item.label == "PERSON" or two_people(context.mentions, item)):
                self.drop(context, item, "two people named as one")  # "Blair and Brown": two people
                return None
            common, lex = fold(bare(text)), lexicons()
            if item.label in ("ORG", "NORP") and (bare(text).islower() or common.endswith("s")) \
                    and (common in lex.human_nouns or common in lex.generic_nouns or common in lex.organisation_heads):
                # "the MPs' committee", "told the newspaper": a common noun the parser took for a name (but "the
                # Coalition", "the Commission": a body named by one, capitalised)
                self.drop(context, item, "a common noun, not a name", nobody=True)
                return None
            if index in context.places:  # "visited Leeds, York and Ripon": Ripon is a place, not a person
                return self._propose(context, item.text, "Region", context.main_country, "a place listed among places")
            label = self._fullest(context, index)
            if item.label == "PERSON":
                label = self._unaffiliated(lower_lead(label))
            actor_type = lexicons().entity_types.get(item.label, "Organization")
            if item.label == "ORG" and titled(context.document.text, item) and named_type(label) is None:
                actor_type = "Person"  # "Lord Campbell-Savours", "leader Ilse Varga": a person taken for a body
            if item.label == "ORG" or (item.label == "PERSON" and len(label.split()) > 1):
                actor_type = named_type(label) or actor_type  # "the Ripon Gazette", "Harbour Party"
            if actor_type == "Person" and item.root.endswith("s") and item.root in lexicons().human_nouns:
                actor_type = "Group"  # "Labour MPs" read as a person's name: people of a body, a group
            return self._propose(context, label, actor_type,
                                 context.main_country if item.label != "GPE" else None,
                                 f"no registry actor has this name or alias ({item.label or 'no'} entity)")
        return self._noun_phrase(context, item, relation)

    def _propose(self, context: Context, label: str, kind: str, country: str | None, reason: str) -> Actor:
        """A new actor (or one met before) for a name the registry does not know; ``reason`` says why it was
        not resolved, for the corpus report."""
        words = label.split()
        if kind == "Group" and any(w[:1].isupper() for w in words[1:-1]) \
                and not set(words) & lexicons().tail_prepositions:
            label = lower_lead(label)  # "angry Labour MPs": Labour MPs (but "leaders of Oxfam" stays)
        actor = self.resolver.new_actor(tidy_label(label), kind, country=country)
        if actor.id in self.resolver.new_actors:
            self.report.propose(actor.id, reason)
        return actor

    def _office(self, context: Context, item: Mention, title: TitleParts) -> Actor | None:
        """Who an office holder nobody names stands for, as event data code it: the organisation they lead or
        speak for ("the party's leader": the party), else their country's government ("Montenegro's prime
        minister": Montenegro's government); never a new person named by the title ("UK leader")."""
        if title.org is not None:
            org = self.resolve(context, title.org)
            if isinstance(org, Actor) and not self.onto.is_a(org.type, "Place"):
                return org
        elif title.country is not None and (own := self.country(context, title.country)) is not None:
            government = self.resolver.world.institution("GOV", own)  # its own country, never the document's
            if government is not None:
                return government
        self.drop(context, item, "title without a named holder")
        return None

    def drop(self, context: Context, item: Mention, reason: str, *, nobody: bool = False) -> None:
        """No actor for this mention: record why, for the corpus report; ``nobody``: it names nobody in
        particular, so an event whose recipient it is stands without one."""
        context.dropped.append(Cleaning(item.start_char, item.end_char, item.text, reason))
        if nobody:
            context.nobody.add(item.start_char)

    def _fullest(self, context: Context, index: int) -> str:
        """The longest name in the document that ends with this mention's last word (``German`` -> Elena German)
        or, for a person named by one word, that begins with it (``Glenys`` -> Glenys Kinnock)."""
        item = context.mentions[index]
        words = item.text.split()
        names = [m.text for m in context.mentions if m.kind == "entity" and m.label == item.label
                 and m.text.split()[-1] == words[-1]]
        if len(words) == 1 and item.label == "PERSON":  # "Glenys" -> Glenys Kinnock: a given name alone
            names += [m.text for m in context.mentions if m.kind == "entity" and m.label == "PERSON"
                      and len(m.text.split()) > 1 and m.text.split()[0] == words[0]]
        return max(names, key=len) if names else item.text

    def _unaffiliated(self, name: str) -> str:
        """A person's name without the party or body the text puts before it as a title ("Tory Ilse Varga",
        "Lib Dem Ilse Varga": Ilse Varga), when those words name a known actor that is neither a person
        nor a place (or its members: "Tory" for the Tories)."""
        words = name.split()
        for width in (2, 1):
            if len(words) - width < 2:
                continue
            lead = " ".join(words[:width])
            found = next((f for n in (lead, f"{lead[:-1]}ies" if lead.endswith("y") else f"{lead}s")
                          if (f := self.resolver.lookup(n)) is not None), None)
            if isinstance(found, Actor) and found.type != "Person" and not self.onto.is_a(found.type, "Place"):
                return " ".join(words[width:])
        return name

    def _placed(self, context: Context, item: Mention) -> tuple[str, str] | None:
        """The description and the country of a group or body named with a place after it ("rebels in Rakhine,
        Myanmar", "villagers from Gazipur", "the army in Kupwara"): ``("rebels", "myanmar")``, so that one
        country's group is one actor ("rebels in Myanmar") wherever in it the report places it; None without
        such a tail, or when anything but the place follows the head."""
        tail = [m for m in context.mentions if m is not item and item.head < m.start and m.end <= item.end]
        places = [m for m in tail if m.kind == "entity" and m.label in ("GPE", "LOC", "FAC")]
        if not places or len(places) < len(tail):
            return None
        first = min(places, key=lambda m: m.start)
        if first.start != item.head + 2:  # the head, a preposition, the place: not "relatives of a boy from X"
            return None
        words = context.document.text[item.start_char:first.start_char].split()
        if len(words) < 2 or words[-1].lower() not in lexicons().place_prepositions:
            return None
        # the first place that says its country ("in Kupwara, India": a district nobody knows, then India)
        resolved = (self.resolve(context, context.mentions.index(m)) for m in sorted(places, key=lambda m: m.start))
        known = [f for f in resolved if isinstance(f, Actor) and self.onto.is_a(f.type, "Place")
                 and (f.type == "Country" or f.country)]
        if not known:
            return None
        state = self.resolver.known.get(known[0].id if known[0].type == "Country" else known[0].country or "")
        if state is None:
            return None
        return bare(" ".join(words[:-1])), state.id

    def _settlement(self, context: Context, name: Mention, kind: str) -> Actor | Thing | None:
        """The place a name before a noun of its kind stands for ("Nangade village", "Kupwara district"): the
        registry's place of that name, else a new place of class ``kind`` in the document's country, never
        the person or organisation the parser may have taken the name for."""
        known = self.resolver.known.get(name.actor or "") or self.resolver.lookup(name.text)
        if isinstance(known, Actor) and self.onto.is_a(known.type, "Place"):
            return known
        return self._propose(context, name.text, kind, context.main_country, "a place named by its kind")

    def _holder(self, context: Context, item: Mention, modifiers: list[str]) -> Actor | Thing | None:
        """The side an installation or unit of an armed side stands for ("government positions", "a police
        checkpoint", "Russian positions", "the positions of X", "Taliban hideouts"): its owner, else the side
        its modifier names (of the country an inner name gives, else the document's), else the inner name (a
        country's military for a country); None if nothing says whose it is ("a checkpoint")."""
        lex = lexicons()
        if item.owner is not None:
            return self._armed(self.resolve(context, item.owner))
        # names before the head only: "a camp for Congolese refugees" is not the Congolese army's
        inner = [self.resolve(context, i) for i in item.inner if context.mentions[i].start < item.head]
        named = [a for a in inner if isinstance(a, Actor)]
        countries = [a.id if a.type == "Country" else a.country for a in named if self.onto.is_a(a.type, "Place")]
        side = next((lex.installation_holders[w] for w in modifiers if w in lex.installation_holders), None)
        groups = [a for a in named if not self.onto.is_a(a.type, "Place")]
        if groups:  # "a Karen guerrilla stronghold", "Taliban hideouts": the group named
            return groups[0]
        if side is not None:
            country = countries[0] if countries else context.main_country
            body = lex.generic_bodies.get(side)
            if country is None:
                return None
            found = self._body(body, side, country) if body is not None else self.resolver.national(side, country)
            if found is not None or body is not None:
                return found
            state = self.resolver.known.get(country)
            if state is None:
                return None
            return self._propose(context, f"{side} in {with_the(state.label)}", "Group", country,
                                 "a group named by a description")
        if named:
            return self._armed(named[0])
        self.drop(context, item, "an installation nobody is said to hold", nobody=True)
        return None

    def _member(self, context: Context, item: Mention, modifiers: list[str]) -> Actor | Thing | None:
        """The body a member of a country's forces or armed groups stands for ("a soldier", "two constables",
        "a police officer", "Afghan security personnel", "a militant", "a protester"): the body or group of
        the country a name in it gives, else of the document's; None for anyone else, or when no country is
        known."""
        lex = lexicons()
        side = lex.member_bodies.get(item.root_lemma) or lex.member_bodies.get(item.root)
        if item.root_lemma in lex.member_nouns or item.root in lex.member_nouns:
            side = next((lex.installation_holders[w] for w in modifiers if w in lex.installation_holders), side)
        if side is None:
            return None
        named = [a for a in (self.resolve(context, i) for i in item.inner if context.mentions[i].start < item.head)
                 if isinstance(a, Actor)]
        if any(not self.onto.is_a(a.type, "Place") for a in named):
            return None  # "a Hamas commander", "Wagner soldiers": the group's own
        countries = [a.id if a.type == "Country" else a.country for a in named]
        country = next((c for c in countries if c), None) or context.main_country
        state = self.resolver.known.get(country or "")
        if state is None:
            return None
        body = lex.generic_bodies.get(side)
        if body is not None:
            return self._body(body, side, state.id)
        if item.root != item.root_lemma:
            return None  # "Fijian rebels" are named as written; only one of them ("a rebel") needs the group
        # "a militant", "a protester": one of the country's militants, protesters
        return self.resolver.national(side, state.id) or self._propose(
            context, f"{side} in {with_the(state.label)}", "Group", state.id, "a group named by a description")

    def _armed(self, found: Actor | Thing | None) -> Actor | Thing | None:
        """Who holds an installation of ``found``: a country's military for a country, else ``found``."""
        if isinstance(found, Actor) and found.type == "Country":
            return self.resolver.world.institution("MIL", found.id) or found
        return found

    def _noun_phrase(self, context: Context, item: Mention, relation: str | None) -> Actor | Thing | None:
        lex = lexicons()
        words = fold(item.text).split()
        head = item.root or (words[-1] if words else "")
        if set(words[:-1]) & lex.unreal_modifiers:  # "a future Tory government": nobody yet
            self.drop(context, item, "a body that does not exist yet", nobody=True)
            return None
        if (head in lex.installation_nouns or item.root_lemma in lex.installation_nouns) and len(words) >= 2:
            return self._holder(context, item, words[:words.index(head)] if head in words else words[:-1])
        settlement = lex.settlement_nouns.get(head)
        if settlement is not None and len(words) >= 2:  # "Nangade village", "Kupwara district": a place
            names = [i for i in item.inner
                     if context.mentions[i].start < item.head and context.mentions[i].kind == "entity"]
            if names:
                return self._settlement(context, context.mentions[names[0]], settlement)
        armed = self._armed_group(context, item)
        if armed is not None:  # "Taliban fighters", "IS militants": the group, not the country's forces
            return armed
        body, name = lex.generic_bodies.get(head), item.text
        if body is not None and set(words[:-1]) & lex.private_institutions:
            # "the college authorities": the college's own, never the state's
            self.drop(context, item, "the body of an institution that is not the state's", nobody=True)
            return None
        if body is None and len(words) >= 2 and words[-1] == head and item.root_lemma in lex.organisation_heads:
            body, name = lex.generic_bodies.get(words[-2]), words[-2]  # "opposition groups": the opposition
        named = [i for i in item.inner if context.mentions[i].label not in ("GPE", "LOC", "FAC")
                 and item.start <= context.mentions[i].start and context.mentions[i].end <= item.head]
        inner = self.resolve(context, named[0]) if named else None  # a registry actor says its country
        owner: str | None = context.main_country
        if named:  # the inner actor's country; none if it is not a registry actor
            owner = None if not isinstance(inner, Actor) else inner.id if inner.type == "Country" \
                else inner.country if inner.reviewed else None
        placed = self._placed(context, item) if body is not None else None  # "the army in Kupwara, India"
        if placed is not None:
            name, owner = placed
        if body is not None and owner:  # "Tigrayan forces", "Hamas fighters": the group's own, not the state's
            found = self._body(body, name, owner)
            if found is not None:  # "the police" in a report from Germany: Germany's police
                return found
        for thing in self.registry.things.values():
            if any(f" {fold(name)} " in f" {fold(item.text)} " for name in thing.names):
                return thing
        occurrence = lex.occurrences.get(head)
        if occurrence is not None and not set(words) & lex.another:
            near = [t for t in self.registry.things.values() if t.type == occurrence and t.place == context.main_country
                    and (t.date is None or context.published is None
                         or abs((t.date.start - context.published).days) <= 90)]
            if len(near) == 1:
                return near[0]
        if head in lex.human_nouns or item.root_lemma in lex.human_nouns:
            national = self.resolver.national(bare(item.text), context.main_country)
            if national is not None:
                return national
            member = self._member(context, item, words[:words.index(head)] if head in words else words[:-1])
            if member is not None:  # "a soldier", "a police officer": one of the country's body
                return member
            if item.generic:  # "people", "the only person", "senior officials"
                self.drop(context, item, "generic noun")
                return None
            if item.root == item.root_lemma and not {head, item.root_lemma} & lex.collective_nouns:
                # "the chief executive of Oxfam", "a spokesman for the UN": one person nobody names, who
                # speaks for the organisation named in their description, as event data code them
                bodies = [i for i in item.inner if context.mentions[i].label == "ORG"]
                if bodies:
                    return self.resolve(context, bodies[0])
                if not item.inner and item.owner is None \
                        and not {head, item.root_lemma} & {*lex.generic_bodies, *lex.crowd_heads} \
                        and not capitalised_head(item.text, head):
                    # "the information commissioner", "a senior defence official": one person, and no name
                    # says whose (but "a Saudi businessman" is one of a country's, as event data code them, and
                    # "the Scottish Executive", a capitalised head, names a body)
                    self.drop(context, item, "one person nobody names", nobody=True)
                    return None
            label = bare(item.text)
            words = label.lower().split()
            if words and (words[0] in lex.possessive_pronouns or words[0] in lex.pronoun_genders):
                # "his lawyers", "their supporters": a pronoun says whose, and no name does
                self.drop(context, item, "a group named by a pronoun", nobody=True)
                return None
            if self._of_a_person(context, item):  # "Mr Varga's critics", "relatives of Ilse Varga"
                self.drop(context, item, "a group named by the person it is around", nobody=True)
                return None
            sector = self._sector(context, item, fold(item.text).split())
            if sector is not None:  # "voters", "backbench MPs", "secondary pupils in Wales"
                return sector
            if {head, item.root_lemma} & lex.body_people_nouns and (led := self._body_of(context, item)):
                return led  # "leaders of Romania's new government": that government, as event data code them
            if {head, item.root_lemma} & lex.office_nouns:
                # "executives of News International", "researchers from Leeds University": people named by their
                # post speak for the body named in their description; "visa staff", "Tory candidates": nobody
                bodies = [i for i in item.inner if context.mentions[i].label in ("ORG", "")
                          and context.mentions[i].kind == "entity"]
                named_body = self._organisation(self.resolve(context, bodies[0])) if bodies else None
                if named_body is not None:
                    return named_body
                self.drop(context, item, "people named by their post, of no named body", nobody=True)
                return None
            placed = self._placed(context, item)
            if placed is not None:  # "rebels in Rakhine, Myanmar": as event data code them, the country's
                described, owner = placed
                label = f"{described} in {with_the(self.resolver.known[owner].label)}"
                return self._propose(context, label, "Group", owner, "a group named by a description")
            kind = lex.generic_bodies.get(head) or lex.generic_bodies.get(item.root_lemma)
            if kind is not None and kind not in ("PoliceForce", "Military") and not item.inner \
                    and item.owner is None and context.main_country not in self.resolver.known:
                # "the government" in a report that names no country: no one's (police and troops that act
                # stay, unnamed, as the forces of the place the event happened)
                self.drop(context, item, "an institution of no named country", nobody=True)
                return None
            if item.root == item.root_lemma and {head, item.root_lemma} & lex.institution_words:
                # "the work and pensions committee": one body, named by what it does, never a group of people
                return self._propose(context, label, "Organization", owner, "a body named by a description")
            if not item.inner and item.owner is None and not set(words) & lex.tail_prepositions \
                    and not {head, item.root_lemma} & {*lex.generic_bodies, *lex.crowd_heads}:
                # "voters", "farmers" (not "police", "protesters"): nothing says whose
                state = self.resolver.known.get(context.main_country or "")
                if state is None:
                    self.drop(context, item, "a group of no named country", nobody=True)
                    return None
                label = f"{label} in {with_the(state.label)}"  # as event data code them: the country's
            if owner is None and item.root == item.root_lemma and not {head, item.root_lemma} & lex.collective_nouns:
                if capitalised_head(item.text, head):
                    # "the Scottish Executive": a capitalised head names a body
                    return self._propose(context, label, "Organization", None, "a body named by a description")
                # "the European commissioner": one person, and no country says whose ("a Saudi businessman" is
                # one of a country's, as event data code them)
                self.drop(context, item, "one person nobody names", nobody=True)
                return None
            return self._propose(context, label, "Group", owner, "a group named by a description")
        if item.owner is not None and relation not in lex.objects_are_things:  # "Sweden's decision": Sweden
            return self.resolve(context, item.owner)
        if head in lex.organisation_heads:  # "a Belarusian human rights organisation"
            if item.generic or (len(bare(item.text).split()) == 1 and head in lex.unnamed_org_heads):
                # "the party", "a group", "the newspaper": nobody in particular (but "the embassy" is someone's)
                self.drop(context, item, "generic noun")
                return None
            country = self.country(context, item.inner[0]) if item.inner else None
            return self._propose(context, bare(item.text), "Organization", country,
                                 "an organisation named by a description")
        if item.inner and relation not in lex.objects_are_things:  # "Israeli helicopters": Israel
            return self.resolve(context, item.inner[0])
        if relation is not None and relation in lex.objects_are_things:
            kinds = self.onto.relation(relation).range
            if occurrence is not None and kinds and any(self.onto.is_a(occurrence, k) for k in kinds):
                return self.resolver.new_thing(bare(item.text), occurrence)  # "won the election": an election
            if head in lex.plan_nouns and (not kinds or any(self.onto.is_a("Proposal", k) for k in kinds)):
                return self.resolver.new_thing(bare(item.text), "Proposal")
        return None


    def _body(self, body: str, name: str, country: str) -> Actor | None:
        """The body of class ``body`` of ``country`` that a generic ``name`` ("the police") stands for: the one
        curated body of that class, else the world registry's institution."""
        bodies = [a for a in self.registry.actors.values() if a.country == country and self.onto.is_a(a.type, body)]
        if len(bodies) == 1:
            return bodies[0]
        return self.resolver.world.institution_named(name, country)

    def place(self, context: Context, index: int | None) -> Actor | None:
        """The place a mention names, if it resolves to one (a country, region or city)."""
        found = self.resolve(context, index) if index is not None else None
        return found if isinstance(found, Actor) and self.onto.is_a(found.type, "Place") else None

    @staticmethod
    def where(context: Context, place: Actor | None) -> str | None:
        """The country an event happened in: its place's, else the document's."""
        return ((place.id if place.type == "Country" else place.country) if place is not None else None) \
            or context.main_country

    def implied(self, kind: str, context: Context, place: Actor | None) -> Actor:
        """The actor an agentless event implies (``police``, ``protesters``), of the country where it happened:
        the place's country, else the document's."""
        country = self.where(context, place)
        body = lexicons().generic_bodies.get(kind)
        if body is not None and country is not None:
            found_body = self._body(body, kind, country)
            if found_body is not None:  # "hundreds were detained" in a report from Germany: Germany's police
                return found_body
        found = self.resolver.national(bare(kind), country)
        if isinstance(found, Actor):
            return found
        state = self.resolver.known.get(country or "")
        label = f"{kind.capitalize()} in {with_the(state.label)}" if state is not None else kind  # "Rioters in X"
        return self._propose(context, label, body or "Group", country, "implied by an event no one is named for")

    def agent(self, context: Context, index: int, relation: str, place: Actor | None) -> Actor | Thing | None:
        """Who the subject of an event stands for: the country's group, if it is people named by a common noun
        (:func:`kg.extract.implied.crowd_actor`, :func:`kg.extract.implied.assailant`), else whom it names."""
        item, national = self._nationality(context, context.mentions[index])
        kind = crowd_actor(item, relation) or (
            assailant(item, relation) if national or self.where(context, place) else None)
        if kind:
            return self.implied(kind, context, national or place)
        found = self.acting(self.resolve(context, index, relation=relation))
        if isinstance(found, Actor) and found.type == "City":
            return None  # "Near Ar Raqqah, strikes engaged ...": a town that is not a capital does nothing itself
        return found

    def recipient(self, context: Context, index: int, relation: str, sentence: Span | None,
                   place: Actor | None) -> Actor | None:
        """The country's group the recipients of an event stand for, if they are people named by a common
        noun (:func:`kg.extract.implied.crowd_recipient`, :func:`kg.extract.implied.victim`)."""
        item, national = self._nationality(context, context.mentions[index])
        kind = crowd_recipient(item, relation, sentence or ()) or (
            victim(item, relation) if national or self.where(context, place) else None)  # of no country: nobody
        if kind is None:
            return None
        state = self.resolver.known.get(item.country or "") if item.people else national
        return self.implied(kind, context, state or place)

    def _nationality(self, context: Context, item: Mention) -> tuple[Mention, Actor | None]:
        """A noun phrase whose only name is a nationality ("two Afghan shopkeepers", "Nepali farmers") as one
        naming no one, and the country the nationality names; else the mention as it is and None."""
        if item.kind != "np" or not item.inner:
            return item, None
        inner = [context.mentions[i] for i in item.inner]
        states = [self.resolver.known.get(m.country or "") for m in inner if m.label == "NORP"]
        if len(states) != len(inner) or not all(states):
            return item, None
        return replace(item, inner=()), states[0]

    def acting(self, entity: Actor | Thing | None, *, speaking: bool = False) -> Actor | Thing | None:
        """Who an acting or (``speaking``) claiming place stands for: "Moscow said" is Russia's government."""
        return self.resolver.acting_for(entity, speaking=speaking) if isinstance(entity, Actor) else entity
