"""Relation and title rules, kept as data in ``kg/extract/patterns/``.

A relation rule (``relations.jsonl``, one JSON object a line) says which predicates express an ontology
relation and where its arguments sit in the dependency tree. Its fields:

``id``, ``version``
    Name the rule in every statement it makes (``method: rule/<id>/<version>``).
``relation``, ``cameo``
    The ontology relation, and optionally a CAMEO code narrower than the relation's own.
``lemmas``
    Verb lemmas that trigger it; a second word is a particle or complement the verb must have
    (``round up``, ``shoot dead``).
``light``, ``nouns``, ``noun_mods``
    Or a light verb (``hold``) whose object noun is one of ``nouns`` (``talks``), optionally with one of
    ``noun_mods`` among the noun's modifiers (``phone call``), and none of ``not_noun_mods`` (``drone
    strikes`` are no labour strike).
``xcomp``, ``any_xcomp``, ``preps``, ``not_preps``, ``theme``, ``passive_only``, ``no_oprd``
    Conditions: an open complement with one of these lemmas (``declined to comment``) or any open
    complement at all (``refused to respond``), prepositions the
    verb must or must not have (``call for``), a direct object among these lemmas (``give aid``), an object
    of a preposition among these lemmas (``called on X for help``), passive voice only (the grammatical
    subject is then the subject: ``X was re-elected``), no predicative object (``called him a liar``).
``objects``
    Where the object is, tried in order: ``dobj``, ``dative``, ``prep:<word>``, ``xcomp:prep:<word>``,
    ``place:<word>`` (as ``prep:``, but only a name the recogniser took for a place: ``protested in Serbia``),
    ``target`` (the object of a participle of targeting on the light noun: ``airstrikes targeting X``),
    ``ccomp-subj`` (the subject of the complement clause of the verb or its light noun: ``demanded that
    Israel ...``, ``renewed its demand that Israel ...``), ``complement``
    (the first actor named in the verb's complement clause) or ``purpose`` (the first actor in a purpose
    clause: ``marched to protest against X``). ``ccomp_aux`` requires a complement clause with one of
    these auxiliaries (``said that Libya must ...``).
``object_required``, ``object_entity``, ``object_entity_inside``, ``object_types``, ``no_object_types``,
``object_human``, ``object_held``, ``object_heads``, ``object_thing``, ``reciprocal``
    What the object must be: any noun phrase, a named entity, the entity inside a noun phrase (``a U.S.
    request``), of these NER types, a person or group (``object_held``: or an installation of an armed
    side, which stands for the side: ``fired at government positions``), a noun with one of these heads, a
    thing such as an election; and whether coordinated subjects without an object act on each other (``A and
    B met``).

``implied``
    The actor an event without a named subject implies, of the country where it happened: ``police``
    (``hundreds were detained``, with ``passive_only``), ``protesters`` (``a protest was held``),
    ``rioters``, or ``gunmen`` (``a man was shot dead``: the country's unidentified armed group).
``subject_nouns``
    The grammatical subject must be one of these nouns, naming the event rather than who acts
    (``protests erupted``, ``clashes broke out``); the actor is then ``implied``.
``nominal``
    Or nouns that name the event themselves ("the arrest of X by Y", "talks between X and Y"; see
    :mod:`kg.extract.nominal`); ``objects`` are then slots on the noun.
``class``
    The class of event or error the rule is for (``agentless``, ``clash``, ``nominal``, ``title``, ...);
    ``kg eval`` reports precision and recall per class. Without one, the rule's class is the first part of
    its id (``coerce`` for ``coerce.detain``).

A title rule (``titles.jsonl``) says which words name a role (``president``: head of state) and the
relation a title carries (``Iraqi President Fuad Masum``: head_of_state_of Iraq).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from kg.errors import InputError
from kg.ontology import load_ontology

__all__ = ["RelationRule", "TitleRule", "load_relation_rules", "load_title_rules", "patterns_path", "rule_classes"]

PATTERNS = Path(__file__).resolve().parent / "patterns"


def patterns_path(name: str) -> Path:
    """Path of a bundled pattern file."""
    return PATTERNS / name


@dataclass(frozen=True)
class RelationRule:
    """One relation rule; see the module docs for its fields."""

    id: str
    version: int
    relation: str
    objects: tuple[str, ...] = ("dobj",)
    cameo: str | None = None
    lemmas: tuple[str, ...] = ()
    light: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    noun_mods: tuple[str, ...] = ()
    not_noun_mods: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    any_xcomp: bool = False
    preps: tuple[str, ...] = ()
    not_preps: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    theme_prep: tuple[str, ...] = ()
    ccomp_aux: tuple[str, ...] = ()
    passive_only: bool = False
    no_oprd: bool = False
    object_required: bool = True
    object_entity: bool = False
    object_entity_inside: bool = False
    object_types: tuple[str, ...] = ()
    no_object_types: tuple[str, ...] = ()
    object_human: bool = False
    object_held: bool = False
    object_heads: tuple[str, ...] = ()
    object_thing: bool = False
    reciprocal: bool = False
    implied: str | None = None
    subject_nouns: tuple[str, ...] = ()
    nominal: tuple[str, ...] = ()
    rule_class: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def kind(self) -> str:
        """The rule's class: its ``class`` field, else the first part of its id."""
        return self.rule_class or self.id.split(".", 1)[0]

    @property
    def method(self) -> str:
        """The method string statements made by this rule carry."""
        return f"rule/{self.id}/{self.version}"


