"""From parsed documents to statements: resolve mentions to actors, dates to days, candidates to statements.

The spaCy pipeline (:mod:`kg.extract.pipeline`) runs in one or several processes and leaves mentions and
relation candidates (:mod:`kg.extract.types`) on each ``Doc``; this module, in the main process, turns
them into :class:`kg.model.Statement` objects:

- a mention resolves to a registry actor (its id from the actor ruler, its label or alias, a title such
  as "the Belarusian president" through the roles held on the publication date, "his Russian
  counterpart" through the possessor's role, a demonym to its country, "the police" or "the
  authorities" to the body of the document's main country, "the vote" to the election of that country
  near the publication date), or to a new, unreviewed actor named by its fullest mention in the
  document (kept across documents by :class:`kg.resolve.Resolver`);
- a date phrase resolves against the publication date (``on Wednesday``); without one, the event is
  dated to the publication day;
- each statement carries its sentence as evidence, the rule and version as method, and the rule's
  measured precision as confidence.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.dates import DateError, EventDate, parse_date
from kg.extract.furniture import Furniture, strip_furniture
from kg.extract.implied import assailant, crowd_actor, crowd_recipient, victim
from kg.extract.inputs import Document
from kg.extract.lexicons import lexicons
from kg.extract.nominal import repeated_crowds
from kg.extract.places import main_country
from kg.extract.report import CorpusReport
from kg.extract.rules import patterns_path
from kg.extract.types import Argument, Candidate, Cleaning, Extracted, Mention, Modality, Polarity, Status, TitleParts
from kg.model import Actor, Evidence, Source, Statement, Thing
from kg.names import fold, with_the
from kg.ontology import ACTOR, NODE, load_ontology

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from kg.resolve import Resolver

__all__ = ["Extracted", "Extractor", "rule_confidence"]


def rule_confidence() -> dict[str, float]:
    """Each rule's measured precision on development data (``patterns/precision.json``), by method."""
    path = patterns_path("precision.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {method: row["confidence"] for method, row in data["rules"].items()} | {"default": data["default"]}


@dataclass
class _Context:
    document: Document
    mentions: list[Mention]
    published: date | None
    main_country: str | None
    names: dict[int, str] = field(default_factory=dict)
    dropped: list[Cleaning] = field(default_factory=list)
    #: where mentions start that name nobody in particular ("two farmers" of no named country)
    nobody: set[int] = field(default_factory=set)
    digest: str = ""


class Extractor:
    """Extract statements from documents with the spaCy pipeline and the actor registry.

    Parameters
    ----------
    registry : CuratedData, optional
        Known actors, things and sources (the bundled registry by default).
    nlp : Language, optional
        A pipeline from :func:`kg.extract.pipeline.make_pipeline` (built on first use by default).
    resolver : kg.resolve.Resolver, optional
        Keeps new actors across documents (a fresh one by default).
    """

    def __init__(self, registry: CuratedData | None = None, *, nlp: Language | None = None,
                 resolver: Resolver | None = None):
        self.registry = registry or load_curated(bundled_inputs())
        self._nlp = nlp
        from kg.resolve import Resolver

        self.resolver = resolver or Resolver(self.registry)
        self.confidence = rule_confidence()
        self.onto = load_ontology()
        self.new_sources: dict[str, Source] = {}
        self.report = CorpusReport()

    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline."""
        if self._nlp is None:
            from kg.extract.pipeline import make_pipeline

            self._nlp = make_pipeline(self.registry.actors.values())
        return self._nlp

    # -- running -----------------------------------------------------------------------------

    def extract(self, documents: Iterable[Document], *, processes: int = 1,
                batch_size: int = 8) -> Iterator[tuple[Document, list[Extracted]]]:
        """Parse ``documents`` (``processes`` at a time) and yield each with its statements, in order.

        Page furniture is blanked out of each text before parsing (:func:`kg.extract.furniture.strip_furniture`),
        so offsets still point into the text as given; what was cleaned goes to :attr:`report`.
        """
        stream = ((stripped.text, (doc, stripped.furniture))
                  for doc in documents for stripped in (strip_furniture(doc.text),))
        for parsed, (document, furniture) in self.nlp.pipe(stream, as_tuples=True, n_process=processes,
                                                           batch_size=batch_size):
            yield document, self.statements(parsed, document, furniture=furniture)

    def statements(self, parsed: Doc, document: Document, *, furniture: tuple[Furniture, ...] = ()) -> list[Extracted]:
        """Turn the candidates left on one parsed document into statements (and add the document to
        :attr:`report`). ``document.text`` is the text as given; ``parsed`` may have its furniture blanked."""
        mentions: list[Mention] = list(parsed._.kg_mentions or ())
        candidates: list[Candidate] = list(parsed._.kg_candidates or ())
        context = _Context(document, mentions, document.published, main_country(mentions, parsed, self.resolver),
                           digest=_digest(document))
        source = self.source_for(document)
        made = [(c, e) for c in candidates if (e := self._statement(c, context, source, parsed)) is not None]
        repeated = repeated_crowds([c for c, _ in made])  # "a hunger strike in protest": one protest
        found = [e for position, (_, e) in enumerate(made) if position not in repeated]
        self.report.add(document, found, cleanings=[*(parsed._.kg_cleanings or ()), *context.dropped],
                        furniture=furniture, new_actors=self.resolver.new_actors)
        return found

    # -- sources -------------------------------------------------------------------------------

    def source_for(self, document: Document) -> str:
        """The id of the source a document is: a registry source with the same text, or a new one."""
        digest = _digest(document)
        for source in self.registry.sources.values():
            if source.sha256 == digest:
                return source.id
        ident = f"doc-{digest[:16]}"
        if ident not in self.new_sources:
            self.new_sources[ident] = Source(ident, document.title or document.id, document.published,
                                             document.publisher, document.url,
                                             document.path.rsplit("/", 1)[-1] if document.path else None, digest,
                                             document_id=document.name or None)
        return ident

    # -- resolution ------------------------------------------------------------------------------

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

    def _country(self, context: _Context, index: int | None) -> str | None:
        if index is None:
            return None
        item = context.mentions[index]
        code = item.country or item.actor
        if code is not None and code in self.resolver.known:
            return code
        resolved = self.resolve(context, index)
        return resolved.id if resolved is not None and resolved.type == "Country" else None

    def resolve(self, context: _Context, index: int | None, *, relation: str | None = None) -> Actor | Thing | None:
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
            country = self._country(context, title.country) or context.main_country
            holder = self._role_holder(role, country, context.published) if role else None
            if holder:
                return registry[holder]
            if title.role is None:  # "the partner of the protester": nobody we can name
                return None
            return self._office(context, item, title)
        if kind == "demonym" or (kind == "entity" and item.label == "NORP" and item.country):
            code = item.country
            if item.people:  # "thousands of Belarusians": people of the country, not the state
                if code is not None and code in registry:
                    country = code
                else:
                    state = self.resolver.country(code) if code else None
                    country = state.id if state is not None else None
                return self._propose(context, _bare(item.text), "Group", country, "people of a country, not the state")
            if code is not None and code in registry:
                return registry[code]
            return self.resolver.country(code) if code else None
        if kind == "pronoun":
            return None
        text = item.text
        known = self.resolver.lookup(_bare(text))
        if isinstance(known, Actor) and kind == "np" and known.country is None and known.id in self.resolver.new_actors:
            known = None  # "demonstrators" met first in a report of no country: here, this country's
        known = known or self.resolver.national(_bare(text), context.main_country)
        if known is not None:
            return known
        if kind in ("entity", "surname"):
            if item.label == "NORP" and not text.endswith("s"):
                # "Tory", "Catholic", "anti-French": an adjective of people, not the people ("Tories")
                self._drop(context, item, "an adjective, not a group")
                return None
            label = self._fullest(context, index)
            actor_type = lexicons().entity_types.get(item.label, "Organization")
            if actor_type == "Person" and item.root.endswith("s") and item.root in lexicons().human_nouns:
                actor_type = "Group"  # "Labour MPs" read as a person's name: people of a body, a group
            return self._propose(context, label, actor_type,
                                 context.main_country if item.label != "GPE" else None,
                                 f"no registry actor has this name or alias ({item.label or 'no'} entity)")
        return self._noun_phrase(context, item, relation)

    def _propose(self, context: _Context, label: str, kind: str, country: str | None, reason: str) -> Actor:
        """A new actor (or one met before) for a name the registry does not know; ``reason`` says why it was
        not resolved, for the corpus report."""
        actor = self.resolver.new_actor(label, kind, country=country)
        if actor.id in self.resolver.new_actors:
            self.report.propose(actor.id, reason)
        return actor

    def _office(self, context: _Context, item: Mention, title: TitleParts) -> Actor | None:
        """Who an office holder nobody names stands for, as event data code it: the organisation they lead or
        speak for ("the party's leader": the party), else their country's government ("Montenegro's prime
        minister": Montenegro's government); never a new person named by the title ("UK leader")."""
        if title.org is not None:
            org = self.resolve(context, title.org)
            if isinstance(org, Actor) and not self.onto.is_a(org.type, "Place"):
                return org
        elif title.country is not None and (own := self._country(context, title.country)) is not None:
            government = self.resolver.world.institution("GOV", own)  # its own country, never the document's
            if government is not None:
                return government
        self._drop(context, item, "title without a named holder")
        return None

    def _drop(self, context: _Context, item: Mention, reason: str, *, nobody: bool = False) -> None:
        """No actor for this mention: record why, for the corpus report; ``nobody``: it names nobody in
        particular, so an event whose recipient it is stands without one."""
        context.dropped.append(Cleaning(item.start_char, item.end_char, item.text, reason))
        if nobody:
            context.nobody.add(item.start_char)

    def _fullest(self, context: _Context, index: int) -> str:
        """The longest name in the document that ends with this mention's last word (``German`` -> Elena German)."""
        item = context.mentions[index]
        last = item.text.split()[-1]
        names = [m.text for m in context.mentions if m.kind == "entity" and m.label == item.label
                 and m.text.split()[-1] == last]
        return max(names, key=len) if names else item.text

    def _noun_phrase(self, context: _Context, item: Mention, relation: str | None) -> Actor | Thing | None:
        lex = lexicons()
        words = fold(item.text).split()
        head = item.root or (words[-1] if words else "")
        if set(words[:-1]) & lex.unreal_modifiers:  # "a future Tory government": nobody yet
            self._drop(context, item, "a body that does not exist yet", nobody=True)
            return None
        body, name = lex.generic_bodies.get(head), item.text
        if body is None and len(words) >= 2 and words[-1] == head and item.root_lemma in lex.organisation_heads:
            body, name = lex.generic_bodies.get(words[-2]), words[-2]  # "opposition groups": the opposition
        named = [i for i in item.inner if context.mentions[i].label not in ("GPE", "LOC", "FAC")
                 and item.start <= context.mentions[i].start and context.mentions[i].end <= item.head]
        inner = self.resolve(context, named[0]) if named else None  # a registry actor says its country
        owner: str | None = context.main_country
        if named:  # the inner actor's country; none if it is not a registry actor
            owner = None if not isinstance(inner, Actor) else inner.id if inner.type == "Country" \
                else inner.country if inner.reviewed else None
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
            national = self.resolver.national(_bare(item.text), context.main_country)
            if national is not None:
                return national
            if item.generic:  # "people", "the only person", "senior officials"
                self._drop(context, item, "generic noun")
                return None
            if item.root == item.root_lemma and not {head, item.root_lemma} & lex.collective_nouns:
                # "the chief executive of Oxfam", "a spokesman for the UN": one person nobody names, who
                # speaks for the organisation named in their description, as event data code them
                bodies = [i for i in item.inner if context.mentions[i].label == "ORG"]
                if bodies:
                    return self.resolve(context, bodies[0])
                if not item.inner and item.owner is None \
                        and not {head, item.root_lemma} & {*lex.generic_bodies, *lex.crowd_heads} \
                        and not any(w[:1].isupper() and w.lower() == head for w in item.text.split()[1:]):
                    # "the information commissioner", "a senior defence official": one person, and no name
                    # says whose (but "a Saudi businessman" is one of a country's, as event data code them, and
                    # "the Scottish Executive", a capitalised head, names a body)
                    self._drop(context, item, "one person nobody names", nobody=True)
                    return None
            label = _bare(item.text)
            words = label.lower().split()
            if words and (words[0] in lex.possessive_pronouns or words[0] in lex.pronoun_genders):
                # "his lawyers", "their supporters": a pronoun says whose, and no name does
                self._drop(context, item, "a group named by a pronoun", nobody=True)
                return None
            if not item.inner and item.owner is None and not set(words) & lex.tail_prepositions \
                    and not {head, item.root_lemma} & {*lex.generic_bodies, *lex.crowd_heads}:
                # "voters", "farmers" (not "police", "protesters"): nothing says whose
                state = self.resolver.known.get(context.main_country or "")
                if state is None:
                    self._drop(context, item, "a group of no named country", nobody=True)
                    return None
                label = f"{label} in {with_the(state.label)}"  # as event data code them: the country's
            return self._propose(context, label, "Group", owner, "a group named by a description")
        if item.owner is not None and relation not in lex.objects_are_things:  # "Sweden's decision": Sweden
            return self.resolve(context, item.owner)
        if head in lex.organisation_heads:  # "a Belarusian human rights organisation"
            if item.generic:  # "the party", "a group"
                self._drop(context, item, "generic noun")
                return None
            country = self._country(context, item.inner[0]) if item.inner else None
            return self._propose(context, _bare(item.text), "Organization", country,
                                 "an organisation named by a description")
        if item.inner and relation not in lex.objects_are_things:  # "Israeli helicopters": Israel
            return self.resolve(context, item.inner[0])
        if relation is not None and relation in lex.objects_are_things:
            kinds = self.onto.relation(relation).range
            if occurrence is not None and kinds and any(self.onto.is_a(occurrence, k) for k in kinds):
                return self.resolver.new_thing(_bare(item.text), occurrence)  # "won the election": an election
            if head in lex.plan_nouns and (not kinds or any(self.onto.is_a("Proposal", k) for k in kinds)):
                return self.resolver.new_thing(_bare(item.text), "Proposal")
        return None

    # -- statements ----------------------------------------------------------------------------

    def _date(self, context: _Context, text: str | None, modality: str) -> EventDate | None:
        if text:
            try:
                return parse_date(text, anchor=context.published, future=modality == "intended")
            except DateError:
                pass
        return EventDate(context.published) if context.published else None

    def _recode(self, candidate: Candidate) -> tuple[str, str | None, Modality, Polarity]:
        """Relation, CAMEO code, modality and polarity, with announced and refused actions coded as CAMEO
        codes them: a promise to cooperate is an intent to cooperate (03), an announced attack or sanction a
        threat (13), a refusal to cooperate (``refused to allow``, ``will not accept``) a rejection (12)."""
        lex = lexicons()
        qualifiers = candidate.qualifiers
        relation, cameo = candidate.relation, candidate.cameo
        modality, polarity = qualifiers.modality, qualifiers.polarity
        registry = self.onto.relation(relation)
        root = registry.cameo.code[:2] if registry.cameo else None
        cooperative = registry.quad_class in (1, 2) and root not in (None, "01")
        announced = modality in ("intended", "hypothetical")
        if qualifiers.refused and relation not in lex.not_rejections:  # "refused to deploy troops"
            return "rejects", "120", "actual", "positive"
        if cooperative and polarity == "negated" and announced:  # "will not accept refugees"
            return "rejects", "120", "actual", "positive"
        if relation in lex.military_attacks and candidate.military and polarity == "positive":
            return "fights", "190", modality, polarity  # armed forces killing or attacking: CAMEO 19
        if not announced or polarity != "positive":
            return relation, cameo, modality, polarity
        if qualifiers.conditional:  # "will withdraw its troops unless ...": a threat
            return "threatens", "130", "actual", polarity
        if relation in lex.intent_codes:
            return "expresses_intent_to_cooperate", lex.intent_codes[relation], "actual", polarity
        if registry.quad_class == 2:
            return "expresses_intent_to_cooperate", lex.material_intent_codes.get(root or "", "030"), "actual", \
                polarity
        if registry.quad_class == 4 and relation not in ("threatens",):
            return "threatens", lex.threat_codes.get(root or "", "130"), "actual", polarity
        return relation, cameo, modality, polarity

    def _body(self, body: str, name: str, country: str) -> Actor | None:
        """The body of class ``body`` of ``country`` that a generic ``name`` ("the police") stands for: the one
        curated body of that class, else the world registry's institution."""
        bodies = [a for a in self.registry.actors.values() if a.country == country and self.onto.is_a(a.type, body)]
        if len(bodies) == 1:
            return bodies[0]
        return self.resolver.world.institution_named(name, country)

    def _fits(self, entity: Actor | Thing, classes: tuple[str, ...]) -> bool:
        """True if ``entity`` is of one of ``classes`` (a relation's domain or range; empty: any)."""
        return not classes or any(self.onto.is_a(entity.type, c) for c in classes)

    def _place(self, context: _Context, index: int | None) -> Actor | None:
        """The place a mention names, if it resolves to one (a country, region or city)."""
        found = self.resolve(context, index) if index is not None else None
        return found if isinstance(found, Actor) and self.onto.is_a(found.type, "Place") else None

    @staticmethod
    def _where(context: _Context, place: Actor | None) -> str | None:
        """The country an event happened in: its place's, else the document's."""
        return ((place.id if place.type == "Country" else place.country) if place is not None else None) \
            or context.main_country

    def _implied(self, kind: str, context: _Context, place: Actor | None) -> Actor:
        """The actor an agentless event implies (``police``, ``protesters``), of the country where it happened:
        the place's country, else the document's."""
        country = self._where(context, place)
        body = lexicons().generic_bodies.get(kind)
        if body is not None and country is not None:
            found_body = self._body(body, kind, country)
            if found_body is not None:  # "hundreds were detained" in a report from Germany: Germany's police
                return found_body
        found = self.resolver.national(_bare(kind), country)
        if isinstance(found, Actor):
            return found
        state = self.resolver.known.get(country or "")
        label = f"{kind} of {state.label}" if state is not None else kind
        return self.resolver.new_actor(label, body or "Group", country=country)

    def _agent(self, context: _Context, index: int, relation: str, place: Actor | None) -> Actor | Thing | None:
        """Who the subject of an event stands for: the country's group, if it is people named by a common noun
        (:func:`kg.extract.implied.crowd_actor`, :func:`kg.extract.implied.assailant`), else whom it names."""
        item = context.mentions[index]
        kind = crowd_actor(item, relation) or (assailant(item, relation) if self._where(context, place) else None)
        return self._implied(kind, context, place) if kind else self._acting(self.resolve(context, index,
                                                                                          relation=relation))

    def _recipient(self, context: _Context, index: int, relation: str, sentence: Span | None,
                   place: Actor | None) -> Actor | None:
        """The country's group the recipients of an event stand for, if they are people named by a common
        noun (:func:`kg.extract.implied.crowd_recipient`, :func:`kg.extract.implied.victim`)."""
        item = context.mentions[index]
        kind = crowd_recipient(item, relation, sentence or ()) or (
            victim(item, relation) if self._where(context, place) else None)  # civilians of no country: nobody
        if kind is None:
            return None
        state = self.resolver.known.get(item.country or "") if item.people else None
        return self._implied(kind, context, state or place)

    def _named_in(self, context: _Context, country: str, candidate: Candidate) -> bool:
        """True if the sentence of ``candidate`` names ``country`` (or its capital, or a demonym of it)."""
        for item in context.mentions:
            if candidate.sentence_start <= item.start_char < candidate.sentence_end \
                    and item.kind in ("entity", "demonym"):
                actor = self.resolver.known.get(item.actor or item.country or "")
                if actor is not None and country in (actor.id, actor.country):
                    return True
        return False

    def _statement(self, candidate: Candidate, context: _Context, source: str, parsed: Doc) -> Extracted | None:
        text = parsed.text
        relation, cameo, modality, polarity = self._recode(candidate)
        if relation == "fights" and any(context.mentions[i].root_lemma in lexicons().crowd_heads
                                        or context.mentions[i].root in lexicons().crowd_heads
                                        for i in candidate.subjects):
            relation, cameo = "riots", "145"  # protesters clashing with the police: a violent protest
        qualifiers = candidate.qualifiers
        place = self._place(context, candidate.place)
        named = [(i, self._agent(context, i, relation, place)) for i in candidate.subjects]
        sentence = parsed.char_span(candidate.sentence_start, candidate.sentence_end, alignment_mode="expand")
        objects: list[tuple[int, Actor | Thing | None]] = [
            (i, self._recipient(context, i, relation, sentence, place) or self.resolve(context, i, relation=relation))
            for i in candidate.objects]
        declared = self.onto.relation(relation)
        # the ontology's domain and range: "Labour wins the election", never "X wins Wales" (the graph's shapes
        # would refuse the build)
        subjects = [(i, a) for i, a in named if isinstance(a, Actor) and self._fits(a, declared.domain)]
        objects = [(i, a if a is None or self._fits(a, declared.range) else None) for i, a in objects]
        implied: Actor | None = None
        if not candidate.subjects and candidate.implied:  # "hundreds were detained in Minsk": the police
            implied = self._implied(candidate.implied, context, place)
        if candidate.main_country_title is not None:
            if not context.main_country or not self._named_in(context, context.main_country, candidate):
                return None  # a static relation only from its own sentence, never from a country named elsewhere
            # "Roman Golovchenko, the prime minister": of the country the document is about
            objects = [(candidate.main_country_title, self.resolver.known[context.main_country])]
        subject_ids = {a.id for _, a in subjects} | ({implied.id} if implied is not None else set())
        kept = [(i, a) for i, a in objects if a is not None and a.id not in subject_ids
                and not (i == candidate.place and isinstance(a, Actor) and a.type != "Country"
                         and relation not in lexicons().place_objects)]  # "protested in Minsk": where, not whom
        unnamed = [i for i, a in objects if a is None]
        # "police arrested 20 people": an event whose recipients are named by no one in particular
        generic = bool(unnamed) and all(context.mentions[i].generic or context.mentions[i].start_char in context.nobody
                                        for i in unnamed)
        if not subject_ids or (candidate.objects and not kept and candidate.object_required and not generic):
            return None
        claimant = self._acting(self.resolve(context, qualifiers.claimant), speaking=True) \
            if qualifiers.claimant is not None else None
        status: Status = qualifiers.status
        if status != "asserted" and not isinstance(claimant, Actor):
            claimant = None  # said by someone we cannot name ("he said ..."): attributed, so never asserted
            status = "alleged"
        method = f"rule/{candidate.rule}/{candidate.version}"
        if cameo and not self.onto.cameo_within(cameo, relation):
            cameo = None
        statement = Statement(
            subjects=tuple(dict.fromkeys(a.id for _, a in subjects)) if implied is None else (implied.id,),
            relation=relation,
            objects=tuple(dict.fromkeys(a.id for _, a in kept)),
            source=source,
            date=self._date(context, candidate.date, qualifiers.modality),
            evidence=Evidence(candidate.sentence_start, candidate.sentence_end,
                              text[candidate.sentence_start:candidate.sentence_end].strip()),
            status=status,
            claimant=claimant.id if isinstance(claimant, Actor) else None,
            polarity=polarity,
            modality=modality,
            method=method,
            confidence=self.confidence.get(method, self.confidence.get("default", 0.5)),
            cameo=cameo,
            place=place.id if place is not None else None,
        )
        describe = self._describe
        claimed = describe(context, qualifiers.claimant, claimant) \
            if qualifiers.claimant is not None and isinstance(claimant, Actor) else None
        said: tuple[Argument, ...]
        if implied is not None:
            trigger = parsed[candidate.trigger]
            said = (Argument(str(ACTOR[implied.id]), implied.id, implied.label, implied.type, "", trigger.idx,
                             trigger.idx + len(trigger.text), implied=True),)
        else:
            said = tuple(describe(context, i, a) for i, a in subjects)
        document = context.document
        return Extracted(statement, said, tuple(describe(context, i, a) for i, a in kept), claimed, relation,
                         document=document.name or document.id, sha256=context.digest)

    def _acting(self, entity: Actor | Thing | None, *, speaking: bool = False) -> Actor | Thing | None:
        """Who an acting or (``speaking``) claiming place stands for: "Moscow said" is Russia's government."""
        return self.resolver.acting_for(entity, speaking=speaking) if isinstance(entity, Actor) else entity

    def _describe(self, context: _Context, index: int, entity: Actor | Thing) -> Argument:
        item = context.mentions[index]
        iri = ACTOR[entity.id] if isinstance(entity, Actor) else NODE[entity.id]
        return Argument(str(iri), entity.id, entity.label, entity.type, item.text, item.start_char, item.end_char)

    # -- output --------------------------------------------------------------------------------

    def records(self, extracted: Extracted) -> list[dict[str, Any]]:
        """The stable JSONL contract: one record per subject and object of a statement."""
        statement = extracted.statement
        relation = self.onto.relation(extracted.relation)
        cameo = statement.cameo or (relation.cameo.code if relation.cameo else None)
        rel = {"iri": str(relation.iri), "label": relation.name, "cameo": cameo, "plover": relation.plover,
               "family": relation.family}
        evidence = statement.evidence
        common = {
            "date": str(statement.date) if statement.date else None,
            "source": statement.source,
            "evidence": {"text": evidence.text, "start": evidence.start, "end": evidence.end} if evidence else None,
            "confidence": statement.confidence, "method": statement.method, "status": statement.status,
            "polarity": statement.polarity, "modality": statement.modality,
            "claimant": extracted.claimant.record() if extracted.claimant else None,
            "document": {"id": extracted.document, "sha256": extracted.sha256},
        }
        return [{"subject": subject.record(), "relation": rel, "object": obj.record() if obj else None, **common}
                for subject in extracted.subjects for obj in (extracted.objects or (None,))]


def _digest(document: Document) -> str:
    """The SHA-256 of a document: of its file's bytes when read from a text file, else of its text."""
    return document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def _bare(text: str) -> str:
    """A name without a leading article."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in lexicons().articles else text
