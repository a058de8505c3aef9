"""Event files read as rows: GDELT Events (1.0 and 2.0) and Mentions, ICEWS coded events, PLOVER records.

Each reader streams one file (gzip-compressed or not) and yields, per line, either a :class:`Row` (an
event: date, CAMEO code, source and target actors as the dataset names them, the source document) or
a :class:`BadRow` (line number and what is wrong). CAMEO codes and PLOVER types map to our relations
(:func:`relation_for_cameo`, :func:`relation_for_plover`); :mod:`kg.eventdata` imports the rows.

Examples
--------
>>> relation_for_cameo("0431"), relation_for_cameo("190"), relation_for_cameo("043")
('hosts', 'fights', 'hosts')
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import UnknownTerm

__all__ = ["FORMATS", "READERS", "BadRow", "Mention", "Party", "Row", "is_mentions", "read_gdelt",
           "read_gdelt_mentions", "read_icews", "read_plover", "relation_for_cameo", "relation_for_plover"]

#: Dataset names ``kg import`` accepts.
FORMATS = ("gdelt", "icews", "plover")
_GDELT_LAYOUTS = {61: "GDELT 2.0", 58: "GDELT 1.0", 57: "GDELT 1.0 (backfile)"}


@dataclass(frozen=True)
class Party:
    """An actor as a dataset names it: its CAMEO code (GDELT), name, country and sectors; PLOVER records
    may also give a Wikidata id, an entity type and (ours) the polkg id."""

    name: str
    code: str = ""
    country: str = ""
    sectors: tuple[str, ...] = ()
    wikidata: str = ""
    kind: str = ""
    ident: str = ""
    thing: bool = False  # the polkg id names a thing (node:), not an actor


@dataclass(frozen=True)
class Row:
    """One event row, in the dataset's terms."""

    line: int
    id: str
    date: dt.date | None
    cameo: str
    source: Party
    target: Party | None
    url: str | None = None
    story: str | None = None
    publisher: str | None = None
    added: dt.date | None = None
    sources: tuple[Party, ...] = ()
    targets: tuple[Party, ...] = ()
    relation: str | None = None
    title: str | None = None
    end: dt.date | None = None
    precision: str = "day"
    status: str = "asserted"
    polarity: str = "positive"
    modality: str = "actual"
    span: tuple[int, int] | None = None
    place: Party | None = None


@dataclass(frozen=True)
class Mention:
    """A GDELT 2.0 Mentions row: where a document mentions an event (sentence, character offsets of the
    actors and the action in the document, GDELT's confidence in per cent)."""

    line: int
    event: str
    url: str
    source_name: str
    sentence: int
    offsets: tuple[int, ...]
    confidence: float


@dataclass(frozen=True)
class BadRow:
    """A line that is not an event row, and why."""

    line: int
    reason: str




def _lines(path: Path) -> IO[str]:
    """The file as text lines, decompressed when it ends in ``.gz``; undecodable bytes replaced."""
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    return path.open(encoding="utf-8", errors="replace", newline="")


def _day(text: str, line: int, what: str) -> dt.date | BadRow:
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return BadRow(line, f"bad {what} {text!r}")


def _date_and_code(fields: list[str], line: int, day: tuple[int, str], code: tuple[int, str],
                   ) -> tuple[dt.date, str] | BadRow:
    """The event date and CAMEO code of a row (by column index and name), or why they are bad."""
    when = _day(fields[day[0]], line, day[1])
    if isinstance(when, BadRow):
        return when
    value = fields[code[0]].strip()
    if not value.isdigit():
        return BadRow(line, f"bad {code[1]} {value!r}")
    return when, value


def _tab_rows(path: str | Path) -> Iterator[tuple[int, list[str]]]:
    """The numbered, non-blank rows of a tab-separated file (no quoting: the datasets use none)."""
    with _lines(Path(path)) as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if fields and fields != [""]:
                yield number, fields


