"""polkg: knowledge graphs of political actors and the relations between them.

The few public names; everything else lives in its module (``kg.query``, ``kg.export``, ...).

Examples
--------
>>> from kg import KnowledgeGraph, build_graph
>>> kg = build_graph()                                     # the bundled Belarus 2020 data
>>> rows = kg.query("SELECT ?o WHERE { actor:alexander-lukashenko pk:calls ?o }")
>>> rows
[{'o': 'actor:vladimir-putin'}]
"""

from kg.build import build, build_graph
from kg.errors import KGError
from kg.graph import KnowledgeGraph
from kg.model import Actor, Evidence, Source, Statement, Thing

__all__ = ["Actor", "Evidence", "KGError", "KnowledgeGraph", "Source", "Statement", "Thing", "build", "build_graph"]
