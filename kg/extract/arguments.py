"""The arguments of a predicate: which mention fills its subject or object, adding noun phrases as needed.

An argument is a mention (:class:`~kg.extract.types.Mention`): a named entity, a demonym, a title, a
pronoun, or a noun phrase (``np``) built on demand from the tokens around a head noun ("Belarusian
protesters", "the opposition", "a U.S. request"), with the entities inside it and its owner.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.hygiene import group_start, is_generic, keeps_tail
from kg.extract.lexicons import lexicons
from kg.extract.mentions import Mentions
from kg.extract.rules import RelationRule
from kg.extract.syntax import children, conjuncts, is_passive, unwrap
from kg.extract.types import Cleaning

__all__ = ["Arguments"]


class Arguments:
    """Finds the arguments of predicates in one document, adding noun phrase mentions to ``mentions``."""

    def __init__(self, doc: Doc, mentions: Mentions):
        self.doc = doc
        self.mentions = mentions

    def argument(self, token: Token, *, inside: bool = False) -> int | None:
        """The mention for an argument headed by ``token`` (a named entity, pronoun or noun phrase)."""
        lex = lexicons()
        mentions = self.mentions
        token = unwrap(token)
        found = mentions.at(token)
        if found is None:  # "the opposition newspaper La Prensa": the name in apposition
            names = [mentions.at(c) for c in children(token, "appos")]
            found = next((n for n in names if n is not None and mentions[n].kind == "entity"), None)
        if found is not None:
            item = mentions[found]
            if item.ref_token is not None and item.ref is None:  # "Syria said it would ..."
                mentions.refer(found, self.argument(self.doc[item.ref_token]))
            return found
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            return None
        if token.pos_ == "PRON" and token.lower_ not in lex.argument_pronouns:
            return None
        if token.lower_ in lex.system_senses and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.lefts):
            return None  # "the sanctions regime": a system of rules, no government
        human = token.lemma_.lower() in lex.human_nouns or token.lower_ in lex.human_nouns
        inner, todo = [], [token]
        while todo:  # modifiers and of/by/from complements ("crimes committed by X" too), but not other clauses
            current = todo.pop()
            inner.append(current)
            todo += [c for c in current.children if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "pobj")
                     or (c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "to", "for", "with", "against"))
                     or (inside and c.dep_ in ("acl", "agent"))
                     or (c.dep_ == "npadvmod" and current.dep_ == "amod"  # "US-led coalition": the US's,
                         and current.lemma_.lower() not in lex.backing_verbs)  # but "Iran-backed militia" not Iran's
                     or (c.dep_ == "conj" and current is not token)]  # "Hungarian and Romanian officials"
        entities = [e for e in (mentions.at(t) for t in sorted(inner, key=lambda t: t.i)) if e is not None
                    and mentions[e].kind in ("entity", "demonym", "surname") and mentions[e].label in lex.actor_labels]
        if inside and not human:  # "war crimes by Croatian extremists": the extremists
            for part in sorted(inner, key=lambda t: t.i):
                if part is not token and (part.lemma_.lower() in lex.human_nouns or part.lower_ in lex.human_nouns) \
                        and part.dep_ in ("pobj", "poss", "compound"):
                    return self.argument(part)
        adjective = bool(entities) and (mentions[entities[0]].kind == "demonym" or (
            mentions[entities[0]].label == "NORP" and mentions[entities[0]].country is None))
        if inside and entities and not (human and adjective):  # "Scottish voters" stay voters
            # "a U.S. request": the United States; but "Croatian extremists" stay a group, and in "the
            # resignation of Algerian President Ben Bella" the person, not the adjective, is the argument
            primary = [e for e in entities if self.doc[mentions[e].head].head.i == token.i
                       or (self.doc[mentions[e].head].dep_ not in ("amod", "nmod") and mentions[e].kind != "demonym")]
            return (primary or entities)[0]
        edge = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ not in ("punct", "cc", "prep"))])
        left = group_start(self.doc, edge, token.i)  # "at least 20 protesters": protesters
        right = token.i
        if human:  # "leaders of Romania's new government", "rebels in Darfur", not "police in a series of raids"
            for prep in children(token, "prep"):
                if prep.lower_ in ("of", "in", "from") and prep.i == right + 1:
                    named = {t.i for t in prep.subtree if (m := mentions.at(t)) is not None
                             and mentions[m].kind in ("entity", "demonym", "surname")}
                    if keeps_tail(prep, named):
                        right = _tail_end(prep, right)
                    else:
                        self._cleaned(edge, prep.right_edge.i + 1, left, right + 1, "prepositional tail")
        if left > edge and any(t.like_num or t.lower_ in lex.quantifiers for t in self.doc[edge:left]):
            self._cleaned(edge, right + 1, left, right + 1, "count or quantifier")
        span = self.doc[left:right + 1]
        owners = [e for e in entities if self.doc[mentions[e].head].dep_ == "poss"
                  or (self.doc[mentions[e].head].dep_ == "pobj"
                      and self.doc[mentions[e].head].head.lower_ in ("of", "by"))]
        generic = is_generic(span, token, named=any(left <= mentions[e].start and mentions[e].end <= right + 1
                                                     for e in entities))
        return mentions.add(span, "np", label="", inner=tuple(sorted(set(entities))),
                            owner=owners[0] if owners else None, generic=generic)

    def _cleaned(self, start: int, end: int, kept_start: int, kept_end: int, reason: str) -> None:
        """Record that tokens ``start`` to ``end`` of a noun phrase were cut to ``kept_start`` to ``kept_end``."""
        found, kept = self.doc[start:end], self.doc[kept_start:kept_end]
        self.mentions.cleanings.append(Cleaning(found.start_char, found.end_char, found.text, reason, kept.text))

    def target(self, index: int) -> int:
        """The mention a mention stands for (a pronoun's antecedent), or itself."""
        target = self.mentions.resolve(index)
        return index if target is None else target

    def is_entity(self, index: int) -> bool:
        """True if the mention (or what it refers to) names an actor rather than describing one."""
        return self.mentions[self.target(index)].kind in ("entity", "demonym", "title", "surname", "pronoun")

    def label(self, index: int) -> str:
        """The entity label of what the mention stands for."""
        return self.mentions[self.target(index)].label

    def human(self, index: int) -> bool:
        """True if the mention can act: a person, group, organisation or state, or a noun phrase headed by a
        human noun or an organisation, or naming one inside it."""
        lex = lexicons()
        item = self.mentions[self.target(index)]
        if item.kind != "np":
            return self.label(index) in lex.agent_labels
        head = self.doc[item.head]
        return head.lemma_.lower() in lex.human_nouns or head.lower_ in lex.human_nouns \
            or head.lemma_.lower() in lex.organisation_heads or bool(item.inner) or head.lower_ in lex.crowd_counts

    def person_or_group(self, index: int) -> bool:
        """People rather than things: a person, a nationality, or a noun phrase headed by a human noun
        ("52 members of the banned movement"), not a thing that merely names one ("a Karen stronghold")."""
        lex = lexicons()
        item = self.mentions[self.target(index)]
        if item.kind != "np":
            return item.label in lex.agent_labels
        head = self.doc[item.head]
        return head.lemma_.lower() in lex.human_nouns or head.lower_ in lex.human_nouns \
            or head.lower_ in lex.crowd_counts

    def held(self, index: int) -> bool:
        """An installation or unit of an armed side that says whose it is ("government positions", "the
        positions of X"): it stands for the side that holds it."""
        item = self.mentions[self.target(index)]
        return item.kind == "np" and self.doc[item.head].lemma_.lower() in lexicons().installation_nouns \
            and (item.end - item.start > 1 or item.owner is not None)

    def accept(self, rule: RelationRule, index: int | None) -> bool:
        """True if mention ``index`` is an object of the kind ``rule`` wants."""
        if index is None:
            return False
        item = self.mentions[index]
        if rule.no_object_types and self.label(index) in rule.no_object_types:
            return False
        if rule.object_types and self.label(index) not in rule.object_types:
            head_ok = rule.object_heads and self.doc[item.head].lemma_.lower() in rule.object_heads
            if not head_ok:
                return False
        elif rule.object_heads and item.kind == "np" and self.doc[item.head].lemma_.lower() not in rule.object_heads:
            return False
        if rule.object_entity and not self.is_entity(index):
            return False
        return not (rule.object_human and not self.person_or_group(index)
                    and not (rule.object_held and self.held(index)))

    def objects(self, rule: RelationRule, verb: Token, noun: Token | None, subjects: set[int]) -> list[int]:
        """The object mentions of ``verb`` (and its light noun), from the first of the rule's slots that has any."""
        passive = is_passive(verb)
        for slot in rule.objects:
            tokens: list[Token] = []
            if slot == "dobj":
                tokens = children(verb, "nsubjpass") if passive else children(verb, "dobj")
                tokens = [t for t in tokens if t != noun]  # "began a hunger strike": the trigger, not its object
                if not passive and noun is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
                    tokens = [verb.head]  # "mediation, proposed by Poland"
                    of = [c for p in children(verb.head, "prep") if p.lower_ == "of" for c in children(p, "pobj")]
                    tokens = of or tokens
                if verb.dep_ == "relcl" and children(verb, "nsubj") and (
                        not tokens or all(t.tag_ in ("WP", "WDT") for t in tokens)):
                    tokens = [verb.head]
            elif slot == "dative":
                tokens = children(verb, "dative")
            elif slot.startswith(("prep:", "xcomp:prep:", "place:")):
                tokens = self._prepositional(slot.rsplit(":", 1)[1], verb, noun, xcomp=slot.startswith("xcomp:"))
            elif slot == "target":  # "conducted airstrikes targeting X", "launched strikes, hitting X"
                participles = (children(noun, "acl") if noun is not None else []) + children(verb, "advcl", "xcomp")
                tokens = [o for p in participles if p.lemma_.lower() in lexicons().target_verbs
                          for o in children(p, "dobj")]
            elif slot == "ccomp-subj":
                clauses = children(verb, "ccomp") + (children(noun, "acl", "ccomp") if noun is not None else [])
                tokens = [s for c in clauses for s in children(c, "nsubj", "nsubjpass")]  # "its demand that X"
            elif slot in ("complement", "purpose"):
                named = self.complement(verb, noun, subjects, purpose=slot == "purpose")
                if named is not None:  # "blows to the United States and Israel": both
                    head = self.doc[self.mentions[named].head]
                    more = [self.mentions.at(c) for c in conjuncts(head) if c != head]
                    return [named, *(m for m in more if m is not None and m != named and m not in subjects)]
                continue
            found = []
            for token in tokens:
                for part in conjuncts(unwrap(token)):  # "scores of Sierra Leonean and Liberian refugees"
                    index = self.argument(part, inside=rule.object_entity_inside)
                    if index is not None and self.accept(rule, index) and index not in subjects \
                            and not self.empty(rule, index) and (not slot.startswith("place:") or
                                                                 self.mentions[index].label in lexicons().place_labels):
                        found.append(index)  # "place:in": "protested in Serbia", never "in Rajbiraj" read as a body
            if found:
                return found
        return []

    def _prepositional(self, word: str, verb: Token, noun: Token | None, *, xcomp: bool) -> list[Token]:
        """The objects of preposition ``word`` on the verb, its light noun or its open complement."""
        heads = children(verb, "xcomp") if xcomp else [verb] + ([noun] if noun is not None else [])
        tokens: list[Token] = []
        for head in heads:
            for prep in children(head, "prep", "agent", "dative"):
                if prep.lower_ == word:
                    tokens += children(prep, "pobj")
        if not tokens and word != "of":
            # "shared evidence with the U.S.", "spoke by telephone with X": the preposition hangs off the object
            # or off an instrument
            holders = [d for head in heads for d in children(head, "dobj")]
            holders += [o for head in heads for p in children(head, "prep") if p.lower_ in lexicons().instrument_preps
                        for o in children(p, "pobj")]
            for holder in holders:
                for prep in children(holder, "prep"):
                    if prep.lower_ == word:
                        tokens += children(prep, "pobj")
        return tokens

    def empty(self, rule: RelationRule, index: int | None) -> bool:
        """A thing that names no actor ("emergency measures"), where the rule wants an actor: keep looking."""
        lex = lexicons()
        if index is None or rule.relation in lex.objects_may_be_things:
            return False
        item = self.mentions[self.target(index)]
        if item.kind != "np" or item.inner or self.person_or_group(index) or self.held(index):
            return False
        return self.doc[item.head].lemma_.lower() not in lex.organisation_heads

    def complement(self, verb: Token, noun: Token | None, subjects: set[int], *, purpose: bool = False) -> int | None:
        """The first actor named in the verb's complement (``agreed to set up a centre in Tokyo``), or in its
        purpose clause (``began a hunger strike to protest against X``)."""
        lex = lexicons()
        if purpose:  # the purpose clause, then "in protest against X", "in defiance of X"
            roots = children(verb, "advcl", "xcomp") + (children(noun, "acl", "relcl") if noun is not None else [])
            roots += [p for head in (verb, noun) if head is not None for p in children(head, "prep")
                      if any(o.lemma_.lower() in lex.purpose_nouns for o in children(p, "pobj"))]
        else:
            roots = sorted(children(verb, "xcomp", "ccomp", "dobj", "pcomp", "prep")
                           + (children(noun, "prep", "acl", "relcl") if noun is not None else []), key=lambda t: t.i)
        for root in roots:
            if purpose and root.dep_ == "prep":  # "in protest at the government's refusal": the government
                after = [p for n in children(root, "pobj")  # "at X" on the noun, or just after it
                         for p in children(n, "prep") + [q for q in children(root.head, "prep")
                                                          if q.i == n.right_edge.i + 1]]
                named = [self.argument(o, inside=True) for p in after if p.lower_ in lex.purpose_targets
                         for o in children(p, "pobj")]
                found = next((n for n in named if n is not None and n not in subjects and self.human(n)), None)
                if found is not None:
                    return found
            for token in root.subtree:
                index = self.mentions.at(token)
                if index is None or index in subjects:
                    continue
                item = self.mentions[index]
                if item.kind in ("entity", "demonym", "surname") and item.label in lex.actor_labels:
                    if any(self.mentions.resolve(index) == self.mentions.resolve(s) for s in subjects):
                        continue
                    return index
        return None

    def place(self, verb: Token, noun: Token | None) -> int | None:
        """The mention of where the predicate happened: a place named after one of the place prepositions on
        the verb or its light noun ("held a rally in Minsk", "arrested outside the parliament in Kyiv",
        "protested in Surat city"), the first one met."""
        lex = lexicons()
        for head in (verb, noun):
            if head is None:
                continue
            for prep in children(head, "prep"):
                if prep.lower_ not in lex.place_preps:
                    continue
                for pobj in children(prep, "pobj"):
                    for token in (pobj, *children(pobj, "compound"), *(o for p in children(pobj, "prep")
                                                                      if p.lower_ in lex.place_preps
                                                                      for o in children(p, "pobj"))):
                        index = self.mentions.at(token)
                        if index is not None and self.mentions[index].label in lex.place_labels \
                                and self.mentions[index].kind == "entity":
                            return index
        return None

    @staticmethod
    def _police(head: str) -> bool:
        """True if a head word (:meth:`head_lemma`) names the police ("police", "policemen", "constable")."""
        lex = lexicons()
        return lex.generic_bodies.get(head) == "PoliceForce" or lex.member_bodies.get(head) == "police"

    def head_lemma(self, index: int) -> str:
        """The lemma of the head word of what mention ``index`` stands for; a police force's, "police", whatever
        its head ("police forces", "police units": the police, not the military)."""
        lex = lexicons()
        head = self.doc[self.mentions[self.target(index)].head]
        police = [c for c in children(head, "compound") if lex.generic_bodies.get(c.lemma_.lower()) == "PoliceForce"]
        if police:
            return police[0].lemma_.lower()
        if head.lemma_.lower() in lex.installation_nouns:  # "rebel positions": the rebels'; "Russian positions"
            for child in children(head, "compound", "amod", "poss"):
                side = lex.installation_holders.get(child.lemma_.lower())
                if side is not None:
                    return side
                found = self.mentions.at(child)
                if found is not None and self.mentions[found].kind == "demonym":
                    return "army"
            of = [o for p in children(head, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
            if of:  # "the positions of the Iraqi army"
                return of[0].lemma_.lower()
        return head.lemma_.lower()

    def military(self, subjects: list[int], objects: list[int]) -> bool:
        """True if an attack or a killing between these sides is armed forces fighting (CAMEO 19): armed
        forces on either side, an armed group attacking armed forces, or gunmen killing police."""
        lex = lexicons()
        armed = [self.head_lemma(s) for s in subjects]
        targets = [self.head_lemma(o) for o in objects]
        return any(head in lex.military_heads for head in armed) \
            or any(head in lex.military_heads or head in lex.armed_group_heads for head in targets) \
            or (any(head in lex.armed_group_heads or head in lex.assailant_nouns for head in armed)
                and any(self._police(head) for head in targets))  # gunmen killing police: a fight

    def split(self, index: int) -> list[int]:
        """A group named by coordinated affiliations ("Hungarian and Romanian officials") as its parts."""
        item = self.mentions[index]
        if item.kind != "np" or len(item.inner) < 2:
            return [index]
        heads = [self.doc[self.mentions[i].head] for i in item.inner]
        if all(h.dep_ == "conj" or any(c.dep_ == "conj" and c in heads for c in h.children) for h in heads):
            return list(item.inner)
        return [index]


def _tail_end(prep: Token, right: int) -> int:
    """The last token of a name's prepositional tail ("rebels in Darfur"): not a relative or participle clause
    hanging inside it ("parents of a boy, who was ..."), nor a trailing conjunction or punctuation."""
    clauses = {t.i for c in prep.subtree if c.dep_ in ("relcl", "acl", "advcl", "parataxis")
               for t in c.subtree}
    end = right
    for token in prep.subtree:
        if token.i in clauses or token.i != end + 1:
            break
        end = token.i
    doc = prep.doc
    while end > right and (doc[end].is_punct or doc[end].dep_ == "cc" or doc[end].tag_ in ("WDT", "WP")):
        end -= 1
    return end
