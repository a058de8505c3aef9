"""The extractor's word lists and mappings, kept as data in ``kg/extract/patterns/``, read and checked once.

``lexicons.tsv``
    Named word lists, one entry a line: ``lexicon<TAB>entry`` (``human_nouns<TAB>protesters``).
``mappings.tsv``
    Named mappings, one entry a line: ``mapping<TAB>key<TAB>value`` (``threat_codes<TAB>17<TAB>131``).
``demonyms.tsv``
    Demonyms of countries, one country a line: its ISO 3166 alpha-3 code, then its words, tab-separated.
``furniture.tsv``
    Markers of page furniture (captions, credits, bylines, share blocks), one a line: ``kind<TAB>phrase``
    (read by :func:`load_furniture`, used by :mod:`kg.extract.furniture`).

Blank lines and lines starting with ``#`` are skipped. :class:`Lexicons` declares every lexicon and
mapping with the kind of its entries, and the loader checks each entry against it: a word is one lower-case
token (it is matched against lower-cased tokens and lemmas), a relation a relation of the ontology, a class
an ontology class, a CAMEO code a code of the ontology's CAMEO scheme (the recoding tables' codes within the
relation they recode to), a label an entity or dependency label spaCy knows. A bad line is an
:class:`~kg.errors.InputError` naming the file and line.

Examples
--------
>>> lex = lexicons()
>>> "protesters" in lex.human_nouns, lex.threat_codes["17"]
(True, '131')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar, get_type_hints

from kg.errors import InputError, KGError
from kg.extract.rules import patterns_path
from kg.ontology import Ontology, load_ontology

__all__ = ["FURNITURE_KINDS", "FurnitureMarker", "Lexicons", "ListOf", "MapOf", "lexicons", "load_demonyms",
           "load_furniture", "load_lexicons"]

#: What an entry is: a ``word``; an ontology ``relation`` or ``class``; a CAMEO ``code`` or two-digit
#: ``root``; a spaCy entity or dependency ``label``; a ``gender`` (female, male) or grammatical ``number``;
#: a ``rank`` (a whole number from 1, giving an order).
Kind = Literal["word", "relation", "class", "code", "root", "label", "gender", "number", "rank"]
_CLOSED = {"gender": ("female", "male"), "number": ("singular", "plural")}


@dataclass(frozen=True)
class ListOf:
    """A word list of entries of ``kind``; with ``subset_of``, each must also be in that list."""

    kind: Kind
    subset_of: str | None = None


@dataclass(frozen=True)
class MapOf:
    """A mapping from ``key`` to ``value`` entries; CAMEO code values must lie ``within`` that relation's code."""

    key: Kind
    value: Kind
    within: str | None = None


Words = frozenset[str]
Table = Mapping[str, str]


