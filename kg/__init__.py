"""polkg: knowledge graphs of political actors and the relations between them.

The few public names, imported on first use (``import kg`` itself loads nothing heavy); everything else
lives in its module (``kg.query``, ``kg.export``, ...).

Examples
--------
>>> from kg import KnowledgeGraph, build_graph
>>> kg = build_graph()                                     # the bundled Belarus 2020 data
>>> kg.query("SELECT ?o WHERE { actor:alexander-lukashenko pk:calls ?o }")
[{'o': 'actor:vladimir-putin'}]
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Actor", "Evidence", "KGError", "KnowledgeGraph", "Source", "Statement", "Thing", "build", "build_graph"]

_HOMES = {
    "Actor": "kg.model",
    "Evidence": "kg.model",
    "Source": "kg.model",
    "Statement": "kg.model",
    "Thing": "kg.model",
    "KGError": "kg.errors",
    "KnowledgeGraph": "kg.graph",
    "build": "kg.build",
    "build_graph": "kg.build",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
