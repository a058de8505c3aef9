"""The value objects every part of polkg exchanges: actors, things, sources and statements.

A :class:`Statement` is the lingua franca: curated files and the extractor both produce them, and one
function (:func:`kg.graph.statement_triples`) writes them into RDF as an event plus an attestation.

Examples
--------
>>> from kg.dates import parse_date
>>> s = Statement(subjects=("alexander-lukashenko",), relation="calls", objects=("vladimir-putin",),
...               source="seed", date=parse_date("2020-08-15"))
>>> s.is_direct_edge
True
>>> Statement(subjects=("police",), relation="tortures", objects=("protesters",), source="seed",
...           status="alleged").is_direct_edge
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.dates import EventDate

__all__ = [
    "MODALITIES",
    "POLARITIES",
    "STATUSES",
    "Actor",
    "Evidence",
    "IsoCodes",
    "Origin",
    "RoleTenure",
    "Source",
    "Statement",
    "Thing",
    "is_plain_fact",
]

STATUSES = ("asserted", "reported", "alleged")
POLARITIES = ("positive", "negated", "denied")
MODALITIES = ("actual", "intended", "proposed", "hypothetical")
ROLES = ("HeadOfState", "HeadOfGovernment", "Minister", "Leader", "Spokesperson", "Diplomat")


@dataclass(frozen=True)
class Origin:
    """Where a record was read from: a file and the line it starts on."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class IsoCodes:
    """ISO 3166-1 codes of a country (from pycountry)."""

    alpha2: str
    alpha3: str
    numeric: str


@dataclass(frozen=True)
class RoleTenure:
    """A role an actor holds in a state or organisation, for a period.

    Attributes
    ----------
    role : str
        One of ``ROLES``, such as ``"HeadOfState"``.
    of : str
        Id of the state or organisation.
    start, end : date or None
        The period; ``end`` is None while it lasts.
    title : str or None
        The title that goes with it, such as "President of Belarus".
    """

    role: str
    of: str
    start: date | None = None
    end: date | None = None
    title: str | None = None

    def valid_on(self, day: date) -> bool:
        """True if the tenure covers ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    """A person, state, organisation, group or place that the graph knows by a stable id.

    Attributes
    ----------
    id : str
        Slug used in the actor's IRI (``actor:<id>``).
    type : str
        An ontology class below ``pk:Actor`` or ``pk:Place``, such as ``"Person"``.
    label : str
        The canonical English label.
    aliases : tuple of (text, language)
        Other names, spellings and transliterations, each with a BCP 47 language tag.
    code : str or None
        For a country's institution, its code in the style of CAMEO's actor codes: the country's ISO 3166
        alpha-3 code and the role (``BLRGOV``, ``BLRCOP``); how a curated actor overrides the world registry's.
    """

    id: str
    type: str
    label: str
    aliases: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    wikidata: str | None = None
    wikidata_source: str | None = None
    country: str | None = None
    demonyms: tuple[str, ...] = ()
    iso: IsoCodes | None = None
    roles: tuple[RoleTenure, ...] = ()
    gender: str | None = None
    reviewed: bool = True
    origin: Origin | None = field(default=None, compare=False)
    code: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The label and every alias."""
        return (self.label, *(text for text, _ in self.aliases))


