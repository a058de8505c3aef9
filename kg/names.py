"""Names: the one matching key, slugs for IRIs, and the one index that finds an actor by name.

Every place that turns a name into an actor (curated files, extraction, a command's argument, event data,
a node of a projection) compares names by :func:`name_key` and finds them through a :class:`NameIndex`,
so a name resolves, and a miss is explained ("did you mean ..."), the same way everywhere.
``pk:searchKey`` literals in the graph hold :func:`fold` of each label and alias (a SPARQL-friendly index
for users); ``name_key`` of a search key is the ``name_key`` of the name it came from.

Examples
--------
>>> fold("  The Associated Press ")
'associated press'
>>> fold("Cichanoŭskaja") == fold("cichanouskaja")
True
>>> fold("Belarus’ Interior Ministry")
"belarus' interior ministry"
>>> slug("Sviatlana Tsikhanouskaya")
'sviatlana-tsikhanouskaya'
>>> name_key("Святлана Ціханоўская")
'svyatlana tsikhanouskaya'
>>> name_key("The U.S. State Department") == name_key("U.S. State Department") == name_key("u s state department")
True
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.errors import UnknownActor

__all__ = ["NameIndex", "fold", "form_keys", "initials", "name_key", "short_form", "slug", "tidy_label", "with_the"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "–": "-"})


def fold(text: str) -> str:
    """Fold a name: case, diacritics, quotes, spacing and a leading "the" do not count.

    Parameters
    ----------
    text : str
        A label, alias or mention as written.

    Returns
    -------
    str
        The folded text; Cyrillic and other scripts keep their letters.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(stripped.casefold().split())
    return key[4:] if key.startswith("the ") else key


