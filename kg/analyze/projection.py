"""The projection: events of the graph to networkx, the filters that choose them, and dyads.

:func:`project` reads events and their attestations (not only direct edges) from any store, through the
read model (:mod:`kg.graph.records`), and returns a
``networkx.MultiDiGraph``: one node per actor or thing taking part in an event (label, type, kind,
country, Wikidata id), one edge per event, actor and recipient (relation, family, CAMEO code, quad class,
Goldstein score, date, status, polarity, modality, confidence, number of sources, the evidence of the best
attestation). Filters choose the relation family, a date window, a minimum confidence, statuses, curated
attestations only, or plain facts only. :func:`collapse` folds it into a weighted ``DiGraph`` with one
edge per dyad.

Examples
--------
>>> from kg.build import build_graph
>>> G = project(build_graph())
>>> G.nodes["actor:alexander-lukashenko"]["label"]
'Alexander Lukashenko'
>>> D = collapse(G)
>>> D["actor:alexander-lukashenko"]["actor:vladimir-putin"]["count"] >= 1
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from kg.dates import DateError, parse_date
from kg.errors import KGError, UnknownActor
from kg.graph import KnowledgeGraph
from kg.graph.records import AttestationRecord, read_events
from kg.names import NameIndex, name_key
from kg.ontology import Ontology

__all__ = ["KINDS", "Filters", "collapse", "find_node", "parse_window", "project", "require_events"]

#: Node kinds, in the order a legend lists them: the broadest class of the ontology each type falls under.
KINDS = ("Person", "Country", "GovernmentBody", "Organization", "Group", "Place", "Thing")

_QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

@dataclass(frozen=True)
class Filters:
    """What to keep when projecting: an event stays if at least one of its attestations passes.

    Parameters
    ----------
    families : tuple of str
        Relation families (``consults``, ``assaults``, ...) or relations; empty keeps all. A relation
        matches a name when the name is the relation itself, its family or one of its ancestors.
    since, until : date, optional
        Keep events whose date (or interval) overlaps this window; undated events are dropped when a
        window is given.
    min_confidence : float
        Keep attestations at least this confident.
    statuses : tuple of str
        Keep attestations with these statuses (asserted, reported, alleged); empty keeps all.
    curated_only : bool
        Keep only hand-curated attestations.
    facts_only : bool
        Keep only attestations that make the event a plain fact (asserted or reported, positive, actual).
    """

    families: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_confidence: float = 0.0
    statuses: tuple[str, ...] = ()
    curated_only: bool = False
    facts_only: bool = False

    def describe(self) -> str:
        """The active filters in words, for messages."""
        parts = []
        if self.families:
            parts.append("relation " + "/".join(self.families))
        if self.since or self.until:
            parts.append(f"dates {self.since or '...'} to {self.until or '...'}")
        if self.min_confidence:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.statuses:
            parts.append("status " + "/".join(self.statuses))
        if self.curated_only:
            parts.append("curated only")
        if self.facts_only:
            parts.append("plain facts only")
        return ", ".join(parts) or "no filters"


def _kind(ontology: Ontology, classes: Iterable[str]) -> tuple[str, str]:
    """The most specific polkg class of an entity and the broad kind it falls under."""
    names = [c[3:] for c in classes if c.startswith("pk:")]
    if not names:
        return "Thing", "Thing"
    specific = max(names, key=lambda n: len(ontology.superclasses(n)))
    ancestors = ontology.superclasses(specific)
    for kind in KINDS[:-1]:
        if kind in ancestors:
            return specific, kind
    return specific, "Thing"



def _matches_family(ontology: Ontology, relation: str, wanted: Sequence[str]) -> bool:
    if not wanted:
        return True
    try:
        rel = ontology.relation(relation)
    except KGError:
        return relation in wanted
    names = {rel.name, rel.family, rel.root, *ontology.ancestors(rel.name)}
    return any(w in names for w in wanted)


def _check_families(ontology: Ontology, families: Sequence[str]) -> None:
    for name in families:
        ontology.relation(name)  # raises UnknownTerm with close names



def project(kg: KnowledgeGraph, *, filters: Filters | None = None) -> nx.MultiDiGraph:
    """Project the events of ``kg`` to a ``networkx.MultiDiGraph``.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph, on any store.
    filters : Filters, optional
        What to keep (everything by default).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are prefixed IRIs (``actor:vladimir-putin``) with ``label``, ``type`` (the most specific
        class), ``kind`` (one of :data:`KINDS`), ``country``, ``wikidata`` and ``reviewed``. Edges, keyed
        by event, go from each actor to each recipient of an event and carry ``event``, ``relation``,
        ``family``, ``cameo``, ``quad_class`` (1-4), ``quad``, ``goldstein``, ``date``, ``date_end``,
        ``status``, ``claimant``, ``polarity``, ``modality``, ``fact`` (some attestation states it as a
        plain fact), ``confidence`` (the highest), ``curated``, ``sources``, ``attestations``, and the
        best attestation's ``source``, ``source_title``, ``source_url``, ``evidence``, ``evidence_start``,
        ``evidence_end`` and ``method``. Events without a recipient give no edge. ``G.graph`` holds
        ``filters`` (in words) and ``events`` (how many events were kept).

    Raises
    ------
    UnknownTerm
        If a family in the filters is not a relation of the ontology.

    Examples
    --------
    >>> from kg.build import build_graph
    >>> G = project(build_graph(), filters=Filters(families=("consults",)))
    >>> sorted({d["family"] for _, _, d in G.edges(data=True)})
    ['consults']
    """
    filters = filters or Filters()
    onto = kg.ontology
    _check_families(onto, filters.families)
    data = read_events(kg.handle, ontology=onto, plover=False)
    G = nx.MultiDiGraph()
    relations: dict[str, tuple[str, str, bool]] = {}
    everything = not (filters.min_confidence or filters.statuses or filters.curated_only or filters.facts_only)

    def passes(a: AttestationRecord) -> bool:
        return a.confidence >= filters.min_confidence and (not filters.statuses or a.status in filters.statuses) \
            and (not filters.curated_only or a.curated) and (not filters.facts_only or a.fact)

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    kept = 0
    for event in data.events:
        if not event.recipients or not event.attestations or not event.overlaps(filters.since, filters.until):
            continue
        name = event.relation
        if name not in relations:
            try:
                rel = onto.relation(name)
                relations[name] = (rel.label, rel.family, _matches_family(onto, name, filters.families))
            except KGError:
                relations[name] = (name, name, name in filters.families or not filters.families)
        label, family, wanted = relations[name]
        if not wanted:
            continue
        passing = event.attestations if everything else [a for a in event.attestations if passes(a)]
        if not passing:
            continue
        kept += 1
        best = passing[0]
        code = onto.cameo.get(event.cameo) if event.cameo else None
        quad = code.quad_class if code else None
        source = data.sources.get(best.source)
        attributes = {
            "event": event.iri, "relation": label, "family": family,
            "cameo": code.code if code else None, "quad_class": quad, "quad": _QUADS.get(quad or 0),
            "goldstein": code.goldstein if code else None,
            "date": event.date.isoformat() if event.date else None,
            "date_end": event.end.isoformat() if event.end else None,
            "status": best.status, "claimant": best.claimant, "polarity": best.polarity, "modality": best.modality,
            "fact": any(a.fact for a in passing), "confidence": max(a.confidence for a in passing),
            "curated": any(a.curated for a in passing), "sources": len({a.source for a in passing}),
            "attestations": len(passing), "source": best.source, "source_title": source.title if source else None,
            "source_url": source.url if source else None, "evidence": best.text, "evidence_start": best.start,
            "evidence_end": best.end, "method": best.method,
        }
        several = len(event.recipients) > 1
        edges.extend((actor, recipient, f"{event.iri}|{recipient}" if several else event.iri, attributes)
                     for actor in event.actors for recipient in event.recipients)
    G.add_edges_from(edges)
    for node in G.nodes:
        entity = data.entities.get(node)
        specific, kind = _kind(onto, entity.classes if entity else ())
        G.nodes[node].update({
            "label": (entity.label if entity else None) or node.split(":", 1)[-1], "type": specific, "kind": kind,
            "country": entity.country_label if entity else None,
            "wikidata": entity.wikidata.split(":", 1)[1] if entity and entity.wikidata else None,
            "reviewed": entity.reviewed if entity else True,
        })
    G.graph.update({"filters": filters.describe(), "events": kept, "keys": data.keys})
    return G


def collapse(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Fold parallel edges into one weighted edge per ordered dyad.

    Returns
    -------
    networkx.DiGraph
        Nodes with the same attributes; edges with ``count`` (events), ``sources`` (summed),
        ``goldstein_sum``, ``goldstein_mean`` (over CAMEO-coded events), ``cooperation`` and ``conflict``
        (events by quad class), ``relations`` (sorted, ``; ``-joined), ``first`` and ``last`` dates, and
        ``weight`` (= ``count``).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", goldstein=3.0, quad_class=1, relation="praises", date="2020-08-01", sources=1)
    0
    >>> G.add_edge("a", "b", goldstein=-5.0, quad_class=3, relation="threatens", date="2020-08-09", sources=2)
    1
    >>> d = collapse(G)["a"]["b"]
    >>> d["count"], d["goldstein_sum"], d["cooperation"], d["conflict"], d["last"]
    (2, -2.0, 1, 1, '2020-08-09')
    """
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    D.graph.update(G.graph)
    for u, v, data in G.edges(data=True):
        if not D.has_edge(u, v):
            D.add_edge(u, v, count=0, sources=0, goldstein_sum=0.0, coded=0, cooperation=0, conflict=0,
                       relations=set(), first=None, last=None)
        e = D[u][v]
        e["count"] += 1
        e["sources"] += data.get("sources", 1)
        if data.get("goldstein") is not None:
            e["goldstein_sum"] += data["goldstein"]
            e["coded"] += 1
        quad = data.get("quad_class")
        if quad in (1, 2):
            e["cooperation"] += 1
        elif quad in (3, 4):
            e["conflict"] += 1
        e["relations"].add(data.get("relation", ""))
        when = data.get("date")
        if when:
            e["first"] = min(e["first"] or when, when)
            e["last"] = max(e["last"] or when, when)
    for _, _, e in D.edges(data=True):
        e["goldstein_mean"] = round(e["goldstein_sum"] / e["coded"], 3) if e["coded"] else None
        e["goldstein_sum"] = round(e["goldstein_sum"], 3)
        e["relations"] = "; ".join(sorted(e["relations"]))
        e["weight"] = e["count"]
        del e["coded"]
    return D


