"""Nominal events: an event named by a noun rather than a verb.

"the arrest of X by Y", "Y's crackdown on X", "a police crackdown on X", "talks between X and Y", "clashes
between X and Y", "X denied involvement in the attack on Y". A rule with ``nominal`` nouns (in
``patterns/relations.jsonl``) names the event; its subject is the ``by`` agent, the possessor, an actor
modifying the noun, or the first of the actors ``between`` whom it happened (the others are its objects);
its objects sit in the rule's slots on the noun (``prep:of``, ``prep:on``). Without a subject the rule's
``implied`` actor acts. The noun takes the qualifiers of the verb that governs it ("said the arrest ...":
reported; "denied involvement in the attack": denied, by the one denying), and none at all if that verb
asks for or plans it ("called for talks", "to prevent clashes").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Token

from kg.extract.arguments import Arguments
from kg.extract.lexicons import lexicons
from kg.extract.qualifiers import date_phrase, qualifiers
from kg.extract.rules import RelationRule
from kg.extract.syntax import children, conjuncts, subjects
from kg.extract.types import Candidate, Qualifiers

__all__ = ["nominal_candidates", "nominal_index", "repeated_crowds"]

#: Implied actors that are a crowd: a country or nationality modifying the noun says where it gathered.
_CROWDS = ("protesters", "rioters")
#: Dependencies of a gerund that names an event as a noun would ("fighting between X and Y erupted").
_GERUND_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
#: Dependencies through which a noun phrase hangs from the verb governing it.
_UP = ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "conj", "appos", "compound")


def nominal_index(rules: list[RelationRule]) -> dict[str, list[RelationRule]]:
    """Nominal rules by each of their nouns, in file order."""
    index: dict[str, list[RelationRule]] = defaultdict(list)
    for rule in rules:
        for noun in rule.nominal:
            index[noun].append(rule)
    return index


def _governor(noun: Token) -> Token | None:
    current = noun
    for _ in range(5):
        if current.dep_ not in _UP or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _modifiers(noun: Token, arguments: Arguments, deps: tuple[str, ...]) -> list[int]:
    """Actors modifying the noun by one of ``deps`` ("police crackdown", "Russia's shelling", "his arrest")."""
    found = []
    for child in noun.children:
        if child.dep_ not in deps or child.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "DET"):
            continue
        index = arguments.argument(child)
        if index is not None and arguments.mentions[index].head != noun.i and arguments.human(index):
            found.append(index)
    return found[:1]


def _agents(noun: Token, arguments: Arguments, patient_possessor: bool) -> list[int]:
    """Who did it: the ``by`` agent, the possessor (unless it is who suffered it: "his arrest"), or an actor
    modifying the noun ("police crackdown")."""
    for prep in children(noun, "prep"):
        if prep.lower_ == "by":
            found = [arguments.argument(t) for o in children(prep, "pobj") for t in conjuncts(o)]
            return [f for f in found if f is not None and arguments.human(f)]
    deps = ("compound", "amod", "nmod") if patient_possessor else ("poss", "compound", "amod", "nmod")
    return _modifiers(noun, arguments, deps)


def _between(noun: Token, arguments: Arguments) -> list[int]:
    """The actors ``between`` whom it happened, in order ("clashes between X and Y"; "a gunfight broke out
    between X and Y": on the verb the event noun is the subject of)."""
    found: list[int] = []
    holders = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" else [])
    for prep in (p for holder in holders for p in children(holder, "prep")):
        if prep.lower_ in ("between", "among"):
            for obj in children(prep, "pobj"):
                for part in conjuncts(obj):
                    index = arguments.argument(part)
                    if index is not None and arguments.human(index) and index not in found:
                        found.append(index)
    return found


def _in_protest(noun: Token, governor: Token | None) -> bool:
    """True if ``noun`` is the purpose noun of "in protest at / against / of X" on the verb ``governor``
    ("workers walked out in protest at X"): the verb's subject protests, and a rule of the verb already
    reads the purpose."""
    if governor is None or noun.dep_ != "pobj" or noun.head.lower_ != "in" \
            or noun.lemma_.lower() not in lexicons().purpose_nouns or noun.tag_ != "NN" \
            or any(c.dep_ in ("det", "amod", "compound", "nummod", "poss") for c in noun.children):
        return False  # "in protests", "in a protest", "in violent protests": an event of its own
    holder = noun.head.head  # on the verb, or on its object ("blocked roads in protest at X")
    return holder.i == governor.i or (holder.dep_ == "dobj" and holder.head.i == governor.i)


def _casualties(noun: Token, governor: Token | None, arguments: Arguments, objects: set[int]) -> list[int]:
    """The side that lost people in a clash with someone ("two militants were killed in an encounter with
    the police", "a soldier died in a gunfight with rebels"): the people of a casualty verb the clash is
    the circumstance of, who fought the clash's other side."""
    verb = _casualty_verb(noun, ("in", "during"))
    if verb is None or governor is None or verb.i != governor.i:
        return []
    found = [arguments.argument(t) for s in children(verb, "nsubjpass", "nsubj") for t in conjuncts(s)]
    return [f for f in found if f is not None and arguments.human(f) and f not in objects]


def _casualty_verb(noun: Token, preps: Iterable[str] | None = None) -> Token | None:
    """The casualty verb an attack or a clash is the circumstance or cause of ("soldiers were killed in /
    after / following / by an attack"; ``preps``: these prepositions only, by default ``casualty_preps``), if
    any: then the event noun is the event reported, not a reason given."""
    lex = lexicons()
    link = noun.head
    if noun.dep_ != "pobj" or link.lower_ not in (lex.casualty_preps if preps is None else preps):
        return None
    verb = link.head
    return verb if verb.i != link.i and verb.lemma_.lower() in lex.casualty_verbs else None


def _victims(noun: Token, arguments: Arguments, agents: set[int]) -> list[int]:
    """Who suffered an attack by someone ("two soldiers were killed in an attack by rebels", "a guard was
    wounded following an ambush by militants"): the people of the passive casualty verb the attack is the
    circumstance or the cause of."""
    lex = lexicons()
    verb = _casualty_verb(noun)
    if verb is None:
        return []
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj"  # "four were killed and two wounded"
                      and verb.head.lemma_.lower() in lex.casualty_verbs else [])
    found = [arguments.argument(t) for v in verbs for s in children(v, "nsubjpass") for t in conjuncts(s)]
    return list(dict.fromkeys(f for f in found if f is not None and arguments.human(f) and f not in agents))


