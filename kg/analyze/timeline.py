"""Time: events per period, for the graph, an actor or a dyad, with cooperation, conflict and Goldstein."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import networkx as nx

from kg.analyze.projection import find_node
from kg.errors import KGError

__all__ = ["dyad_series", "timeline"]

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
