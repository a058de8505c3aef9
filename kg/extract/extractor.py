"""From parsed documents to statements: resolve mentions to actors, dates to days, candidates to statements.

The spaCy pipeline (:mod:`kg.extract.pipeline`) runs in one or several processes and leaves mentions and
relation candidates (:mod:`kg.extract.types`) on each ``Doc``; this module, in the main process, turns
them into :class:`kg.model.Statement` objects:

- each mention resolves to an actor (:class:`kg.extract.actors.ActorResolver`: a registry actor, a title's
  holder, a country's institution or group, or a new, unreviewed actor);
- a date phrase resolves against the publication date (``on Wednesday``); without one, the event is
  dated to the publication day;
- each statement carries its sentence as evidence, the rule and version as method, and the rule's
  measured precision as confidence.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.dates import DateError, EventDate, parse_date
from kg.extract.actors import ActorResolver, Context
from kg.extract.furniture import Furniture, strip_furniture
from kg.extract.implied import victim
from kg.extract.inputs import Document
from kg.extract.lexicons import lexicons
from kg.extract.nominal import repeated_crowds
from kg.extract.places import listed_places, main_country
from kg.extract.report import CorpusReport
from kg.extract.rules import patterns_path
from kg.extract.types import Argument, Candidate, Extracted, Mention, Modality, Polarity, Status
from kg.model import Actor, Evidence, Source, Statement, Thing
from kg.ontology import ACTOR, NODE, load_ontology

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.resolve import Resolver

__all__ = ["Extracted", "Extractor", "rule_confidence"]


def rule_confidence() -> dict[str, float]:
    """Each rule's measured precision on development data (``patterns/precision.json``), by method."""
    path = patterns_path("precision.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {method: row["confidence"] for method, row in data["rules"].items()} | {"default": data["default"]}


#: Who fights when they attack or kill (registry classes), and whom they then fight: armed forces on both sides
#: are a battle (CAMEO 19), not an assault on people.
_ARMED = ("ArmedGroup", "Military")
_FORCES = ("ArmedGroup", "Military", "PoliceForce")


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
        self.actors = ActorResolver(self.registry, self.resolver, self.onto, self.report)

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
        context = Context(document, mentions, document.published, main_country(mentions, parsed, self.resolver),
                           digest=_digest(document), places=listed_places(mentions, parsed, self.resolver))
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

    # -- statements ----------------------------------------------------------------------------

    def _date(self, context: Context, text: str | None, modality: str) -> EventDate | None:
        if text:
            try:
                return parse_date(text, anchor=context.published, future=modality == "intended")
            except DateError:
                pass
        return EventDate(context.published) if context.published else None

    def _recode(self, candidate: Candidate, *, civilians: bool = False) -> tuple[str, str | None, Modality, Polarity]:
        """Relation, CAMEO code, modality and polarity, with announced and refused actions coded as CAMEO
        codes them: a promise to cooperate is an intent to cooperate (03), an announced attack or sanction a
        threat (13), a refusal to cooperate (``refused to allow``, ``will not accept``) a rejection (12).
        Armed forces killing or attacking are fighting (19), unless their victims are ``civilians``: soldiers
        killing villagers is an assault (18), as event data code violence against civilians."""
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
        if relation in lex.military_attacks and candidate.military and polarity == "positive" and not civilians:
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

    def _fits(self, entity: Actor | Thing, classes: tuple[str, ...]) -> bool:
        """True if ``entity`` is of one of ``classes`` (a relation's domain or range; empty: any)."""
        return not classes or any(self.onto.is_a(entity.type, c) for c in classes)

    def _named_in(self, context: Context, country: str, candidate: Candidate) -> bool:
        """True if the sentence of ``candidate`` names ``country`` (or its capital, or a demonym of it)."""
        for item in context.mentions:
            if candidate.sentence_start <= item.start_char < candidate.sentence_end \
                    and item.kind in ("entity", "demonym"):
                actor = self.resolver.known.get(item.actor or item.country or "")
                if actor is not None and country in (actor.id, actor.country):
                    return True
        return False

    def _statement(self, candidate: Candidate, context: Context, source: str, parsed: Doc) -> Extracted | None:
        text = parsed.text
        place = self.actors.place(context, candidate.place)
        civilians = self.actors.where(context, place) is not None and any(
            victim(context.mentions[i], candidate.relation) for i in candidate.objects)
        relation, cameo, modality, polarity = self._recode(candidate, civilians=civilians)
        if relation == "fights" and any(context.mentions[i].root_lemma in lexicons().crowd_heads
                                        or context.mentions[i].root in lexicons().crowd_heads
                                        for i in candidate.subjects):
            relation, cameo = "riots", "145"  # protesters clashing with the police: a violent protest
        qualifiers = candidate.qualifiers
        named = [(i, self.actors.agent(context, i, relation, place)) for i in candidate.subjects]
        sentence = parsed.char_span(candidate.sentence_start, candidate.sentence_end, alignment_mode="expand")
        objects: list[tuple[int, Actor | Thing | None]] = [
            (i, self.actors.recipient(context, i, relation, sentence, place)
             or self.actors.resolve(context, i, relation=relation))
            for i in candidate.objects]
        declared = self.onto.relation(relation)
        # the ontology's domain and range: "Labour wins the election", never "X wins Wales" (the graph's shapes
        # would refuse the build)
        subjects = [(i, a) for i, a in named if isinstance(a, Actor) and self._fits(a, declared.domain)]
        if relation in lexicons().victim_relations and not candidate.military:
            # "militants attacked the village of X": its people, the country's civilians, there
            towns = {i for i, a in objects if isinstance(a, Actor) and a.type in ("City", "Region")}
            towns_at = [a for i, a in objects if i in towns and isinstance(a, Actor)]
            if towns_at:
                place = place or towns_at[0]
                objects = [(i, self.actors.implied("civilians", context, towns_at[0]) if i in towns else a)
                           for i, a in objects]
        objects = [(i, a if a is None or self._fits(a, declared.range) else None) for i, a in objects]
        if relation in lexicons().military_attacks and polarity == "positive" \
                and any(a.type in _ARMED for _, a in subjects) \
                and any(isinstance(a, Actor) and a.type in _FORCES for _, a in objects):
            relation, cameo = "fights", "190"  # "IS snipers shot dead a police officer": armed sides fighting
        implied: Actor | None = None
        if not candidate.subjects and candidate.implied:  # "hundreds were detained in Minsk": the police
            implied = self.actors.implied(candidate.implied, context, place)
        if candidate.main_country_title is not None:
            if not context.main_country or not self._named_in(context, context.main_country, candidate):
                return None  # a static relation only from its own sentence, never from a country named elsewhere
            # "Roman Golovchenko, the prime minister": of the country the document is about
            objects = [(candidate.main_country_title, self.resolver.known[context.main_country])]
        subject_ids = {a.id for _, a in subjects} | ({implied.id} if implied is not None else set())
        kept = [(i, a) for i, a in objects if a is not None and a.id not in subject_ids
                and not (i == candidate.place and isinstance(a, Actor) and a.type != "Country"
                         and not {relation, candidate.relation} & lexicons().place_objects)]
        # "protested in Minsk": where, not whom; but "will impose a curfew in Abidjan", a threat, is on Abidjan
        unnamed = [i for i, a in objects if a is None]
        # "police arrested 20 people": an event whose recipients are named by no one in particular
        generic = bool(unnamed) and all(context.mentions[i].generic or context.mentions[i].start_char in context.nobody
                                        for i in unnamed)
        if not subject_ids or (candidate.objects and not kept and candidate.object_required and not generic):
            return None
        claimant = self.actors.acting(self.actors.resolve(context, qualifiers.claimant), speaking=True) \
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
            text, start, end = "", trigger.idx, trigger.idx + len(trigger.text)
            if candidate.named_by is not None:  # "Serbian protests": "Serbian" says whose
                namer = context.mentions[candidate.named_by]
                text, start, end = namer.text, namer.start_char, namer.end_char
            said = (Argument(str(ACTOR[implied.id]), implied.id, implied.label, implied.type, text, start, end,
                             implied=True),)
        else:
            said = tuple(describe(context, i, a) for i, a in subjects)
        document = context.document
        return Extracted(statement, said, tuple(describe(context, i, a) for i, a in kept), claimed, relation,
                         document=document.name or document.id, sha256=context.digest)

    def _describe(self, context: Context, index: int, entity: Actor | Thing) -> Argument:
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