@dataclass(frozen=True)
class Lexicons:
    """Every word list and mapping the extractor reads (``patterns/lexicons.tsv``, ``patterns/mappings.tsv``).

    The data files say what each is for, above its entries.
    """

    # mentions
    actor_labels: Annotated[Words, ListOf("label")]
    argument_deps: Annotated[Words, ListOf("label")]
    reporting_verbs: Annotated[Words, ListOf("word")]
    possessive_pronouns: Annotated[Words, ListOf("word")]
    pronoun_genders: Annotated[Table, MapOf("word", "gender")]
    collective_numbers: Annotated[Table, MapOf("word", "number")]
    ruler_labels: Annotated[Table, MapOf("class", "label")]
    unit_ranks: Annotated[Table, MapOf("word", "rank")]
    # arguments
    agent_labels: Annotated[Words, ListOf("label", subset_of="actor_labels")]
    argument_pronouns: Annotated[Words, ListOf("word")]
    human_nouns: Annotated[Words, ListOf("word")]
    collective_nouns: Annotated[Words, ListOf("word")]
    member_list_heads: Annotated[Words, ListOf("word")]
    member_list_verbs: Annotated[Words, ListOf("word")]
    backing_verbs: Annotated[Words, ListOf("word")]
    organisation_heads: Annotated[Words, ListOf("word")]
    group_heads: Annotated[Words, ListOf("word")]
    of_wrappers: Annotated[Words, ListOf("word")]
    for_wrappers: Annotated[Words, ListOf("word")]
    purpose_nouns: Annotated[Words, ListOf("word")]
    purpose_targets: Annotated[Words, ListOf("word")]
    military_heads: Annotated[Words, ListOf("word")]
    armed_group_heads: Annotated[Words, ListOf("word")]
    instrument_preps: Annotated[Words, ListOf("word")]
    target_verbs: Annotated[Words, ListOf("word")]
    place_preps: Annotated[Words, ListOf("word")]
    place_labels: Annotated[Words, ListOf("label", subset_of="actor_labels")]
    attack_nouns: Annotated[Words, ListOf("word")]
    crowd_counts: Annotated[Words, ListOf("word")]
    controller_verbs: Annotated[Words, ListOf("word")]
    document_nouns: Annotated[Words, ListOf("word")]
    objects_may_be_things: Annotated[Words, ListOf("relation")]
    # qualifiers
    speech_verbs: Annotated[Words, ListOf("word")]
    allege_verbs: Annotated[Words, ListOf("word")]
    allegation_nouns: Annotated[Words, ListOf("word")]
    intend_words: Annotated[Words, ListOf("word")]
    propose_verbs: Annotated[Words, ListOf("word")]
    refuse_verbs: Annotated[Words, ListOf("word")]
    demand_verbs: Annotated[Words, ListOf("word")]
    demand_nouns: Annotated[Words, ListOf("word")]
    future_aux: Annotated[Words, ListOf("word")]
    hypothetical_aux: Annotated[Words, ListOf("word")]
    negators: Annotated[Words, ListOf("word")]
    unreal_governors: Annotated[Words, ListOf("word")]
    denial_verbs: Annotated[Words, ListOf("word")]
    nominal_light_verbs: Annotated[Words, ListOf("word")]
    background_preps: Annotated[Words, ListOf("word")]
    patient_possessor_nouns: Annotated[Words, ListOf("word")]
    crowd_heads: Annotated[Words, ListOf("word")]
    not_civilians: Annotated[Words, ListOf("word", subset_of="human_nouns")]
    assailant_nouns: Annotated[Words, ListOf("word", subset_of="human_nouns")]
    unidentified_words: Annotated[Words, ListOf("word")]
    place_joiners: Annotated[Words, ListOf("word")]
    region_nouns: Annotated[Words, ListOf("word")]
    installation_nouns: Annotated[Words, ListOf("word")]
    member_nouns: Annotated[Words, ListOf("word", subset_of="human_nouns")]
    casualty_verbs: Annotated[Words, ListOf("word")]
    casualty_preps: Annotated[Words, ListOf("word")]
    # statements
    articles: Annotated[Words, ListOf("word")]
    objects_are_things: Annotated[Words, ListOf("relation", subset_of="objects_may_be_things")]
    plan_nouns: Annotated[Words, ListOf("word")]
    another: Annotated[Words, ListOf("word")]
    not_rejections: Annotated[Words, ListOf("relation")]
    military_attacks: Annotated[Words, ListOf("relation")]
    place_objects: Annotated[Words, ListOf("relation")]
    entity_types: Annotated[Table, MapOf("label", "class")]
    generic_bodies: Annotated[Table, MapOf("word", "class")]
    installation_holders: Annotated[Table, MapOf("word", "word")]
    settlement_nouns: Annotated[Table, MapOf("word", "class")]
    name_last_words: Annotated[Table, MapOf("word", "class")]
    name_first_words: Annotated[Table, MapOf("word", "class")]
    member_bodies: Annotated[Table, MapOf("word", "word")]
    crowd_relations: Annotated[Table, MapOf("relation", "word")]
    crowd_recipients: Annotated[Table, MapOf("relation", "word")]
    victim_relations: Annotated[Table, MapOf("relation", "word")]
    assailant_relations: Annotated[Table, MapOf("relation", "word")]
    occurrences: Annotated[Table, MapOf("word", "class")]
    intent_codes: Annotated[Table, MapOf("relation", "code", within="expresses_intent_to_cooperate")]
    material_intent_codes: Annotated[Table, MapOf("root", "code", within="expresses_intent_to_cooperate")]
    threat_codes: Annotated[Table, MapOf("root", "code", within="threatens")]
    # mention hygiene
    generic_nouns: Annotated[Words, ListOf("word")]
    institution_words: Annotated[Words, ListOf("word")]
    quantifiers: Annotated[Words, ListOf("word")]
    tail_prepositions: Annotated[Words, ListOf("word")]
    place_prepositions: Annotated[Words, ListOf("word")]
    seat_nouns: Annotated[Words, ListOf("word")]
    kin_nouns: Annotated[Words, ListOf("word")]
    lead_prepositions: Annotated[Words, ListOf("word")]
    armed_member_nouns: Annotated[Words, ListOf("word")]
    private_institutions: Annotated[Words, ListOf("word")]
    system_senses: Annotated[Words, ListOf("word")]
    office_nouns: Annotated[Words, ListOf("word")]
    body_people_nouns: Annotated[Words, ListOf("word")]
    unnamed_org_heads: Annotated[Words, ListOf("word")]
    name_particles: Annotated[Words, ListOf("word")]
    honorifics: Annotated[Words, ListOf("word")]
    given_name_honorifics: Annotated[Words, ListOf("word", subset_of="honorifics")]
    unreal_modifiers: Annotated[Words, ListOf("word")]
    ordinal_words: Annotated[Words, ListOf("word")]


