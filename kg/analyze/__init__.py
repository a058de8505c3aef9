"""Network analysis: the RDF graph projected to networkx, and the measures researchers cite.

:func:`project` reads events and their attestations (not only direct edges) from any store and returns a
``networkx.MultiDiGraph``: one node per actor or thing taking part in an event (label, type, kind,
country, Wikidata id), one edge per event, actor and recipient (relation, family, CAMEO code, quad class,
Goldstein score, date, status, polarity, modality, confidence, number of sources, the evidence of the best
attestation). Filters choose the relation family, a date window, a minimum confidence, statuses, curated
attestations only, or plain facts only. :func:`collapse` folds it into a weighted ``DiGraph`` with one
edge per dyad.

Every measure is a function taking the graph first, with keyword-only options and a ``seed`` for anything
random.

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

import functools
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.dates import DateError, parse_date
from kg.errors import KGError, UnknownActor

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "KINDS",
    "Filters",
    "actor_balance",
    "balance",
    "centrality",
    "collapse",
    "communities",
    "dyad_series",
    "dyads",
    "edge_rows",
    "ego",
    "find_node",
    "k_core",
    "paths",
    "project",
    "require_events",
    "timeline",
]

#: Node kinds, in the order a legend lists them: the broadest class of the ontology each type falls under.
KINDS = ("Person", "Country", "GovernmentBody", "Organization", "Group", "Place", "Thing")

_EVENT_NS = "https://w3id.org/polkg/event/"
_STATUS_RANK = {"asserted": 0, "reported": 1, "alleged": 2}
_QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

_CAMEO = """
SELECT ?code ?notation ?goldstein ?quad WHERE {
  ?code skos:notation ?notation ; pk:goldstein ?goldstein ; pk:quadClass ?quad .
}
"""

_ENTITIES = """
SELECT ?entity ?label ?class ?country ?wikidata ?reviewed WHERE {
  { SELECT DISTINCT ?entity WHERE { { ?e pk:actor ?entity } UNION { ?e pk:recipient ?entity } } }
  ?entity a ?class .
  OPTIONAL { ?entity rdfs:label ?l }
  OPTIONAL { ?entity pk:country ?c . ?c rdfs:label ?cl }
  OPTIONAL { ?entity skos:exactMatch ?wikidata }
  OPTIONAL { ?entity pk:reviewed ?reviewed }
  BIND(STR(?l) AS ?label)
  BIND(STR(?cl) AS ?country)
}
"""

_KEYS = """
SELECT ?entity ?key WHERE { ?entity pk:searchKey ?key }
"""

_SOURCES = """
SELECT ?source ?title ?url ?published WHERE {
  ?source a ?kind . ?kind rdfs:subClassOf* pk:Source .
  OPTIONAL { ?source rdfs:label ?t } OPTIONAL { ?source pk:url ?url } OPTIONAL { ?source pk:published ?published }
  BIND(STR(?t) AS ?title)
}
"""


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


@dataclass
class _Attestation:
    source: str
    status: str
    polarity: str
    modality: str
    confidence: float
    method: str
    start: int | None
    stop: int | None
    text: str | None
    claimant: str | None

    @property
    def curated(self) -> bool:
        return self.method == "method:curated"

    @property
    def factual(self) -> bool:
        return self.status != "alleged" and self.polarity == "positive" and self.modality == "actual"

    def rank(self) -> tuple[Any, ...]:
        return (not self.factual, not self.curated, _STATUS_RANK.get(self.status, 3), -self.confidence,
                self.source, self.start if self.start is not None else -1)


@dataclass
class _Event:
    relation: str
    cameo: str | None
    date: date | None
    end: date | None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    attestations: list[_Attestation] = field(default_factory=list)


def _kind(ontology: Any, classes: Iterable[str]) -> tuple[str, str]:
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


def _overlaps(event: _Event, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if event.date is None:
        return False
    last = event.end or event.date
    return (since is None or last >= since) and (until is None or event.date <= until)


def _matches_family(ontology: Any, relation: str, wanted: Sequence[str]) -> bool:
    if not wanted:
        return True
    try:
        rel = ontology.relation(relation)
    except KGError:
        return relation in wanted
    names = {rel.name, rel.family, rel.root, *ontology.ancestors(rel.name)}
    return any(w in names for w in wanted)


def _check_families(ontology: Any, families: Sequence[str]) -> None:
    for name in families:
        ontology.relation(name)  # raises UnknownTerm with close names


@functools.lru_cache(maxsize=65536)
def _short(iri: str) -> str:
    """A prefixed name for an IRI (``actor:x``), cached: the same few thousand IRIs recur."""
    from kg.query import _shorten

    return _shorten(iri)


def _scan(kg: KnowledgeGraph, name: str) -> Iterator[tuple[str, str]]:
    """(subject IRI, object value as text) of every triple with predicate ``pk:name``.

    On Oxigraph this is one index scan (several times faster than a SPARQL join on a store on disk); on
    other stores, rdflib's ``triples`` pattern.
    """
    from kg.ontology import PK
    from kg.store import is_oxigraph

    if is_oxigraph(kg.graph):
        import pyoxigraph as ox

        store = kg.graph.store._inner  # type: ignore[attr-defined]
        graph = ox.NamedNode(str(kg.graph.identifier))
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(PK[name])), None, graph):
            yield quad.subject.value, quad.object.value
    else:
        for subject, _, obj in kg.graph.triples((None, PK[name], None)):
            yield str(subject), str(obj)


def _read_events(kg: KnowledgeGraph) -> dict[str, _Event]:
    """Every event with its parties and attestations, keyed by prefixed IRI, in IRI order."""
    relation = dict(_scan(kg, "relation"))
    cameo = dict(_scan(kg, "cameo"))
    start = dict(_scan(kg, "date"))
    end = dict(_scan(kg, "dateEnd"))
    events: dict[str, _Event] = {}
    for iri in sorted(relation):
        if iri.startswith(_EVENT_NS):
            code = cameo.get(iri)
            events[iri] = _Event(_short(relation[iri]), code.rsplit("/", 1)[-1] if code else None,
                                 date.fromisoformat(start[iri]) if iri in start else None,
                                 date.fromisoformat(end[iri]) if iri in end else None)
    for role in ("actor", "recipient"):
        for iri, entity in _scan(kg, role):
            event = events.get(iri)
            if event is not None:
                (event.actors if role == "actor" else event.recipients).append(_short(entity))
    attests = dict(_scan(kg, "attests"))
    source, status, polarity, modality, confidence, method, first, last, text, claimant = (
        dict(_scan(kg, name)) for name in ("source", "status", "polarity", "modality", "confidence", "method",
                                           "evidenceStart", "evidenceEnd", "evidenceText", "claimant"))
    for attestation in sorted(attests):
        event = events.get(attests[attestation])
        if event is None or attestation not in source:
            continue
        start, stop, how, who = first.get(attestation), last.get(attestation), method.get(attestation), \
            claimant.get(attestation)
        event.attestations.append(_Attestation(
            _short(source[attestation]), _fragment(status.get(attestation)), _fragment(polarity.get(attestation)),
            _fragment(modality.get(attestation)), float(confidence.get(attestation) or 0.0),
            _short(how) if how else "", int(start) if start is not None else None,
            int(stop) if stop is not None else None, text.get(attestation), _short(who) if who else None))
    for event in events.values():
        event.actors.sort()
        event.recipients.sort()
    return {_short(iri): event for iri, event in events.items()}


@functools.lru_cache(maxsize=256)
def _fragment(iri: str | None) -> str:
    """``https://w3id.org/polkg/ontology#Asserted`` -> ``asserted``."""
    return iri.rsplit("#", 1)[-1].lower() if iri else ""


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
    events = _read_events(kg)
    cameo = {row["notation"]: row for row in kg.query(_CAMEO)}
    sources = {row["source"]: row for row in kg.query(_SOURCES)}
    classes: dict[str, list[str]] = defaultdict(list)
    entities: dict[str, dict[str, Any]] = {}
    for row in sorted(kg.query(_ENTITIES), key=lambda r: (r["entity"], r["class"])):
        classes[row["entity"]].append(row["class"])
        entities.setdefault(row["entity"], row)

    G = nx.MultiDiGraph()
    relations: dict[str, tuple[str, str, bool]] = {}
    everything = not (filters.min_confidence or filters.statuses or filters.curated_only or filters.facts_only)
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    kept = 0
    for iri, event in events.items():
        if not event.recipients or not _overlaps(event, filters.since, filters.until):
            continue
        if event.relation not in relations:
            name = event.relation.split(":", 1)[-1]
            try:
                rel = onto.relation(name)
                relations[event.relation] = (rel.label, rel.family, _matches_family(onto, name, filters.families))
            except KGError:
                relations[event.relation] = (name, name, name in filters.families or not filters.families)
        label, family, wanted = relations[event.relation]
        if not wanted:
            continue
        passing = event.attestations if everything else [
            a for a in event.attestations
            if a.confidence >= filters.min_confidence and (not filters.statuses or a.status in filters.statuses)
            and (not filters.curated_only or a.curated) and (not filters.facts_only or a.factual)]
        if not passing:
            continue
        kept += 1
        best = min(passing, key=_Attestation.rank) if len(passing) > 1 else passing[0]
        code = cameo.get(event.cameo) if event.cameo else None
        quad = int(code["quad"]) if code else None
        source = sources.get(best.source, {})
        data = {
            "event": iri, "relation": label, "family": family,
            "cameo": code["notation"] if code else None, "quad_class": quad, "quad": _QUADS.get(quad or 0),
            "goldstein": float(code["goldstein"]) if code else None,
            "date": event.date.isoformat() if event.date else None,
            "date_end": event.end.isoformat() if event.end else None,
            "status": best.status, "claimant": best.claimant, "polarity": best.polarity, "modality": best.modality,
            "fact": any(a.factual for a in passing), "confidence": max(a.confidence for a in passing),
            "curated": any(a.curated for a in passing), "sources": len({a.source for a in passing}),
            "attestations": len(passing), "source": best.source, "source_title": source.get("title"),
            "source_url": source.get("url"), "evidence": best.text, "evidence_start": best.start,
            "evidence_end": best.stop, "method": best.method,
        }
        several = len(event.recipients) > 1
        edges.extend((actor, recipient, f"{iri}|{recipient}" if several else iri, data)
                     for actor in event.actors for recipient in event.recipients)
    G.add_edges_from(edges)
    for node in G.nodes:
        row = entities.get(node, {})
        specific, kind = _kind(onto, classes.get(node, ()))
        G.nodes[node].update({
            "label": row.get("label") or node.split(":", 1)[-1], "type": specific, "kind": kind,
            "country": row.get("country"),
            "wikidata": row["wikidata"].split(":", 1)[1] if row.get("wikidata") else None,
            "reviewed": row.get("reviewed") if row.get("reviewed") is not None else True,
        })
    keys: dict[str, list[str]] = defaultdict(list)
    for row in sorted(kg.query(_KEYS), key=lambda r: (r["key"], r["entity"])):
        keys[row["key"]].append(row["entity"])
    G.graph.update({"filters": filters.describe(), "events": kept, "keys": dict(keys)})
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
    alias the registry gives (``G.graph["keys"]``, set by :func:`project`).

    Matching ignores case and diacritics.

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
    import difflib

    from kg.names import fold

    if name in G:
        return name
    key = fold(name)
    found = sorted(n for n, d in G.nodes(data=True)
                   if n.split(":", 1)[-1] == name or fold(str(d.get("label", ""))) == key)
    keys = G.graph.get("keys", {})
    known = sorted(set(keys.get(key, ())))
    if not found:
        found = [n for n in known if n in G]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UnknownActor(f"{name!r} is ambiguous in the graph: {', '.join(found)}; use an id")
    filters = G.graph.get("filters", "no filters")
    if known:
        raise UnknownActor(f"{name!r} ({', '.join(known)}) takes part in no event of the graph ({filters})")
    if len(G) == 0:
        raise UnknownActor(f"no actor called {name!r}: the graph has no events ({filters})")
    folded = {fold(str(d.get("label", n))): str(d.get("label", n)) for n, d in G.nodes(data=True)}
    for alias, nodes in keys.items():
        in_graph = [n for n in nodes if n in G]
        if in_graph:
            folded.setdefault(alias, str(G.nodes[in_graph[0]].get("label", in_graph[0])))
    close = list(dict.fromkeys(folded[c] for c in difflib.get_close_matches(key, list(folded), n=5, cutoff=0.6)))
    hint = f" (did you mean {', '.join(repr(c) for c in close[:3])}?)" if close else ""
    raise UnknownActor(f"no actor called {name!r} in the graph{hint}")