def read_gdelt(path: str | Path) -> Iterator[Row | BadRow]:
    """Rows of a GDELT Events file: 2.0 (61 columns), 1.0 daily (58) or 1.0 backfile (57), no header.

    Rows without a first actor, or with a CAMEO code that is not a code, are bad rows.
    """
    for number, fields in _tab_rows(path):
        width = len(fields)
        if width not in _GDELT_LAYOUTS:
            yield BadRow(number, f"{width} columns; GDELT events have 61 (2.0), 58 or 57 (1.0)")
            continue
        checked = _date_and_code(fields, number, (1, "SQLDATE"), (26, "EventCode"))
        if isinstance(checked, BadRow):
            yield checked
            continue
        when, code = checked
        first = Party(fields[6].strip(), fields[5].strip(), fields[7].strip())
        second = Party(fields[16].strip(), fields[15].strip(), fields[17].strip())
        if not first.code and not first.name:
            yield BadRow(number, "no Actor1")
            continue
        added = _day(fields[59 if width == 61 else 56], number, "DATEADDED")
        yield Row(number, fields[0].strip(), when, code, first,
                  second if (second.code or second.name) else None,
                  url=fields[-1].strip() or None if width != 57 else None,
                  added=None if isinstance(added, BadRow) else added)


def read_gdelt_mentions(path: str | Path) -> Iterator[Mention | BadRow]:
    """Rows of a GDELT 2.0 Mentions file (16 tab-separated columns, no header)."""
    for number, fields in _tab_rows(path):
        if len(fields) < 12:
            yield BadRow(number, f"{len(fields)} columns; GDELT Mentions have 16")
            continue
        try:
            offsets = tuple(int(fields[i]) for i in (7, 8, 9) if fields[i].strip() and int(fields[i]) >= 0)
            yield Mention(number, fields[0].strip(), fields[5].strip(), fields[4].strip(), int(fields[6]),
                          offsets, float(fields[11]))
        except ValueError:
            yield BadRow(number, "bad SentenceID, offset or Confidence")


def is_mentions(path: Path) -> bool:
    """True for a GDELT Mentions file: by name, else by the width of its first row."""
    if ".mentions." in path.name.lower():
        return True
    if ".export." in path.name.lower():
        return False
    with _lines(path) as handle:
        first = handle.readline()
    return len(first.rstrip("\r\n").split("\t")) == 16


_ICEWS_HEADER = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher")


def read_icews(path: str | Path) -> Iterator[Row | BadRow]:
    """Rows of an ICEWS coded-event file (tab-separated, with its 20-column header row)."""
    rows = _tab_rows(path)
    _, header = next(rows, (1, []))
    if tuple(h.strip() for h in header[:len(_ICEWS_HEADER)]) != _ICEWS_HEADER:
        yield BadRow(1, "not an ICEWS events file: its first line is not the ICEWS header")
        return
    for number, fields in rows:
        if len(fields) < len(_ICEWS_HEADER):
            yield BadRow(number, f"{len(fields)} columns; ICEWS events have 20")
            continue
        checked = _date_and_code(fields, number, (1, "Event Date"), (6, "CAMEO Code"))
        if isinstance(checked, BadRow):
            yield checked
            continue
        when, code = checked
        source = Party(fields[2].strip(), country=fields[4].strip(),
                       sectors=tuple(s.strip() for s in fields[3].split(",") if s.strip()))
        if not source.name:
            yield BadRow(number, "no Source Name")
            continue
        target = Party(fields[8].strip(), country=fields[10].strip(),
                       sectors=tuple(s.strip() for s in fields[9].split(",") if s.strip()))
        yield Row(number, fields[0].strip(), when, code, source, target if target.name else None,
                  story=fields[11].strip() or None, publisher=fields[13].strip() or None)


def _plover_party(entry: Any) -> Party | None:
    if not isinstance(entry, dict):
        return None
    name = str(entry.get("entity_text") or entry.get("actorText") or entry.get("name") or "").strip()
    sector = str(entry.get("sector") or "").strip()
    code = str(entry.get("code") or "").strip().upper()
    party = Party(name, code=code + (sector if sector and len(code) == 3 else ""), sectors=(sector,) if sector else (),
                  wikidata=str(entry.get("identifier_id") or "").strip(), kind=str(entry.get("entity_type") or ""),
                  ident=str(entry.get("polkg_id") or "").split(":", 1)[-1],
                  thing=str(entry.get("polkg_id") or "").startswith("node:"))
    return party if (party.name or party.code or party.ident) else None


_AUXILIARY = {"negation": ("positive", "negated", "actual"), "future": ("positive", "positive", "intended"),
              "hypothetical": ("positive", "positive", "hypothetical")}


