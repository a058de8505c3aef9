"""Cooperation and conflict: per dyad, per actor, and the structural balance of the signed graph."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.analyze.projection import collapse

__all__ = ["actor_balance", "balance", "dyads"]


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