def require_events(G: nx.Graph, *, what: str = "no events") -> None:
    """Raise a KGError naming the filters when ``G`` has no edges (``what`` says what is missing)."""
    if G.number_of_edges() == 0:
        raise KGError(f"{what} to analyse ({G.graph.get('filters', 'no filters')}): build the graph first "
                      "(kg build) or loosen the filters")


# --- centrality -------------------------------------------------------------------------------------


def centrality(G: nx.MultiDiGraph, *, k: int | None = None, seed: int = 0,
               measures: Sequence[str] = ("degree", "betweenness", "pagerank", "eigenvector", "closeness"),
               ) -> list[dict[str, Any]]:
    """Centrality of every node, most central (by PageRank) first.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection (see :func:`project`).
    k : int, optional
        Betweenness from a sample of ``k`` source nodes (seeded), for large graphs; exact by default.
    seed : int
        Seed of the betweenness sample.
    measures : sequence of str
        Any of degree, betweenness, pagerank, eigenvector (Katz when it does not converge), closeness.

    Returns
    -------
    list of dict
        ``node``, ``label``, ``kind``; ``in_degree``, ``out_degree`` (events), ``degree`` (distinct
        neighbours), ``weighted_degree`` (events in and out, each counted by its number of sources);
        ``betweenness``; ``pagerank`` (weighted by events per dyad); ``eigenvector``;
        ``closeness`` (on the undirected dyads), as asked.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("b", "d")])
    >>> [row["node"] for row in centrality(G)][:1]
    ['d']
    """
    D = collapse(G)
    U = D.to_undirected(as_view=False)
    scores: dict[str, dict[str, float]] = {}
    if "betweenness" in measures:
        sample = min(k, len(D)) if k else None
        scores["betweenness"] = nx.betweenness_centrality(D, k=sample, seed=seed if sample else None)
    if "pagerank" in measures:
        scores["pagerank"] = nx.pagerank(D, weight="weight") if len(D) else {}
    if "eigenvector" in measures:
        try:
            scores["eigenvector"] = nx.eigenvector_centrality(U, max_iter=1000, weight="weight")
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
            scores["eigenvector"] = nx.katz_centrality(U, max_iter=1000, weight="weight")
    if "closeness" in measures:
        scores["closeness"] = nx.closeness_centrality(U)
    rows = []
    for node, data in G.nodes(data=True):
        row: dict[str, Any] = {"node": node, "label": data.get("label", node), "kind": data.get("kind")}
        if "degree" in measures:
            row.update(in_degree=G.in_degree(node), out_degree=G.out_degree(node), degree=U.degree(node),
                       weighted_degree=G.degree(node, weight="sources"))
        for name, values in scores.items():
            row[name] = round(values.get(node, 0.0), 6)
        rows.append(row)
    order = "pagerank" if "pagerank" in scores else next(iter(scores), None)
    rows.sort(key=lambda r: (-(r.get(order) or 0.0) if order else 0, -(r.get("in_degree") or 0), r["node"]))
    return rows


