"""Where the bundled ontology, saved queries and data live.

In a checkout (or an editable install) they are the top-level ``ontology/`` and ``data/`` folders; in
an installed wheel they are copied into ``kg/_bundled/``. Callers never need to know which.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError

__all__ = ["ONTOLOGY_FILES", "bundled_path", "ontology_files"]

_HERE = Path(__file__).resolve().parent

#: The Turtle files that make up the ontology, as loaded into every graph: ``polkg.ttl`` is written by
#: hand; the CAMEO and PLOVER schemes and the alignment (families, codes, scores) are generated.
ONTOLOGY_FILES = ("polkg.ttl", "cameo.ttl", "plover.ttl", "alignment.ttl")


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


def ontology_files(root: Path | None = None) -> list[Path]:
    """The ontology's Turtle files (:data:`ONTOLOGY_FILES`): the bundled ones, or those of a checkout at
    ``root``."""
    if root is not None:
        return [root / "ontology" / name for name in ONTOLOGY_FILES]
    return [bundled_path("ontology", name) for name in ONTOLOGY_FILES]