@functools.cache
def _schema() -> dict[str, ListOf | MapOf]:
    hints = get_type_hints(Lexicons, include_extras=True)
    return {f.name: hints[f.name].__metadata__[0] for f in fields(Lexicons)}


@functools.cache
def lexicons() -> Lexicons:
    """The bundled lexicons, read and checked on first use (see :func:`load_lexicons`)."""
    return load_lexicons()


def load_lexicons(lists: Path | None = None, mappings: Path | None = None) -> Lexicons:
    """Read and check the word lists and mappings (the bundled files by default); cached per pair of files.

    Parameters
    ----------
    lists : Path, optional
        A file of word lists (``lexicon<TAB>entry``); the bundled ``patterns/lexicons.tsv`` by default.
    mappings : Path, optional
        A file of mappings (``mapping<TAB>key<TAB>value``); the bundled ``patterns/mappings.tsv`` by default.

    Returns
    -------
    Lexicons
        A list or mapping that a file leaves out is empty.

    Raises
    ------
    InputError
        Naming the file and line of a malformed line, an unknown lexicon or mapping, a duplicate entry, or an
        entry that is not a word, relation, class, CAMEO code or label as its lexicon requires.

    See Also
    --------
    lexicons : the bundled files, loaded once.
    """
    return _load(lists or patterns_path("lexicons.tsv"), mappings or patterns_path("mappings.tsv"))


@functools.cache
def _load(lists: Path, mappings: Path) -> Lexicons:
    onto = load_ontology()
    schema = _schema()
    words: dict[str, dict[str, int]] = {name: {} for name, spec in schema.items() if isinstance(spec, ListOf)}
    tables: dict[str, dict[str, tuple[str, int]]] = {name: {} for name, spec in schema.items()
                                                     if isinstance(spec, MapOf)}
    for number, parts in _rows(lists):
        if len(parts) != 2:
            raise InputError(f"expected lexicon<TAB>entry, not {len(parts)} tab-separated fields", path=lists,
                             line=number)
        name, entry = parts
        spec = _spec(name, schema, ListOf, lists, number)
        _check(entry, spec.kind, onto, lists, number)
        if entry in words[name]:
            raise InputError(f"duplicate {entry!r} in lexicon {name!r} (first on line {words[name][entry]})",
                             path=lists, line=number)
        words[name][entry] = number
    for number, parts in _rows(mappings):
        if len(parts) != 3:
            raise InputError(f"expected mapping<TAB>key<TAB>value, not {len(parts)} tab-separated fields",
                             path=mappings, line=number)
        name, key, value = parts
        table = _spec(name, schema, MapOf, mappings, number)
        _check(key, table.key, onto, mappings, number)
        _check(value, table.value, onto, mappings, number)
        if table.within is not None and not onto.cameo_within(value, table.within):
            raise InputError(f"CAMEO code {value!r} is not within {table.within}, the relation {name} recodes to",
                             path=mappings, line=number)
        if key in tables[name]:
            raise InputError(f"duplicate key {key!r} in mapping {name!r} (first on line {tables[name][key][1]})",
                             path=mappings, line=number)
        tables[name][key] = (value, number)
    for name, declared in schema.items():
        if isinstance(declared, ListOf) and declared.subset_of is not None:
            for entry, number in words[name].items():
                if entry not in words[declared.subset_of]:
                    raise InputError(f"{entry!r} is in lexicon {name!r} but not in {declared.subset_of!r}, which "
                                     f"must hold every entry of {name!r}", path=lists, line=number)
    # one value per field, of the type _schema read from the field's annotation
    values: dict[str, Any] = {name: frozenset(entries) for name, entries in words.items()}
    values |= {name: MappingProxyType({k: v for k, (v, _) in entries.items()}) for name, entries in tables.items()}
    return Lexicons(**values)


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The numbered lines of a TSV file that are neither blank nor comments, split at tabs."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the file: {exc}", path=path) from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        for part in parts:
            if not part or part != part.strip():
                raise InputError(f"empty field or spaces around a field in {line!r}", path=path, line=number)
        yield number, parts


_Spec = TypeVar("_Spec", ListOf, MapOf)


def _spec(name: str, schema: dict[str, ListOf | MapOf], kind: type[_Spec], path: Path, line: int) -> _Spec:
    spec = schema.get(name)
    if isinstance(spec, kind):
        return spec
    what = "lexicon" if kind is ListOf else "mapping"
    if spec is not None:
        other = "mapping" if what == "lexicon" else "lexicon"
        raise InputError(f"{name!r} is a {other}, not a {what}: it belongs in the other file", path=path, line=line)
    known = sorted(n for n, s in schema.items() if isinstance(s, kind))
    close = [n for n in known if n.startswith(name[:4])][:3]
    hint = f" (did you mean {', '.join(close)}?)" if close else f"; the {what}s are {', '.join(known)}"
    raise InputError(f"unknown {what} {name!r}{hint}", path=path, line=line)