def read_plover(path: str | Path) -> Iterator[Row | BadRow]:
    """PLOVER JSON records, one a line (as ``kg export --format plover`` writes them): event type and mode,
    actor and recipient lists, place (``event_loc``), date, CAMEO code when given, auxiliary mode, status,
    text offsets, citation."""
    with _lines(Path(path)) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                yield BadRow(number, "not JSON")
                continue
            if not isinstance(record, dict) or not record.get("event"):
                yield BadRow(number, "no PLOVER event type")
                continue
            actors = [p for p in map(_plover_party, record.get("actor") or []) if p]
            if not actors:
                yield BadRow(number, "no actor")
                continue
            when = end = None
            if record.get("date"):
                checked = _day(str(record["date"]), number, "date")
                last = _day(str(record.get("date_end") or record["date"]), number, "date_end")
                if isinstance(checked, BadRow) or isinstance(last, BadRow):
                    yield checked if isinstance(checked, BadRow) else last  # type: ignore[misc]
                    continue
                when, end = checked, last
            try:
                relation = record.get("polkg_relation") if _is_relation(record.get("polkg_relation")) else \
                    relation_for_plover(str(record["event"]), record.get("mode"))
            except UnknownTerm:
                yield BadRow(number, f"unknown PLOVER event type {record['event']!r}")
                continue
            cite = record.get("cite_info") or {}
            text = record.get("text_info") or {}
            status = str(record.get("status") or "asserted")
            _, polarity, modality = _AUXILIARY.get(str(record.get("auxiliary_mode") or ""), ("", "positive", "actual"))
            span = (int(text["start"]), int(text["end"])) if text.get("start") is not None and \
                text.get("end") is not None else None
            recipients = tuple(p for p in map(_plover_party, record.get("recipient") or []) if p)
            where = record.get("event_loc")
            place = _plover_party({"entity_type": "Place", **where}) if isinstance(where, dict) else None
            yield Row(number, str(record.get("id") or number), when, str(record.get("cameo") or ""), actors[0],
                      recipients[0] if recipients else None, url=cite.get("url") or None,
                      story=str(text.get("source") or record.get("id") or number).split(":", 1)[-1],
                      publisher=cite.get("publisher") or None, title=cite.get("title") or None,
                      sources=tuple(actors), targets=recipients, relation=relation,
                      status="alleged" if status == "alleged" else "asserted", polarity=polarity, modality=modality,
                      span=span, end=end, precision=str(record.get("date_precision") or "day"), place=place)


def _is_relation(name: Any) -> bool:
    from kg.ontology import load_ontology

    return isinstance(name, str) and name in load_ontology().relations


@functools.lru_cache(maxsize=256)
def relation_for_plover(event: str, mode: str | None = None) -> str:
    """The relation for a PLOVER event type (and mode): the one carrying both, else the most general one
    carrying the type.

    Raises
    ------
    UnknownTerm
        If no relation carries the type.

    Examples
    --------
    >>> relation_for_plover("CONSULT", "phone"), relation_for_plover("CONSULT"), relation_for_plover("ACCUSE")
    ('calls', 'consults', 'disapproves')
    """
    from kg.ontology import load_ontology

    onto = load_ontology()
    found = sorted((r for r in onto.relations.values() if r.plover == event.upper()),
                   key=lambda r: (len(onto.ancestors(r.name)), r.name))
    if not found:
        raise UnknownTerm(f"no relation for PLOVER event type {event!r}")
    with_mode = [r for r in found if mode and r.plover_mode == mode]
    return (with_mode or found)[0].name


READERS: dict[str, Callable[[str | Path], Iterator[Row | BadRow]]] = {"gdelt": read_gdelt, "icews": read_icews,
                                                                       "plover": read_plover}


@functools.lru_cache(maxsize=1)
def _cameo_relations() -> dict[str, str]:
    """CAMEO code -> the relation carrying it (the most general one when several do)."""
    from kg.ontology import load_ontology

    onto = load_ontology()
    found: dict[str, str] = {}
    for relation in sorted(onto.relations.values(), key=lambda r: (len(onto.ancestors(r.name)), r.name)):
        if relation.cameo is not None:
            found.setdefault(relation.cameo.code, relation.name)
    return found


@functools.lru_cache(maxsize=1024)
def relation_for_cameo(code: str) -> str:
    """The relation for a CAMEO event code: the one carrying it, else the one carrying its nearest parent.

    Raises
    ------
    UnknownTerm
        If neither the code nor any parent (down to its two-digit root) has a relation.
    """
    mapping = _cameo_relations()
    candidates = [code]
    if len(code) == 4:
        candidates.append(code[:3])
    if len(code) >= 3:
        if code[2] == "0":
            candidates.append(code[:2])
        candidates += [code[:2] + "0", code[:2]]
    for candidate in candidates:
        if candidate in mapping:
            return mapping[candidate]
    raise UnknownTerm(f"no relation for CAMEO code {code!r}")