@dataclass(frozen=True)
class Thing:
    """Something actors act upon that is not an actor: a proposal, an election, a protest campaign.

    Its IRI is ``node:<id>``.
    """

    id: str
    type: str
    label: str
    aliases: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    date: EventDate | None = None
    place: str | None = None
    wikidata: str | None = None
    wikidata_source: str | None = None
    origin: Origin | None = field(default=None, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The label and every alias."""
        return (self.label, *(text for text, _ in self.aliases))


@dataclass(frozen=True)
class Source:
    """A document that attests statements.

    ``title`` is a label in our own words; ``file`` and ``sha256`` name the text that evidence offsets
    refer to, and ``headline`` gives the offsets of the document's own headline in it. The text stays out
    of the repository; the headline and evidence sentences are read from it when a build has it.
    ``document_id`` is the user's own name for a document read from news text (its path relative to the
    folder read, or its JSONL record's id).
    """

    id: str
    title: str
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    file: str | None = None
    sha256: str | None = None
    language: str = "en"
    kind: str = "Article"
    description: str | None = None
    headline: Evidence | None = None
    document_id: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Evidence:
    """Where in the source a statement is said.

    Attributes
    ----------
    start, end : int
        Character offsets of the supporting sentence (end exclusive).
    text : str or None
        The sentence, when the source text was available.
    """

    start: int
    end: int
    text: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"evidence offsets must satisfy 0 <= start < end, not {self.start}, {self.end}")


@dataclass(frozen=True)
class Statement:
    """Actor(s) - relation - object(s), with when, where, who says so and how surely.

    Attributes
    ----------
    subjects : tuple of str
        Ids of the acting actors (one event may have several).
    relation : str
        Local name of a relation property, such as ``"calls"``.
    objects : tuple of str
        Ids of the recipients: actors or things; empty when the event has none.
    source : str
        Id of the source document.
    date : EventDate or None
        When it happened.
    status, polarity, modality : str
        The three epistemic axes (``STATUSES``, ``POLARITIES``, ``MODALITIES``).
    claimant : str or None
        Who the source says made the claim (reported and alleged statements).
    method : str
        ``"curated"``, or ``"rule/<id>/<version>"`` for extracted statements.
    confidence : float
        1.0 for curated statements; a rule's measured precision for extracted ones.
    cameo : str or None
        A CAMEO code narrower than the relation's own (``"039"`` for a mediation proposal).
    mode : str or None
        A PLOVER mode of the relation's PLOVER type (``"phone"``); the relation's default otherwise.
    contexts : tuple of str
        PLOVER contexts (``"election"``, ``"human_rights"``), added to the relation's own.
    """

    subjects: tuple[str, ...]
    relation: str
    objects: tuple[str, ...]
    source: str
    date: EventDate | None = None
    place: str | None = None
    evidence: Evidence | None = None
    status: str = "asserted"
    claimant: str | None = None
    polarity: str = "positive"
    modality: str = "actual"
    method: str = "curated"
    confidence: float = 1.0
    cameo: str | None = None
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    note: str | None = None
    id: str | None = None
    origin: Origin | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.subjects:
            raise ValueError("a statement needs at least one subject")
        for axis, value, allowed in (("status", self.status, STATUSES), ("polarity", self.polarity, POLARITIES),
                                     ("modality", self.modality, MODALITIES)):
            if value not in allowed:
                raise ValueError(f"{axis} must be one of {', '.join(allowed)}, not {value!r}")
        if self.status == "reported" and self.claimant is None:
            raise ValueError("a reported statement needs a claimant (who reported it)")
        if self.status == "asserted" and self.claimant is not None:
            raise ValueError("an asserted statement has no claimant; use status reported or alleged")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be between 0 and 1, not {self.confidence}")

    @property
    def is_direct_edge(self) -> bool:
        """True if this statement alone makes direct edges: a plain fact (see :func:`is_plain_fact`)."""
        return is_plain_fact(self.status, self.polarity, self.modality)

    @property
    def is_curated(self) -> bool:
        """True if a person wrote this statement."""
        return self.method == "curated"


def is_plain_fact(status: str, polarity: str, modality: str) -> bool:
    """The plain-fact rule: asserted or reported, positive and actual. Only such statements make direct
    edges, and only such attestations make an event a fact; an allegation, a denial or a plan never does.

    Examples
    --------
    >>> is_plain_fact("reported", "positive", "actual"), is_plain_fact("alleged", "positive", "actual")
    (True, False)
    """
    return status in ("asserted", "reported") and polarity == "positive" and modality == "actual"
