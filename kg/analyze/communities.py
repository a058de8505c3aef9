"""Communities: Louvain communities of the undirected dyad graph of a projection."""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.analyze.projection import collapse, require_events

__all__ = ["communities"]


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
