"""RDF terms as plain Python values: prefixed names, dates, numbers, strings; and back to IRIs.

Query results come back through :func:`compact` (rdflib terms) or :func:`compact_ox` (pyoxigraph terms),
which give the same value for the same term, so rows compare across stores.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.ontology.iris import PREFIXES

__all__ = ["compact", "compact_ox", "expand_iri", "shorten"]

Value = str | int | float | bool | date | None

_LOCAL = re.compile(r"[\w.\-/]*")


@functools.lru_cache(maxsize=1 << 16)
def shorten(iri: str) -> str:
    """A prefixed name for an IRI in one of our namespaces (``actor:minsk``), else the IRI itself.

    Examples
    --------
    >>> shorten("https://w3id.org/polkg/actor/minsk"), shorten("https://example.org/x y")
    ('actor:minsk', 'https://example.org/x y')
    """
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and _LOCAL.fullmatch(iri, len(base)):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def compact(term: Node | None) -> Any:
    """Turn an RDF term into a plain Python value: a prefixed name, a date, a number or a string.

    Examples
    --------
    >>> from rdflib import XSD
    >>> compact(URIRef("https://w3id.org/polkg/actor/vladimir-putin"))
    'actor:vladimir-putin'
    >>> compact(Literal("2020-08-15", datatype=XSD.date))
    datetime.date(2020, 8, 15)
    >>> compact(Literal("0.85", datatype=XSD.decimal)), compact(Literal(3)), compact(Literal("x", lang="en"))
    (0.85, 3, 'x')
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, bool | int | float | date):
            return value
        return str(term)
    return str(term)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS: dict[str, type[int] | type[float]] = {
    _XSD + t: int for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                            "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                            "unsignedByte")}
_NUMBERS.update({_XSD + t: float for t in ("decimal", "double", "float")})


def compact_ox(term: Any) -> Any:
    """:func:`compact` for pyoxigraph terms: the same values, without building rdflib terms.

    Examples
    --------
    >>> compact_ox(ox.NamedNode("https://w3id.org/polkg/actor/minsk")), compact_ox(ox.Literal("2", datatype=
    ...     ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    ('actor:minsk', 2)
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _NUMBERS:
                return _NUMBERS[datatype](term.value)
            if datatype == _XSD + "date":
                return date.fromisoformat(term.value)
            if datatype == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    return str(term)


def expand_iri(value: str) -> URIRef | None:
    """The IRI a user wrote: ``<...>``, a prefixed name of ours, or an ``http(s):``/``urn:`` IRI; else None.

    Examples
    --------
    >>> expand_iri("actor:minsk"), expand_iri("Minsk")
    (rdflib.term.URIRef('https://w3id.org/polkg/actor/minsk'), None)
    """
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return URIRef(PREFIXES[prefix] + local)
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    return None
