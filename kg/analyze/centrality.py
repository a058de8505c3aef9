"""Centrality and cores: who is central in the dyad graph of a projection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx

from kg.analyze.projection import collapse

__all__ = ["centrality", "k_core"]


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


def k_core(G: nx.MultiDiGraph) -> dict[str, int]:
    """The core number of each node (the largest k such that it lies in the k-core of the dyad graph)."""
    U = nx.Graph(collapse(G).to_undirected(as_view=False))
    U.remove_edges_from(nx.selfloop_edges(U))
    return {node: int(core) for node, core in nx.core_number(U).items()}
