"""SPARQL on rdflib graphs (the Memory store and servers), and the errors every store words the same way.

The Oxigraph handle runs queries on Oxigraph itself (:mod:`kg.store.oxigraph`); the others run them
here through rdflib. Both give the same rows and the same errors: a syntax error names the line, an
UPDATE is refused, a binding of a variable the SELECT does not project is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pyparsing.exceptions import ParseException
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.term import Node

from kg.errors import KGError, QueryError
from kg.ontology.iris import PREFIXES
from kg.store.base import QueryResult
from kg.store.terms import compact

__all__ = ["check_update", "inline_values", "parse_query", "run_rdflib", "unprojected", "update_graph"]


def _error_line(exc: ParseException, origin: str) -> QueryError:
    message = " ".join(str(exc.msg).split())
    return QueryError(f"SPARQL syntax error: {message} (column {exc.col})", path=origin, line=exc.lineno)


def parse_query(sparql: str, origin: str) -> Any:
    """Parse a query with rdflib, for its algebra and for well-worded errors.

    Raises
    ------
    QueryError
        On a syntax error (with line and column) or when the text is a SPARQL UPDATE.
    """
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except ParseException as exc:
        try:
            prepareUpdate(sparql, initNs=PREFIXES)
        except (ParseException, Exception):
            raise _error_line(exc, origin) from None
        raise QueryError("this is a SPARQL UPDATE; `kg query` runs it only with --update",
                         path=origin) from None
    except Exception as exc:  # rdflib raises plain Exceptions for undefined prefixes and the like
        raise QueryError(f"SPARQL error: {exc}", path=origin) from None


def check_update(sparql: str) -> None:
    """Check that ``sparql`` is a SPARQL UPDATE.

    Raises
    ------
    QueryError
        With the line and column of the syntax error.
    """
    try:
        prepareUpdate(sparql, initNs=PREFIXES)
    except ParseException as exc:
        raise _error_line(exc, "<update>") from None


def update_graph(graph: Graph, sparql: str) -> None:
    """Run a SPARQL Update on an rdflib ``graph`` (its named graph is the update's default graph).

    Raises
    ------
    QueryError
        If the text is not a valid SPARQL Update, or the update fails.
    """
    check_update(sparql)
    try:
        graph.update(sparql, initNs=PREFIXES)
    except Exception as exc:  # the engines raise several unrelated types
        raise QueryError(f"update failed: {exc}") from None


def unprojected(name: str) -> QueryError:
    """The error for a binding of a variable that the SELECT does not project."""
    return QueryError(f"parameter ?{name} must be projected by the query (list it after SELECT)")


def inline_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """The query with its bindings as a ``VALUES`` block of RDF terms at the start of its WHERE group.

    For a server: rdflib's SPARQLStore appends VALUES after the query, where FILTERs inside the group do
    not see them (and Virtuoso ignores them after ORDER BY). The values are RDF terms written by rdflib
    (``term.n3()``), never raw user text.

    Examples
    --------
    >>> from rdflib import URIRef
    >>> inline_values("SELECT ?a WHERE { ?a ?p ?o FILTER(?a = ?b) }", {"b": URIRef("https://e.org/x")})
    'SELECT ?a WHERE { VALUES (?b) { (<https://e.org/x>) } ?a ?p ?o FILTER(?a = ?b) }'
    """
    found = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if found is None:
        raise QueryError("cannot bind parameters on a server: the query has no WHERE { ... }")
    names = list(bindings)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[n].n3() for n in names)}) }}"
    return sparql[: found.end()] + " " + block + sparql[found.end():]


def run_rdflib(graph: Graph, sparql: str, bindings: Mapping[str, Node], *, origin: str,
               remote: bool = False) -> QueryResult:
    """Run a query through rdflib on ``graph``; on a server (``remote``) bindings travel as VALUES inside
    the WHERE group (see :func:`inline_values`)."""
    parsed = parse_query(sparql, origin)
    if parsed.algebra.name == "SelectQuery":
        projected = {str(v) for v in parsed.algebra.get("PV", [])}
        for name in bindings:
            if name not in projected:
                raise unprojected(name)
    try:
        if bindings and remote:
            result = graph.query(inline_values(sparql, bindings), initNs=PREFIXES)
        else:
            result = graph.query(sparql, initBindings=dict(bindings), initNs=PREFIXES)  # type: ignore[arg-type]
    except KGError:
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {exc}", path=origin) from None
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(result.type.lower(), graph=result.graph)
    columns = [str(v) for v in (result.vars or [])]
    rows = [{c: compact(row[i]) for i, c in enumerate(columns)} for row in result]  # type: ignore[index]
    return QueryResult("select", columns=columns, rows=rows)
