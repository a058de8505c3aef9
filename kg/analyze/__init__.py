"""Network analysis: the RDF graph projected to networkx, and the measures researchers cite.

:func:`project` reads events and their attestations (not only direct edges) from any store and returns a
``networkx.MultiDiGraph``: one node per actor or thing taking part in an event (label, type, kind,
country, Wikidata id), one edge per event, actor and recipient (relation, family, CAMEO code, quad class,
Goldstein score, date, status, polarity, modality, confidence, number of sources, the evidence of the best
attestation). Filters choose the relation family, a date window, a minimum confidence, statuses, curated
attestations only, or plain facts only. :func:`collapse` folds it into a weighted ``DiGraph`` with one
edge per dyad.

Every measure is a function taking the graph first, with keyword-only options and a ``seed`` for anything
random: :mod:`kg.analyze.projection` (projection, filters, dyads), :mod:`~kg.analyze.centrality`,
:mod:`~kg.analyze.communities`, :mod:`~kg.analyze.paths` (paths with evidence, ego networks),
:mod:`~kg.analyze.balance` (cooperation, conflict, structural balance) and :mod:`~kg.analyze.timeline`.

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

from kg.analyze.balance import actor_balance, balance, dyads
from kg.analyze.centrality import centrality, k_core
from kg.analyze.communities import communities
from kg.analyze.paths import edge_rows, ego, paths
from kg.analyze.projection import KINDS, Filters, collapse, find_node, parse_window, project, require_events
from kg.analyze.timeline import dyad_series, timeline

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
    "parse_window",
    "paths",
    "project",
    "require_events",
    "timeline",
]