def nominal_candidates(doc: Doc, arguments: Arguments, index: dict[str, list[RelationRule]],
                       verb_candidates: Callable[[Token], list[Candidate]]) -> list[Candidate]:
    """The candidates of the nominal events of ``doc`` (see the module docs).

    ``verb_candidates`` gives the candidates of a verb: a noun that a verb rule already reads (the light
    noun of "held talks") is not read again.
    """
    lex = lexicons()
    unreal = lex.demand_verbs | lex.propose_verbs | lex.intend_words | lex.unreal_governors
    found: list[Candidate] = []
    for noun in doc:
        if noun.ent_type_:
            continue  # a word of a name or date is no event noun ("13 March 2023", "the Rally for Democracy")
        if noun.pos_ in ("NOUN", "PROPN"):
            rules = index.get(noun.lemma_.lower()) or index.get(noun.lower_)
        elif noun.tag_ == "VBG" and noun.dep_ in _GERUND_DEPS:  # "Fighting between X and Y took place"
            rules = index.get(noun.lower_)
        else:
            continue
        if not rules:
            continue
        governor = _governor(noun)
        protesting = _in_protest(noun, governor)
        if governor is not None and ((protesting and verb_candidates(governor)) or (
                noun.head.i == governor.i and any(c.trigger == governor.i for c in verb_candidates(governor)))):
            continue  # "held talks with X": the light verb's rule has it; "went on strike in protest at X" too
        if governor is not None and governor.lemma_.lower() in unreal:
            continue  # "called for talks", "to prevent clashes": asked for or feared, not happened
        if noun.dep_ == "pobj" and noun.head.lower_ in lex.background_preps and _casualty_verb(noun) is None:
            continue  # "protested against the arrest of X": a reason given, not the event reported
        qualified = qualifiers(governor, None, arguments) if governor is not None else Qualifiers()
        if qualified is None:
            continue
        denied = governor is not None and governor.lemma_.lower() in lex.denial_verbs
        place = arguments.place(noun, None)
        if place is None and governor is not None:  # "clashes between X and Y erupted in Minsk"
            place = arguments.place(governor, None)
        for rule in rules:
            if rule.implied in _CROWDS and noun.dep_ == "compound":
                continue  # "riot police", "protest leaders": no event
            named_by = None
            patient = noun.lemma_.lower() in lex.patient_possessor_nouns or noun.lower_ in lex.patient_possessor_nouns
            agents = _agents(noun, arguments, patient)
            between = _between(noun, arguments)
            objects = arguments.objects(rule, noun, None, set(agents) | set(between))
            if protesting and not objects and governor is not None:  # "walked out in protest at X's refusal": X
                named = arguments.complement(governor, None, set(agents), purpose=True)
                objects = [named] if named is not None else []
            if patient and not objects:  # "his arrest", "Navalny's detention": who was arrested
                objects = [o for o in _modifiers(noun, arguments, ("poss",)) if o not in agents]
            if not agents and between:
                agents, objects = between[:1], between[1:] + [o for o in objects if o not in between]
            if not agents and objects and rule.relation == "fights":  # "killed in an encounter with X"
                agents = _casualties(noun, governor, arguments, set(objects))
            if agents and rule.relation in ("assaults", "fights") and not any(arguments.human(o) for o in objects):
                objects = _victims(noun, arguments, set(agents)) or objects  # "killed in an attack by X"
            if governor is not None and not agents and (denied or protesting or (
                    noun.head.i == governor.i and governor.lemma_.lower() in lex.nominal_light_verbs)):
                # "X denied involvement in the attack": X, denying it; "X launched a crackdown": X; "X walked
                # out in protest at Y": X
                agents = [a for a in (arguments.argument(t) for t in subjects(governor)) if a is not None and (
                    arguments.person_or_group(a) if protesting else arguments.human(a))]
            if rule.implied in _CROWDS and agents and all(
                    arguments.label(a) == "GPE" or arguments.mentions[arguments.target(a)].country is not None
                    for a in agents):
                # "Serbian protests", "Minsk rallies": the country's (or city's) protesters, not the state
                place, named_by, agents = place if place is not None else agents[0], agents[0], []
            implied = rule.implied if not agents else None
            if (not agents and implied is None) or (not objects and rule.object_required):
                continue
            if denied:
                qualified = Qualifiers("denied", qualified.modality, "reported", agents[0] if agents else None)
            found.append(Candidate(rule.id, rule.version, rule.relation, tuple(agents), tuple(objects), noun.i,
                                   noun.sent.start_char, noun.sent.end_char, cameo=rule.cameo,
                                   date=date_phrase(noun, None), qualifiers=qualified,
                                   object_required=rule.object_required, place=place, implied=implied,
                                   named_by=named_by,
                                   military=arguments.military(agents, objects)))
            break
    return found


def repeated_crowds(candidates: Sequence[Candidate]) -> set[int]:
    """The positions in ``candidates`` (those that became statements) of a crowd's nominal event that another
    candidate of the same sentence already reports with the same relation ("protesters marched through Minsk
    in a protest against X"): an implied crowd (``protesters``, ``rioters``) without a subject of its own."""
    reported: dict[int, set[str]] = defaultdict(set)
    crowds = set()
    for position, candidate in enumerate(candidates):
        if candidate.implied in _CROWDS and not candidate.subjects and candidate.rule.startswith("nominal."):
            crowds.add(position)
        else:
            reported[candidate.sentence_start].add(candidate.relation)
    return {p for p in crowds if candidates[p].relation in reported[candidates[p].sentence_start]}
