"""What the extraction stages hand each other: mentions, relation candidates, and the statements found.

The pipeline component (:mod:`kg.extract.pipeline`) leaves a list of :class:`Mention` and a list of
:class:`Candidate` on each parsed ``Doc`` (``doc._.kg_mentions``, ``doc._.kg_candidates``); mentions and
candidates refer to mentions by their index in that list. The :class:`~kg.extract.extractor.Extractor`
resolves them to actors and returns :class:`Extracted` statements, whose :class:`Argument` objects pair an
actor with the mention that names it (what ``kg extract --format jsonl`` prints).

All of them are frozen. They pickle, and with several parser processes they travel inside the ``Doc``:
spaCy packs a document's extension values with msgpack, which :func:`pack` and :func:`unpack` teach to
carry these types (``kg.extract.pipeline`` registers them with srsly).

Examples
--------
>>> import pickle
>>> mention = Mention(0, "entity", 0, 1, 0, 6, "Poland", 0, "poland", "poland", label="GPE", actor="poland")
>>> pickle.loads(pickle.dumps(mention)) == mention
True
>>> pack(mention)["__kg__"], unpack(pack(mention)) == mention  # msgpack carries a tagged map
('Mention', True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Literal

from kg.model import Statement

__all__ = ["Argument", "Candidate", "Cleaning", "Extracted", "Mention", "MentionKind", "Modality", "Polarity",
           "Qualifiers", "Status", "TitleParts", "pack", "unpack"]

#: What a mention is: a named ``entity``, a ``demonym``, a ``title`` ("the Belarusian president"), a
#: ``pronoun`` or a lone ``surname`` (both referring back), or a noun phrase argument (``np``).
MentionKind = Literal["entity", "demonym", "title", "pronoun", "surname", "np"]
#: The epistemic axes of a statement (``kg.model.STATUSES``, ``POLARITIES``, ``MODALITIES``).
Status = Literal["asserted", "reported", "alleged"]
Polarity = Literal["positive", "negated", "denied"]
Modality = Literal["actual", "intended", "proposed", "hypothetical"]


@dataclass(frozen=True, slots=True)
class TitleParts:
    """What a title mention ("the Belarusian president", "his Russian counterpart") says.

    Attributes
    ----------
    rule : str
        The id of the title rule that matched.
    role : str or None
        The role the title names (``HeadOfState``; ``same`` for "counterpart"), if any.
    relation : str or None
        The relation the title carries to its country, organisation or possessor, if any.
    object_kind : str
        What that relation points to: ``country``, ``organization``, ``possessor`` or whichever is named.
    country, possessor, org, person : int or None
        Mentions of the title's country ("Belarusian"), possessor ("his"), organisation ("European Council
        President") and of the person holding it ("President Fuad Masum").
    """

    rule: str
    role: str | None
    relation: str | None
    object_kind: str
    country: int | None = None
    possessor: int | None = None
    org: int | None = None
    person: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a document that may stand for an actor or a thing.

    Attributes
    ----------
    index : int
        Its place in the document's mention list (what candidates and other mentions refer to).
    kind : MentionKind
        What it is (see :data:`MentionKind`).
    start, end, start_char, end_char : int
        Token and character offsets in the document.
    text : str
        The text.
    head : int
        The index of its head token; ``root`` and ``root_lemma`` are that token's lower-cased text and lemma.
    label : str
        The entity label (``PERSON``, ``GPE``, ...), ``""`` where there is none.
    actor : str or None
        The registry id the actor ruler found.
    country : str or None
        For a demonym or nationality: the country (a registry id or an ISO 3166 alpha-3 code).
    ref : int or None
        For a pronoun or a lone surname: the mention it refers back to.
    ref_token : int or None
        For a pronoun in reported speech ("Syria said it would"): the speaker's token, read as ``ref``
        when the relation finder meets the pronoun.
    gender : str or None
        ``female`` or ``male``, when known.
    people : bool
        A demonym naming people ("thousands of Belarusians") rather than modifying a noun.
    title : TitleParts or None
        For a title, what it says.
    inner : tuple of int
        For a noun phrase, the entity mentions inside it ("Belarusian" in "Belarusian protesters").
    owner : int or None
        For a noun phrase, the mention that owns it ("Sweden" in "Sweden's decision").
    generic : bool
        For a noun phrase, it names nobody in particular ("people", "the only person", "senior officials"):
        it may stand for a body of the document's country, but is never a new actor.
    """

    index: int
    kind: MentionKind
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    head: int
    root: str
    root_lemma: str
    label: str = ""
    actor: str | None = None
    country: str | None = None
    ref: int | None = None
    ref_token: int | None = None
    gender: str | None = None
    people: bool = False
    title: TitleParts | None = None
    inner: tuple[int, ...] = ()
    owner: int | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Cleaning:
    """What mention hygiene (:mod:`kg.extract.hygiene`) did to a stretch of a document, for the corpus report.

    Attributes
    ----------
    start, end : int
        Character offsets of the stretch as found (a named entity, a noun phrase, a piece of furniture).
    text : str
        Its text as found.
    reason : str
        Why it was changed: ``possessive``, ``honorific``, ``quantifier``, ``prepositional tail``,
        ``generic noun``, ``title without a named holder``, ``furniture: <kind>``, ...
    kept : str or None
        What is left of it (``Belarus`` of ``Belarus's``); None when it was dropped altogether.
    """

    start: int
    end: int
    text: str
    reason: str
    kept: str | None = None


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """What a sentence says about a predicate: who claims it, whether it is negated, whether it happened.

    ``claimant`` is a mention; ``refused`` marks a refusal ("refused to deploy troops"), ``conditional`` a
    condition ("will withdraw unless ..."), both recoded by the extractor.
    """

    polarity: Polarity = "positive"
    modality: Modality = "actual"
    status: Status = "asserted"
    claimant: int | None = None
    refused: bool = False
    conditional: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A relation found in a sentence, between mentions not yet resolved to actors.

    Attributes
    ----------
    rule, version : str, int
        The rule that found it.
    relation : str
        The ontology relation; ``cameo`` a narrower CAMEO code, if the rule gives one.
    subjects, objects : tuple of int
        The mentions of its subjects and objects (coordinated actors make one event).
    trigger : int
        The token of the predicate (or of the title or noun).
    sentence_start, sentence_end : int
        Character offsets of the sentence, the evidence.
    date : str or None
        A date phrase attached to the predicate ("on Wednesday").
    qualifiers : Qualifiers
        Status, polarity, modality and claimant.
    military : bool
        The subjects are armed forces ("helicopters attacked"): an attack is a fight.
    object_required : bool
        Without a resolved object the candidate is no statement.
    main_country_title : int or None
        A title that names no country ("Roman Golovchenko, the prime minister"): its mention, and the
        object is the country the document is about.
    place : int or None
        The mention of where it happened ("in Minsk", "outside the parliament in Kyiv"), if the sentence says.
    implied : str or None
        For an event without a named subject ("hundreds were detained", "a protest was held"): the actor
        implied (``police``, ``protesters``, ``rioters``), of the country where it happened.
    named_by : int or None
        For an implied actor, the mention that says whose it is, if one does ("Palestinian riots":
        "Palestinian", the rioters of Palestine).
    """

    rule: str
    version: int
    relation: str
    subjects: tuple[int, ...]
    objects: tuple[int, ...]
    trigger: int
    sentence_start: int
    sentence_end: int
    cameo: str | None = None
    date: str | None = None
    qualifiers: Qualifiers = Qualifiers()
    military: bool = False
    object_required: bool = True
    main_country_title: int | None = None
    place: int | None = None
    implied: str | None = None
    named_by: int | None = None


@dataclass(frozen=True, slots=True)
class Argument:
    """A subject, object or claimant of a statement: the actor or thing, and the mention that names it.

    An ``implied`` argument is named by no mention ("hundreds were detained": the police); its text is
    empty and its offsets are those of the predicate, unless a modifier says whose it is ("Serbian
    protests": the text is "Serbian").
    """

    iri: str
    id: str
    label: str
    type: str
    text: str
    start: int
    end: int
    implied: bool = False

    def record(self) -> dict[str, str | int | bool]:
        """The argument as ``kg extract --format jsonl`` prints it (``iri``, ``label``, ``type``, ``text``,
        ``start``, ``end``, and ``implied: true`` for an implied one)."""
        record: dict[str, str | int | bool] = {"iri": self.iri, "label": self.label, "type": self.type,
                                               "text": self.text, "start": self.start, "end": self.end}
        if self.implied:
            record["implied"] = True
        return record


@dataclass(frozen=True, slots=True)
class Extracted:
    """One statement found in a document, with the mentions behind its subjects, objects and claimant.

    ``relation`` is the statement's relation (after recoding: "will meet" expresses an intent to cooperate);
    ``document`` is the user's name for the document it was found in (its path relative to the folder
    read, or its JSONL ``id``: :attr:`kg.extract.inputs.Document.name`) and ``sha256`` the hash of its text.
    """

    statement: Statement
    subjects: tuple[Argument, ...]
    objects: tuple[Argument, ...]
    claimant: Argument | None
    relation: str
    document: str | None = None
    sha256: str | None = None


_TAG = "__kg__"
_WIRE: dict[str, type[TitleParts | Mention | Qualifiers | Candidate | Cleaning]] = {
    cls.__name__: cls for cls in (TitleParts, Mention, Qualifiers, Candidate, Cleaning)}

Chain = Callable[[object], object] | None


def pack(obj: object, chain: Chain = None) -> object:
    """A srsly msgpack encoder: a mention, candidate or their parts as a tagged map, anything else to ``chain``."""
    cls = _WIRE.get(type(obj).__name__)
    if cls is not None and type(obj) is cls:
        return {_TAG: cls.__name__, **{f.name: getattr(obj, f.name) for f in fields(cls)}}
    return obj if chain is None else chain(obj)


def unpack(obj: object, chain: Chain = None) -> object:
    """A srsly msgpack decoder: the inverse of :func:`pack` (msgpack gives lists back for tuples)."""
    if isinstance(obj, dict) and obj.get(_TAG) in _WIRE:
        cls = _WIRE[obj[_TAG]]
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in obj.items() if k != _TAG}
        return cls(**values)  # the fields pack wrote, each of its field's type
    return obj if chain is None else chain(obj)
