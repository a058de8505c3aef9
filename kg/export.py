"""Write a graph in standard RDF formats (with Oxigraph's serialisers) and in event-data formats.

Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) hold the triples of the graph; quad formats
(N-Quads, TriG) name them ``urn:polkg:graph``. Every RDF export parses back to an isomorphic graph.
``plover`` writes PLOVER-style JSON records, one event a line; ``cameo`` a GDELT/ICEWS-style table.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> kg.add_ontology()
>>> export(kg, "nt")[:1]
b'<'
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analyze import project
from kg.errors import KGError
from kg.files import write_atomic
from kg.graph import KnowledgeGraph
from kg.graph.records import EventData, EventRecord, SourceRecord, read_events
from kg.ontology import Ontology
from kg.store.rdfio import FORMATS as RDF_FORMATS

__all__ = ["CAMEO_COLUMNS", "EVENT_FORMATS", "FORMATS", "NETWORK_FORMATS", "SUFFIXES", "cameo_rows", "export",
           "network_export", "plover_records", "write_export", "write_network"]

#: RDF export formats (written by the store with Oxigraph's serialisers).
FORMATS = tuple(RDF_FORMATS)

#: Event-data formats: PLOVER JSON records (one a line) and a GDELT/ICEWS-style CAMEO table.
EVENT_FORMATS = ("plover", "cameo")

#: Network formats of the projection to networkx (:func:`kg.analyze.project`), for Gephi and friends.
NETWORK_FORMATS = ("graphml", "gexf", "csv")

#: The usual file suffix of each format.
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld", "xml": ".rdf",
            "plover": ".jsonl", "cameo": ".tsv", "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}


def export(kg: KnowledgeGraph, fmt: str = "turtle") -> bytes:
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
    if fmt == "plover":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(kg)).encode("utf-8")
    if fmt == "cameo":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, CAMEO_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(cameo_rows(kg))
        return buffer.getvalue().encode("utf-8")
    if fmt in NETWORK_FORMATS:
        return network_export(project(kg), fmt)[0]
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r} "
                      f"(formats: {', '.join([*FORMATS, *EVENT_FORMATS, *NETWORK_FORMATS])})")
    return kg.handle.dump(fmt)


def write_export(kg: KnowledgeGraph, fmt: str, out: str | Path) -> int:
    """Export to the file ``out``, written to a temporary file and renamed; return its size in bytes.

    For ``csv``, ``out`` gets the edges and ``<out stem>.nodes.csv`` beside it the nodes.
    """
    if fmt in NETWORK_FORMATS:
        return write_network(project(kg), fmt, out)
    data = export(kg, fmt)
    write_atomic(Path(out), data)
    return len(data)


# --- network formats: the networkx projection for Gephi, Cytoscape, igraph, spreadsheets -----------

_NODE_COLUMNS = ["Id", "Label", "type", "kind", "country", "wikidata", "reviewed"]


def _plain(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes GraphML and GEXF can hold: no None values, no containers."""
    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, str | int | float | bool)})
    H.add_nodes_from((n, {k: v for k, v in d.items() if v is not None}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, key, {k: val for k, val in d.items() if val is not None})
                     for u, v, key, d in G.edges(keys=True, data=True))
    return H


