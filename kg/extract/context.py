"""One document as actor resolution sees it (:class:`Context`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.extract.inputs import Document
from kg.extract.types import Cleaning, Mention

__all__ = ["Context"]


@dataclass
class Context:
    """One document as resolution sees it: its mentions, date and main country, and what was dropped."""

    document: Document
    mentions: list[Mention]
    published: date | None
    main_country: str | None
    names: dict[int, str] = field(default_factory=dict)
    dropped: list[Cleaning] = field(default_factory=list)
    #: where mentions start that name nobody in particular ("two farmers" of no named country)
    nobody: set[int] = field(default_factory=set)
    #: the mentions listed among places, places whatever the parser took them for (:func:`listed_places`)
    places: set[int] = field(default_factory=set)
    digest: str = ""