@dataclass(frozen=True)
class TitleRule:
    """Words naming a role, and the relation a title carries (to a country, organisation or possessor)."""

    id: str
    version: int
    words: tuple[str, ...]
    relation: str | None = None
    role: str | None = None
    object: str = "country"
    rule_class: str | None = "title"

    @property
    def kind(self) -> str:
        """The rule's class (``title`` unless the rule says otherwise)."""
        return self.rule_class or "title"

    @property
    def method(self) -> str:
        """The method string statements made by this rule carry."""
        return f"rule/{self.id}/{self.version}"


#: The actors an event without a named subject may imply (the rule field ``implied``).
IMPLIED = ("police", "protesters", "rioters", "gunmen")

#: Fields whose JSON name is a Python keyword.
_ALIASES = {"class": "rule_class"}


def _read(path: Path, cls: type) -> list:
    known = ({f.name for f in fields(cls)} - {"extra", "rule_class"}) | set(_ALIASES)
    rules, seen = [], set()
    onto = load_ontology()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not JSON: {exc.msg}", path=path, line=number) from None
        unknown = set(data) - known
        if unknown:
            raise InputError(f"unknown rule field {sorted(unknown)[0]!r}", path=path, line=number)
        if data.get("id") in seen:
            raise InputError(f"duplicate rule id {data['id']!r}", path=path, line=number)
        seen.add(data.get("id"))
        values = {_ALIASES.get(k, k): tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        try:
            rule = cls(**values)
            if getattr(rule, "relation", None):
                onto.relation(rule.relation)
            if getattr(rule, "cameo", None):
                onto.cameo_code(rule.cameo)
            if getattr(rule, "implied", None) not in (None, *IMPLIED):
                raise ValueError(f"'implied' must be one of {', '.join(IMPLIED)}, not {rule.implied!r}")
        except (TypeError, ValueError) as exc:
            raise InputError(f"bad rule: {exc}", path=path, line=number) from None
        except InputError:
            raise
        except Exception as exc:  # UnknownTerm from the registry
            raise InputError(str(exc), path=path, line=number) from None
        rules.append(rule)
    return rules


def load_relation_rules(path: Path | None = None) -> list[RelationRule]:
    """Read relation rules (the bundled ``relations.jsonl`` by default), checking every field.

    Raises
    ------
    InputError
        On a line that is not JSON, an unknown field, a duplicate id, or an unknown relation or code.

    Examples
    --------
    >>> rules = load_relation_rules()
    >>> next(r for r in rules if r.id == "flee.flee").relation
    'flees_to'
    """
    return _read(path or patterns_path("relations.jsonl"), RelationRule)


def load_title_rules(path: Path | None = None) -> list[TitleRule]:
    """Read title rules (the bundled ``titles.jsonl`` by default)."""
    return _read(path or patterns_path("titles.jsonl"), TitleRule)


#: Rules made in code rather than read from a file, by id, with their class.
CODE_RULES = {"member.noun-phrase": "member"}


def rule_classes() -> dict[str, str]:
    """The class of every bundled rule, by the method its statements carry (``rule/<id>/<version>``).

    Examples
    --------
    >>> rule_classes()["rule/flee.flee/1"]
    'flee'
    """
    rules: list[RelationRule | TitleRule] = [*load_relation_rules(), *load_title_rules()]
    found = {rule.method: rule.kind for rule in rules}
    return found | {f"rule/{ident}/1": kind for ident, kind in CODE_RULES.items()}
