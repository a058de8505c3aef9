"""What a sentence says about a predicate: polarity, modality, status and claimant, and its date phrase.

- polarity: ``did not meet``, ``refused to meet`` are negated; ``X denied that ...`` denies;
- modality: ``will``/``plans to`` intended, ``would``/``could``/``if`` hypothetical, ``proposed to``/
  ``called for ... to`` proposed; what a demand asks for (``demanded that X step down``) is no event;
- status: ``Y said X did Z`` and ``according to Y`` are reported with Y as claimant; ``claimed``,
  ``alleged`` and ``accusations that`` make it alleged.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import Arguments
from kg.extract.lexicons import lexicons
from kg.extract.syntax import children
from kg.extract.types import Modality, Polarity, Qualifiers, Status

__all__ = ["date_phrase", "qualifiers"]


def qualifiers(verb: Token, noun: Token | None, arguments: Arguments) -> Qualifiers | None:
    """The qualifiers of ``verb`` (with its light noun), or None if it is what a demand asks for.

    Claimants are found with ``arguments``, which may add their noun phrases to the document's mentions.
    """
    lex = lexicons()
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    status: Status = "asserted"
    claimant: int | None = None
    refused = demanded = False
    negators = children(verb, "neg") + (children(noun, "neg", "det") if noun is not None else [])
    if any(t.lower_ in lex.negators for t in negators):
        polarity = "negated"
    aux = {c.lower_ for c in children(verb, "aux")}
    if aux & lex.future_aux:
        modality = "intended"
    if aux & lex.hypothetical_aux:
        modality = "hypothetical"
    if any(c.lower_ in ("if", "unless") for c in children(verb, "mark")) and verb.dep_ == "advcl":
        modality = "hypothetical"
    conditional = any(m.lower_ == "unless" for c in children(verb, "advcl") for m in children(c, "mark"))
    current = verb
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            break
        lemma = head.lemma_.lower()
        if current.dep_ == "xcomp" and children(head, "neg"):
            polarity = "negated"
        if current.dep_ == "xcomp":
            if lemma in lex.refuse_verbs:
                polarity, refused = "negated", True
            elif lemma == "deny":
                polarity = "denied"
            elif lemma == "threaten":
                modality = "hypothetical"
            elif lemma in lex.intend_words:
                modality = "intended"
            elif lemma in lex.propose_verbs:
                modality = "proposed"
        asks = (current.dep_ == "ccomp" and lemma in lex.demand_verbs) or (
            current.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma in lex.demand_nouns)
        if asks and any(
                c.dep_ == "mark" or c.dep_ == "nsubj" for c in current.children):
            demanded = True  # the demand is the event; what it asks for is not
            break
        if current.dep_ in ("ccomp", "parataxis") and head.pos_ in ("VERB", "AUX"):
            if lemma == "deny":
                polarity, status = "denied", "reported"
                claimant = speaker(head, arguments)
                break
            if lemma in lex.allege_verbs:
                status, claimant = "alleged", speaker(head, arguments)
                break
            if lemma in lex.speech_verbs:
                status, claimant = "reported", speaker(head, arguments)
                break
        if current.dep_ in ("acl", "ccomp") and head.lemma_.lower() in lex.allegation_nouns:
            status, claimant = "alleged", owner(head, arguments)
            break
        if current.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl", "acl", "pcomp"):
            break
        current = head
    for child in verb.children:  # "X agreed, officials said": the speech verb hangs off the predicate
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in lex.speech_verbs | lex.allege_verbs \
                and status == "asserted":
            status = "alleged" if child.lemma_.lower() in lex.allege_verbs else "reported"
            claimant = speaker(child, arguments)
    for token in verb.sent:  # "according to X"
        if token.lower_ == "according" and status == "asserted":
            for to in token.children:
                for who in children(to, "pobj"):
                    status, claimant = "reported", arguments.argument(who)
    if status == "asserted":
        speech = _quote_speech(verb)
        if speech is not None:
            status, claimant = "reported", speaker(speech, arguments)
    if status == "asserted":
        claimant = None
    if demanded:
        return None
    return Qualifiers(polarity, modality, status, claimant, refused, conditional)


def speaker(verb: Token, arguments: Arguments) -> int | None:
    """The mention of who says ``verb``: its subject, or the agent of a passive."""
    for subject in children(verb, "nsubj", "nsubjpass"):
        return arguments.argument(subject)
    for agent in children(verb, "agent"):
        for who in children(agent, "pobj"):
            return arguments.argument(who)
    return None


def owner(noun: Token, arguments: Arguments) -> int | None:
    """The mention of whose ``noun`` it is ("Minsk's accusations", "accusations by Minsk")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return arguments.argument(child)
        if child.dep_ == "prep" and child.lower_ == "by":
            for who in children(child, "pobj"):
                return arguments.argument(who)
    return None


def _quote_speech(verb: Token) -> Token | None:
    """The speech verb after a quotation that runs on past the sentence of ``verb``."""
    sent, doc = verb.sent, verb.doc
    if sent[0].tag_ != "``":
        return None
    for token in doc[sent.end:]:
        if token.tag_ == "''":
            return token.head if token.head.lemma_.lower() in lexicons().speech_verbs else None
        if token.tag_ == "``":
            return None
    return None


def date_phrase(verb: Token, noun: Token | None) -> str | None:
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
                    return str(ent.text)
    return None
