"""Summaries of a graph: counts by class and relation, and every relation between actors with evidence.

Examples
--------
>>> from kg.build import build_graph
>>> kg = build_graph()
>>> rows = explain(kg, "Lukashenko", "Putin")
>>> sorted({(r["subject"], r["relation"], r["object"]) for r in rows if r["relation"] == "calls"})
[('Alexander Lukashenko', 'calls', 'Vladimir Putin')]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.graph.records import read_events
from kg.resolve import resolve_actor
from kg.store.terms import shorten

__all__ = ["actor_listing", "explain", "proposed_merges", "stats"]

_COUNTS = {
    "class": """
        SELECT ?name (COUNT(DISTINCT ?x) AS ?count) WHERE {
          ?x a ?class . ?class rdfs:subClassOf* pk:Actor .
          BIND(STRAFTER(STR(?class), "#") AS ?name)
        } GROUP BY ?name ORDER BY ?name""",
    "relation": """
        SELECT ?name (COUNT(DISTINCT ?e) AS ?count) WHERE {
          ?e pk:relation ?rel . BIND(STRAFTER(STR(?rel), "#") AS ?name)
        } GROUP BY ?name ORDER BY ?name""",
    "direct edge": """
        SELECT ?name (COUNT(*) AS ?count) WHERE {
          ?rel pk:family ?f . ?s ?rel ?o . BIND(STRAFTER(STR(?rel), "#") AS ?name)
        } GROUP BY ?name ORDER BY ?name""",
    **{axis: f"""
        SELECT ?name (COUNT(DISTINCT ?a) AS ?count) WHERE {{
          ?a pk:{axis} ?s . ?s rdfs:label ?l . BIND(STR(?l) AS ?name)
        }} GROUP BY ?name ORDER BY ?name""" for axis in ("status", "polarity", "modality")},
    "method": """
        SELECT ?name (COUNT(DISTINCT ?a) AS ?count) WHERE {
          ?a a ?class . VALUES ?class { pk:CuratedAttestation pk:ExtractedAttestation }
          BIND(STRAFTER(STR(?class), "#") AS ?name)
        } GROUP BY ?name ORDER BY ?name""",
    "source": """
        SELECT ?name (COUNT(DISTINCT ?a) AS ?count) WHERE {
          ?src a ?k . ?k rdfs:subClassOf* pk:Source .
          OPTIONAL { ?a pk:source ?src }
          BIND(STRAFTER(STR(?src), "/source/") AS ?name)
        } GROUP BY ?name ORDER BY ?name""",
}

#: Things are typed entities that are not actors: everything under node:, and actor: IRIs of other
#: classes (a city). Counted in Python from two plain queries: Virtuoso 7 answers NOT EXISTS and MINUS
#: under GROUP BY wrongly here.
_TYPED = """
SELECT DISTINCT ?x ?class WHERE {
  ?x a ?class . FILTER(STRSTARTS(STR(?x), "https://w3id.org/polkg/node/")
                       || STRSTARTS(STR(?x), "https://w3id.org/polkg/actor/"))
}"""
_ACTOR_CLASSES = "SELECT ?class WHERE { ?class rdfs:subClassOf* pk:Actor }"

_TOTALS = """
SELECT (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?event) AS ?events)
       (COUNT(DISTINCT ?att) AS ?attestations) WHERE {
  { ?actor a ?c . ?c rdfs:subClassOf* pk:Actor } UNION { ?event a pk:Event } UNION { ?att a pk:Attestation }
}"""


def stats(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Count what the graph holds: totals, actors by class, things, events by relation, direct edges,
    attestations by status, polarity, modality and method, and attestations per source.

    Returns
    -------
    list of dict
        Rows with ``what``, ``name`` and ``count``, in a fixed order.
    """
    totals = kg.query(_TOTALS)[0]
    rows: list[dict[str, Any]] = [{"what": "total", "name": "triples", "count": len(kg)}]
    rows += [{"what": "total", "name": name, "count": totals[name]} for name in ("actors", "events", "attestations")]
    for what, sparql in _COUNTS.items():
        rows += [{"what": what, "name": r["name"], "count": r["count"]} for r in kg.query(sparql)]
        if what == "class":
            rows += _things(kg)
    return rows


