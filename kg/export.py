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
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError
from kg.store import is_oxigraph, serialize_graph, write_atomic

__all__ = ["CAMEO_COLUMNS", "EVENT_FORMATS", "FORMATS", "NETWORK_FORMATS", "SUFFIXES", "cameo_rows", "export",
           "network_export", "plover_records", "write_export", "write_network"]

#: Export format names and the Oxigraph format each uses.
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}

#: Event-data formats: PLOVER JSON records (one a line) and a GDELT/ICEWS-style CAMEO table.
EVENT_FORMATS = ("plover", "cameo")

#: Network formats of the projection to networkx (:func:`kg.analyze.project`), for Gephi and friends.
NETWORK_FORMATS = ("graphml", "gexf", "csv")

#: The usual file suffix of each format.
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld", "xml": ".rdf",
            "plover": ".jsonl", "cameo": ".tsv", "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}


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
    if fmt == "plover":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in plover_records(kg)).encode("utf-8")
    if fmt == "cameo":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, CAMEO_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(cameo_rows(kg))
        return buffer.getvalue().encode("utf-8")
    if fmt in NETWORK_FORMATS:
        from kg.analyze import project

        return network_export(project(kg), fmt)[0]
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r} "
                      f"(formats: {', '.join([*FORMATS, *EVENT_FORMATS, *NETWORK_FORMATS])})")
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
    """Export to the file ``out``, written to a temporary file and renamed; return its size in bytes.

    For ``csv``, ``out`` gets the edges and ``<out stem>.nodes.csv`` beside it the nodes.
    """
    if fmt in NETWORK_FORMATS:
        from kg.analyze import project

        return write_network(project(kg), fmt, out)
    data = export(kg, fmt)
    write_atomic(Path(out), data)
    return len(data)


# --- network formats: the networkx projection for Gephi, Cytoscape, igraph, spreadsheets -----------

_NODE_COLUMNS = ["Id", "Label", "type", "kind", "country", "wikidata", "reviewed"]


def _plain(G):  # type: ignore[no-untyped-def]
    """A copy of ``G`` whose attributes GraphML and GEXF can hold: no None values, no containers."""
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, str | int | float | bool)})
    H.add_nodes_from((n, {k: v for k, v in d.items() if v is not None}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, key, {k: val for k, val in d.items() if val is not None})
                     for u, v, key, d in G.edges(keys=True, data=True))
    return H


def network_export(G, fmt: str) -> tuple[bytes, bytes | None]:  # type: ignore[no-untyped-def]
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
    import networkx as nx

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


def write_network(G, fmt: str, out: str | Path) -> int:  # type: ignore[no-untyped-def]
    """Write a projection to ``out`` (and, for CSV, its nodes beside it), atomically; return bytes written."""
    data, nodes = network_export(G, fmt)
    if nodes is not None:
        write_atomic(nodes_path(out), nodes)
    write_atomic(Path(out), data)
    return len(data) + len(nodes or b"")


# --- event-data formats: PLOVER JSON records and a GDELT/ICEWS-style CAMEO table ------------------

_SECTORS = {"GovernmentBody": "GOV", "Ministry": "GOV", "PoliceForce": "COP", "Military": "MIL",
            "PoliticalParty": "PTY", "OppositionMovement": "OPP", "NGO": "NGO", "MediaOutlet": "JRN",
            "NewsAgency": "JRN", "IntergovernmentalOrganization": "IGO", "Country": "GOV"}
_AUXILIARY = {"negated": "negation", "denied": "negation", "hypothetical": "hypothetical",
              "intended": "future", "proposed": "future"}
_STATUS_RANK = {"asserted": 0, "reported": 1, "alleged": 2}

