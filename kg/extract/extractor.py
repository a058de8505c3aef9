"""From parsed documents to statements: resolve mentions to actors, dates to days, candidates to statements.

The spaCy pipeline (:mod:`kg.extract.pipeline`) runs in one or several processes and leaves plain data on
each ``Doc``; this module, in the main process, turns it into :class:`kg.model.Statement` objects:

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
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.dates import DateError, EventDate, parse_date
from kg.extract.inputs import Document
from kg.extract.rules import patterns_path
from kg.model import Actor, Evidence, Source, Statement, Thing
from kg.names import fold
from kg.ontology import ACTOR, NODE, load_ontology

__all__ = ["Extracted", "Extractor", "rule_confidence"]

_GENERIC = {  # a common noun naming a body of the document's country: head lemma -> ontology classes
    "police": ("PoliceForce",), "militia": ("PoliceForce",), "militsiya": ("PoliceForce",),
    "authority": ("GovernmentBody",), "authorities": ("GovernmentBody",), "government": ("GovernmentBody",),
    "regime": ("GovernmentBody",), "administration": ("GovernmentBody",),
    "army": ("Military",), "military": ("Military",), "troops": ("Military",),
    "ministry": ("Ministry",), "opposition": ("OppositionMovement",),
}
_OCCURRENCES = {  # a common noun naming an occurrence of the document's country, near its publication date
    "Election": {"election", "vote", "poll", "polls", "ballot", "runoff"},
    "ProtestCampaign": {"protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "unrest"},
}
_ANOTHER = {"new", "fresh", "repeat", "another", "early", "snap", "second", "next", "future", "free", "fair"}
_THING_RELATIONS = {"proposes", "rejects", "rejects_mediation", "calls_for", "offers_mediation", "wins",
                    "candidate_in", "signs_agreement"}
_PLANS = {"plan", "proposal", "initiative", "deal", "agreement", "accord", "treaty", "resolution", "ceasefire",
          "truce", "talks", "mediation", "referendum", "reform", "reforms", "law", "bill", "pact", "settlement",
          "roadmap", "framework", "package", "election", "elections", "protest", "protests", "strike",
          "boycott", "dialogue", "negotiations", "summit", "conference", "council", "constitution"}
# Future or conditional cooperation is an expressed intent to cooperate (CAMEO 03); future conflict, a threat (13)
_INTENT = {"aids": "033", "grants_asylum": "033", "consults": "036", "calls": "036", "visits": "036", "hosts": "036",
           "meets": "036", "negotiates": "036", "mediates": "039", "yields": "035", "releases": "0353",
           "eases_restrictions": "0351", "accedes_to_demands": "035", "cooperates_materially": "031",
           "cooperates_diplomatically": "032", "praises": "032", "signs_agreement": "030"}
_NOT_REJECTIONS = {"declines_comment", "rejects_mediation", "makes_statement", "denies"}
_MATERIAL_INTENT = {"05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT = {"15": "138", "16": "1312", "17": "131", "18": "138", "19": "138", "20": "138"}
_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "NORP": "Group", "LOC": "Region",
          "FAC": "Region"}


def rule_confidence() -> dict[str, float]:
    """Each rule's measured precision on development data (``patterns/precision.json``), by method."""
    path = patterns_path("precision.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {method: row["confidence"] for method, row in data["rules"].items()} | {"default": data["default"]}


@dataclass
class Extracted:
    """One statement found in a document, with the mentions behind its subject, object and claimant."""

    statement: Statement
    subjects: list[dict[str, Any]]
    objects: list[dict[str, Any]]
    claimant: dict[str, Any] | None
    relation: str


@dataclass
class _Context:
    document: Document
    mentions: list[dict[str, Any]]
    published: date | None
    main_country: str | None
    names: dict[int, str] = field(default_factory=dict)


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

    def __init__(self, registry: CuratedData | None = None, *, nlp: Any = None, resolver: Any = None):
        self.registry = registry or load_curated(bundled_inputs())
        self._nlp = nlp
        from kg.resolve import Resolver

        self.resolver = resolver or Resolver(self.registry)
        self.confidence = rule_confidence()
        self.onto = load_ontology()
        self.new_sources: dict[str, Source] = {}

    @cached_property
    def nlp(self) -> Any:
        """The spaCy pipeline."""
        if self._nlp is None:
            from kg.extract.pipeline import make_pipeline

            self._nlp = make_pipeline(self.registry.actors.values())
        return self._nlp

    # -- running -----------------------------------------------------------------------------

    def extract(self, documents: Iterable[Document], *, processes: int = 1,
                batch_size: int = 8) -> Iterator[tuple[Document, list[Extracted]]]:
        """Parse ``documents`` (``processes`` at a time) and yield each with its statements, in order."""
        stream = ((doc.text, doc) for doc in documents)
        for parsed, document in self.nlp.pipe(stream, as_tuples=True, n_process=processes, batch_size=batch_size):
            yield document, self.statements(parsed, document)

    def statements(self, parsed: Any, document: Document) -> list[Extracted]:
        """Turn the candidates left on one parsed document into statements."""
        mentions = parsed._.kg_mentions or []
        context = _Context(document, mentions, document.published, self._main_country(mentions))
        source = self.source_for(document)
        found = []
        for candidate in parsed._.kg_candidates or []:
            extracted = self._statement(candidate, context, source, parsed.text)
            if extracted is not None:
                found.append(extracted)
        return found

    # -- sources -------------------------------------------------------------------------------

    def source_for(self, document: Document) -> str:
        """The id of the source a document is: a registry source with the same text, or a new one."""
        digest = document.sha256 or hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        for source in self.registry.sources.values():
            if source.sha256 == digest:
                return source.id
        ident = f"doc-{digest[:16]}"
        if ident not in self.new_sources:
            self.new_sources[ident] = Source(ident, document.title or document.id, document.published,
                                             document.publisher, document.url,
                                             document.path.rsplit("/", 1)[-1] if document.path else None, digest)
        return ident

    # -- resolution ------------------------------------------------------------------------------

    def _main_country(self, mentions: list[dict[str, Any]]) -> str | None:
        counts: Counter[str] = Counter()
        for item in mentions:
            country = None
            if item.get("actor") in self.registry.actors:
                actor = self.registry.actors[item["actor"]]
                country = actor.id if actor.type == "Country" else actor.country
            elif item.get("country") in self.registry.actors:
                country = item["country"]
            if country:
                counts[country] += 1
        return counts.most_common(1)[0][0] if counts else None

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
        code = item.get("country") or item.get("actor")
        if code in self.registry.actors:
            return code
        resolved = self.resolve(context, index)
        return resolved.id if resolved is not None and resolved.type == "Country" else None

    def resolve(self, context: _Context, index: int | None, *, relation: str | None = None) -> Actor | Thing | None:
        """The actor (or thing) a mention stands for, registering new actors with the resolver."""
        seen: set[int] = set()
        while index is not None and context.mentions[index].get("ref") is not None and index not in seen:
            seen.add(index)
            index = context.mentions[index]["ref"]
        if index is None:
            return None
        item = context.mentions[index]
        registry = self.registry.actors
        if item.get("actor") in registry:
            return registry[item["actor"]]
        kind = item["kind"]
        if kind == "title":
            if item.get("person") is not None:
                return self.resolve(context, item["person"])
            role = item.get("role")
            if role == "same" and item.get("possessor") is not None:
                owner = self.resolve(context, item["possessor"])
                roles = [r.role for r in getattr(owner, "roles", ()) if context.published is None
                         or r.valid_on(context.published)]
                role = roles[0] if roles else None
            country = self._country(context, item.get("country_mention")) or context.main_country
            holder = self._role_holder(role, country, context.published) if role else None
            if holder:
                return registry[holder]
            if item.get("role") is None:  # "the partner of the protester": nobody we can name
                return None
            # an office holder the registry does not know: "Montenegro's prime minister"
            return self.resolver.new_actor(_bare(item["text"]), "Person", country=country)
        if kind == "demonym" or (kind == "entity" and item.get("label") == "NORP" and item.get("country")):
            code = item.get("country")
            if item.get("people"):  # "thousands of Belarusians": people of the country, not the state
                country = code if code in registry else getattr(self.resolver.country(code), "id", None) \
                    if code else None
                return self.resolver.new_actor(_bare(item["text"]), "Group", country=country)
            if code in registry:
                return registry[code]
            return self.resolver.country(code) if code else None
        if kind == "pronoun":
            return None
        text = item["text"]
        known = self.resolver.lookup(_bare(text)) or self._national(text, context.main_country)
        if known is not None:
            return known
        if kind in ("entity", "surname"):
            label = self._fullest(context, index)
            return self.resolver.new_actor(label, _TYPES.get(item.get("label", ""), "Organization"),
                                           country=context.main_country if item.get("label") != "GPE" else None)
        return self._noun_phrase(context, item, relation)

    def _national(self, name: str, country: str | None) -> Actor | Thing | None:
        """A registry actor named ``name`` for the document's country: in a report from Belarus, "the
        Interior Ministry" is the Interior Ministry of Belarus and "protesters" are Belarusian protesters."""
        if country is None or country not in self.registry.actors:
            return None
        state = self.registry.actors[country]
        bare = _bare(name)
        variants = [f"{bare} of {state.label}", f"{state.label} {bare}", f"{state.label}'s {bare}"]
        variants += [f"{demonym} {bare}" for demonym in state.demonyms]
        for variant in variants:
            found = self.resolver.lookup(variant)
            if found is not None and getattr(found, "country", country) in (country, None):
                return found
        return None

    def _fullest(self, context: _Context, index: int) -> str:
        """The longest name in the document that ends with this mention's last word (``German`` -> Elena German)."""
        item = context.mentions[index]
        last = item["text"].split()[-1]
        names = [m["text"] for m in context.mentions if m["kind"] == "entity" and m.get("label") == item.get("label")
                 and m["text"].split()[-1] == last]
        return max(names, key=len) if names else item["text"]

    def _noun_phrase(self, context: _Context, item: dict[str, Any], relation: str | None) -> Actor | Thing | None:
        words = fold(item["text"]).split()
        head = item.get("root") or (words[-1] if words else "")
        if head in _GENERIC and context.main_country:
            classes = _GENERIC[head]
            bodies = [a for a in self.registry.actors.values()
                      if a.country == context.main_country and any(self.onto.is_a(a.type, c) for c in classes)]
            if len(bodies) == 1:
                return bodies[0]
        for thing in self.registry.things.values():
            if any(f" {fold(name)} " in f" {fold(item['text'])} " for name in thing.names):
                return thing
        for kind, heads in _OCCURRENCES.items():
            if head not in heads or set(words) & _ANOTHER:
                continue
            near = [t for t in self.registry.things.values() if t.type == kind and t.place == context.main_country
                    and (t.date is None or context.published is None
                         or abs((t.date.start - context.published).days) <= 90)]
            if len(near) == 1:
                return near[0]
        from kg.extract.relations import _HUMAN, ORGANISATIONS

        if head in _HUMAN or item.get("root_lemma") in _HUMAN:
            national = self._national(item["text"], context.main_country)
            if national is not None:
                return national
            return self.resolver.new_actor(_bare(item["text"]), "Group", country=context.main_country)
        if item.get("owner") is not None and relation not in _THING_RELATIONS:  # "Sweden's decision": Sweden
            return self.resolve(context, item["owner"])
        if head in ORGANISATIONS:  # "a Belarusian human rights organisation"
            country = self._country(context, item["inner"][0]) if item.get("inner") else None
            return self.resolver.new_actor(_bare(item["text"]), "Organization", country=country)
        if item.get("inner") and relation not in _THING_RELATIONS:  # "Israeli helicopters": Israel
            return self.resolve(context, item["inner"][0])
        if relation in _THING_RELATIONS and head in _PLANS:
            return self.resolver.new_thing(_bare(item["text"]), "Proposal")
        return None

    # -- statements ----------------------------------------------------------------------------

    def _date(self, context: _Context, text: str | None, modality: str) -> EventDate | None:
        if text:
            try:
                return parse_date(text, anchor=context.published, future=modality == "intended")
            except DateError:
                pass
        return EventDate(context.published) if context.published else None

    def _recode(self, candidate: dict[str, Any]) -> tuple[str, str | None, str, str]:
        """Relation, CAMEO code, modality and polarity, with announced and refused actions coded as CAMEO
        codes them: a promise to cooperate is an intent to cooperate (03), an announced attack or sanction a
        threat (13), a refusal to cooperate (``refused to allow``, ``will not accept``) a rejection (12)."""
        relation, cameo, modality = candidate["relation"], candidate.get("cameo"), candidate["modality"]
        polarity = candidate["polarity"]
        registry = self.onto.relation(relation)
        root = registry.cameo.code[:2] if registry.cameo else None
        cooperative = registry.quad_class in (1, 2) and root not in (None, "01")
        announced = modality in ("intended", "hypothetical")
        if candidate.get("refused") and relation not in _NOT_REJECTIONS:  # "refused to deploy troops"
            return "rejects", "120", "actual", "positive"
        if cooperative and polarity == "negated" and announced:  # "will not accept refugees"
            return "rejects", "120", "actual", "positive"
        if relation in ("kills", "assaults") and candidate.get("military") and polarity == "positive":
            return "fights", "190", modality, polarity  # armed forces killing or attacking: CAMEO 19
        if not announced or polarity != "positive":
            return relation, cameo, modality, polarity
        if candidate.get("conditional"):  # "will withdraw its troops unless ...": a threat
            return "threatens", "130", "actual", polarity
        if relation in _INTENT:
            return "expresses_intent_to_cooperate", _INTENT[relation], "actual", polarity
        if registry.quad_class == 2:
            return "expresses_intent_to_cooperate", _MATERIAL_INTENT.get(root or "", "030"), "actual", polarity
        if registry.quad_class == 4 and relation not in ("threatens",):
            return "threatens", _THREAT.get(root or "", "130"), "actual", polarity
        return relation, cameo, modality, polarity

    def _statement(self, candidate: dict[str, Any], context: _Context, source: str, text: str) -> Extracted | None:
        relation, cameo, modality, polarity = self._recode(candidate)
        subjects = [(i, self.resolve(context, i, relation=relation)) for i in candidate["subjects"]]
        objects = [(i, self.resolve(context, i, relation=relation)) for i in candidate["objects"]]
        subjects = [(i, a) for i, a in subjects if isinstance(a, Actor)]
        if candidate.get("object_default") == "main_country":
            if not context.main_country:
                return None
            # "Roman Golovchenko, the prime minister": of the country the document is about
            objects = [(candidate["title_mention"], self.registry.actors[context.main_country])]
        subject_ids = {a.id for _, a in subjects}
        objects = [(i, a) for i, a in objects if a is not None and a.id not in subject_ids]
        if not subjects or (candidate["objects"] and not objects and candidate.get("object_required", True)):
            return None
        claimant = self.resolve(context, candidate["claimant"]) if candidate["claimant"] is not None else None
        status = candidate["status"]
        if status != "asserted" and not isinstance(claimant, Actor):
            claimant = None
            status = "alleged" if status == "alleged" else "asserted"
        method = f"rule/{candidate['rule']}/{candidate['version']}"
        if cameo and not self.onto.cameo_within(cameo, relation):
            cameo = None
        statement = Statement(
            subjects=tuple(dict.fromkeys(a.id for _, a in subjects)),
            relation=relation,
            objects=tuple(dict.fromkeys(a.id for _, a in objects)),
            source=source,
            date=self._date(context, candidate["date"], candidate["modality"]),
            evidence=Evidence(candidate["sent_start"], candidate["sent_end"],
                              text[candidate["sent_start"]:candidate["sent_end"]].strip()),
            status=status,
            claimant=claimant.id if isinstance(claimant, Actor) else None,
            polarity=polarity,
            modality=modality,
            method=method,
            confidence=self.confidence.get(method, self.confidence.get("default", 0.5)),
            cameo=cameo,
        )
        describe = self._describe
        return Extracted(statement, [describe(context, i, a) for i, a in subjects],
                         [describe(context, i, a) for i, a in objects],
                         describe(context, candidate["claimant"], claimant) if isinstance(claimant, Actor) else None,
                         relation)

    def _describe(self, context: _Context, index: int, entity: Actor | Thing) -> dict[str, Any]:
        item = context.mentions[index]
        iri = ACTOR[entity.id] if isinstance(entity, Actor) else NODE[entity.id]
        return {"iri": str(iri), "id": entity.id, "label": entity.label, "type": entity.type, "text": item["text"],
                "start": item["start_char"], "end": item["end_char"]}

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
            "claimant": _public(extracted.claimant) if extracted.claimant else None,
        }
        return [{"subject": _public(subject), "relation": rel, "object": _public(obj) if obj else None, **common}
                for subject in extracted.subjects for obj in (extracted.objects or [None])]


def _bare(text: str) -> str:
    """A name without a leading article."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else text


def _public(mention: dict[str, Any]) -> dict[str, Any]:
    return {k: mention[k] for k in ("iri", "label", "type", "text", "start", "end")}