def _things(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    actor_classes = {row["class"] for row in kg.query(_ACTOR_CLASSES)}
    things: dict[str, set[str]] = {}
    for row in kg.query(_TYPED):
        if row["class"] not in actor_classes and row["x"].startswith(("node:", "actor:")):
            things.setdefault(row["class"].rpartition(":")[2], set()).add(row["x"])
    return [{"what": "thing", "name": name, "count": len(found)} for name, found in sorted(things.items())]


def explain(kg: KnowledgeGraph, actor: str, other: str | None = None) -> list[dict[str, Any]]:
    """Every relation between two actors (either direction), or of one actor, with its evidence.

    Read through the read model (:func:`kg.graph.records.read_events`), for the events of ``actor`` only.

    Parameters
    ----------
    kg : KnowledgeGraph
    actor : str
        Name, alias, id or IRI of the first actor.
    other : str, optional
        Name, alias, id or IRI of the second; without it, every relation of ``actor``.

    Returns
    -------
    list of dict
        One row per attestation (and pair of sides): subject, relation, object, date, end, status,
        claimant, polarity, modality, source, evidence offsets and sentence, method, curated file and
        line, note, and the event and attestation IRIs; by date, then subject, relation and object.

    Raises
    ------
    UnknownActor
        If a name does not resolve to exactly one actor.
    """
    first = resolve_actor(kg.handle, actor)
    second = resolve_actor(kg.handle, other) if other is not None else None
    a, b = shorten(str(first)), shorten(str(second)) if second is not None else None
    data = read_events(kg.handle, ontology=kg.ontology, involving=first, notes=True)

    def label(iri: str | None) -> str | None:
        entity = data.entities.get(iri) if iri is not None else None
        return entity.label if entity is not None else None

    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event in data.events:
        try:
            relation = kg.ontology.relation(event.relation).label
        except KGError:
            continue
        sides: list[tuple[str, str | None]] = []
        if b is None:
            if a in event.actors:
                named = [o for o in event.recipients if label(o) is not None]
                sides += [(a, o) for o in named] or [(a, None)]
            if a in event.recipients and label(a) is not None:
                sides += [(s, a) for s in event.actors]
        else:
            if a in event.actors and b in event.recipients and label(b) is not None:
                sides.append((a, b))
            if b in event.actors and a in event.recipients and label(a) is not None:
                sides.append((b, a))
        for subject, obj in sides:
            if label(subject) is None:
                continue
            for att in event.attestations:
                row = {"subject": label(subject), "relation": relation, "object": label(obj), "date": event.date,
                       "end": event.end, "status": att.status, "claimant": label(att.claimant),
                       "polarity": att.polarity, "modality": att.modality, "source": att.source,
                       "start": att.start, "stop": att.end, "evidence": att.text, "method": att.method,
                       "curation": att.curation_file, "line": att.curation_line, "note": att.note,
                       "event": event.iri, "attestation": att.iri}
                rows.setdefault(tuple(row.values()), row)
    return sorted(rows.values(), key=lambda r: tuple(
        (value is not None, value if value is not None else 0) for value in
        (r["date"], r["end"], r["subject"], r["relation"], r["object"], r["source"], r["start"], r["attestation"])))


_ACTORS = """
SELECT ?actor ?label ?type ?country ?wikidata ?reviewed (COUNT(DISTINCT ?att) AS ?attestations) WHERE {
  ?actor pk:reviewed ?reviewed ; rdfs:label ?l ; a ?class .
  FILTER(STRSTARTS(STR(?class), "https://w3id.org/polkg/ontology#"))
  OPTIONAL { ?actor pk:country ?c . ?c rdfs:label ?cl }
  OPTIONAL { ?actor skos:exactMatch ?wd }
  OPTIONAL { { ?event pk:actor ?actor } UNION { ?event pk:recipient ?actor } ?att pk:attests ?event }
  BIND(STR(?l) AS ?label) BIND(STRAFTER(STR(?class), "#") AS ?type) BIND(STR(?cl) AS ?country)
  BIND(STRAFTER(STR(?wd), "/entity/") AS ?wikidata)
}
GROUP BY ?actor ?label ?type ?country ?wikidata ?reviewed
ORDER BY DESC(?attestations) ?label
"""


def actor_listing(kg: KnowledgeGraph, *, unreviewed: bool = False) -> list[dict[str, Any]]:
    """The graph's actors and places with type, country, Wikidata id, review state and attestation count.

    With ``unreviewed``, only those nobody has reviewed: the ones extraction found in news text.
    """
    rows = [r for r in kg.query(_ACTORS) if not (unreviewed and r["reviewed"])]
    return [{"id": str(r["actor"]).removeprefix("actor:"), "label": r["label"], "type": r["type"],
             "country": r["country"], "wikidata": r["wikidata"] or None, "reviewed": r["reviewed"],
             "attestations": r["attestations"], "detail": None} for r in rows]


def proposed_merges(path: str | Path) -> list[dict[str, Any]]:
    """The merges still ``proposed`` in a merges file (see :mod:`kg.resolve`), as listing rows."""
    from kg.resolve import read_merges

    file = Path(path)
    if not file.exists():
        return []
    return [{"id": m.into, "label": m.name, "type": None, "attestations": None,
             "detail": f"merged as {m.into} (score {m.score:g}); set status accepted or rejected in {file}"}
            for m in read_merges(file) if m.status == "proposed"]
