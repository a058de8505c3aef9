"""Page furniture and datelines: what a scraped news page holds besides the report, found in its raw text.

A page saved as text keeps its photo credits and captions ("image copyright AGENCY image caption ..."),
its byline, its share buttons and its "related" blocks, glued between the paragraphs of the report. Parsed
as news, they give junk actors (the agency) and events (the caption). :func:`strip_furniture` blanks
them out before parsing: every character of a piece of furniture, line breaks aside, becomes a space, so
the cleaned text has the length of the original and every offset the extractor reports (evidence
sentences, mentions) points at the same characters of the text as given. The markers are data
(``patterns/furniture.tsv``, read by :func:`kg.extract.lexicons.load_furniture`).

:func:`find_dateline` reads a dateline ("TBILISI, May 14 (Reuters) -"), which :func:`strip_furniture`
blanks too: the place and agency are the page's, not actors of the report, and the date is the
document's (see :mod:`kg.extract.inputs`).

Examples
--------
>>> text = "Crowds gather\\nimage copyright Reuters image caption Crowds in the square\\nPolice detained two men."
>>> stripped = strip_furniture(text)
>>> len(stripped.text) == len(text), stripped.text.split()
(True, ['Crowds', 'gather', 'Police', 'detained', 'two', 'men.'])
>>> [(f.kind, text[f.start:f.end]) for f in stripped.furniture]
[('credit', 'image copyright Reuters'), ('caption', 'image caption Crowds in the square')]
>>> find_dateline("TBILISI, May 14 (Reuters) - Police detained two men.")
Dateline(start=0, end=28, place='TBILISI', date='May 14', agency='Reuters')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.extract.lexicons import FurnitureMarker, load_furniture

__all__ = ["Dateline", "Furniture", "Stripped", "find_dateline", "strip_furniture"]

_SHORT_LINE = 20        # words: a longer line is never furniture as a whole
_BYLINE_WORDS = 12
_CAPTION_WORDS = 40
_CREDIT_WORDS = 4
_BYLINE_CONTINUATION = 6


@dataclass(frozen=True, slots=True)
class Furniture:
    """A piece of page furniture: characters ``start`` to ``end`` of the text, found by ``marker`` (a phrase
    of ``furniture.tsv``, or ``dateline``) of ``kind``."""

    start: int
    end: int
    kind: str
    marker: str


@dataclass(frozen=True, slots=True)
class Stripped:
    """A text with its furniture blanked out (same length as the original) and the furniture found."""

    text: str
    furniture: tuple[Furniture, ...]


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline that opens a report: its characters, place, date as written (if any) and agency."""

    start: int
    end: int
    place: str
    date: str | None
    agency: str | None


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?:,? \d{{4}})?)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )"
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z0-9 .&/'’-]{0,40})\)"
_DASH = r"\s*[-–—]+\s*"
_UPPER_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2}"
_DATELINES = (
    # "TBILISI, May 14 (Reuters) -", "MINSK (AFP) -", "WASHINGTON -", "NEW DELHI, Georgia, 2 March -"
    re.compile(rf"(?P<place>{_UPPER_PLACE}(?:, (?:{_UPPER_PLACE}|{_TITLE_PLACE}))?)"
               rf"(?:, {_WEEKDAY}?(?P<date>{_DATE}))?(?: ?{_AGENCY})?{_DASH}(?=\S)"),
    # "Minsk, Belarus (CNN)", "Tbilisi, May 14 (AP) -": a place in title case needs the agency
    re.compile(rf"(?P<place>{_TITLE_PLACE}(?:, {_TITLE_PLACE})?)(?:, {_WEEKDAY}?(?P<date>{_DATE}))? ?{_AGENCY}"
               rf"(?:{_DASH}|\s*)(?=\S)"),
)
_DATELINE_REACH = 1000  # characters: a dateline opens the report, so it sits in its first lines


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of one of the first lines of ``text``, if there is one.

    Parameters
    ----------
    text : str
        A document as read.

    Returns
    -------
    Dateline or None
        Its offsets in ``text`` (up to where the report starts), the place, the date as written ("May 14",
        "14 May 2021") and the agency in brackets.

    Examples
    --------
    >>> find_dateline("Headline here\\nMinsk, Belarus (CNN)Police detained ...").place
    'Minsk, Belarus'
    >>> find_dateline("WASHINGTON, Aug. 3, 2021 - The talks ...").date
    'Aug. 3, 2021'
    >>> find_dateline("Police detained two men in Minsk - a report.") is None
    True
    """
    for start, line in _lines(text[:_DATELINE_REACH]):
        offset = len(line) - len(line.lstrip())
        for pattern in _DATELINES:
            match = pattern.match(line, offset)
            if match is not None:
                return Dateline(start + offset, start + match.end(), match["place"], match["date"],
                                match["agency"])
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` without its line break, with its offset."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


@dataclass(frozen=True)
class _Markers:
    whole: dict[str, str]
    starts: tuple[tuple[str, str], ...]     # (kind, phrase) of line, dated, byline: longest phrase first
    tail: dict[str, str]
    inline: re.Pattern[str]
    kinds: dict[str, tuple[str, str]]       # lower-cased inline phrase -> (kind, phrase)
    parenthetical: re.Pattern[str]


_PUNCT = " \t.:;,|-–—•·>»*#"
_DATE_WORDS = re.compile(r"(?:[\s,.:;|()/+-]|\d+(?:[:./-]\d+)*(?:st|nd|rd|th|am|pm|h)?|a\.m\.|p\.m\.|am|pm|gmt|utc|bst"
                         r"|est|edt|cet|cest|hkt|sgt|ist|msk|ago|an?|hours?|hrs?|minutes?|mins?|days?|weeks?|on|at"
                         r"|by|and|updated|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)*", re.IGNORECASE)
_NAME_LINKS = frozenset({"and", "&", "de", "da", "del", "van", "von", "der", "bin", "al", "el", "la", "le", "in",
                         "-", "–", "|", "/"})


def _boundary(phrase: str) -> str:
    """A pattern for ``phrase`` at word boundaries; a word may follow a final letter glued on in capitals
    ("image captionProtesters", as pages saved as text often have it)."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    before = r"(?<!\w)" if phrase[:1].isalnum() else ""
    after = r"(?!(?-i:[a-z0-9]))" if phrase[-1:].isalnum() else ""
    return before + body + after