def find_node(G: nx.Graph, name: str) -> str:
    """The node of ``G`` called ``name``: a node id (``actor:x``), an id without prefix, a label, or an
    alias the registry gives (``G.graph["keys"]``, set by :func:`project`), compared by
    :func:`kg.names.name_key` like every actor name polkg resolves.

    Raises
    ------
    UnknownActor
        If no node or several match; the message suggests close labels.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("actor:vladimir-putin", label="Vladimir Putin")
    >>> find_node(G, "vladimir putin")
    'actor:vladimir-putin'
    >>> find_node(G, "Vladimir Puttin")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownActor: no actor called 'Vladimir Puttin' in the graph (did you mean 'Vladimir Putin'?)
    """
    if name in G:
        return name
    keys: dict[str, list[str]] = G.graph.get("keys", {})
    index = NameIndex()
    for node, data in G.nodes(data=True):
        index.add(node, [str(data.get("label", node))], label=str(data.get("label", node)))
    known: set[str] = set()
    wanted = name_key(name)
    for key, nodes in keys.items():
        in_graph = [n for n in nodes if n in G]
        for node in in_graph:
            index.add(node, [key])
        if name_key(key) == wanted:
            known.update(nodes)
    if index.candidates(name) or not known:
        if len(G) == 0:
            raise UnknownActor(f"no actor called {name!r}: the graph has no events "
                               f"({G.graph.get('filters', 'no filters')})")
        return index.find(name, where=" in the graph")
    raise UnknownActor(f"{name!r} ({', '.join(sorted(known))}) takes part in no event of the graph "
                       f"({G.graph.get('filters', 'no filters')})")


def require_events(G: nx.Graph, *, what: str = "no events") -> None:
    """Raise a KGError naming the filters when ``G`` has no edges (``what`` says what is missing)."""
    if G.number_of_edges() == 0:
        raise KGError(f"{what} to analyse ({G.graph.get('filters', 'no filters')}): build the graph first "
                      "(kg build) or loosen the filters")



def parse_window(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """Parse ``--since``/``--until`` (YYYY, YYYY-MM or YYYY-MM-DD): a window from the first day of
    ``since`` to the last day of ``until``.

    Raises
    ------
    KGError
        If a date does not parse or the window is empty.
    """
    try:
        first = parse_date(since).start if since else None
        parsed = parse_date(until) if until else None
    except DateError as exc:
        raise KGError(f"bad date: {exc}") from None
    last = (parsed.end or parsed.start) if parsed else None
    if first and last and first > last:
        raise KGError(f"the date window is empty: --since {since} is after --until {until}")
    return first, last
