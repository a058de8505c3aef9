"""Write a graph in standard RDF formats, with Oxigraph's serialisers.

Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) hold the triples of the graph; quad formats
(N-Quads, TriG) name them ``urn:polkg:graph``. Every export parses back to an isomorphic graph.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.add_ontology()
>>> export(kg, "nt")[:1]
b'<'
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError
from kg.store import is_oxigraph, serialize_graph, write_atomic

__all__ = ["FORMATS", "SUFFIXES", "export", "write_export"]

#: Export format names and the Oxigraph format each uses.
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

#: The usual file suffix of each format.
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld", "xml": ".rdf"}


def export(kg, fmt: str = "turtle") -> bytes:  # type: ignore[no-untyped-def]
    """Serialise the graph of ``kg`` in format ``fmt`` (a key of :data:`FORMATS`).

    Returns
    -------
    bytes
        UTF-8 text of the serialisation, with polkg's prefixes where the format has prefixes.

    Raises
    ------
    KGError
        If the format is unknown.
    """
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    rdf_format = FORMATS[fmt]
    graph = kg.graph
    if is_oxigraph(graph) and rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        from kg.ontology import PREFIXES

        return graph.store._inner.dump(  # type: ignore[no-any-return]
            format=rdf_format, prefixes=PREFIXES if rdf_format == ox.RdfFormat.TRIG else None)
    if is_oxigraph(graph):
        from kg.ontology import PREFIXES

        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        return graph.store._inner.dump(  # type: ignore[no-any-return]
            format=rdf_format, from_graph=ox.NamedNode(str(graph.identifier)), prefixes=prefixes)
    return serialize_graph(graph, rdf_format)


def write_export(kg, fmt: str, out: str | Path) -> int:  # type: ignore[no-untyped-def]
    """Export to the file ``out``, written to a temporary file and renamed; return its size in bytes."""
    data = export(kg, fmt)
    write_atomic(Path(out), data)
    return len(data)