_EVENTS = """
SELECT ?event ?relation ?cameo ?goldstein ?quad ?plover ?mode ?date ?end ?precision ?place ?placeLabel ?placeQ
WHERE {
  ?event a pk:Event ; pk:relation ?rel .
  ?rel rdfs:label ?rl . BIND(STR(?rl) AS ?relation)
  OPTIONAL { ?event pk:cameo ?c . ?c skos:notation ?cameo ; pk:goldstein ?goldstein ; pk:quadClass ?quad .
             OPTIONAL { ?c skos:closeMatch ?p . ?p skos:inScheme <https://w3id.org/polkg/plover/types> ;
                                                   skos:notation ?plover } }
  OPTIONAL { ?event pk:ploverMode ?m . ?m skos:prefLabel ?ml BIND(STR(?ml) AS ?mode) }
  OPTIONAL { ?event pk:date ?date }
  OPTIONAL { ?event pk:dateEnd ?end }
  OPTIONAL { ?event pk:datePrecision ?dp . ?dp rdfs:label ?dpl BIND(STR(?dpl) AS ?precision) }
  OPTIONAL { ?event pk:place ?place . ?place rdfs:label ?pl BIND(STR(?pl) AS ?placeLabel)
             OPTIONAL { ?place skos:exactMatch ?placeQ } }
}
ORDER BY ?date ?event
"""

_PARTIES = """
SELECT ?event ?role ?entity ?label ?class ?wikidata ?iso ?countryIso WHERE {
  { ?event pk:actor ?entity . BIND("actor" AS ?role) }
  UNION { ?event pk:recipient ?entity . BIND("recipient" AS ?role) }
  ?event a pk:Event .
  ?entity rdfs:label ?l ; a ?class . BIND(STR(?l) AS ?label)
  OPTIONAL { ?entity skos:exactMatch ?wikidata }
  OPTIONAL { ?entity pk:iso3166Alpha3 ?iso }
  OPTIONAL { ?entity pk:country/pk:iso3166Alpha3 ?countryIso }
}
ORDER BY ?event ?role ?label
"""

_ATTESTATIONS = """
SELECT ?event ?attestation ?status ?polarity ?modality ?start ?stop ?text ?method ?source ?title ?publisher
       ?published ?url
WHERE {
  ?attestation pk:attests ?event ; pk:status ?s ; pk:polarity ?p ; pk:modality ?m ; pk:source ?source ;
               pk:method ?method .
  ?s rdfs:label ?sl . ?p rdfs:label ?pl . ?m rdfs:label ?ml .
  BIND(STR(?sl) AS ?status) BIND(STR(?pl) AS ?polarity) BIND(STR(?ml) AS ?modality)
  OPTIONAL { ?attestation pk:evidenceStart ?start ; pk:evidenceEnd ?stop }
  OPTIONAL { ?attestation pk:evidenceText ?text }
  OPTIONAL { ?source rdfs:label ?t BIND(STR(?t) AS ?title) }
  OPTIONAL { ?source pk:publisher ?publisher }
  OPTIONAL { ?source pk:published ?published }
  OPTIONAL { ?source pk:url ?url }
}
ORDER BY ?event ?attestation
"""


