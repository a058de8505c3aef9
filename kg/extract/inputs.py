"""Read news documents for the extractor: text files, HTML pages, JSONL corpora and standard input.

:func:`read_documents` is a generator: it holds one document (or one JSONL line) at a time, so a corpus of
any size streams through. A document that cannot be read is a :class:`Problem` (``path:line: message``):
raised as :class:`~kg.errors.InputError` in strict mode, otherwise collected and skipped.

===================  ====================================================================================
what                 how it is read
===================  ====================================================================================
``.txt .text .md``   UTF-8 text (a BOM is stripped); any other suffix given explicitly is read this way too
``.html .htm``       main text and metadata (title, date, url, site name) by trafilatura
``.jsonl``           one article a line: ``id`` and ``text`` required; ``title``, ``url``, ``publisher``,
                     ``published`` (or ``date``) optional
a folder             its files with the suffixes above, recursively, in sorted order
``-``                standard input: a JSONL corpus if its first non-blank character is ``{``, else one text
===================  ====================================================================================

Each document has the user's name for it (:attr:`Document.name`: the path relative to the folder read, the
file's own name for a file named alone, the JSONL record's ``id``), which the extractor's output carries next
to the hash of its text, and its own publication date where it gives one, in this order: the JSONL
``published`` or ``date`` field or the HTML page's metadata; a dateline with a year ("LONDON, May 14, 2021
(Reuters) -"); a date in the file's name or path (``2021-05-14-talks.txt``, ``2021/05/14/talks.txt``); a
dateline without a year ("TBILISI, May 14 -", the nearest such day up to the ``published`` date given); the
``published`` date given for documents that carry none. :attr:`Document.dated_by` says which.

Examples
--------
>>> import io
>>> corpus = io.StringIO('{"id": "a1", "text": "The mayor resigned.", "published": "2021-03-04"}\\n')
>>> [(d.id, d.text, d.published, d.path, d.line) for d in read_documents(["-"], stdin=corpus)]
[('a1', 'The mayor resigned.', datetime.date(2021, 3, 4), '-', 1)]
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from kg.dates import DateError, parse_date
from kg.errors import InputError, KGError
from kg.extract.furniture import find_dateline

__all__ = ["STDIN", "SUFFIXES", "Document", "Problem", "document_date", "name_date", "read_documents"]

#: The path that stands for standard input.
STDIN = "-"
_TEXT = (".txt", ".text", ".md")
_HTML = (".html", ".htm")
_JSONL = (".jsonl",)
#: The suffixes read from a folder (matched without regard to case); others there are ignored.
SUFFIXES = _TEXT + _HTML + _JSONL
_OPTIONAL = ("title", "url", "publisher")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CHUNK = 1 << 16

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Document:
    """One news document, with where it came from.

    Attributes
    ----------
    id : str
        The file name without its suffix; the ``id`` field of a JSONL line; ``"stdin"`` for a text on
        standard input.
    name : str
        The user's name for the document, to join the output back to their files: the path of a file
        relative to the folder read (``politics/001.txt``), the path of a file named as given, the ``id``
        field of a JSONL line, ``"stdin"`` for a text on standard input.
    text : str
        The text, exactly as read (for HTML, the main text trafilatura found).
    title, url, publisher : str or None
        From the JSONL fields or the HTML metadata (the site name is the publisher).
    published : date or None
        The document's own date, else the ``published`` given to :func:`read_documents`.
    dated_by : str or None
        Where ``published`` comes from: ``field`` (JSONL), ``metadata`` (HTML), ``dateline``, ``file name``,
        ``given`` (the date given to :func:`read_documents`); None without a date.
    path : str or None
        Where it was read from, as given by the user (a file in a folder is joined to the folder);
        ``"-"`` for standard input.
    line : int or None
        The 1-based line of a JSONL corpus.
    sha256 : str
        Hex SHA-256 of the raw file bytes for a plain-text file, of ``text.encode("utf-8")`` otherwise.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    path: str | None = None
    line: int | None = None
    sha256: str = ""
    name: str = ""
    dated_by: str | None = None


