"""Evidence from source texts: sentences (and headlines) attached by their offsets, checked by SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kg.curated import CuratedData
from kg.errors import InputError

__all__ = ["EvidenceReport", "attach_evidence"]


@dataclass(frozen=True)
class EvidenceReport:
    """Which sources' texts were found, and how many statements got their evidence sentence."""

    found: tuple[str, ...]
    missing: tuple[str, ...]
    attached: int


def attach_evidence(data: CuratedData, folders: Sequence[str | Path]) -> EvidenceReport:
    """Attach each statement's evidence sentence from source texts found in ``folders``.

    A source's text is looked up by its ``file`` name in each folder in turn; its SHA-256 must match
    the registry, so offsets point at the right characters.

    Raises
    ------
    InputError
        If a text's checksum differs from the registry, or an offset lies beyond the end of the text.
    """
    texts: dict[str, str] = {}
    missing: list[str] = []
    for source in list(data.sources.values()):
        if not source.file:
            continue
        for folder in folders:
            candidate = Path(folder) / source.file
            if candidate.is_file():
                raw = candidate.read_bytes()
                digest = hashlib.sha256(raw).hexdigest()
                if source.sha256 and digest != source.sha256:
                    raise InputError(f"source {source.id}: {candidate} has sha256 {digest}, the registry says "
                                     f"{source.sha256}; offsets would point at the wrong text",
                                     path=source.origin.path if source.origin else None,
                                     line=source.origin.line if source.origin else None)
                texts[source.id] = raw.decode("utf-8")
                if source.headline is not None:
                    text = texts[source.id][source.headline.start:source.headline.end]
                    data.sources[source.id] = replace(source, headline=replace(source.headline, text=text))
                break
        else:
            missing.append(source.id)
    attached = 0
    for index, statement in enumerate(data.statements):
        found = texts.get(statement.source)
        if found is None or statement.evidence is None:
            continue
        evidence = statement.evidence
        if evidence.end > len(found):
            origin = statement.origin
            raise InputError(f"evidence end {evidence.end} is beyond the end of {statement.source}'s text "
                             f"({len(found)} characters)", path=origin.path if origin else None,
                             line=origin.line if origin else None)
        data.statements[index] = replace(statement, evidence=replace(evidence, text=found[evidence.start:evidence.end]))
        attached += 1
    return EvidenceReport(tuple(sorted(texts)), tuple(sorted(missing)), attached)
