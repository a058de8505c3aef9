"""RDF in files and bytes, with Oxigraph's parsers and serialisers: formats, terms, and parse errors.

The one place, with the rest of :mod:`kg.store`, that knows pyoxigraph: everything else names formats by
their polkg name (``turtle``, ``nt``, ``nquads``, ``trig``, ``jsonld``, ``xml``) and handles rdflib terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, StoreError
from kg.ontology.iris import GRAPH_IRI, PREFIXES

__all__ = ["FORMATS", "LOAD_FORMATS", "QUAD_FORMATS", "from_ox", "load_format", "parse_values", "serialize_graph",
           "to_ox"]

#: polkg's names of the RDF formats it reads and writes.
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
#: Formats whose statements name their graph.
QUAD_FORMATS = ("nquads", "trig")
#: Formats that carry prefixes.
PREFIXED = ("turtle", "trig", "xml")

#: File suffixes (before any ``.gz``) that ``kg load`` reads, and the format each holds.
LOAD_FORMATS = {".nt": "nt", ".ntriples": "nt", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
                ".turtle": "turtle", ".trig": "trig"}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BLANK = re.compile(r"[^A-Za-z0-9_]")


def rdf_format(name: str) -> ox.RdfFormat:
    """The Oxigraph format called ``name`` (a key of :data:`FORMATS`).

    Raises
    ------
    StoreError
        If there is no such format.
    """
    try:
        return FORMATS[name]
    except KeyError:
        raise StoreError(f"unknown RDF format {name!r} (formats: {', '.join(FORMATS)})") from None


def load_format(path: Path) -> tuple[str, bool]:
    """The RDF format of ``path`` by its suffix, and whether it is gzip-compressed.

    Raises
    ------
    InputError
        If the suffix is not one of :data:`LOAD_FORMATS` (optionally followed by ``.gz``).

    Examples
    --------
    >>> load_format(Path("events.nt.gz")), load_format(Path("graph.trig"))
    (('nt', True), ('trig', False))
    """
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    if suffix not in LOAD_FORMATS:
        raise InputError(f"unknown RDF file type {suffix or '(no suffix)'!r}: use one of "
                         f"{', '.join(sorted(LOAD_FORMATS))}, optionally gzip-compressed (.gz)", path=path)
    return LOAD_FORMATS[suffix], compressed


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to its pyoxigraph equivalent."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(_BLANK.sub("_", str(term)))  # Virtuoso's are nodeID://b123
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph | ox.Triple) -> Node:
    """Convert a pyoxigraph term to its rdflib equivalent (``xsd:string`` literals become plain ones)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


_ESCAPES = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _ESCAPED.get(match.group(3), match.group(3))


def tsv_value(term: str) -> str:
    """The value of one RDF term as a SPARQL TSV result writes it: an IRI's text, a literal's lexical form
    (escapes undone), a blank node's label.

    Examples
    --------
    >>> tsv_value("<https://e.org/a>"), tsv_value('"say \\"hi\\""@en'), tsv_value("12"), tsv_value("_:b1")
    ('https://e.org/a', 'say "hi"', '12', 'b1')
    """
    first = term[:1]
    if first == "<":
        return term[1:-1]
    if first == '"':
        text = term[1:term.rindex('"')]
        return _ESCAPES.sub(_unescape, text) if "\\" in text else text
    if first == "_":
        return term[2:]
    return term  # numbers and booleans are written bare


def parse_error(exc: SyntaxError, fmt: str, *, path: str | Path | None) -> InputError:
    """The one-line error for a file that does not parse, naming the file and line."""
    message = str(exc).splitlines()[0] if str(exc) else "syntax error"
    line = getattr(exc, "lineno", None)
    if line is None:
        where = re.search(r"(?:at |line )(\d+)", str(exc))
        line = int(where.group(1)) if where else None
    return InputError(f"not valid {rdf_format(fmt).name}: {message}", path=path, line=line)


def parse_values(path: Path, fmt: str = "turtle") -> Iterator[tuple[str, str, str | None]]:
    """The statements of an RDF file whose subject is an IRI, as (subject, predicate, object value):
    the object's IRI or lexical form, None for a blank node. For readers that want values, not terms
    (the ontology registry).

    Raises
    ------
    InputError
        If the file does not parse, naming the line.
    """
    try:
        for triple in ox.parse(path=str(path), format=rdf_format(fmt)):
            subject, obj = triple.subject, triple.object
            if isinstance(subject, ox.NamedNode):
                value = obj.value if isinstance(obj, ox.NamedNode | ox.Literal) else None
                yield subject.value, triple.predicate.value, value
    except SyntaxError as exc:
        raise parse_error(exc, fmt, path=path) from None


def parse_graph(data: bytes | IO[bytes], fmt: str) -> Graph:
    """Parse RDF (any format; quads of every graph) into a plain rdflib ``Graph``."""
    graph = Graph()
    graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph)
               for q in ox.parse(data, format=rdf_format(fmt)))
    return graph


def serialize_triples(triples: Iterable[tuple[Node, Node, Node]], fmt: str) -> bytes:
    """Serialise rdflib triples with Oxigraph's serialisers; quad formats name the graph ``urn:polkg:graph``."""
    target = rdf_format(fmt)
    prefixes = PREFIXES if fmt in PREFIXED else None
    if fmt in QUAD_FORMATS:
        name = ox.NamedNode(str(GRAPH_IRI))
        quads = [ox.Quad(_subject(s), _predicate(p), to_ox(o), name) for s, p, o in triples]
        data = ox.serialize(quads, format=target, prefixes=prefixes)
    else:
        data = ox.serialize([ox.Triple(_subject(s), _predicate(p), to_ox(o)) for s, p, o in triples],
                            format=target, prefixes=prefixes)
    assert data is not None  # serialize returns the bytes when given no output
    return data


def _subject(term: Node) -> ox.NamedNode | ox.BlankNode:
    found = to_ox(term)
    if isinstance(found, ox.Literal):
        raise TypeError(f"a literal cannot be a subject: {term!r}")
    return found


def _predicate(term: Node) -> ox.NamedNode:
    found = to_ox(term)
    if not isinstance(found, ox.NamedNode):
        raise TypeError(f"a predicate must be an IRI: {term!r}")
    return found


def serialize_graph(graph: Graph, fmt: str) -> bytes:
    """Serialise an rdflib ``Graph`` with Oxigraph's serialisers (see :func:`serialize_triples`)."""
    return serialize_triples(graph, fmt)  # type: ignore[arg-type]
