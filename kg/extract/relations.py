"""Relation candidates from a parsed sentence: the rules of ``patterns/relations.jsonl`` and titles.

:func:`find_candidates` returns plain dicts, one per predicate found: the rule, the relation, the
subject and object mentions (lists: coordinated actors make one event), the sentence, a date phrase,
and the qualifiers the sentence gives it:

- voice: in the passive, the ``by`` agent is the subject and the grammatical subject the object;
- coordination: ``Latvia, Lithuania and Poland proposed`` gives three subjects;
- clauses: ``mediation, proposed by Poland`` (participle), ``the man who fled`` (relative clause),
  ``X agreed to set up`` (control: X is the subject of both verbs);
- polarity: ``did not meet``, ``refused to meet`` are negated; ``X denied that ...`` denies;
- modality: ``will``/``plans to`` intended, ``would``/``could``/``if`` hypothetical, ``proposed to``/
  ``called for ... to`` proposed;
- status: ``Y said X did Z`` and ``according to Y`` are reported with Y as claimant; ``claimed``,
  ``alleged`` and ``accusations that`` make it alleged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from kg.extract.mentions import Mentions
from kg.extract.rules import RelationRule, TitleRule

__all__ = ["RuleIndex", "find_candidates"]

_SPEECH = {"say", "tell", "report", "announce", "state", "add", "confirm", "insist", "write", "note", "explain",
           "declare", "reveal", "testify", "quote", "tweet", "acknowledge", "admit", "stress", "argue", "warn"}
_ALLEGE = {"claim", "allege", "accuse", "charge", "assert"}
_ALLEGATION_NOUNS = {"accusation", "allegation", "claim", "report", "rumour", "rumor", "charge"}
_INTEND = {"plan", "intend", "want", "hope", "aim", "seek", "prepare", "decide", "expect", "try", "promise", "pledge",
           "vow", "agree", "wish", "mean", "attempt", "willing", "ready", "prepared", "determined", "eager",
           "committed", "keen", "set", "poised", "offer"}
_PROPOSE = {"propose", "suggest", "urge", "call", "ask", "recommend"}
_REFUSE = {"refuse", "decline", "fail", "reject"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_GROUP_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "million",
                "millions", "group", "groups", "member", "members", "number", "part", "some", "many", "most", "all",
                "several", "majority", "contingent", "team", "unit", "batch", "patch"}
_WRAPPERS = {"position", "positions", "office", "offices", "headquarters", "home", "homes", "camp", "camps",
             "base", "bases", "return", "entry", "deployment", "arrival", "presence", "dispatch", "possibility",
             "idea", "prospect", "notion", "%", "percent", "share", "prospects", "offer", "kind",
             "sort", "form", "type", "city", "town", "village", "capital", "province", "region", "state", "port",
             "worth", "kg", "kilogram", "kilograms", "ton", "tons", "tonne", "tonnes", "amount", "quantity"}
_FOR_WRAPPERS = {"call", "calls", "demand", "demands", "plea", "pleas", "appeal", "appeals", "push", "bid", "request",
                 "requests", "campaign", "clamour", "clamor", "pressure"}
_PURPOSE_NOUNS = {"protest", "defiance", "opposition", "response", "retaliation", "solidarity", "support", "demand"}
#: Heads of subjects that make an attack military force (CAMEO 19, fight) rather than an assault (18).
_MILITARY = {"force", "forces", "troop", "troops", "army", "military", "aircraft", "warplane", "warplanes", "jet",
             "jets",
             "helicopter", "helicopters", "gunship", "gunships", "tank", "tanks", "artillery", "navy", "soldier",
             "soldiers", "drone", "drones", "airforce", "battalion", "brigade", "unit", "units"}
#: Head nouns of organisations named by description ("a Belarusian human rights organisation").
ORGANISATIONS = {"organisation", "organization", "group", "party", "movement", "union", "association", "agency",
                 "newspaper", "radio", "television", "channel", "broadcaster", "embassy", "faction", "forum", "team",
                 "company", "firm", "network", "front", "alliance", "foundation", "charity", "institute"}
#: Relations whose object may be a thing rather than an actor (a plan, an election, a demand).
_THING_RELATIONS = {"proposes", "rejects", "rejects_mediation", "calls_for", "offers_mediation", "wins",
                    "candidate_in", "signs_agreement", "demonstrates", "protests", "accuses", "criticizes",
                    "declines_comment", "makes_statement"}
_INSTRUMENT = {"by", "via", "over", "through"}  # "by telephone with X", "via video link with X"
#: Verbs whose clausal complement is what they ask for, not an event: "demand that X step down".
_DEMAND = {"demand", "urge", "ask", "request", "insist", "call", "press", "petition"}
_HUMAN = {"official", "officials", "protester", "protesters", "demonstrator", "demonstrators", "people", "person",
          "soldier", "soldiers", "troops", "troop", "force", "forces", "police", "policeman", "policemen", "officer",
          "officers", "student", "students", "activist", "activists", "rebel", "rebels", "militant", "militants",
          "fighter", "fighters", "guerrilla", "guerrillas", "guerilla", "guerillas", "diplomat", "diplomats", "settler",
          "settlers", "refugee", "refugees", "detainee", "detainees", "prisoner", "prisoners", "worker", "workers",
          "leader", "leaders", "supporter", "supporters", "opposition", "opponent", "opponents", "citizen",
          "citizens", "civilian", "civilians", "journalist", "journalists", "minister", "ministers", "government",
          "authorities", "authority", "army", "militia", "militiamen", "immigrant", "immigrants", "resident",
          "residents", "villager", "villagers", "man", "men", "woman", "women", "child", "children", "member",
          "members", "voter", "voters", "crowd", "mob", "agent", "agents", "guard", "guards", "judge", "court",
          "parliament", "president", "envoy", "ambassador", "adviser", "advisers", "advisor", "advisors",
          "candidate", "spokesman", "spokeswoman", "delegation", "party", "coalition", "administration", "regime",
          "junta", "cabinet", "ministry", "agency", "council", "committee", "mission", "inspector", "inspectors",
          "monitor", "monitors", "observer", "observers", "staff", "personnel", "mourner", "mourners", "expert",
          "experts", "partner", "husband", "wife", "teacher", "blogger", "insurgent", "insurgents", "terrorist",
          "terrorists", "separatist", "separatists", "marine", "marines", "commander", "commanders", "crew",
          "extremist", "extremists", "nationalist", "nationalists", "gunman", "gunmen", "hacker", "hackers",
          "farmer", "farmers", "doctor", "doctors", "landowner", "landowners", "inhabitant", "inhabitants", "youth",
          "youths", "delegate", "delegates", "deputy", "deputies", "lawmaker", "lawmakers", "legislator",
          "legislators", "senator", "senators", "negotiator", "negotiators", "peacekeeper", "peacekeepers",
          "fundamentalist", "fundamentalists", "militiaman", "hostage", "hostages", "migrant", "migrants",
          "dissident", "dissidents", "critic", "critics", "politician", "politicians", "lawyer", "lawyers",
          "businessman", "businessmen", "missionary", "missionaries", "nationals", "serviceman", "servicemen",
          "elder", "elders", "clergy", "cleric", "clerics", "bishop", "monk", "monks", "tribesmen", "taker",
          "takers", "kidnapper", "kidnappers", "captor", "captors", "hijacker", "hijackers", "bomber", "bombers",
          "assailant", "assailants", "attacker", "attackers", "sniper", "snipers"}
_ARG_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


class RuleIndex:
    """Relation rules looked up by trigger lemma."""

    def __init__(self, rules: list[RelationRule], titles: list[TitleRule]):
        self.by_lemma: dict[str, list[tuple[RelationRule, str | None]]] = defaultdict(list)
        self.by_light: dict[str, list[RelationRule]] = defaultdict(list)
        for rule in rules:
            for lemma in rule.lemmas:
                first, _, rest = lemma.partition(" ")
                self.by_lemma[first].append((rule, rest or None))
            for light in rule.light:
                self.by_light[light].append(rule)
        self.titles = {rule.id: rule for rule in titles}
        self.order = {rule.id: position for position, rule in enumerate(rules)}


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it (``Latvia, Lithuania and Poland``)."""
    out, todo = [], [token]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo += [c for c in current.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return sorted(out, key=lambda t: t.i)


def _unwrap(token: Token) -> Token:
    """``thousands of Belarusians``, ``the possibility of mediation``, ``calls for a new election``: the
    argument is inside."""
    words = {token.lemma_.lower(), token.lower_}
    for wrappers, word in ((_GROUP_HEADS | _WRAPPERS, "of"), (_FOR_WRAPPERS, "for")):
        if words & wrappers:
            for prep in _children(token, "prep"):
                if prep.lower_ == word:
                    objects = _children(prep, "pobj")
                    if objects:
                        return objects[0]
    return token


_CONTROLLERS = {"urge", "ask", "call", "press", "persuade", "invite", "order", "force", "tell"}


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The grammatical agents of ``verb``, following control and shared subjects."""
    if depth > 4:
        return []
    if _is_passive(verb):
        for agent in _children(verb, "agent"):
            return [t for t in _children(agent, "pobj")]
        return []
    direct = _children(verb, "nsubj")
    if direct:
        if direct[0].tag_ == "WP" and verb.dep_ == "relcl":
            return [verb.head]
        return direct
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _CONTROLLERS:
        controllers = _children(verb.head, "dobj") + [o for p in _children(verb.head, "prep")
                                                     if p.lower_ in ("on", "upon") for o in _children(p, "pobj")]
        if controllers:
            return controllers
    if verb.dep_ == "xcomp" and _is_passive(verb.head) and not _children(verb.head, "agent"):
        return _children(verb.head, "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        for agent in _children(verb, "agent"):
            return _children(agent, "pobj")
        return []
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod", "xcomp"):
        return _subjects(verb.head.head, depth + 1)  # "X is willing to send", "X, ready to help"
    return []


def _quote_speech(verb: Token) -> Token | None:
    """The speech verb after a quotation that runs on past the sentence of ``verb``."""
    sent, doc = verb.sent, verb.doc
    if sent[0].tag_ != "``":
        return None
    for token in doc[sent.end:]:
        if token.tag_ == "''":
            return token.head if token.head.lemma_.lower() in _SPEECH else None
        if token.tag_ == "``":
            return None
    return None


class _Finder:
    def __init__(self, doc: Doc, mentions: Mentions, index: RuleIndex):
        self.doc = doc
        self.mentions = mentions
        self.index = index
        self._found: dict[int, list[dict[str, Any]]] = {}

    # -- arguments -----------------------------------------------------------------------------

    def argument(self, token: Token, *, inside: bool = False) -> int | None:
        """The mention for an argument headed by ``token`` (a named entity, pronoun or noun phrase)."""
        token = _unwrap(token)
        found = self.mentions.at(token)
        if found is None:  # "the opposition newspaper La Prensa": the name in apposition
            names = [self.mentions.at(c) for c in _children(token, "appos")]
            found = next((n for n in names if n is not None and self.mentions.items[n]["kind"] == "entity"), None)
        if found is not None:
            item = self.mentions.items[found]
            if item.get("ref_token") is not None and item.get("ref") is None:  # "Syria said it would ..."
                item["ref"] = self.argument(self.doc[item["ref_token"]])
            return found
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            return None
        if token.pos_ == "PRON" and token.lower_ not in ("they", "them", "we", "us"):
            return None
        human = token.lemma_.lower() in _HUMAN or token.lower_ in _HUMAN
        inner, todo = [], [token]
        while todo:  # modifiers and of/by/from complements ("crimes committed by X" too), but not other clauses
            current = todo.pop()
            inner.append(current)
            todo += [c for c in current.children if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "pobj")
                     or (c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "to", "for", "with", "against"))
                     or (inside and c.dep_ in ("acl", "agent"))
                     or (c.dep_ == "conj" and current is not token)]  # "Hungarian and Romanian officials"
        entities = [self.mentions.at(t) for t in sorted(inner, key=lambda t: t.i) if self.mentions.at(t) is not None]
        entities = [e for e in entities if self.mentions.items[e]["kind"] in ("entity", "demonym", "surname")
                    and self.mentions.items[e]["label"] in _ARG_LABELS]
        if inside and not human:  # "war crimes by Croatian extremists": the extremists
            for part in sorted(inner, key=lambda t: t.i):
                if part is not token and (part.lemma_.lower() in _HUMAN or part.lower_ in _HUMAN) \
                        and part.dep_ in ("pobj", "poss", "compound"):
                    return self.argument(part)
        if inside and entities and not (human and self.mentions.items[entities[0]]["kind"] == "demonym"):
            # "a U.S. request": the United States; but "Croatian extremists" stay a group, and in "the
            # resignation of Algerian President Ben Bella" the person, not the adjective, is the argument
            primary = [e for e in entities if self.doc[self.mentions.items[e]["head"]].head.i == token.i
                       or (self.doc[self.mentions.items[e]["head"]].dep_ not in ("amod", "nmod")
                           and self.mentions.items[e]["kind"] != "demonym")]
            return (primary or entities)[0]
        left = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ not in ("punct", "cc", "prep"))])
        while (left < token.i and self.doc[left].dep_ in ("det", "punct", "cc", "predet")) or \
                (left < token.i and self.doc[left].pos_ == "DET"):
            left += 1
        right = token.i
        if human:  # "leaders of Romania's new government", "rebels in Darfur"
            for prep in _children(token, "prep"):
                if prep.lower_ in ("of", "in", "from") and prep.i == right + 1:
                    right = max([right, *(t.i for t in prep.subtree)])
        span = self.doc[left:right + 1]
        owners = [e for e in entities if self.doc[self.mentions.items[e]["head"]].dep_ == "poss"
                  or (self.doc[self.mentions.items[e]["head"]].dep_ == "pobj"
                      and self.doc[self.mentions.items[e]["head"]].head.lower_ in ("of", "by"))]
        return self.mentions.add("np", span, label="", inner=sorted(set(entities)), owner=owners[0] if owners else None)

    def _target(self, index: int) -> int:
        """The mention a mention stands for (a pronoun's antecedent), or itself."""
        target = self.mentions.resolve(index)
        return index if target is None else target

    def is_entity(self, index: int) -> bool:
        item = self.mentions.items[self._target(index)]
        return item["kind"] in ("entity", "demonym", "title", "surname") or item["kind"] == "pronoun"

    def label(self, index: int) -> str:
        return self.mentions.items[self._target(index)]["label"]

    def human(self, index: int) -> bool:
        item = self.mentions.items[self._target(index)]
        if item["kind"] != "np":
            return self.label(index) in ("PERSON", "NORP", "ORG", "GPE")
        head = self.doc[item["head"]]
        return head.lemma_.lower() in _HUMAN or head.lower_ in _HUMAN or head.lemma_.lower() in ORGANISATIONS \
            or bool(item.get("inner"))

    def person_or_group(self, index: int) -> bool:
        """People rather than things: a person, a nationality, or a noun phrase headed by a human noun
        ("52 members of the banned movement"), not a thing that merely names one ("a Karen stronghold")."""
        item = self.mentions.items[self._target(index)]
        if item["kind"] != "np":
            return item["label"] in ("PERSON", "NORP", "ORG", "GPE")
        head = self.doc[item["head"]]
        return head.lemma_.lower() in _HUMAN or head.lower_ in _HUMAN

    def accept(self, rule: RelationRule, index: int | None) -> bool:
        if index is None:
            return False
        item = self.mentions.items[index]
        if rule.no_object_types and self.label(index) in rule.no_object_types:
            return False
        if rule.object_types and self.label(index) not in rule.object_types:
            head_ok = rule.object_heads and self.doc[item["head"]].lemma_.lower() in rule.object_heads
            if not head_ok:
                return False
        elif rule.object_heads and item["kind"] == "np" \
                and self.doc[item["head"]].lemma_.lower() not in rule.object_heads:
            return False
        if rule.object_entity and not self.is_entity(index):
            return False
        return not (rule.object_human and not self.person_or_group(index))

    def objects(self, rule: RelationRule, verb: Token, noun: Token | None, subjects: set[int]) -> list[int]:
        passive = _is_passive(verb)
        for slot in rule.objects:
            tokens: list[Token] = []
            if slot == "dobj":
                tokens = _children(verb, "nsubjpass") if passive else _children(verb, "dobj")
                tokens = [t for t in tokens if t != noun]  # "began a hunger strike": the trigger, not its object
                if not passive and noun is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
                    tokens = [verb.head]  # "mediation, proposed by Poland"
                    of = [c for p in _children(verb.head, "prep") if p.lower_ == "of" for c in _children(p, "pobj")]
                    tokens = of or tokens
                if verb.dep_ == "relcl" and _children(verb, "nsubj") and (
                        not tokens or all(t.tag_ in ("WP", "WDT") for t in tokens)):
                    tokens = [verb.head]
            elif slot == "dative":
                tokens = _children(verb, "dative")
            elif slot.startswith("prep:") or slot.startswith("xcomp:prep:"):
                word = slot.rsplit(":", 1)[1]
                heads = [verb] + ([noun] if noun is not None else [])
                if slot.startswith("xcomp:"):
                    heads = _children(verb, "xcomp")
                for head in heads:
                    for prep in _children(head, "prep", "agent", "dative"):
                        if prep.lower_ == word:
                            tokens += _children(prep, "pobj")
                if not tokens and word != "of":
                    # "shared evidence with the U.S.", "spoke by telephone with X": the preposition hangs off
                    # the object or off an instrument
                    holders = [d for head in heads for d in _children(head, "dobj")]
                    holders += [o for head in heads for p in _children(head, "prep") if p.lower_ in _INSTRUMENT
                                for o in _children(p, "pobj")]
                    for holder in holders:
                        for prep in _children(holder, "prep"):
                            if prep.lower_ == word:
                                tokens += _children(prep, "pobj")
            elif slot == "ccomp-subj":
                tokens = [s for c in _children(verb, "ccomp") for s in _children(c, "nsubj", "nsubjpass")]
            elif slot in ("complement", "purpose"):
                found = self.complement(verb, noun, subjects, purpose=slot == "purpose")
                if found is not None:  # "blows to the United States and Israel": both
                    head = self.doc[self.mentions.items[found]["head"]]
                    more = [self.mentions.at(c) for c in _conjuncts(head) if c != head]
                    return [found, *(m for m in more if m is not None and m != found and m not in subjects)]
                continue
            found = []
            for token in tokens:
                for part in _conjuncts(_unwrap(token)):  # "scores of Sierra Leonean and Liberian refugees"
                    index = self.argument(part, inside=rule.object_entity_inside)
                    if self.accept(rule, index) and index not in subjects and not self.empty(rule, index):
                        found.append(index)
            if found:
                return found
        return []

    def empty(self, rule: RelationRule, index: int | None) -> bool:
        """A thing that names no actor ("emergency measures"), where the rule wants an actor: keep looking."""
        if index is None or rule.relation in _THING_RELATIONS:
            return False
        item = self.mentions.items[self._target(index)]
        if item["kind"] != "np" or item.get("inner") or self.person_or_group(index):
            return False
        return self.doc[item["head"]].lemma_.lower() not in ORGANISATIONS

    def complement(self, verb: Token, noun: Token | None, subjects: set[int], *, purpose: bool = False) -> int | None:
        """The first actor named in the verb's complement (``agreed to set up a centre in Tokyo``), or in its
        purpose clause (``began a hunger strike to protest against X``)."""
        if purpose:  # the purpose clause, then "in protest against X", "in defiance of X"
            roots = _children(verb, "advcl", "xcomp") + (_children(noun, "acl", "relcl") if noun is not None else [])
            roots += [p for head in (verb, noun) if head is not None for p in _children(head, "prep")
                      if any(o.lemma_.lower() in _PURPOSE_NOUNS for o in _children(p, "pobj"))]
        else:
            roots = sorted(_children(verb, "xcomp", "ccomp", "dobj", "pcomp", "prep")
                           + (_children(noun, "prep", "acl", "relcl") if noun is not None else []), key=lambda t: t.i)
        for root in roots:
            for token in root.subtree:
                index = self.mentions.at(token)
                if index is None or index in subjects:
                    continue
                item = self.mentions.items[index]
                if item["kind"] in ("entity", "demonym", "surname") and item["label"] in _ARG_LABELS:
                    if any(self.mentions.resolve(index) == self.mentions.resolve(s) for s in subjects):
                        continue
                    return index
        return None

    # -- qualifiers ----------------------------------------------------------------------------

    def qualifiers(self, verb: Token, noun: Token | None) -> dict[str, Any]:
        polarity, modality, status, claimant, refused = "positive", "actual", "asserted", None, False
        negators = _children(verb, "neg") + (_children(noun, "neg", "det") if noun is not None else [])
        if any(t.lower_ in ("not", "n't", "never", "no") for t in negators):
            polarity = "negated"
        aux = {c.lower_ for c in _children(verb, "aux")}
        if aux & _FUTURE_AUX:
            modality = "intended"
        if aux & _HYPOTHETICAL_AUX:
            modality = "hypothetical"
        if any(c.lower_ in ("if", "unless") for adv in [verb] for c in _children(adv, "mark")) and verb.dep_ == "advcl":
            modality = "hypothetical"
        conditional = any(m.lower_ == "unless" for c in _children(verb, "advcl") for m in _children(c, "mark"))
        current = verb
        for _ in range(6):
            head = current.head
            if head.i == current.i:
                break
            lemma = head.lemma_.lower()
            if current.dep_ == "xcomp" and _children(head, "neg"):
                polarity = "negated"
            if current.dep_ == "xcomp":
                if lemma in _REFUSE:
                    polarity, refused = "negated", True
                elif lemma == "deny":
                    polarity = "denied"
                elif lemma == "threaten":
                    modality = "hypothetical"
                elif lemma in _INTEND:
                    modality = "intended"
                elif lemma in _PROPOSE:
                    modality = "proposed"
            if current.dep_ == "ccomp" and lemma in _DEMAND and any(
                    c.dep_ == "mark" or c.dep_ == "nsubj" for c in current.children):
                modality = "demanded"  # the demand is the event; what it asks for is not
                break
            if current.dep_ in ("ccomp", "parataxis") and head.pos_ in ("VERB", "AUX"):
                if lemma == "deny":
                    polarity, status = "denied", "reported"
                    claimant = self.speaker(head)
                    break
                if lemma in _ALLEGE:
                    status, claimant = "alleged", self.speaker(head)
                    break
                if lemma in _SPEECH:
                    status, claimant = "reported", self.speaker(head)
                    break
            if current.dep_ in ("acl", "ccomp") and head.lemma_.lower() in _ALLEGATION_NOUNS:
                status, claimant = "alleged", self.owner(head)
                break
            if current.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl", "acl", "pcomp"):
                break
            current = head
        for child in verb.children:  # "X agreed, officials said": the speech verb hangs off the predicate
            if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in _SPEECH | _ALLEGE \
                    and status == "asserted":
                status = "alleged" if child.lemma_.lower() in _ALLEGE else "reported"
                claimant = self.speaker(child)
        for token in verb.sent:  # "according to X"
            if token.lower_ == "according" and status == "asserted":
                for to in token.children:
                    for who in _children(to, "pobj"):
                        status, claimant = "reported", self.argument(who)
        if status == "asserted":
            speech = _quote_speech(verb)
            if speech is not None:
                status, claimant = "reported", self.speaker(speech)
        if status == "asserted":
            claimant = None
        return {"polarity": polarity, "modality": modality, "status": status, "claimant": claimant,
                "refused": refused, "conditional": conditional}

    def speaker(self, verb: Token) -> int | None:
        for subject in _children(verb, "nsubj", "nsubjpass"):
            return self.argument(subject)
        for agent in _children(verb, "agent"):
            for who in _children(agent, "pobj"):
                return self.argument(who)
        return None

    def owner(self, noun: Token) -> int | None:
        for child in noun.children:
            if child.dep_ == "poss":
                return self.argument(child)
            if child.dep_ == "prep" and child.lower_ == "by":
                for who in _children(child, "pobj"):
                    return self.argument(who)
        return None

    def date(self, verb: Token, noun: Token | None) -> str | None:
        """The date phrase attached to the predicate (``on Wednesday``, ``last week``), if any."""
        heads = [verb] + ([noun] if noun is not None else [])
        for head in heads:
            for child in head.children:
                if child.dep_ not in ("prep", "npadvmod", "tmod", "advmod", "pobj"):
                    continue
                tokens = [child] + [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
                for token in tokens:
                    if token.ent_type_ == "DATE":
                        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
                        return ent.text
        return None

    # -- rules ---------------------------------------------------------------------------------

    def conditions(self, rule: RelationRule, verb: Token, rest: str | None) -> bool:
        if rest is not None and not any(c.lower_ == rest or c.lemma_.lower() == rest for c in verb.children):
            return False
        if rule.passive_only and not _is_passive(verb):
            return False
        preps = {c.lower_ for c in _children(verb, "prep")  # "on Tuesday" is not "call on"
                 if not any(o.ent_type_ in ("DATE", "TIME") for o in _children(c, "pobj"))}
        if rule.preps and not preps & set(rule.preps):
            return False
        if preps & set(rule.not_preps):
            return False
        if rule.no_oprd and _children(verb, "oprd", "xcomp", "ccomp"):
            return False
        if rule.xcomp and not any(c.lemma_.lower() in rule.xcomp for c in _children(verb, "xcomp")):
            return False
        if rule.any_xcomp and not _children(verb, "xcomp"):
            return False
        if rule.theme:
            themes = _children(verb, "nsubjpass") if _is_passive(verb) else _children(verb, "dobj")
            themes += [c for x in _children(verb, "xcomp") for c in _children(x, "dobj")]
            themes += [_unwrap(t) for t in themes]
            if not any(t.lemma_.lower() in rule.theme or t.lower_ in rule.theme for t in themes):
                return False
        if rule.ccomp_aux and not any(a.lower_ in rule.ccomp_aux for c in _children(verb, "ccomp")
                                      for a in _children(c, "aux")):
            return False
        if rule.theme_prep:
            pobjs = [o for p in _children(verb, "prep") for o in _children(p, "pobj")]
            pobjs += [o for d in _children(verb, "dobj") for p in _children(d, "prep") for o in _children(p, "pobj")]
            if not any(t.lemma_.lower() in rule.theme_prep for t in pobjs):
                return False
        return True

    def light_noun(self, rule: RelationRule, verb: Token) -> Token | None:
        candidates = _children(verb, "dobj", "attr") + [p for prep in _children(verb, "prep")
                                                        for p in _children(prep, "pobj")]
        for noun in candidates:
            words = {noun.lemma_.lower(), noun.lower_}
            compounds = [c.lower_ for c in _children(noun, "compound", "amod")]
            words |= {f"{c} {noun.lemma_.lower()}" for c in compounds} | {f"{c} {noun.lower_}" for c in compounds}
            if words & set(rule.nouns) and (not rule.noun_mods or set(compounds) & set(rule.noun_mods)):
                return noun
        return None

    def split(self, index: int) -> list[int]:
        """A group named by coordinated affiliations ("Hungarian and Romanian officials") as its parts."""
        item = self.mentions.items[index]
        inner = item.get("inner") or []
        if item["kind"] != "np" or len(inner) < 2:
            return [index]
        heads = [self.doc[self.mentions.items[i]["head"]] for i in inner]
        if all(h.dep_ == "conj" or any(c.dep_ == "conj" and c in heads for c in h.children) for h in heads):
            return list(inner)
        return [index]

    def lemma(self, verb: Token) -> str:
        """The verb's lemma, mended where the model's lemmatiser slips (``staged`` -> ``stag``)."""
        lemma = verb.lemma_.lower()
        if lemma in self.index.by_lemma or lemma in self.index.by_light:
            return lemma
        word = verb.lower_
        for cut, add in ((1, ""), (2, ""), (3, ""), (3, "e"), (1, "e")):
            if word.endswith(("ed", "es", "ing", "s")) and len(word) > cut + 2:
                guess = word[:-cut] + add
                if guess in self.index.by_lemma or guess in self.index.by_light:
                    return guess
        return lemma

    def candidates(self, verb: Token) -> list[dict[str, Any]]:
        """The relation candidates of one predicate (computed once per token)."""
        if verb.i not in self._found:
            self._found[verb.i] = self._candidates(verb)
        return self._found[verb.i]

    def _candidates(self, verb: Token) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        triggers: list[tuple[RelationRule, Token | None]] = []
        if verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB"):
            lemma = self.lemma(verb)
            for rule, rest in self.index.by_lemma.get(lemma, ()):
                if not rule.light and self.conditions(rule, verb, rest):
                    triggers.append((rule, None))
            for rule in self.index.by_light.get(lemma, ()):
                noun = self.light_noun(rule, verb)
                if noun is not None:
                    triggers.append((rule, noun))
        for rule, noun in sorted(triggers, key=lambda t: self.index.order[t[0].id]):
            heads = _children(verb, "nsubjpass") if rule.passive_only else _subjects(verb)
            subject_tokens = [t for s in heads for t in _conjuncts(s)]
            subjects = [self.argument(t) for t in subject_tokens]
            subjects = [s for s in subjects if s is not None and self.human(s)]
            if not subjects:
                continue
            subjects = list(dict.fromkeys(part for s in subjects for part in self.split(s)))
            if rule.reciprocal and len(subjects) >= 2:  # "A and B agreed to ...": each with the other first
                direct = [slot for slot in rule.objects if slot not in ("complement", "purpose")]
                objects = self.objects(replace(rule, objects=tuple(direct)), verb, noun, set(subjects))
            else:
                objects = self.objects(rule, verb, noun, set(subjects))
            pairs: list[tuple[list[int], list[int]]] = [(subjects, objects)]
            if not objects and rule.reciprocal and len(subjects) >= 2:
                pairs = [([a], [b]) for a in subjects for b in subjects if a != b]
            elif not objects and rule.object_required:
                continue
            if rule.relation == "expresses_intent_to_cooperate" and self.lemma(verb) in _INTEND \
                    and any(self.candidates(x) for x in _children(verb, "xcomp")):
                break  # "agreed to prepare sanctions": the sanctions are the event, announced
            qualifiers = self.qualifiers(verb, noun)
            if qualifiers["modality"] == "demanded":
                break
            military = any(self.doc[t].lemma_.lower() in _MILITARY for t in
                           (self.mentions.items[self._target(s)]["head"] for s in subjects))
            for subject_list, object_list in pairs:
                found.append({
                    "military": military,
                    "rule": rule.id, "version": rule.version, "relation": rule.relation, "cameo": rule.cameo,
                    "subjects": subject_list, "objects": object_list, "object_required": rule.object_required,
                    "trigger": verb.i,
                    "sent_start": verb.sent.start_char, "sent_end": verb.sent.end_char,
                    "date": self.date(verb, noun), **qualifiers})
            break  # one predicate, one relation: the first rule (in file order) that finds its arguments
        return found

    def memberships(self) -> list[dict[str, Any]]:
        """Membership carried by a noun phrase: people of, from or within an organisation ("soldiers from
        the 3rd Battalion", "officials of the ministry", "members of the party")."""
        found = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if not (lemma in _HUMAN or token.lower_ in _HUMAN) or (lemma in _GROUP_HEADS and lemma != "member") \
                    or token.pos_ not in ("NOUN", "PROPN"):
                continue
            here = self.mentions.at(token)
            if here is not None and self.mentions.items[here]["kind"] == "title":
                continue  # "commander of U.S. Central Command": the title says leader_of
            for prep in _children(token, "prep"):
                if prep.lower_ not in ("of", "from", "within", "with", "in"):
                    continue
                for org in _children(prep, "pobj"):
                    index = self.mentions.at(org)
                    if index is None or self.label(index) != "ORG":
                        continue
                    subject = self.argument(token)
                    if subject is None or self._target(subject) == self._target(index):
                        continue
                    found.append({"rule": "member.noun-phrase", "version": 1, "relation": "member_of", "cameo": None,
                                  "subjects": [subject], "objects": [index], "trigger": token.i,
                                  "sent_start": token.sent.start_char, "sent_end": token.sent.end_char, "date": None,
                                  "polarity": "positive", "modality": "actual", "status": "asserted",
                                  "claimant": None})
        return found

    def titles(self) -> list[dict[str, Any]]:
        found = []
        for item in list(self.mentions.items):
            if item["kind"] != "title" or not item.get("relation") or item.get("person") is None:
                continue
            rule = self.index.titles[item["title"]]
            target = None
            if rule.object == "country":
                target = item.get("country_mention")
            elif rule.object == "organization":
                target = item.get("org")
            elif rule.object == "possessor":
                target = item.get("possessor")
            else:
                target = item.get("org") or item.get("country_mention") or item.get("possessor")
            relation = rule.relation
            if target is None and rule.object == "country" and item.get("org") is not None:
                target, relation = item["org"], "leader_of"  # "European Council President Charles Michel"
            default = target is None and rule.object == "country"
            if target is None and not default:
                continue
            head = self.doc[item["head"]]
            found.append({"rule": rule.id, "version": rule.version, "relation": relation, "cameo": None,
                          "subjects": [item["person"]], "objects": [] if default else [target], "trigger": head.i,
                          "object_default": "main_country" if default else None, "title_mention": item["i"],
                          "sent_start": head.sent.start_char, "sent_end": head.sent.end_char, "date": None,
                          "polarity": "positive", "modality": "actual", "status": "asserted", "claimant": None})
        return found


def find_candidates(doc: Doc, mentions: Mentions, index: RuleIndex) -> list[dict[str, Any]]:
    """Relation candidates of every sentence of ``doc`` (see the module docs)."""
    finder = _Finder(doc, mentions, index)
    found = []
    for token in doc:
        found += finder.candidates(token)
    found += finder.titles()
    found += finder.memberships()
    return found
