"""Where the bundled ontology, saved queries and data live.

In a checkout (or an editable install) they are the top-level ``ontology/`` and ``data/`` folders; in
an installed wheel they are copied into ``kg/_bundled/``. Callers never need to know which.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError

_HERE = Path(__file__).resolve().parent


def bundled_path(*parts: str) -> Path:
    """Return the path of a bundled resource such as ``bundled_path("ontology", "polkg.ttl")``.

    Parameters
    ----------
    *parts : str
        Path components below the resource root: the first is ``"ontology"`` or ``"data"``.

    Returns
    -------
    Path
        An existing file or directory.

    Raises
    ------
    KGError
        If the resource is missing from both the installed package and the checkout.

    Examples
    --------
    >>> bundled_path("ontology", "polkg.ttl").name
    'polkg.ttl'
    """
    for root in (_HERE / "_bundled", _HERE.parent):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise KGError(f"bundled resource {'/'.join(parts)} is missing: reinstall polkg")
