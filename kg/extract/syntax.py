"""Walking the dependency tree: children by label, voice, coordination, wrapper nouns, agents.

These helpers read the parse only (and the lexicons); they know nothing of mentions or rules.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicons import lexicons

__all__ = ["children", "conjuncts", "is_passive", "mend_names", "subjects", "unwrap"]


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` whose dependency label is one of ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def is_passive(token: Token) -> bool:
    """True if ``token`` heads a passive clause."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it (``Latvia, Lithuania and Poland``)."""
    out, todo = [], [token]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo += [c for c in current.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return sorted(out, key=lambda t: t.i)


def unwrap(token: Token) -> Token:
    """``thousands of Belarusians``, ``the possibility of mediation``, ``calls for a new election``: the
    argument is inside."""
    lex = lexicons()
    words = {token.lemma_.lower(), token.lower_}
    for wrappers, word in ((lex.group_heads | lex.of_wrappers, "of"), (lex.for_wrappers, "for")):
        if words & wrappers:
            for prep in children(token, "prep"):
                if prep.lower_ == word:
                    objects = children(prep, "pobj")
                    if objects:
                        return objects[0]
    return token


def _attacker(noun: Token) -> Token | None:
    """Who carried out the attack or gunfire ``noun`` names: its modifier ("police firing", "an Israeli
    airstrike", "army bullets", "the army's shelling"), if it has one."""
    attacks = lexicons().attack_nouns
    if any(c.dep_ == "acl" and c.lemma_.lower() in attacks for c in noun.children):
        return noun  # "in police firing" parsed with "firing" as a participle of "police"
    if noun.lemma_.lower() not in attacks and noun.lower_ not in attacks:
        return None
    for prep in children(noun, "prep"):
        if prep.lower_ == "by":  # "in an attack by a mob", "in a drive-by shooting by armed men"
            for agent in children(prep, "pobj"):
                return agent
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            return child
    return None


def _author(noun: Token, depth: int) -> list[Token]:
    """Who issued, wrote or gave ``noun`` if it is a document or speech ("X issued a statement", "X's
    letter", "in a speech, X"), else nothing."""
    if noun.lemma_.lower() not in lexicons().document_nouns and noun.lower_ not in lexicons().document_nouns:
        return []
    owners = children(noun, "poss")
    if owners:
        return owners
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ in ("dobj", "pobj", "nsubjpass", "attr") and governor.pos_ in ("VERB", "AUX") and governor != noun:
        return subjects(governor, depth + 1)
    return []


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The grammatical agents of ``verb``, following control and shared subjects."""
    if depth > 4:
        return []
    if is_passive(verb):
        for agent in children(verb, "agent"):
            return [_attacker(o) or o for o in children(agent, "pobj")]
        for other in [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else []):
            # "two were killed and three injured by gunmen": the agent of one passive is the other's too
            if is_passive(other) or other.tag_ == "VBN":
                for agent in children(other, "agent"):
                    return [_attacker(o) or o for o in children(agent, "pobj")]
        for clause in [c for p in children(verb, "prep") for c in children(p, "pcomp")]:
            # "was accused of misusing funds by officials": the agent the parser hung on the clause
            for by in [p for p in children(clause, "prep") if p.lower_ == "by"]:
                named = [o for o in children(by, "pobj") if o.pos_ in ("NOUN", "PROPN")]
                if named:
                    return named
        return [a for p in children(verb, "prep") if p.lower_ in ("in", "during")
                for a in [_attacker(o) for o in children(p, "pobj")] if a is not None][:1]
    direct = children(verb, "nsubj")
    if direct:
        if direct[0].tag_ == "WP" and verb.dep_ == "relcl":
            return [verb.head]
        return direct
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _author(verb.head, depth) or [verb.head]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicons().controller_verbs:
        controllers = children(verb.head, "dobj") + [o for p in children(verb.head, "prep")
                                                    if p.lower_ in ("on", "upon") for o in children(p, "pobj")]
        if controllers:
            return controllers
    if verb.dep_ == "xcomp" and is_passive(verb.head) and not children(verb.head, "agent"):
        return children(verb.head, "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT" \
            and verb.head.pos_ in ("NOUN", "PROPN") and not children(verb, "agent") and verb.i == verb.head.i + 1:
        return [verb.head]  # "The forces engaged in a gunfight with X.": a clause the parser took for a noun phrase
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        for agent in children(verb, "agent"):
            return children(agent, "pobj")
        return []
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return subjects(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod", "xcomp"):
        return subjects(verb.head.head, depth + 1)  # "X is willing to send", "X, ready to help"
    return []


def mend_names(doc: Doc) -> None:
    """Mend the parse where a registry name reads as a function word: "IS militants attacked ..." tags "IS" as
    the verb's auxiliary; it is the name modifying the noun after it (a compound, as "Taliban militants")."""
    for ent in doc.ents:
        token = ent[0]
        if len(ent) != 1 or not ent.ent_id_ or token.pos_ not in ("AUX", "VERB") or token.i + 1 >= len(doc) \
                or token.dep_ in ("ROOT", "conj"):
            continue
        noun = doc[token.i + 1]
        if noun.pos_ == "NOUN" and noun.head.i == token.head.i and noun.i != noun.head.i:
            for child in list(token.children):  # what hung on the "auxiliary" ("On 1 May, IS ...") is the verb's
                child.head = token.head
            token.head, token.dep_, token.pos_, token.tag_ = noun, "compound", "PROPN", "NNP"