def _events(kg) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every event with its parties, contexts and attestations, the best attestation first."""
    events = {row["event"]: {**row, "actor": [], "recipient": [], "context": [], "attestations": []}
              for row in kg.query(_EVENTS)}
    for row in kg.query(_PARTIES):
        if row["event"] in events and row["class"].startswith("pk:"):
            cls = row["class"][3:]
            code = row["iso"] or row["countryIso"]
            events[row["event"]][row["role"]].append({
                "entity_text": row["label"], "code": code, "sector": _SECTORS.get(cls), "entity_type": cls,
                "identifier_id": row["wikidata"][3:] if row["wikidata"] else None, "polkg_id": row["entity"]})
    for row in kg.query("SELECT ?event ?context WHERE { ?event a pk:Event ; pk:ploverContext ?c . "
                        "?c skos:notation ?context } ORDER BY ?event ?context"):
        events[row["event"]]["context"].append(row["context"])
    for row in kg.query(_ATTESTATIONS):
        if row["event"] in events:
            events[row["event"]]["attestations"].append(row)
    for event in events.values():
        event["attestations"].sort(key=lambda a: (a["polarity"] != "positive", a["modality"] != "actual",
                                                  _STATUS_RANK[a["status"]], a["method"] != "method:curated",
                                                  a["start"] if a["start"] is not None else 1 << 62))
    return list(events.values())


def _factual(attestation: dict) -> bool:  # type: ignore[type-arg]
    return attestation["status"] != "alleged" and attestation["polarity"] == "positive" \
        and attestation["modality"] == "actual"


def plover_records(kg) -> list[dict]:  # type: ignore[no-untyped-def]
    """PLOVER-style records of every event whose CAMEO code maps to a PLOVER type.

    Fields follow the PLOVER JSON records (id, date, actor, recipient, event, mode, context, event_loc,
    event_text, quad_code, event_scale, text_info, cite_info); negated, denied, intended, proposed and
    hypothetical events carry PLOVER's auxiliary mode (negation, future, hypothetical), and ``status``
    says whether the source asserts, reports or only alleges it.
    """
    records = []
    for event in _events(kg):
        if not event["plover"] or not event["attestations"]:
            continue
        best = event["attestations"][0]
        auxiliary = _AUXILIARY.get(best["polarity"]) or _AUXILIARY.get(best["modality"])
        records.append({
            "id": event["event"].split(":", 1)[1],
            "date": event["date"].isoformat() if event["date"] else None,
            "date_end": event["end"].isoformat() if event["end"] else None,
            "date_precision": event["precision"],
            "actor": event["actor"],
            "recipient": event["recipient"],
            "event": event["plover"],
            "mode": event["mode"],
            "auxiliary_mode": auxiliary,
            "context": event["context"],
            "event_loc": {"name": event["placeLabel"], "identifier_id": event["placeQ"][3:] if event["placeQ"]
                          else None, "polkg_id": event["place"]} if event["place"] else None,
            "event_text": best["text"],
            "quad_code": event["quad"],
            "event_scale": event["goldstein"],
            "cameo": event["cameo"],
            "polkg_relation": event["relation"],
            "status": best["status"],
            "text_info": {"source": best["source"], "start": best["start"], "end": best["stop"]},
            "cite_info": {"title": best["title"], "publisher": best["publisher"],
                          "date": best["published"].isoformat() if best["published"] else None,
                          "url": best["url"], "coder": "polkg " + ("curated" if best["method"] == "method:curated"
                                                                   else best["method"]),
                          "codebook": "PLOVER v0.8 draft / CAMEO, via polkg"},
            "sources": len({a["source"] for a in event["attestations"]}),
        })
    return records


CAMEO_COLUMNS = ["event_id", "date", "source_actor", "source_country", "source_sector", "source_wikidata",
                 "cameo_code", "relation", "target_actor", "target_country", "target_sector", "target_wikidata",
                 "goldstein", "quad_class", "num_sources", "source_url", "source_id"]


def cameo_rows(kg) -> list[dict]:  # type: ignore[no-untyped-def]
    """A GDELT/ICEWS-style dyadic table: one row per actor and recipient of every CAMEO-coded event that a
    source states as fact (asserted or reported, positive, actual)."""
    rows = []
    for event in _events(kg):
        facts = [a for a in event["attestations"] if _factual(a)]
        if not event["cameo"] or not facts:
            continue
        best = facts[0]
        for actor in event["actor"]:
            for target in event["recipient"] or [None]:
                rows.append({
                    "event_id": event["event"].split(":", 1)[1],
                    "date": event["date"].isoformat() if event["date"] else "",
                    "source_actor": actor["entity_text"], "source_country": actor["code"] or "",
                    "source_sector": actor["sector"] or "", "source_wikidata": actor["identifier_id"] or "",
                    "cameo_code": event["cameo"], "relation": event["relation"],
                    "target_actor": target["entity_text"] if target else "",
                    "target_country": (target["code"] or "") if target else "",
                    "target_sector": (target["sector"] or "") if target else "",
                    "target_wikidata": (target["identifier_id"] or "") if target else "",
                    "goldstein": event["goldstein"], "quad_class": event["quad"],
                    "num_sources": len({a["source"] for a in facts}),
                    "source_url": best["url"] or "", "source_id": best["source"].split(":", 1)[1],
                })
    return rows