def network_export(G: nx.MultiDiGraph, fmt: str) -> tuple[bytes, bytes | None]:
    """Serialise a projection in ``graphml``, ``gexf`` or ``csv``; return (main bytes, nodes CSV or None).

    GraphML and GEXF carry every node and edge attribute (attributes that are None are left out, as the
    formats have no null); CSV gives an edge table (``Source``, ``Target``, ``Label`` and every edge
    attribute) and a node table (``Id``, ``Label``, ...), the columns Gephi's spreadsheet import expects.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("actor:a", label="A"); G.add_node("actor:b", label="B")
    >>> _ = G.add_edge("actor:a", "actor:b", relation="calls", goldstein=1.0, date=None)
    >>> edges, nodes = network_export(G, "csv")
    >>> edges.decode().splitlines()
    ['Source,Target,Label,Key,relation,goldstein,date', 'actor:a,actor:b,calls,0,calls,1.0,']
    """
    if fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(_plain(G), buffer)
        return buffer.getvalue(), None
    if fmt != "csv":
        raise KGError(f"unknown network format {fmt!r} (formats: {', '.join(NETWORK_FORMATS)})")
    edge_keys = list(dict.fromkeys(k for _, _, d in G.edges(data=True) for k in d))
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(["Source", "Target", "Label", "Key", *edge_keys])
    for u, v, key, d in G.edges(keys=True, data=True):
        writer.writerow([u, v, d.get("relation", ""), key, *("" if d.get(k) is None else d[k] for k in edge_keys)])
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(_NODE_COLUMNS)
    for n, d in G.nodes(data=True):
        writer.writerow([n, d.get("label", n), *("" if d.get(k) is None else d[k] for k in _NODE_COLUMNS[2:])])
    return edges.getvalue().encode("utf-8"), nodes.getvalue().encode("utf-8")


def nodes_path(out: str | Path) -> Path:
    """Where the node table of a CSV network export to ``out`` goes: ``<stem>.nodes.csv`` beside it."""
    out = Path(out)
    return out.with_name(out.stem + ".nodes.csv")


def write_network(G: nx.MultiDiGraph, fmt: str, out: str | Path) -> int:
    """Write a projection to ``out`` (and, for CSV, its nodes beside it), atomically; return bytes written."""
    data, nodes = network_export(G, fmt)
    if nodes is not None:
        write_atomic(nodes_path(out), nodes)
    write_atomic(Path(out), data)
    return len(data) + len(nodes or b"")


# --- event-data formats: PLOVER JSON records and a GDELT/ICEWS-style CAMEO table ------------------

_SECTORS = {"GovernmentBody": "GOV", "Ministry": "GOV", "PoliceForce": "COP", "Military": "MIL",
            "PoliticalParty": "PTY", "OppositionMovement": "OPP", "NGO": "NGO", "MediaOutlet": "JRN",
            "NewsAgency": "JRN", "IntergovernmentalOrganization": "IGO", "Country": "GOV",
            "ArmedGroup": "REB"}
_AUXILIARY = {"negated": "negation", "denied": "negation", "hypothetical": "hypothetical",
              "intended": "future", "proposed": "future"}


def _party(data: EventData, ontology: Ontology, iri: str) -> dict[str, Any] | None:
    """An actor or recipient as PLOVER describes one (None for an entity without a label)."""
    entity = data.entities.get(iri)
    if entity is None or entity.label is None:
        return None
    names = [c[3:] for c in entity.classes if c.startswith("pk:")]
    if not names:
        return None
    cls = max(names, key=lambda n: (len(ontology.superclasses(n)), n))
    return {"entity_text": entity.label, "code": entity.iso or entity.country_iso, "sector": _SECTORS.get(cls),
            "entity_type": cls, "identifier_id": entity.wikidata[3:] if entity.wikidata else None, "polkg_id": iri}


def _parties(data: EventData, ontology: Ontology, iris: tuple[str, ...]) -> list[dict[str, Any]]:
    found = [p for p in (_party(data, ontology, iri) for iri in iris) if p is not None]
    return sorted(found, key=lambda p: (p["entity_text"], p["polkg_id"]))


def _in_date_order(data: EventData) -> list[EventRecord]:
    return sorted(data.events, key=lambda e: (e.date is not None, e.date or date.min, e.iri))


def _relation_label(ontology: Ontology, name: str) -> str:
    try:
        return ontology.relation(name).label
    except KGError:
        return name


