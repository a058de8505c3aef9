"""Check a graph: SHACL shapes with pySHACL, and OWL 2 RL consistency with owlrl.

Each problem becomes a :class:`Violation` that reads ``focus (what it is) -- path: message (file:line)``,
naming the curated file and line of the statements behind an event or attestation.

Examples
--------
>>> from kg.build import build_graph
>>> validate(build_graph())
[]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph, Namespace, URIRef

from kg.errors import InputError
from kg.resources import bundled_path
from kg.store.terms import compact, expand_iri

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["Violation", "inconsistencies", "load_shapes", "validate"]

SH = Namespace("http://www.w3.org/ns/shacl#")

_DESCRIBE = """
SELECT ?focus ?label ?relation ?actorLabel ?recipientLabel ?file ?line WHERE {
  {
    ?focus rdfs:label ?l . FILTER NOT EXISTS { ?focus pk:relation ?any } BIND(STR(?l) AS ?label)
  } UNION {
    { ?focus pk:relation ?r . BIND(?focus AS ?event)
      OPTIONAL { ?att pk:attests ?focus ; pk:curationFile ?file ; pk:curationLine ?line } }
    UNION
    { ?focus pk:attests ?event . ?event pk:relation ?r .
      OPTIONAL { ?focus pk:curationFile ?file ; pk:curationLine ?line } }
    ?r rdfs:label ?rl . BIND(STR(?rl) AS ?relation)
    OPTIONAL { ?event pk:actor/rdfs:label ?al BIND(STR(?al) AS ?actorLabel) }
    OPTIONAL { ?event pk:recipient/rdfs:label ?ol BIND(STR(?ol) AS ?recipientLabel) }
  }
}
ORDER BY ?file ?line ?actorLabel ?recipientLabel ?label
"""


@dataclass(frozen=True)
class Violation:
    """One problem found in a graph."""

    focus: str
    description: str
    path: str | None
    message: str
    origins: tuple[str, ...] = ()
    severity: str = "Violation"

    def __str__(self) -> str:
        return self.line()

    def line(self, *, origins: bool = True) -> str:
        """One line: ``focus (what it is) -- path: message (file:line)``."""
        where = f" ({', '.join(self.origins)})" if self.origins and origins else ""
        what = f" ({self.description})" if self.description else ""
        return f"{self.focus}{what} -- {self.path or 'node'}: {self.message}{where}"


@functools.cache
def _bundled_shapes() -> Graph:
    return load_shapes(bundled_path("ontology", "shapes.ttl"))


def load_shapes(path: str | Path) -> Graph:
    """Parse a SHACL shapes file.

    Raises
    ------
    InputError
        If it does not parse, with the line the parser stopped at.
    """
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        message = " ".join(str(exc).split())
        line = None
        found = re.search(r"line (\d+)", message)
        if found:
            line = int(found.group(1))
        raise InputError(f"the shapes do not parse: {message[:300]}", path=path, line=line) from None


def _shorten_iris(text: str) -> str:
    """Write the IRIs pySHACL puts into messages as prefixed names."""
    return re.sub(r"<?(https?://[^\s<>,)]+)>?", lambda m: str(compact(URIRef(m.group(1)))), text)


def _describe(kg: KnowledgeGraph, focus: URIRef) -> tuple[str, tuple[str, ...]]:
    description, origins = "", []
    for row in kg.handle.query(_DESCRIBE, {"focus": focus}).rows:
        label, relation, actor, recipient, file, line = (row[k] for k in ("label", "relation", "actorLabel",
                                                                          "recipientLabel", "file", "line"))
        if label is not None:
            description = str(label)
        elif relation is not None and not description:
            description = f"{actor or '?'} -[{relation}]" + (f"-> {recipient}" if recipient else "")
        if file is not None:
            origin = f"{file}:{line}"
            if origin not in origins:
                origins.append(origin)
    return description, tuple(origins[:3])


def _split_sparql(shapes: Graph) -> tuple[Graph, list[tuple[URIRef, str, str]]]:
    """Separate SHACL-SPARQL constraints from the core shapes.

    pySHACL runs a SPARQL constraint once per focus node, parsing it again each time; we run each one
    once over the whole graph instead, on the store's own engine, with ``$this`` as a variable
    restricted to the shape's targets, which gives the same results.
    """
    core = Graph()
    for triple in shapes:
        core.add(triple)
    constraints: list[tuple[URIRef, str, str]] = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        message = shapes.value(constraint, SH.message)
        for target in shapes.objects(shape, SH.targetClass):
            text = str(message) if message is not None else "violates a shape"
            constraints.append((URIRef(str(target)), str(select), text))
        core.remove((shape, SH.sparql, constraint))
    return core, constraints


def _run_sparql_constraint(kg: KnowledgeGraph, target: URIRef, select: str,
                           message: str) -> list[tuple[str, str | None, str]]:
    """Run one SPARQL constraint over the whole graph; return (focus, path, message) of each violation."""
    query = select.replace("$this", "?this")
    rows = kg.execute(query).records()
    instances = {r["x"] for r in kg.execute("SELECT ?x ?t WHERE { ?x a/rdfs:subClassOf* ?t }",
                                            params={"t": target}).records()} if rows else set()
    found = []
    for row in rows:
        if row["this"] in instances:
            text = re.sub(r"\{[?$](\w+)\}", functools.partial(_value, row), message)
            found.append((row["this"], row.get("path"), text))
    return found


def _value(row: dict[str, Any], match: re.Match[str]) -> str:
    """The value of the variable a message template names, or the placeholder itself when unbound."""
    value = row.get(match.group(1))
    return match.group(0) if value is None else str(value)


def validate(kg: KnowledgeGraph, *, shapes: Graph | None = None) -> list[Violation]:
    """Check ``kg`` against the SHACL shapes (the bundled ``ontology/shapes.ttl`` by default).

    Core constraints are checked by pySHACL; SHACL-SPARQL constraints are run once each over the
    whole graph (see :func:`_split_sparql`).

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph, with the ontology loaded into it (as every build does).
    shapes : rdflib.Graph, optional
        Shapes to use instead of the bundled ones.

    Returns
    -------
    list of Violation
        Empty when the graph conforms; sorted by curated file, focus and path.
    """
    import pyshacl

    core, constraints = _split_sparql(shapes if shapes is not None else _bundled_shapes())
    _conforms, report, _text = pyshacl.validate(kg.graph, shacl_graph=core, inference="none", advanced=True,
                                                allow_warnings=True)
    found: list[tuple[str, str | None, str]] = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        text = _shorten_iris(str(message)) if message is not None else "violates a shape"
        if value is not None and str(compact(value)) not in text:
            text += f" (value: {compact(value)})"
        found.append((str(compact(focus)), str(compact(path)) if path is not None else None, text))
    for target, select, message in constraints:
        found += _run_sparql_constraint(kg, target, select, message)
    violations = []
    for focus, path, text in set(found):
        iri = expand_iri(focus)
        description, origins = _describe(kg, iri) if iri is not None else ("", ())
        violations.append(Violation(focus, description, path, text, origins))
    return sorted(violations, key=lambda v: (v.origins, v.focus, v.path or "", v.message))


def inconsistencies(kg: KnowledgeGraph) -> list[str]:
    """Run OWL 2 RL reasoning (owlrl) on a copy of the graph; return the inconsistencies it finds.

    A Person also typed as a Country, for instance, contradicts the disjointness axioms.
    """
    import owlrl

    copy = Graph()
    copy.addN((s, p, o, copy) for s, p, o in kg.graph)
    closure = owlrl.OWLRL_Semantics(copy, False, False, rdfs=False)
    closure.closure()
    return sorted(str(message) for message in closure.error_messages)
