"""One exception hierarchy for everything polkg reports to a user.

Every message names the offending value and, where it helps, the next step. The CLI prints
``Error: <message>`` on stderr and exits with status 1; no traceback is shown for these.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "InputError",
    "KGError",
    "QueryError",
    "StoreError",
    "UnknownActor",
    "UnknownTerm",
]


class KGError(Exception):
    """Base class of every error polkg reports to a user.

    Parameters
    ----------
    message : str
        What is wrong, naming the offending value.
    path : str or Path, optional
        The file the problem is in.
    line : int, optional
        The 1-based line of ``path`` the problem is on.

    Examples
    --------
    >>> str(KGError("unknown relation 'cals'", path="data/curated/x.yaml", line=12))
    "data/curated/x.yaml:12: unknown relation 'cals'"
    >>> str(KGError("no such store"))
    'no such store'
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        return where + self.message


class InputError(KGError):
    """A curated, registry or source file is malformed or inconsistent."""


class UnknownActor(KGError):
    """A name or id does not resolve to exactly one actor."""


class UnknownTerm(KGError):
    """A relation, class or other ontology term does not exist."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown, refused, or lacks a parameter."""


class StoreError(KGError):
    """A store cannot be opened, is locked, or is missing."""