@functools.cache
def _compile(markers: tuple[FurnitureMarker, ...]) -> _Markers:
    by_kind: dict[str, list[str]] = {}
    for marker in markers:
        by_kind.setdefault(marker.kind, []).append(marker.phrase)
    inline_kinds = {m.phrase: (m.kind, m.phrase) for m in markers if m.kind in ("credit", "caption", "inline")}
    phrases = sorted(inline_kinds, key=len, reverse=True)
    inline = re.compile("|".join(_boundary(p) for p in phrases) or r"(?!x)x", re.IGNORECASE)
    starts = sorted(((m.kind, m.phrase) for m in markers if m.kind in ("line", "dated", "byline")),
                    key=lambda kp: -len(kp[1]))
    openers = [p for p in by_kind.get("byline", []) + by_kind.get("credit", []) if " " in p or p.endswith(":")]
    parenthetical = re.compile(r"\((?:" + "|".join(_boundary(p) for p in sorted(openers, key=len, reverse=True))
                               + r")[^()\n]{0,200}\)" if openers else r"(?!x)x", re.IGNORECASE)
    return _Markers({p: p for p in by_kind.get("whole", [])}, tuple(starts), {p: p for p in by_kind.get("tail", [])},
                    inline, inline_kinds, parenthetical)


def strip_furniture(text: str, markers: Iterable[FurnitureMarker] | None = None) -> Stripped:
    """Blank out the page furniture of ``text``, keeping its length and line breaks.

    Parameters
    ----------
    text : str
        A document as read.
    markers : iterable of FurnitureMarker, optional
        The markers (the bundled ``patterns/furniture.tsv`` by default).

    Returns
    -------
    Stripped
        The text with every character of furniture but line breaks replaced by a space (so an offset into
        it is an offset into ``text``), and the pieces found, in text order.

    See Also
    --------
    kg.extract.lexicons.load_furniture : the markers and their kinds.

    Examples
    --------
    >>> text = "Talks resume\\nBy Anna Petrova\\nThe envoys met on Monday.\\nRelated Topics\\nDiplomacy"
    >>> strip_furniture(text).text.split()
    ['Talks', 'resume', 'The', 'envoys', 'met', 'on', 'Monday.']
    """
    compiled = _compile(tuple(markers) if markers is not None else load_furniture())
    found: list[Furniture] = []
    dateline = find_dateline(text)
    if dateline is not None:
        found.append(Furniture(dateline.start, dateline.end, "dateline", "dateline"))
    after_byline = False
    for start, line in _lines(text):
        piece = _line_furniture(line, start, compiled, len(text))
        if piece is None and after_byline and line.strip() and len(line.split()) <= _BYLINE_CONTINUATION \
                and _names(line):  # "BBC News, Minsk" under the byline
            lead = start + len(line) - len(line.lstrip())
            piece = Furniture(lead, lead + len(line.strip()), "byline", "byline")
        if line.strip():
            after_byline = piece is not None and piece.kind == "byline"
        if piece is not None:
            found.append(piece)
            if piece.kind == "tail":
                break
            continue
        found += _inline_furniture(line, start, compiled)
    found = _disjoint(found)
    if not found:
        return Stripped(text, ())
    chars = list(text)
    for piece in found:
        for i in range(piece.start, piece.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return Stripped("".join(chars), tuple(found))


def _disjoint(pieces: list[Furniture]) -> list[Furniture]:
    """The pieces in text order, without those inside an earlier one."""
    kept: list[Furniture] = []
    for piece in sorted(pieces, key=lambda p: (p.start, -p.end)):
        if kept and piece.start < kept[-1].end:
            if piece.end > kept[-1].end:
                kept[-1] = Furniture(kept[-1].start, piece.end, kept[-1].kind, kept[-1].marker)
            continue
        kept.append(piece)
    return kept


def _line_furniture(line: str, start: int, markers: _Markers, length: int) -> Furniture | None:
    """The whole line as furniture (or the line and all after it, for a tail), if a line marker says so."""
    content = line.strip()
    if not content:
        return None
    lead = start + line.index(content[0])
    end = lead + len(content)
    folded = " ".join(content.lower().split())
    key = folded.strip(_PUNCT)
    if key in markers.tail:
        return Furniture(lead, length, "tail", key)
    if key in markers.whole:
        return Furniture(lead, end, "whole", key)
    words = folded.split()
    if len(words) > _SHORT_LINE:
        return None
    for kind, phrase in markers.starts:
        if not folded.startswith(phrase):
            continue
        rest = content[len(phrase):]
        if rest[:1].isalnum() and phrase[-1:].isalnum():
            continue  # "bypass" does not start with "by"
        if kind == "line" or (kind == "dated" and _DATE_WORDS.fullmatch(rest)) \
                or (kind == "byline" and _names(rest)):
            return Furniture(lead, end, kind, phrase)
    return None


def _names(text: str) -> bool:
    """True if ``text`` is a short list of names ("Anna Petrova and Ian Reed, BBC News, Minsk")."""
    words = [w for w in (w.strip(",;") for w in text.split()) if w]
    if not 0 < len(words) <= _BYLINE_WORDS:
        return False
    if not all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words):
        return False
    end = text.rstrip()
    return not end.endswith((".", "!", "?")) or re.search(r"\b[A-Z]\.$", end) is not None  # "By J. R. Smith"


