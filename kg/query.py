"""SPARQL: saved queries, parameters bound as SPARQL bindings, and results as plain rows.

A saved query is a ``.rq`` file in ``ontology/queries/`` with a header of comments::

    # Relations of an actor: every event it takes part in, either side, with date, status and source.
    # param: actor actor  The actor, by name, alias, id or IRI.
    # param: since date = 1900-01-01  Only events on or after this date.

The first line is the description. Each ``param`` line gives a name, a type (``actor``, ``relation``,
``class``, ``date``, ``string``, ``integer``, ``decimal``, ``iri``), an optional default and a help
text. Parameter values are converted to RDF terms and passed as ``initBindings``; they are never
spliced into the query text. Every saved query projects its parameters (oxrdflib needs it) and has an
``ORDER BY`` (so results compare row for row across stores); the parameter columns are dropped from
the rows, since they only repeat the values given.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import XSD, Literal
from rdflib.term import Node

from kg.dates import DateError, parse_date
from kg.errors import QueryError
from kg.ontology import Ontology
from kg.resolve import resolve_actor
from kg.resources import bundled_path
from kg.store.base import Handle, QueryResult
from kg.store.sparql import check_update
from kg.store.terms import expand_iri

__all__ = [
    "Param",
    "QueryResult",
    "SavedQuery",
    "bind",
    "convert",
    "load_query",
    "run",
    "run_query",
    "run_update",
    "saved_queries",
    "saved_query",
]

PARAM_TYPES = ("actor", "relation", "class", "date", "string", "integer", "decimal", "iri")
_PARAM_LINE = re.compile(r"^#\s*param:\s*(\w+)\s+(\w+)(?:\s*=\s*(\S+))?\s*(.*)$")


@dataclass(frozen=True)
class Param:
    """A declared parameter of a saved query."""

    name: str
    type: str
    default: str | None = None
    help: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """A named ``.rq`` file with its description and parameters."""

    name: str
    path: Path
    text: str
    description: str
    params: tuple[Param, ...] = ()


def parse_saved(path: Path) -> SavedQuery:
    """Read a saved query file and its header.

    Raises
    ------
    QueryError
        If a ``param`` line is malformed or names an unknown type.
    """
    text = path.read_text(encoding="utf-8")
    description_lines: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        if line.lstrip("# ").startswith("param:"):
            match = _PARAM_LINE.match(line)
            if not match or match.group(2) not in PARAM_TYPES:
                raise QueryError(f"malformed param line (types: {', '.join(PARAM_TYPES)})", path=path, line=number)
            params.append(Param(match.group(1), match.group(2), match.group(3), match.group(4).strip()))
        elif not params:
            description_lines.append(line.lstrip("#").strip())
    description = " ".join(part for part in description_lines if part)
    return SavedQuery(path.stem, path, text, description, tuple(params))


@functools.cache
def _saved_queries(folder: Path) -> dict[str, SavedQuery]:
    return {path.stem: parse_saved(path) for path in sorted(folder.glob("*.rq"))}


def saved_queries() -> dict[str, SavedQuery]:
    """Return the bundled saved queries by name."""
    return _saved_queries(bundled_path("ontology", "queries"))


def convert(handle: Handle, ontology: Ontology, param: Param | None, value: Any) -> Node:
    """Convert a parameter value to an RDF term, by the declared type or, undeclared, by its shape.

    Actors are resolved by :func:`kg.resolve.resolve_actor` (name, alias, id or IRI); relations and
    classes by the ontology; dates as written (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ...).

    Raises
    ------
    QueryError
        If the value does not fit the declared type.
    UnknownActor, UnknownTerm
        If an actor, relation or class is not known (with close names).
    """
    if isinstance(value, Node):
        return value
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, bool | int | float):
        return Literal(value)
    text = str(value)
    kind = param.type if param else None
    name = param.name if param else "?"
    try:
        if kind == "actor":
            return resolve_actor(handle, text)
        if kind == "relation":
            return expand_iri(text) or ontology.relation(text).iri
        if kind == "class":
            return expand_iri(text) or ontology.check_class(text)
        if kind == "date":
            return Literal(parse_date(text, anchor=date.today()).start.isoformat(), datatype=XSD.date)
        if kind == "integer":
            return Literal(int(text))
        if kind == "decimal":
            return Literal(Decimal(text), datatype=XSD.decimal)
        if kind == "iri":
            iri = expand_iri(text)
            if iri is None:
                raise QueryError(f"parameter {name}: {text!r} is not an IRI")
            return iri
        if kind == "string":
            return Literal(text)
    except (DateError, ValueError, ArithmeticError) as exc:
        raise QueryError(f"parameter {name}: {exc}") from None
    iri = expand_iri(text)
    if iri is not None:
        return iri
    if re.fullmatch(r"-?\d+", text):
        return Literal(int(text))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date)
    return Literal(text)


def bind(handle: Handle, ontology: Ontology, params: Mapping[str, Any] | None,
         declared: tuple[Param, ...] = (), origin: str = "<query>") -> dict[str, Node]:
    """Parameter values as RDF terms, checked against the declared parameters of a saved query.

    Raises
    ------
    QueryError
        If a saved query has no parameter of that name, or a value does not fit its type.
    """
    by_name = {p.name: p for p in declared}
    bindings: dict[str, Node] = {}
    for name, value in (params or {}).items():
        if declared and name not in by_name:
            raise QueryError(f"query {origin} has no parameter {name!r} "
                             f"(it takes: {', '.join(by_name) or 'none'})")
        bindings[name] = convert(handle, ontology, by_name.get(name), value)
    return bindings


def run(handle: Handle, ontology: Ontology, sparql: str, *, params: Mapping[str, Any] | None = None,
        declared: tuple[Param, ...] = (), origin: str = "<query>") -> QueryResult:
    """Run a SPARQL query on ``handle`` with parameters bound as SPARQL bindings.

    Parameters
    ----------
    handle : kg.store.Handle
        The open graph, on any store.
    ontology : Ontology
        Resolves relation and class parameters.
    sparql : str
        A SELECT, ASK, CONSTRUCT or DESCRIBE query. Our prefixes (pk:, actor:, ...) are predefined.
    params : mapping, optional
        Variable name to value; values are converted by the declared type, or by their shape.
    declared : tuple of Param
        The parameters a saved query declares.
    origin : str
        Where the query came from, for error messages.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        On a syntax error, an UPDATE, an unknown or unprojected parameter.
    """
    return handle.query(sparql, bind(handle, ontology, params, declared, origin), origin=origin)


_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _unknown_saved(name: str) -> QueryError:
    close = difflib.get_close_matches(name, list(saved_queries()), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    return QueryError(f"unknown saved query {name!r}{hint}; `kg queries` lists them")


def saved_query(name: str) -> SavedQuery:
    """The saved query called ``name``.

    Raises
    ------
    QueryError
        If there is none (with close names).
    """
    if name not in saved_queries():
        raise _unknown_saved(name)
    return saved_queries()[name]


def load_query(spec: str) -> SavedQuery:
    """Turn what a user typed into a query: a saved query's name, a ``.rq`` file, or SPARQL text.

    Raises
    ------
    QueryError
        If ``spec`` looks like a name but no saved query has it, or names a file that cannot be read.
    """
    queries = saved_queries()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and _is_file(path)):
        try:
            return parse_saved(path)
        except OSError as exc:
            raise QueryError(f"cannot read query file: {exc.strerror}", path=spec) from None
        except UnicodeDecodeError:
            raise QueryError("query file is not UTF-8 text", path=spec) from None
    if _NAME.match(spec):
        raise _unknown_saved(spec)
    return SavedQuery("", Path("<query>"), spec, "", ())


def run_query(handle: Handle, ontology: Ontology, query: SavedQuery,
              params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a loaded query: fill declared defaults, check required parameters, drop parameter columns.

    Raises
    ------
    QueryError
        If a required parameter is missing or an unknown one is given.
    """
    values = dict(params or {})
    for param in query.params:
        if param.name not in values:
            if param.default is None:
                label = f"saved query {query.name!r}" if query.name else f"query {query.path}"
                raise QueryError(f"{label} needs --param {param.name}=... ({param.help})")
            values[param.name] = param.default
    result = run(handle, ontology, query.text, params=values, declared=query.params, origin=str(query.path))
    hidden = {p.name for p in query.params}
    result.columns = [c for c in result.columns if c not in hidden]
    return result


def run_update(handle: Handle, sparql: str) -> None:
    """Run a SPARQL UPDATE on ``handle`` (its named graph is the update's default graph).

    Raises
    ------
    QueryError
        If the text is not a valid SPARQL UPDATE.
    """
    check_update(sparql)
    handle.update(sparql)


def _is_file(path: Path) -> bool:
    """True if ``path`` names a file; false for text that cannot be a path (a one-line query too long for a
    file name)."""
    try:
        return path.is_file()
    except OSError:
        return False