@dataclass(frozen=True)
class Problem:
    """A document that could not be read, and why.

    Examples
    --------
    >>> str(Problem("corpus.jsonl", 3, "missing 'text'"))
    "corpus.jsonl:3: missing 'text'"
    >>> str(Problem("notes.txt", None, "empty file"))
    'notes.txt: empty file'
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class _Skip(Exception):
    """Internal: the document at hand cannot be read; ``message`` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_documents(
    paths: PathLike | Iterable[PathLike],
    *,
    published: date | None = None,
    strict: bool = False,
    problems: list[Problem] | None = None,
    max_bytes: int = 5_000_000,
    stdin: TextIO | None = None,
) -> Iterator[Document]:
    """Read news documents from files, folders and standard input, one at a time.

    Parameters
    ----------
    paths : str or Path, or an iterable of them
        Files, folders (read recursively in sorted order, keeping the files whose suffix is in
        :data:`SUFFIXES`) and ``"-"`` for standard input. A file named twice, or also found in a folder
        named, is read once.
    published : date, optional
        The publication date of documents that carry none of their own (text files, standard input,
        HTML pages without a date, JSONL lines without ``published``).
    strict : bool
        Raise at the first document that cannot be read, instead of skipping it.
    problems : list of Problem, optional
        When not strict, each skipped document is appended here.
    max_bytes : int
        The largest file (text or HTML), text on standard input, or JSONL line accepted. A JSONL corpus as
        a whole has no limit.
    stdin : text stream, optional
        What ``"-"`` reads; ``sys.stdin`` by default.

    Yields
    ------
    Document
        In the order of ``paths``, then of the files in each folder, then of the lines in each corpus.

    Raises
    ------
    InputError
        In strict mode, for the first document that cannot be read: a missing path (``no such file or
        folder``), a folder without documents, an empty, binary, non-UTF-8 or too large file, HTML without
        main text, or a bad JSONL line (not JSON, not an object, missing or empty ``id`` or ``text``, a bad
        ``published`` date, a duplicate id within the file). Its message is ``path:line: what is wrong``.
    KGError
        If an HTML page is met and trafilatura cannot be imported.

    See Also
    --------
    Problem : what a skipped document is reported as.
    kg.errors.InputError : the error raised in strict mode.

    Examples
    --------
    >>> import io
    >>> from datetime import date
    >>> problems = []
    >>> corpus = io.StringIO('{"id": "a1", "text": "The mayor resigned."}\\n[1, 2]\\n'
    ...                      '{"id": "a2", "text": "Rain closed the bridge.", "published": "2021-03-05"}\\n')
    >>> for doc in read_documents("-", stdin=corpus, published=date(2021, 3, 4), problems=problems):
    ...     print(doc.id, doc.line, doc.published)
    a1 1 2021-03-04
    a2 3 2021-03-05
    >>> [str(p) for p in problems]
    ['-:2: not a JSON object']
    >>> next(read_documents(["no/such/folder"], strict=True))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no/such/folder: no such file or folder
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        for item in _read_path(os.fspath(given), seen, published=published, max_bytes=max_bytes, stdin=stdin):
            if isinstance(item, Document):
                yield item
            elif strict:
                raise InputError(item.message, path=item.path, line=item.line)
            elif problems is not None:
                problems.append(item)


def _read_path(
    shown: str, seen: set[Path], *, published: date | None, max_bytes: int, stdin: TextIO | None
) -> Iterator[Document | Problem]:
    if shown == STDIN:
        yield from _read_stdin(sys.stdin if stdin is None else stdin, published=published, max_bytes=max_bytes)
        return
    path = Path(shown)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        if not files:
            yield Problem(shown, None, "no documents in this folder")
        found = [(file, os.path.join(shown, file.relative_to(path).as_posix()), file.relative_to(path).as_posix())
                 for file in files]
    elif path.exists():
        found = [(path, shown, path.name)]  # a file named alone is known by its name
    else:
        yield Problem(shown, None, "no such file or folder")
        return
    for file, where, name in found:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            yield from _read_file(file, where, name=name, published=published, max_bytes=max_bytes)


def _read_file(path: Path, shown: str, *, name: str, published: date | None,
               max_bytes: int) -> Iterator[Document | Problem]:
    suffix = path.suffix.lower()
    if suffix in _JSONL:
        yield from _read_jsonl_file(path, shown, published=published, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Problem(shown, None, f"too large: {size} bytes, the limit is {max_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(shown, None, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = _decode(data)
        if suffix in _HTML:
            document = _html_document(text, ident=path.stem, shown=shown, name=name, published=published)
        else:
            digest = hashlib.sha256(data).hexdigest()
            day, dated_by = document_date(text, name=name, published=published)
            document = Document(id=path.stem, text=text, published=day, path=shown, sha256=digest, name=name,
                                dated_by=dated_by)
    except _Skip as skip:
        yield Problem(shown, None, skip.message)
        return
    yield document


def _decode(data: bytes) -> str:
    """Return the text of a whole file: UTF-8, without a BOM, not binary, not blank."""
    if data.startswith(_UTF16_BOMS):
        raise _Skip("not UTF-8 text (byte 0): it starts with a UTF-16 byte order mark; save it as UTF-8")
    if b"\x00" in data:
        raise _Skip("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Skip(f"not UTF-8 text (byte {exc.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _Skip("empty file")
    return text


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise KGError("reading HTML needs trafilatura, which cannot be imported; install it with: "
                      "pip install trafilatura lxml_html_clean") from exc
    return trafilatura


def _html_document(html: str, *, ident: str, shown: str, name: str, published: date | None) -> Document:
    trafilatura = _trafilatura()
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise _Skip("no main text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    title = url = publisher = own_date = None
    if meta is not None:
        title, url, publisher = meta.title or None, meta.url or None, meta.sitename or None
        own_date = _iso_date(meta.date)
    day, dated_by = (own_date, "metadata") if own_date else document_date(text, name=name, published=published)
    return Document(id=ident, text=text, title=title, url=url, publisher=publisher, published=day,
                    path=shown, sha256=_sha256(text), name=name, dated_by=dated_by)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso_date(value: object) -> date | None:
    """Return the date of an ISO date or datetime (its date as written, whatever the zone), else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    if text.endswith(("Z", "z")):               # Python 3.10 reads no "Z"
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _read_jsonl_file(path: Path, shown: str, *, published: date | None, max_bytes: int) -> Iterator[Document | Problem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(shown, None, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from _jsonl(_byte_lines(handle, max_bytes), shown, published=published)


def _byte_lines(handle: Any, max_bytes: int) -> Iterator[tuple[int, str | _Skip]]:
    """Yield each line's number and text, or why it cannot be read; never read more than one line at once."""
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while not raw.endswith(b"\n") and (raw := handle.readline(_CHUNK)):
                size += len(raw)
            size -= 1 if raw.endswith(b"\n") else 0
            yield number, _Skip(f"too large: {size} bytes, the limit is {max_bytes}")
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, _Skip(f"not UTF-8 text (byte {exc.start})")


def _text_lines(head: list[str], stream: TextIO, max_bytes: int) -> Iterator[tuple[int, str | _Skip]]:
    """Yield the number and text of each line of a text stream, the lines already read first."""
    number = 0
    lines = iter(stream)
    while True:
        if head:
            line = head.pop(0)
        else:
            try:
                line = next(lines)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield number + 1, _Skip("not UTF-8 text")
                return
        number += 1
        size = len(line.rstrip("\r\n").encode("utf-8"))
        yield number, _Skip(f"too large: {size} bytes, the limit is {max_bytes}") if size > max_bytes else line


def _jsonl(
    lines: Iterable[tuple[int, str | _Skip]], shown: str, *, published: date | None
) -> Iterator[Document | Problem]:
    ids: set[str] = set()
    for number, line in lines:
        if isinstance(line, _Skip):
            yield Problem(shown, number, line.message)
            continue
        if not line.strip():
            continue
        try:
            document = _jsonl_document(line, number=number, shown=shown, published=published, ids=ids)
        except _Skip as skip:
            yield Problem(shown, number, skip.message)
            continue
        yield document


def _jsonl_document(line: str, *, number: int, shown: str, published: date | None, ids: set[str]) -> Document:
    try:
        record = json.loads(line.rstrip("\r\n"))
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise _Skip(f"not JSON: {reason}") from None
    if not isinstance(record, dict):
        raise _Skip("not a JSON object")
    if record.get("text") is None:
        raise _Skip("missing 'text'")
    if record.get("id") is None:
        raise _Skip("missing 'id'")
    text = record["text"]
    if not isinstance(text, str):
        raise _Skip(f"'text' is not a string: {json.dumps(text)[:60]}")
    if not text.strip():
        raise _Skip("'text' is empty")
    ident = record["id"]
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str):
        raise _Skip(f"'id' is not a string: {json.dumps(ident)[:60]}")
    if not ident.strip():
        raise _Skip("'id' is empty")
    optional: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _Skip(f"'{key}' is not a string: {json.dumps(value)[:60]}")
        optional[key] = value or None
    own_date = None
    for key in ("published", "date"):
        if record.get(key) is not None:
            own_date = _iso_date(record[key])
            if own_date is None:
                raise _Skip(f"'{key}' is not a date: {record[key]}")
            break
    if ident in ids:
        raise _Skip(f"duplicate id '{ident}'")
    ids.add(ident)
    day, dated_by = (own_date, "field") if own_date else document_date(text, name=None, published=published)
    return Document(id=ident, text=text, **optional, published=day, path=shown, line=number,
                    sha256=_sha256(text), name=ident, dated_by=dated_by)


def _read_stdin(stream: TextIO, *, published: date | None, max_bytes: int) -> Iterator[Document | Problem]:
    head: list[str] = []
    try:
        for line in stream:                     # up to the first non-blank line, to tell JSONL from text
            line = line if head else line.removeprefix("\ufeff")
            head.append(line)
            if line.strip():
                break
    except UnicodeDecodeError:
        yield Problem(STDIN, None, "not UTF-8 text")
        return
    if "".join(head).lstrip().startswith("{"):
        yield from _jsonl(_text_lines(head, stream, max_bytes), STDIN, published=published)
        return
    parts, size = head, sum(len(part.encode("utf-8")) for part in head)
    try:
        while chunk := stream.read(_CHUNK):
            size += len(chunk.encode("utf-8"))
            if size <= max_bytes:
                parts.append(chunk)
            else:
                parts.clear()                   # too large: count the rest, keep none of it
    except UnicodeDecodeError:
        yield Problem(STDIN, None, "not UTF-8 text")
        return
    if size > max_bytes:
        yield Problem(STDIN, None, f"too large: {size} bytes, the limit is {max_bytes}")
        return
    text = "".join(parts)
    if "\x00" in text:
        yield Problem(STDIN, None, "binary file, not text")
    elif not text.strip():
        yield Problem(STDIN, None, "empty file")
    else:
        day, dated_by = document_date(text, name=None, published=published)
        yield Document(id="stdin", text=text, published=day, path=STDIN, sha256=_sha256(text), name="stdin",
                       dated_by=dated_by)


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?!\d)")


