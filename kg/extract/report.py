"""The corpus report: what a reviewer needs after extracting from a corpus of news text.

:class:`CorpusReport` is filled by the :class:`~kg.extract.extractor.Extractor` as documents stream
through it: the new actors it proposed (with how often they were named in statements, their type, the
first sentence naming them and why they were not resolved to a known actor), what mention hygiene cut
or dropped (with the reason), the page furniture blanked out, and the events found per relation.
``kg build --text`` and ``kg extract --report FILE`` print :meth:`CorpusReport.text` on the terminal and
write :meth:`CorpusReport.to_dict` as JSON.

Examples
--------
>>> report = CorpusReport()
>>> report.propose("anna-berg", "no registry actor has this name or alias (PERSON entity)")
>>> report.to_dict()["new_actors"]
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.extract.types import Cleaning, Extracted

if TYPE_CHECKING:
    from kg.extract.furniture import Furniture
    from kg.extract.inputs import Document
    from kg.model import Actor

__all__ = ["CorpusReport", "NewActor"]

#: Examples kept per reason (cleanings) or kind (furniture).
EXAMPLES = 5


@dataclass
class NewActor:
    """A new actor proposed from news text: how often statements named it, and where first."""

    id: str
    label: str
    type: str
    reason: str
    count: int = 0
    document: str | None = None
    evidence: str | None = None


@dataclass
class CorpusReport:
    """What extraction from a corpus proposed, cleaned and found (see the module docs)."""

    documents: int = 0
    statements: int = 0
    new_actors: dict[str, NewActor] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    cleanings: Counter[str] = field(default_factory=Counter)
    cleaning_examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    furniture: Counter[str] = field(default_factory=Counter)
    furniture_examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    relations: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    #: the resolver's new actors as they are now: one may have taken a fuller name or a truer type since it
    #: was first named ("Lib Dem", then "Liberal Democrats", a group)
    live: Mapping[str, Actor] = field(default_factory=dict, repr=False)

    def propose(self, actor: str, reason: str) -> None:
        """Record why the new actor ``actor`` was proposed (the first reason met is kept)."""
        self.reasons.setdefault(actor, reason)

    def add(self, document: Document, found: Sequence[Extracted], *, cleanings: Iterable[Cleaning] = (),
            furniture: Iterable[Furniture] = (), new_actors: Mapping[str, Actor] | None = None) -> None:
        """Add one document: its statements, what hygiene cleaned in it, its furniture; ``new_actors`` are
        the resolver's new actors (an argument naming one counts for it)."""
        name = document.name or document.id
        self.documents += 1
        self.statements += len(found)
        self.dates[document.dated_by or "none"] += 1
        for item in cleanings:
            self.cleanings[item.reason] += 1
            examples = self.cleaning_examples.setdefault(item.reason, [])
            if len(examples) < EXAMPLES:
                examples.append({"document": name, "text": item.text, "kept": item.kept, "start": item.start,
                                 "end": item.end})
        for piece in furniture:
            self.furniture[piece.kind] += 1
            shown = self.furniture_examples.setdefault(piece.kind, [])
            if len(shown) < EXAMPLES:
                shown.append({"document": name, "text": " ".join(document.text[piece.start:piece.end].split())[:120],
                              "start": piece.start, "end": piece.end})
        new = new_actors or {}
        self.live = new
        for extracted in found:
            self.relations[extracted.relation] += 1
            evidence = extracted.statement.evidence
            for argument in (*extracted.subjects, *extracted.objects,
                             *((extracted.claimant,) if extracted.claimant else ())):
                actor = new.get(argument.id)
                if actor is None:
                    continue
                entry = self.new_actors.get(actor.id)
                if entry is None:
                    entry = self.new_actors[actor.id] = NewActor(
                        actor.id, actor.label, actor.type, self.reasons.get(actor.id, "a country or place new to "
                                                                            "the registry"),
                        document=name, evidence=evidence.text if evidence else None)
                entry.count += 1

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: new actors most named first, counts by reason, kind and relation."""
        for entry in self.new_actors.values():
            if (now := self.live.get(entry.id)) is not None:
                entry.label, entry.type = now.label, now.type
        actors = sorted(self.new_actors.values(), key=lambda a: (-a.count, a.label))
        return {
            "documents": self.documents,
            "statements": self.statements,
            "document_dates": dict(sorted(self.dates.items())),
            "new_actors": [{"id": a.id, "label": a.label, "type": a.type, "count": a.count, "reason": a.reason,
                            "document": a.document, "evidence": a.evidence} for a in actors],
            "hygiene": [{"reason": reason, "count": count, "examples": self.cleaning_examples.get(reason, [])}
                        for reason, count in sorted(self.cleanings.items(), key=lambda rc: (-rc[1], rc[0]))],
            "furniture": [{"kind": kind, "count": count, "examples": self.furniture_examples.get(kind, [])}
                          for kind, count in sorted(self.furniture.items(), key=lambda kc: (-kc[1], kc[0]))],
            "relations": dict(sorted(self.relations.items(), key=lambda rc: (-rc[1], rc[0]))),
        }

    def text(self, *, top: int = 20) -> str:
        """The report as plain text for the terminal: counts, and the ``top`` new actors most named."""
        data = self.to_dict()
        lines = [f"Corpus report: {self.documents:,} documents, {self.statements:,} statements, "
                 f"{len(data['new_actors']):,} new actors proposed."]
        if data["document_dates"]:
            lines.append("Document dates from: " + ", ".join(f"{k} {v:,}" for k, v in data["document_dates"].items()))
        if data["new_actors"]:
            lines.append(f"New actors (most named first, {min(top, len(data['new_actors']))} shown):")
            for actor in data["new_actors"][:top]:
                lines.append(f"  {actor['count']:>5}  {actor['label']} ({actor['type']}): {actor['reason']}")
                if actor["evidence"]:
                    lines.append(f"         first in {actor['document']}: {_clip(actor['evidence'])}")
        if data["hygiene"]:
            lines.append("Mentions cleaned by hygiene:")
            for row in data["hygiene"]:
                example = row["examples"][0] if row["examples"] else None
                shown = f' (e.g. "{_clip(example["text"], 40)}"' + (f' -> "{_clip(example["kept"], 40)}")'
                                                                    if example["kept"] else ", dropped)") \
                    if example else ""
                lines.append(f"  {row['count']:>5}  {row['reason']}{shown}")
        if data["furniture"]:
            blanked = ", ".join(f"{r['kind']} {r['count']:,}" for r in data["furniture"])
            lines.append(f"Page furniture blanked: {blanked}")
        if data["relations"]:
            lines.append("Events per relation: " + ", ".join(f"{k} {v:,}" for k, v in data["relations"].items()))
        return "\n".join(lines) + "\n"


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"