def _check(entry: str, kind: Kind, onto: Ontology, path: Path, line: int) -> None:
    """Raise an InputError naming ``path`` and ``line`` unless ``entry`` is of ``kind``."""
    problem = None
    try:
        if kind == "word":
            if entry != entry.lower() or len(entry.split()) != 1:
                problem = f"{entry!r} is not one lower-case word (entries are matched against lower-cased tokens)"
        elif kind == "relation":
            onto.relation(entry)
        elif kind == "class":
            onto.check_class(entry)
        elif kind in ("code", "root"):
            onto.cameo_code(entry)
            if kind == "root" and len(entry) != 2:
                problem = f"{entry!r} is not a two-digit CAMEO root code"
        elif kind == "label":
            from spacy.glossary import GLOSSARY

            if entry not in GLOSSARY:
                problem = f"unknown label {entry!r}: spaCy knows no entity or dependency label of that name"
        elif kind == "rank":
            if not re.fullmatch(r"[1-9][0-9]*", entry):
                problem = f"{entry!r} is not a rank (a whole number from 1)"
        elif entry not in _CLOSED[kind]:
            problem = f"{entry!r} is not a {kind} ({' or '.join(_CLOSED[kind])})"
    except KGError as exc:  # UnknownTerm from the ontology, with its suggestions
        problem = exc.message
    if problem is not None:
        raise InputError(problem, path=path, line=line)


@functools.cache
def load_demonyms(path: Path | None = None) -> Mapping[str, str]:
    """Read ``demonyms.tsv`` (the bundled one by default): demonym -> ISO 3166 alpha-3 code, in file order.

    Raises
    ------
    InputError
        Naming the line of a code that is not three capital letters, a line without words, or a demonym
        given twice.

    Examples
    --------
    >>> load_demonyms()["Hungarian"]
    'HUN'
    """
    path = path or patterns_path("demonyms.tsv")
    table: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, (code, *words) in _rows(path):
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise InputError(f"{code!r} is not an ISO 3166 alpha-3 code (three capital letters)", path=path,
                             line=number)
        if not words:
            raise InputError(f"no demonym for {code}", path=path, line=number)
        for word in words:
            if word in table:
                raise InputError(f"duplicate demonym {word!r} (first on line {lines[word]})", path=path,
                                 line=number)
            table[word], lines[word] = code, number
    return MappingProxyType(table)


#: The kinds of page furniture markers (``furniture.tsv`` explains each).
FURNITURE_KINDS = ("whole", "line", "dated", "tail", "byline", "credit", "caption", "inline")


@dataclass(frozen=True)
class FurnitureMarker:
    """A phrase that marks page furniture, of one of :data:`FURNITURE_KINDS`, from line ``line`` of its file."""

    kind: str
    phrase: str
    line: int


@functools.cache
def load_furniture(path: Path | None = None) -> tuple[FurnitureMarker, ...]:
    """Read ``furniture.tsv`` (the bundled one by default): the markers of page furniture, in file order.

    Raises
    ------
    InputError
        Naming the line of a line that is not ``kind<TAB>phrase``, an unknown kind, a phrase that is not
        lower-case, or a marker given twice.

    Examples
    --------
    >>> [m.phrase for m in load_furniture() if m.kind == "caption"][:2]
    ['image caption', 'media caption']
    """
    path = path or patterns_path("furniture.tsv")
    markers: list[FurnitureMarker] = []
    seen: dict[tuple[str, str], int] = {}
    for number, parts in _rows(path):
        if len(parts) != 2:
            raise InputError(f"expected kind<TAB>phrase, not {len(parts)} tab-separated fields", path=path,
                             line=number)
        kind, phrase = parts
        if kind not in FURNITURE_KINDS:
            raise InputError(f"unknown furniture kind {kind!r}; the kinds are {', '.join(FURNITURE_KINDS)}",
                             path=path, line=number)
        if phrase != phrase.lower() or "  " in phrase:
            raise InputError(f"{phrase!r} is not a lower-case phrase with single spaces (phrases are matched "
                             "regardless of case)", path=path, line=number)
        if (kind, phrase) in seen:
            raise InputError(f"duplicate {kind} marker {phrase!r} (first on line {seen[kind, phrase]})", path=path,
                             line=number)
        seen[kind, phrase] = number
        markers.append(FurnitureMarker(kind, phrase, number))
    return tuple(markers)
