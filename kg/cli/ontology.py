"""The commands about the ontology and the quality of a graph: ``kg ontology`` and ``kg validate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli import app
from kg.cli.options import StoreOpt, say
from kg.cli.render import Format, FormatOpt, render


def _flatten(tree: list[dict[str, Any]], parent: str | None = None, depth: int = 0) -> list[dict[str, Any]]:
    rows = []
    for node in tree:
        rows.append({"relation": node["name"], "parent": parent, "depth": depth, "cameo": node["cameo"],
                     "cameo_name": node["cameo_name"], "plover": node["plover"], "plover_mode": node["plover_mode"],
                     "contexts": " ".join(node["contexts"]), "quad_class": node["quad_class"],
                     "goldstein": node["goldstein"], "wikidata": node["wikidata"],
                     "domain": " ".join(node["domain"]), "range": " ".join(node["range"]),
                     "definition": node["definition"]})
        rows += _flatten(node["children"], node["name"], depth + 1)
    return rows


@app.command()
def ontology(fmt: FormatOpt = Format.table) -> None:
    """Show the relation hierarchy with CAMEO codes, PLOVER types, quad classes and Goldstein scores."""
    from kg.ontology import load_ontology
    from kg.ontology.reference import relation_tree, render_tree

    tree = relation_tree(load_ontology())
    if fmt is Format.table:
        print(render_tree(tree))
    elif fmt is Format.json:
        print(json.dumps(tree, indent=2, ensure_ascii=False))
    else:
        rows = _flatten(tree)
        render(rows, list(rows[0]), fmt)


@app.command()
def validate(
    store: StoreOpt = None,
    shapes: Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes to use instead of the bundled ones.",
                                                show_default=False)] = None,
    reasoning: Annotated[bool, typer.Option("--reasoning/--no-reasoning",
                                            help="Also look for OWL 2 RL inconsistencies (owlrl).")] = True,
    fmt: FormatOpt = Format.table,
) -> None:
    """Check the graph against the SHACL shapes and for OWL 2 RL inconsistencies; exit 1 on any problem."""
    from kg.graph import KnowledgeGraph
    from kg.validate import inconsistencies, load_shapes
    from kg.validate import validate as check_shapes

    kg = KnowledgeGraph.open(store)
    violations = check_shapes(kg, shapes=load_shapes(shapes) if shapes else None)
    problems = inconsistencies(kg) if reasoning else []
    if fmt is Format.table:
        for violation in violations:
            print(violation)
        for problem in problems:
            print(f"OWL 2 RL -- inconsistency: {problem}")
    else:
        rows = [{"focus": v.focus, "description": v.description, "path": v.path, "message": v.message,
                 "origins": " ".join(v.origins), "severity": v.severity} for v in violations]
        rows += [{"focus": "", "description": "OWL 2 RL", "path": None, "message": p, "origins": "",
                  "severity": "Inconsistency"} for p in problems]
        render(rows, ["focus", "description", "path", "message", "origins", "severity"], fmt)
    checked = "SHACL shapes" + (" and OWL 2 RL" if reasoning else "")
    if violations or problems:
        say(f"{len(violations)} shape violations, {len(problems)} inconsistencies ({checked}).")
        sys.exit(1)
    say(f"The graph conforms ({checked}): no violations, no inconsistencies.")
