"""Name normalisation for exact lookup of actors by label or alias.

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
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "slug"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "–": "-"})


def fold(text: str) -> str:
    """Fold a name for matching: case, diacritics, quotes, spacing and a leading "the" do not count.

    Parameters
    ----------
    text : str
        A label, alias or mention as written.

    Returns
    -------
    str
        The folded key; Cyrillic and other scripts keep their letters.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(stripped.casefold().split())
    return key[4:] if key.startswith("the ") else key


def slug(text: str) -> str:
    """Return a lower-case ASCII slug of ``text`` for use in IRIs."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