def plover_records(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """PLOVER-style records of every event whose CAMEO code maps to a PLOVER type.

    Fields follow the PLOVER JSON records (id, date, actor, recipient, event, mode, context, event_loc,
    event_text, quad_code, event_scale, text_info, cite_info), from the event's best attestation (see
    :mod:`kg.graph.records`); negated, denied, intended, proposed and hypothetical events carry PLOVER's
    auxiliary mode (negation, future, hypothetical), and ``status`` says whether the source asserts,
    reports or only alleges it.
    """
    onto = kg.ontology
    data = read_events(kg.handle, ontology=onto)
    records = []
    for event in _in_date_order(data):
        code = onto.cameo.get(event.cameo) if event.cameo else None
        if code is None or not code.plover or not event.attestations:
            continue
        best = event.best
        source = data.sources.get(best.source) or SourceRecord(best.source)
        place = data.entities.get(event.place) if event.place else None
        auxiliary = _AUXILIARY.get(best.polarity) or _AUXILIARY.get(best.modality)
        records.append({
            "id": event.iri.split(":", 1)[1],
            "date": event.date.isoformat() if event.date else None,
            "date_end": event.end.isoformat() if event.end else None,
            "date_precision": event.precision,
            "actor": _parties(data, onto, event.actors),
            "recipient": _parties(data, onto, event.recipients),
            "event": code.plover,
            "mode": event.mode,
            "auxiliary_mode": auxiliary,
            "context": list(event.contexts),
            "event_loc": {"name": place.label if place else None,
                          "identifier_id": place.wikidata[3:] if place and place.wikidata else None,
                          "polkg_id": event.place} if event.place else None,
            "event_text": best.text,
            "quad_code": code.quad_class,
            "event_scale": code.goldstein,
            "cameo": code.code,
            "polkg_relation": _relation_label(onto, event.relation),
            "status": best.status,
            "text_info": {"source": best.source, "start": best.start, "end": best.end},
            "cite_info": {"title": source.title, "publisher": source.publisher,
                          "date": source.published.isoformat() if source.published else None,
                          "url": source.url, "coder": "polkg " + ("curated" if best.curated else best.method),
                          "codebook": "PLOVER v0.8 draft / CAMEO, via polkg"},
            "sources": event.sources,
        })
    return records


CAMEO_COLUMNS = ["event_id", "date", "source_actor", "source_country", "source_sector", "source_wikidata",
                 "cameo_code", "relation", "target_actor", "target_country", "target_sector", "target_wikidata",
                 "goldstein", "quad_class", "num_sources", "source_url", "source_id"]


def cameo_rows(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """A GDELT/ICEWS-style dyadic table: one row per actor and recipient of every CAMEO-coded event that a
    source states as fact (asserted or reported, positive, actual), from its best such attestation."""
    onto = kg.ontology
    data = read_events(kg.handle, ontology=onto)
    rows = []
    for event in _in_date_order(data):
        facts = event.facts
        code = onto.cameo.get(event.cameo) if event.cameo else None
        if code is None or not facts:
            continue
        best = facts[0]
        source = data.sources.get(best.source) or SourceRecord(best.source)
        targets: list[dict[str, Any] | None] = list(_parties(data, onto, event.recipients)) or [None]
        for actor in _parties(data, onto, event.actors):
            for target in targets:
                rows.append({
                    "event_id": event.iri.split(":", 1)[1],
                    "date": event.date.isoformat() if event.date else "",
                    "source_actor": actor["entity_text"], "source_country": actor["code"] or "",
                    "source_sector": actor["sector"] or "", "source_wikidata": actor["identifier_id"] or "",
                    "cameo_code": code.code, "relation": _relation_label(onto, event.relation),
                    "target_actor": target["entity_text"] if target else "",
                    "target_country": (target["code"] or "") if target else "",
                    "target_sector": (target["sector"] or "") if target else "",
                    "target_wikidata": (target["identifier_id"] or "") if target else "",
                    "goldstein": code.goldstein, "quad_class": code.quad_class,
                    "num_sources": len({a.source for a in facts}),
                    "source_url": source.url or "", "source_id": best.source.split(":", 1)[1],
                })
    return rows