# --- communities and cores --------------------------------------------------------------------------


def communities(G: nx.MultiDiGraph, *, seed: int = 0, resolution: float = 1.0) -> list[dict[str, Any]]:
    """Louvain communities of the undirected dyad graph weighted by events, largest first.

    Returns
    -------
    list of dict
        One row per node: ``community`` (0 is the largest), ``node``, ``label``, ``kind``, ``size``.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("b", "c")])
    >>> sorted({r["community"] for r in communities(G)})
    [0, 1]
    """
    require_events(G)
    U = collapse(G).to_undirected(as_view=False)
    found = nx.community.louvain_communities(U, weight="weight", resolution=resolution, seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    return [{"community": number, "node": node, "label": G.nodes[node].get("label", node),
             "kind": G.nodes[node].get("kind"), "size": len(members)}
            for number, members in enumerate(ordered) for node in members]


def k_core(G: nx.MultiDiGraph) -> dict[str, int]:
    """The core number of each node (the largest k such that it lies in the k-core of the dyad graph)."""
    U = nx.Graph(collapse(G).to_undirected(as_view=False))
    U.remove_edges_from(nx.selfloop_edges(U))
    return nx.core_number(U)


# --- paths and ego networks -------------------------------------------------------------------------


def _hop(G: nx.MultiDiGraph, a: str, b: str) -> dict[str, Any]:
    """The events joining ``a`` and ``b`` (either way), the best attested first."""
    edges = [(a, b, d) for d in G.get_edge_data(a, b, default={}).values()]
    edges += [(b, a, d) for d in G.get_edge_data(b, a, default={}).values()]
    edges.sort(key=lambda e: (not e[2].get("fact"), not e[2].get("curated"), -e[2].get("sources", 1),
                              e[2].get("date") or "", e[2].get("event", "")))
    u, v, best = edges[0]
    return {"from": G.nodes[u].get("label", u), "relation": best.get("relation"), "to": G.nodes[v].get("label", v),
            "date": best.get("date"), "status": best.get("status"), "source": best.get("source"),
            "evidence": best.get("evidence"), "evidence_start": best.get("evidence_start"),
            "evidence_end": best.get("evidence_end"), "event": best.get("event"), "events": len(edges)}


def paths(G: nx.MultiDiGraph, source: str, target: str, *, cutoff: int = 3, limit: int = 20,
          ) -> list[dict[str, Any]]:
    """Shortest and all simple paths between two actors (either direction of each edge), hop by hop.

    Parameters
    ----------
    source, target : str
        Node ids or labels (see :func:`find_node`).
    cutoff : int
        Longest path, in hops.
    limit : int
        At most this many paths, shortest first.

    Returns
    -------
    list of dict
        One row per hop: ``path`` (1 is a shortest path), ``hop``, ``length``, ``from``, ``relation``,
        ``to``, ``date``, ``status``, ``source``, ``evidence`` (with offsets), ``event`` and ``events``
        (how many events join the pair).

    Raises
    ------
    UnknownActor
        If an actor is not in the graph.
    KGError
        If no path of at most ``cutoff`` hops joins them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", relation="calls", event="e1")
    >>> _ = G.add_edge("c", "b", relation="meets", event="e2")
    >>> [(r["from"], r["relation"], r["to"]) for r in paths(G, "a", "c")]
    [('a', 'calls', 'b'), ('c', 'meets', 'b')]
    """
    a, b = find_node(G, source), find_node(G, target)
    if a == b:
        raise KGError(f"{source!r} and {target!r} are the same actor")
    U = nx.Graph(G.to_undirected(as_view=True))
    found = sorted(nx.all_simple_paths(U, a, b, cutoff=cutoff), key=lambda p: (len(p), p))[:limit]
    if not found:
        raise KGError(f"no path of at most {cutoff} hops joins {G.nodes[a].get('label', a)} and "
                      f"{G.nodes[b].get('label', b)} ({G.graph.get('filters', 'no filters')}); try a larger "
                      f"--max-hops")
    rows = []
    for number, path in enumerate(found, 1):
        for hop, (u, v) in enumerate(itertools.pairwise(path), 1):
            rows.append({"path": number, "hop": hop, "length": len(path) - 1, **_hop(G, u, v)})
    return rows


def ego(G: nx.MultiDiGraph, actor: str, *, radius: int = 1) -> nx.MultiDiGraph:
    """The ego network of ``actor``: everyone within ``radius`` hops (either direction), and their edges.

    Raises
    ------
    UnknownActor
        If the actor is not in the graph (with close names).

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(ego(G, "b"))
    ['a', 'b', 'c']
    """
    node = find_node(G, actor)
    members = nx.ego_graph(G.to_undirected(as_view=True), node, radius=radius)
    sub = G.subgraph(members).copy()
    sub.graph.update(G.graph, ego=node, radius=radius)
    return sub


def edge_rows(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every edge as a row: actor, relation, recipient, date, status, sources, evidence; by date."""
    rows = [{"actor": G.nodes[u].get("label", u), "relation": d.get("relation"),
             "recipient": G.nodes[v].get("label", v), "date": d.get("date"), "status": d.get("status"),
             "fact": d.get("fact"), "goldstein": d.get("goldstein"), "sources": d.get("sources"),
             "source": d.get("source"), "evidence": d.get("evidence"), "evidence_start": d.get("evidence_start"),
             "evidence_end": d.get("evidence_end"), "event": d.get("event")} for u, v, d in G.edges(data=True)]
    rows.sort(key=lambda r: (r["date"] or "", r["actor"], r["relation"] or "", r["recipient"], r["event"] or ""))
    return rows


# --- cooperation and conflict -----------------------------------------------------------------------


def dyads(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Cooperation and conflict per ordered dyad, most conflictual (lowest summed Goldstein) first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", goldstein=-4.0, quad_class=3, relation="accuses", sources=1)
    >>> [(r["actor"], r["recipient"], r["conflict"], r["goldstein_sum"]) for r in dyads(G)]
    [('a', 'b', 1, -4.0)]
    """
    D = collapse(G)
    rows = [{"actor": D.nodes[u].get("label", u), "recipient": D.nodes[v].get("label", v), "events": d["count"],
             "cooperation": d["cooperation"], "conflict": d["conflict"], "goldstein_sum": d["goldstein_sum"],
             "goldstein_mean": d["goldstein_mean"], "sources": d["sources"], "first": d["first"], "last": d["last"],
             "relations": d["relations"], "actor_id": u, "recipient_id": v} for u, v, d in D.edges(data=True)]
    rows.sort(key=lambda r: (r["goldstein_sum"], -r["events"], r["actor_id"], r["recipient_id"]))
    return rows


def actor_balance(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Cooperation and conflict per actor, given and received, with net Goldstein, most conflictual first."""
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for u, v, d in G.edges(data=True):
        quad, score = d.get("quad_class"), d.get("goldstein")
        kind = "cooperation" if quad in (1, 2) else "conflict" if quad in (3, 4) else None
        for node, side in ((u, "given"), (v, "received")):
            if kind:
                totals[node][f"{kind}_{side}"] += 1
            if score is not None:
                totals[node][f"goldstein_{side}"] += score
    rows = []
    for node, data in G.nodes(data=True):
        t = totals[node]
        rows.append({"actor": data.get("label", node), "kind": data.get("kind"),
                     "cooperation_given": t["cooperation_given"], "conflict_given": t["conflict_given"],
                     "cooperation_received": t["cooperation_received"], "conflict_received": t["conflict_received"],
                     "goldstein_given": round(t["goldstein_given"], 3),
                     "goldstein_received": round(t["goldstein_received"], 3), "actor_id": node})
    rows.sort(key=lambda r: (r["goldstein_given"] + r["goldstein_received"], r["actor_id"]))
    return rows


def balance(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Structural balance of the signed graph: each pair's sign is that of its summed Goldstein score.

    Pairs whose events carry no Goldstein score, or sum to zero, are unsigned and left out. A triad
    (three actors, each pair signed) is balanced when the product of its signs is positive (a friend of
    a friend is a friend; an enemy of an enemy is a friend).

    Returns
    -------
    dict
        ``signed_pairs``, ``positive``, ``negative``, ``triads``, ``balanced``, ``unbalanced``,
        ``ratio`` (balanced / triads, None without triads) and ``rows``: one per triad with the three
        actors, the three signs and the verdict, unbalanced first.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for u, v, g in [("a", "b", 3.0), ("b", "c", 3.0), ("a", "c", -5.0)]:
    ...     _ = G.add_edge(u, v, goldstein=g)
    >>> result = balance(G)
    >>> result["triads"], result["unbalanced"]
    (1, 1)
    """
    sums: dict[frozenset[str], float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        if u != v and d.get("goldstein") is not None:
            sums[frozenset((u, v))] += d["goldstein"]
    signed = {pair: (1 if total > 0 else -1) for pair, total in sums.items() if total != 0}
    S = nx.Graph()
    for pair, sign in signed.items():
        u, v = sorted(pair)
        S.add_edge(u, v, sign=sign)
    rows = []
    for a in sorted(S):
        for b, c in itertools.combinations(sorted(n for n in S[a] if n > a), 2):
            if not S.has_edge(b, c):
                continue
            signs = (S[a][b]["sign"], S[b][c]["sign"], S[a][c]["sign"])
            label = {n: G.nodes[n].get("label", n) for n in (a, b, c)}
            rows.append({"a": label[a], "b": label[b], "c": label[c],
                         "a_b": "+" if signs[0] > 0 else "-", "b_c": "+" if signs[1] > 0 else "-",
                         "a_c": "+" if signs[2] > 0 else "-",
                         "balanced": math.prod(signs) > 0})
    rows.sort(key=lambda r: (r["balanced"], r["a"], r["b"], r["c"]))
    balanced = sum(r["balanced"] for r in rows)
    return {"signed_pairs": len(signed), "positive": sum(s > 0 for s in signed.values()),
            "negative": sum(s < 0 for s in signed.values()), "triads": len(rows), "balanced": balanced,
            "unbalanced": len(rows) - balanced, "ratio": round(balanced / len(rows), 3) if rows else None,
            "rows": rows}


# --- time -------------------------------------------------------------------------------------------

_STEPS = ("day", "week", "month", "year")


def _period(day: date, step: str) -> date:
    if step == "day":
        return day
    if step == "week":
        return day - timedelta(days=day.weekday())
    if step == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, step: str) -> date:
    if step == "day":
        return start + timedelta(days=1)
    if step == "week":
        return start + timedelta(days=7)
    if step == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def timeline(G: nx.MultiDiGraph, *, step: str = "week", window: int = 1, actor: str | None = None,
             other: str | None = None) -> list[dict[str, Any]]:
    """Events per period (day, week, month or year), with cooperation, conflict and Goldstein.

    Parameters
    ----------
    step : str
        ``day``, ``week`` (starting Monday), ``month`` or ``year``.
    window : int
        Rolling window in periods: each row sums this many periods ending at it (1: no rolling).
    actor, other : str, optional
        Only events of ``actor`` (either side); with ``other`` too, only the dyad's events, both ways.

    Returns
    -------
    list of dict
        One row per period from the first dated event to the last (empty periods included):
        ``period`` (its first day), ``events``, ``cooperation``, ``conflict``, ``goldstein_sum``,
        ``goldstein_mean``, ``relations``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", date="2020-08-10", goldstein=1.0, quad_class=1, relation="calls")
    >>> _ = G.add_edge("b", "a", date="2020-08-25", goldstein=-2.0, quad_class=3, relation="accuses")
    >>> [(r["period"], r["events"]) for r in timeline(G, step="week", actor="a", other="b")]
    [('2020-08-10', 1), ('2020-08-17', 0), ('2020-08-24', 1)]
    """
    if step not in _STEPS:
        raise KGError(f"unknown step {step!r} (steps: {', '.join(_STEPS)})")
    if window < 1:
        raise KGError(f"the rolling window must be at least 1 period, not {window}")
    a = find_node(G, actor) if actor else None
    b = find_node(G, other) if other else None
    buckets: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        if not d.get("date"):
            continue
        if a and a not in (u, v):
            continue
        if b and {u, v} != {a, b}:
            continue
        buckets[_period(date.fromisoformat(d["date"]), step)].append(d)
    if not buckets:
        who = " and ".join(G.nodes[n].get("label", n) for n in (a, b) if n) or "the graph"
        raise KGError(f"no dated events for {who} ({G.graph.get('filters', 'no filters')})")
    periods, current = [], min(buckets)
    while current <= max(buckets):
        periods.append(current)
        current = _next(current, step)
    rows = []
    for index, period in enumerate(periods):
        found = [d for p in periods[max(0, index - window + 1): index + 1] for d in buckets.get(p, [])]
        scores = [d["goldstein"] for d in found if d.get("goldstein") is not None]
        rows.append({"period": period.isoformat(), "events": len(found),
                     "cooperation": sum(d.get("quad_class") in (1, 2) for d in found),
                     "conflict": sum(d.get("quad_class") in (3, 4) for d in found),
                     "goldstein_sum": round(float(sum(scores)), 3),
                     "goldstein_mean": round(sum(scores) / len(scores), 3) if scores else None,
                     "relations": "; ".join(sorted({d.get("relation", "") for d in found}))})
    return rows


def dyad_series(G: nx.MultiDiGraph, actor: str, other: str, *, step: str = "week") -> list[dict[str, Any]]:
    """The week-by-week (or ``step``) time series of one dyad, both directions: see :func:`timeline`."""
    return timeline(G, step=step, actor=actor, other=other)


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
