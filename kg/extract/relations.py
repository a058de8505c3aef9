"""Relation candidates from a parsed sentence: the rules of ``patterns/relations.jsonl`` and titles.

:func:`find_candidates` returns one :class:`~kg.extract.types.Candidate` per predicate found: the rule, the
relation, the subject and object mentions (coordinated actors make one event), the sentence, a date phrase,
and the qualifiers the sentence gives it (:mod:`kg.extract.qualifiers`). Arguments are found by
:class:`~kg.extract.arguments.Arguments`:

- voice: in the passive, the ``by`` agent is the subject and the grammatical subject the object;
- coordination: ``Latvia, Lithuania and Poland proposed`` gives three subjects;
- clauses: ``mediation, proposed by Poland`` (participle), ``the man who fled`` (relative clause),
  ``X agreed to set up`` (control: X is the subject of both verbs).

Titles carry relations too (``Iraqi President Fuad Masum``: head_of_state_of Iraq), and so do noun phrases
of membership (``soldiers from the 3rd Battalion``: member_of).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.arguments import Arguments
from kg.extract.lexicons import lexicons
from kg.extract.membership import ally_candidates, member_list_candidates, unit_chain_candidates
from kg.extract.mentions import Mentions
from kg.extract.nominal import nominal_candidates, nominal_index
from kg.extract.qualifiers import date_phrase, qualifiers
from kg.extract.rules import RelationRule, TitleRule
from kg.extract.syntax import children, conjuncts, is_passive, subjects, unwrap
from kg.extract.types import Candidate

__all__ = ["RuleIndex", "find_candidates"]


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
        self.nominal = nominal_index(rules)
        self.order = {rule.id: position for position, rule in enumerate(rules)}


class _Finder:
    def __init__(self, doc: Doc, mentions: Mentions, index: RuleIndex):
        self.doc = doc
        self.mentions = mentions
        self.index = index
        self.arguments = Arguments(doc, mentions)
        self._found: dict[int, list[Candidate]] = {}

    def conditions(self, rule: RelationRule, verb: Token, rest: str | None) -> bool:
        """True if ``verb`` meets the rule's conditions (particle, voice, prepositions, complements, theme)."""
        if rest is not None and not any(c.lower_ == rest or c.lemma_.lower() == rest for c in verb.children):
            return False
        if rule.passive_only and not is_passive(verb):
            return False
        preps = {c.lower_ for c in children(verb, "prep")  # "on Tuesday" is not "call on"
                 if not any(o.ent_type_ in ("DATE", "TIME") for o in children(c, "pobj"))}
        if rule.preps and not preps & set(rule.preps):
            return False
        if preps & set(rule.not_preps):
            return False
        if rule.no_oprd and children(verb, "oprd", "xcomp", "ccomp"):
            return False
        if rule.xcomp and not any(c.lemma_.lower() in rule.xcomp for c in children(verb, "xcomp")):
            return False
        if rule.any_xcomp and not children(verb, "xcomp"):
            return False
        if rule.theme:
            themes = children(verb, "nsubjpass") if is_passive(verb) else children(verb, "dobj")
            themes += [c for x in children(verb, "xcomp") for c in children(x, "dobj")]
            themes += [unwrap(t) for t in themes]
            if not any(t.lemma_.lower() in rule.theme or t.lower_ in rule.theme for t in themes):
                return False
        if rule.ccomp_aux and not any(a.lower_ in rule.ccomp_aux for c in children(verb, "ccomp")
                                      for a in children(c, "aux")):
            return False
        if rule.theme_prep:
            pobjs = [o for p in children(verb, "prep") for o in children(p, "pobj")]
            pobjs += [o for d in children(verb, "dobj") for p in children(d, "prep") for o in children(p, "pobj")]
            if not any(t.lemma_.lower() in rule.theme_prep for t in pobjs):
                return False
        return True

    def light_noun(self, rule: RelationRule, verb: Token) -> Token | None:
        """The noun that makes ``verb`` a light verb of ``rule`` (``held talks``, ``a protest was held``), if any."""
        candidates = children(verb, "dobj", "attr") + [p for prep in children(verb, "prep")
                                                       for p in children(prep, "pobj")]
        if is_passive(verb):
            candidates += children(verb, "nsubjpass")
        for noun in candidates:
            words = {noun.lemma_.lower(), noun.lower_}
            compounds = [c.lower_ for c in children(noun, "compound", "amod")]
            words |= {f"{c} {noun.lemma_.lower()}" for c in compounds} | {f"{c} {noun.lower_}" for c in compounds}
            if words & set(rule.nouns) and (not rule.noun_mods or set(compounds) & set(rule.noun_mods)) \
                    and not set(compounds) & set(rule.not_noun_mods):
                return noun
        return None

    def lemma(self, verb: Token) -> str:
        """The verb's lemma, mended where the model's lemmatiser slips (``staged`` -> ``stag``)."""
        lemma: str = verb.lemma_.lower()
        if lemma in self.index.by_lemma or lemma in self.index.by_light:
            return lemma
        word = verb.lower_
        for cut, add in ((1, ""), (2, ""), (3, ""), (3, "e"), (1, "e")):
            if word.endswith(("ed", "es", "ing", "s")) and len(word) > cut + 2:
                guess = word[:-cut] + add
                if guess in self.index.by_lemma or guess in self.index.by_light:
                    return guess
        return lemma

    def candidates(self, verb: Token) -> list[Candidate]:
        """The relation candidates of one predicate (computed once per token)."""
        if verb.i not in self._found:
            self._found[verb.i] = self._candidates(verb)
        return self._found[verb.i]

    def _candidates(self, verb: Token) -> list[Candidate]:
        lex = lexicons()
        arguments = self.arguments
        found: list[Candidate] = []
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
            heads, named_by = subjects(verb), None
            if rule.passive_only and not rule.implied:  # "X was re-elected", "X attacked but was repelled by Y"
                heads = children(verb, "nsubjpass") or (children(verb.head, "nsubj", "nsubjpass")
                                                        if verb.dep_ == "conj" and is_passive(verb) else [])
            if rule.subject_nouns:  # "protests erupted": the subject names the event, not who acts
                events = children(verb, "nsubj", "nsubjpass")
                if not any(h.lemma_.lower() in rule.subject_nouns or h.lower_ in rule.subject_nouns for h in events):
                    continue
                modifiers = [c for h in events for c in children(h, "amod", "compound", "poss")]
                named_by = next((m for c in modifiers if (m := arguments.mentions.at(c)) is not None
                                 and arguments.mentions[m].kind in ("entity", "demonym")), None)
                heads = []
            subject_tokens = [t for s in heads for t in conjuncts(s)]
            named = [arguments.argument(t) for t in subject_tokens]
            humans = [s for s in named if s is not None and arguments.human(s)]
            implied = None
            if not humans:
                if not (rule.implied and not subject_tokens and (is_passive(verb) or not rule.passive_only)):
                    continue
                implied = rule.implied  # "hundreds were detained": by the police of the place
            subject_ids = list(dict.fromkeys(part for s in humans for part in arguments.split(s)))
            if rule.reciprocal and len(subject_ids) >= 2:  # "A and B agreed to ...": each with the other first
                direct = [slot for slot in rule.objects if slot not in ("complement", "purpose")]
                objects = arguments.objects(replace(rule, objects=tuple(direct)), verb, noun, set(subject_ids))
            else:
                objects = arguments.objects(rule, verb, noun, set(subject_ids))
            pairs: list[tuple[list[int], list[int]]] = [(subject_ids, objects)]
            if not objects and rule.reciprocal and len(subject_ids) >= 2:
                pairs = [([a], [b]) for a in subject_ids for b in subject_ids if a != b]
            elif not objects and rule.object_required:
                continue
            if rule.relation == "expresses_intent_to_cooperate" and self.lemma(verb) in lex.intend_words \
                    and any(self.candidates(x) for x in children(verb, "xcomp")):
                break  # "agreed to prepare sanctions": the sanctions are the event, announced
            qualified = qualifiers(verb, noun, arguments)
            if qualified is None:
                break
            military = arguments.military(subject_ids, [o for pair in pairs for o in pair[1]])
            place = arguments.place(verb, noun)
            for subject_list, object_list in pairs:
                found.append(Candidate(
                    rule.id, rule.version, rule.relation, tuple(subject_list), tuple(object_list), verb.i,
                    verb.sent.start_char, verb.sent.end_char, cameo=rule.cameo, date=date_phrase(verb, noun),
                    qualifiers=qualified, military=military, object_required=rule.object_required, place=place,
                    implied=implied, named_by=named_by))
            break  # one predicate, one relation: the first rule (in file order) that finds its arguments
        return found

    def memberships(self) -> list[Candidate]:
        """Membership carried by a noun phrase: people of, from or within an organisation ("soldiers from
        the 3rd Battalion", "officials of the ministry", "members of the party")."""
        lex = lexicons()
        arguments = self.arguments
        found = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if not (lemma in lex.human_nouns or token.lower_ in lex.human_nouns) \
                    or (lemma in lex.group_heads and lemma != "member") or token.pos_ not in ("NOUN", "PROPN"):
                continue
            here = self.mentions.at(token)
            if here is not None and self.mentions[here].kind == "title":
                continue  # "commander of U.S. Central Command": the title says leader_of
            for prep in children(token, "prep"):
                if prep.lower_ not in ("of", "from", "within", "with", "in"):
                    continue
                for org in children(prep, "pobj"):
                    index = self.mentions.at(org)
                    if index is None or arguments.label(index) != "ORG":
                        continue
                    subject = arguments.argument(token)
                    if subject is None or arguments.target(subject) == arguments.target(index):
                        continue
                    found.append(Candidate("member.noun-phrase", 1, "member_of", (subject,), (index,), token.i,
                                           token.sent.start_char, token.sent.end_char))
        return found

    def titles(self) -> list[Candidate]:
        """Relations carried by titles: ``Iraqi President Fuad Masum`` is head of state of Iraq."""
        found = []
        for item in list(self.mentions):
            title = item.title
            if title is None or not title.relation or title.person is None:
                continue
            rule = self.index.titles[title.rule]
            if rule.object == "country":
                target = title.country
            elif rule.object == "organization":
                target = title.org
            elif rule.object == "possessor":
                target = title.possessor
            else:
                target = title.org or title.country or title.possessor
            relation = title.relation
            if target is None and rule.object == "country" and title.org is not None:
                target, relation = title.org, "leader_of"  # "European Council President Charles Michel"
            default = target is None and rule.object == "country"
            head = self.doc[item.head]
            if default and not (head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children)):
                continue  # "President Ion Ivanov" names no country: never one named elsewhere in the sentence
            if target is None and not default:
                continue
            found.append(Candidate(rule.id, rule.version, relation, (title.person,),
                                   () if default or target is None else (target,), head.i,
                                   head.sent.start_char, head.sent.end_char,
                                   main_country_title=item.index if default else None))
        return found


def find_candidates(doc: Doc, mentions: Mentions, index: RuleIndex) -> list[Candidate]:
    """Relation candidates of every sentence of ``doc`` (see the module docs)."""
    finder = _Finder(doc, mentions, index)
    found = []
    for token in doc:
        found += finder.candidates(token)
    found += finder.titles()
    found += finder.memberships()
    found += member_list_candidates(doc, mentions, finder.arguments)
    found += unit_chain_candidates(doc, mentions, finder.arguments)
    found += ally_candidates(doc, mentions, finder.arguments)
    found += nominal_candidates(doc, finder.arguments, index.nominal, finder.candidates)
    return found