def _inline_furniture(line: str, start: int, markers: _Markers) -> list[Furniture]:
    found = [Furniture(start + m.start(), start + m.end(), "byline" if " by" in m.group().lower()[:30] else "credit",
                       "parenthesis") for m in markers.parenthetical.finditer(line)]
    matches = list(markers.inline.finditer(line))
    for number, match in enumerate(matches):
        kind, phrase = markers.kinds[" ".join(match.group().lower().split())]
        limit = matches[number + 1].start() if number + 1 < len(matches) else len(line)
        end = match.end()
        if kind == "credit":
            end = _credit_end(line, end, limit)
        elif kind == "caption":
            end = _caption_end(line, end, limit)
        found.append(Furniture(start + match.start(), start + end, kind, phrase))
    return found


_CREDIT_WORD = re.compile(r"\s*(?:[A-Z0-9©][\w.&'’/-]*|via|/)(?=\s|$|[,;)]|(?-i:[A-Z]))")
_PROSE = re.compile(r"\s*(?-i:[a-z])")


def _credit_end(line: str, end: int, limit: int) -> int:
    """Where the name after a credit marker ends: a few capitalised words ("Getty Images", "AFP/Getty"),
    short of a capitalised word that starts the prose after it ("... Getty Images Police were")."""
    taken = 0
    while taken < _CREDIT_WORDS:
        match = _CREDIT_WORD.match(line, end, limit)
        if match is None or match.end() == end:
            break
        if taken and match.group().strip() not in ("via", "/") and _PROSE.match(line, match.end(), limit):
            break
        end, taken = match.end(), taken + 1
    return end


_CAPTION_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘']|\s*$)|(?<=[a-z)])(?=[A-Z][a-z])")


def _caption_end(line: str, end: int, limit: int) -> int:
    """Where a caption ends: at the end of the line or the next marker, after a full stop, where the next
    text is glued on ("... on SundayPolice said"), and after at most a sentence's worth of words."""
    stop = _CAPTION_END.search(line, end + 1, limit)
    finish = limit if stop is None else stop.end()
    words = list(re.finditer(r"\S+", line[end:finish]))
    if len(words) > _CAPTION_WORDS:
        finish = end + words[_CAPTION_WORDS - 1].end()
    return finish