def name_date(name: str) -> date | None:
    """The date in a file's name or path (``2021-05-14-talks.txt``, ``20210514.txt``, ``2021/05/14/a.txt``).

    Examples
    --------
    >>> name_date("news/2021/05/14/talks.txt"), name_date("2021-13-40.txt")
    (datetime.date(2021, 5, 14), None)
    """
    for match in _NAME_DATE.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def document_date(text: str, *, name: str | None, published: date | None) -> tuple[date | None, str | None]:
    """The publication date a document gives itself, and where it was found (see the module docs).

    Parameters
    ----------
    text : str
        The document's text (its dateline is read).
    name : str or None
        Its file's name or path relative to the folder read (a date in it is read).
    published : date, optional
        The date given for documents that carry none; it also gives a dateline without a year its year.

    Returns
    -------
    (date or None, str or None)
        The date and ``dateline``, ``file name`` or ``given``; ``(None, None)`` when there is none.

    Examples
    --------
    >>> document_date("TBILISI, May 14 (Reuters) - Talks resumed.", name=None, published=date(2021, 6, 1))
    (datetime.date(2021, 5, 14), 'dateline')
    >>> document_date("Talks resumed.", name="2021-05-13-talks.txt", published=None)
    (datetime.date(2021, 5, 13), 'file name')
    """
    dateline = find_dateline(text)
    written = None
    if dateline is not None and dateline.date is not None:
        try:
            written = parse_date(dateline.date, anchor=published)
        except DateError:
            written = None
        if written is not None and written.precision != "day":
            written = None
    has_year = dateline is not None and dateline.date is not None and re.search(r"\d{4}", dateline.date) is not None
    if written is not None and has_year:
        return written.start, "dateline"
    from_name = name_date(name) if name else None
    if from_name is not None:
        return from_name, "file name"
    if written is not None:
        return written.start, "dateline"
    return (published, "given") if published is not None else (None, None)