@functools.lru_cache(maxsize=1 << 17)
def name_key(text: str) -> str:
    """The matching key of a name: folded, transliterated to Latin letters, punctuation dropped.

    Two names are the same name when their keys are equal.
    """
    from anyascii import anyascii

    folded = fold(anyascii(fold(text)))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def slug(text: str) -> str:
    """Return a lower-case ASCII slug of ``text`` for use in IRIs ("Łódź": lodz, "Đà Lạt": da-lat)."""
    from anyascii import anyascii

    ascii_text = anyascii(fold(text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def did_you_mean(close: Iterable[str]) -> str:
    """`` (did you mean 'A', 'B'?)``, or nothing."""
    names = list(close)
    return f" (did you mean {', '.join(repr(c) for c in names)}?)" if names else ""


@dataclass
class NameIndex:
    """Ids of actors (or things, or nodes) by name: their ids, labels and aliases, compared by :func:`name_key`.

    Examples
    --------
    >>> index = NameIndex()
    >>> index.add("actor:vladimir-putin", ["Vladimir Putin", "Putin", "Путин"], label="Vladimir Putin")
    >>> index.find("putin"), index.find("vladimir-putin"), index.find("ПУТИН")
    ('actor:vladimir-putin', 'actor:vladimir-putin', 'actor:vladimir-putin')
    >>> index.find("Vladimir Puttin")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownActor: no actor called 'Vladimir Puttin' (did you mean 'Vladimir Putin'?)
    """

    keys: dict[str, set[str]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def add(self, ident: str, names: Iterable[str], *, label: str | None = None) -> None:
        """Index ``ident`` under its id (with and without a prefix such as ``actor:``) and each name."""
        self.ids[ident] = ident
        self.ids.setdefault(ident.split(":", 1)[1] if ":" in ident else ident, ident)
        if label is not None:
            self.labels.setdefault(ident, label)
        for name in names:
            self.keys.setdefault(name_key(name), set()).add(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self.labels or ident in self.ids.values()

    def candidates(self, name: str) -> set[str]:
        """Every id ``name`` may mean: the id itself, or the ids with a name of the same key."""
        if name in self.ids:
            return {self.ids[name]}
        return set(self.keys.get(name_key(name), ()))

    def find(self, name: str, *, what: str = "actor", where: str = "") -> str:
        """The one id called ``name``.

        Raises
        ------
        UnknownActor
            If none or several match: names close to ``name``, or the candidates.
        """
        found = self.candidates(name)
        if len(found) == 1:
            return next(iter(found))
        if found:
            raise UnknownActor(f"{name!r} is ambiguous{where}: {', '.join(sorted(found))}; use an id")
        raise UnknownActor(f"no {what} called {name!r}{where}{self.hint(name)}")

    def hint(self, name: str) -> str:
        """`` (did you mean ...?)``: the labels of the actors with a name closest to ``name``, or nothing."""
        close = difflib.get_close_matches(name_key(name), sorted(self.keys), n=5, cutoff=0.6)
        labels = [self.labels.get(ident, ident) for key in close for ident in sorted(self.keys[key])]
        return did_you_mean(list(dict.fromkeys(labels))[:3])


#: Country names read with "the" ("the police of the Netherlands"): these, and names ending in a word of
#: _THE_WORDS ("the United States", "the Czech Republic", "the Solomon Islands").
_THE_NAMES = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Vatican"}
_THE_WORDS = ("Islands", "Republic", "States", "Kingdom", "Emirates", "Federation", "Union")


def with_the(name: str) -> str:
    """``name`` as it reads after "of" or "in": "the United States", "Germany"."""
    needs = name in _THE_NAMES or name.rsplit(" ", 1)[-1] in _THE_WORDS or name.startswith(("United ", "Republic "))
    return f"the {name}" if needs and not name.isupper() else name


def tidy_label(label: str) -> str:
    """A name as a label: a bracket it opens but never closes cut off, a word the text repeats by mistake
    said once (in a name of more words than that one), spaces collapsed.

    Examples
    --------
    >>> tidy_label("Survivors Fund (SURF"), tidy_label("British British Casino Association")
    ('Survivors Fund', 'British Casino Association')
    >>> tidy_label("Médecins Sans Frontières (MSF)")
    'Médecins Sans Frontières (MSF)'
    """
    text = label
    for opening, closing in ("()", "[]"):
        cut = text.rfind(opening)
        if cut > 0 and closing not in text[cut:]:
            text = text[:cut]
    words: list[str] = []
    for word in text.split():
        if not words or word.casefold() != words[-1].casefold():
            words.append(word)
    if len(words) < 2:  # "Bora Bora", "Sirhan Sirhan": a name that is one word said twice stays
        words = text.split()
    return " ".join(words).strip(" ,;:-") or label


#: Words an abbreviation leaves out ("National Audit Office": NAO, "Department of Health": DH).
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "in", "on", "to", "de", "du", "des"})


def initials(name: str) -> str:
    """The letters an abbreviation of ``name`` is made of: each word's first letter, all the letters of a
    word written in capitals, function words ("of", "and") left out.

    Examples
    --------
    >>> initials("UK Independence Party"), initials("National Audit Office"), initials("Trades Union Congress")
    ('UKIP', 'NAO', 'TUC')
    """
    letters = [word if word.isupper() and word.isalpha() else word[0]
               for word in re.split(r"[\s\-]+", name) if word and word.casefold() not in _FUNCTION_WORDS]
    return "".join(letters).upper()


def _abbreviation(name: str) -> bool:
    """True for a name that is an abbreviation: two to six capital letters ("NAO", "UKIP")."""
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _stem(word: str) -> str:
    folded = word.casefold()
    return folded[:-1] if len(folded) > 3 and folded.endswith("s") else folded


def _plurals(word: str) -> tuple[str, ...]:
    return (f"{word[:-1]}ies",) if word.endswith("y") else (f"{word}s",)


def _cut(short_words: list[str], full_words: list[str]) -> bool:
    """True if each of two or more words begins the word of the other name in its place ("Lib Dem")."""
    return len(short_words) == len(full_words) >= 2 and all(
        len(_stem(a)) >= 3 and _stem(b).startswith(_stem(a)) for a, b in zip(short_words, full_words, strict=True))


def _without_party(name: str) -> str | None:
    words = name.split()
    return " ".join(words[:-1]) if len(words) >= 2 and words[-1].casefold() == "party" else None


def short_form(short: str, full: str, *, people: bool = False) -> bool:
    """True if ``short`` is a short form of the name ``full``: its abbreviation ("NAO": National Audit
    Office), its words cut short ("Lib Dems": Liberal Democrats), the name without "Party" ("Labour": Labour
    Party) or its members ("Conservatives": Conservative Party), or, for ``people``, a last name alone
    ("Blunkett": David Blunkett).

    Examples
    --------
    >>> short_form("UKIP", "UK Independence Party"), short_form("Lib Dems", "Liberal Democrats")
    (True, True)
    >>> short_form("Conservatives", "Conservative Party"), short_form("Labour", "Parliamentary Labour Party")
    (True, False)
    >>> short_form("Blunkett", "David Blunkett", people=True), short_form("Blunkett", "David Blunkett")
    (True, False)
    """
    if name_key(short) == name_key(full):
        return False
    short_words, full_words = short.split(), full.split()
    if people:  # a person is short only for their last name, or for first names cut short ("Ken Clarke")
        return (len(short_words) == 1 and len(full_words) >= 2 and name_key(short) == name_key(full_words[-1])) \
            or (_cut(short_words, full_words) and name_key(short_words[-1]) == name_key(full_words[-1]))
    if _abbreviation(short) and len(full_words) >= 2:
        return initials(full) == short
    if len(short_words) == len(full_words):
        return _cut(short_words, full_words)
    rest = _without_party(full)
    return rest is not None and name_key(short) in {name_key(rest), *(name_key(p) for p in _plurals(rest))}


def form_keys(name: str, *, query: bool = False) -> set[str]:
    """Keys an index of names keeps ``name`` under (or, with ``query``, looks it up by) so that a name finds
    the names it may be a short or long form of (:func:`short_form`, which decides), and no others.

    Examples
    --------
    >>> bool(form_keys("NAO", query=True) & form_keys("National Audit Office"))
    True
    >>> bool(form_keys("National Audit Office", query=True) & form_keys("NAO"))
    True
    >>> bool(form_keys("Home Office", query=True) & form_keys("Cabinet Office"))
    False
    """
    words = name.split()
    if not words:
        return set()
    keys = {"cut:" + " ".join(_stem(w)[:3] for w in words)} if len(words) >= 2 else set()
    lone, full = ("last", "one") if query else ("one", "last")
    keys.add(f"{lone}:{name_key(name)}" if len(words) == 1 else f"{full}:{name_key(words[-1])}")
    if _abbreviation(name):
        keys.add(f"{'abbr' if query else 'isabbr'}:{name}")
    elif len(words) >= 2:
        keys.add(f"{'isabbr' if query else 'abbr'}:{initials(name)}")
    rest = _without_party(name)
    named, party = ("party", "name") if query else ("name", "party")
    keys.add(f"{named}:{name_key(name)}")
    if rest is not None:
        keys |= {f"{party}:{name_key(form)}" for form in (rest, *_plurals(rest))}
    return keys
