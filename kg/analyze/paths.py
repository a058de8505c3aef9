"""Paths and ego networks: how two actors are joined, hop by hop with the evidence, and who is near one."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

from kg.analyze.projection import find_node
from kg.errors import KGError

__all__ = ["edge_rows", "ego", "paths"]


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
