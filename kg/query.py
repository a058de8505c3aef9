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
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from pyparsing.exceptions import ParseException
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.term import BNode, Node

from kg.dates import DateError, parse_date
from kg.errors import KGError, QueryError, UnknownActor
from kg.names import fold
from kg.ontology import PREFIXES
from kg.resources import bundled_path

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = [
    "Param",
    "QueryResult",
    "SavedQuery",
    "compact",
    "load_query",
    "resolve_actor",
    "run",
    "run_query",
    "run_saved",
    "run_update",
    "saved_queries",
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


def _shorten(text: str) -> str:
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri) and re.fullmatch(r"[\w.\-/]*", text[len(iri):]):
            return f"{prefix}:{text[len(iri):]}"
    return text


def compact(term: Node | None) -> Any:
    """Turn an RDF term into a plain Python value: a prefixed name, a date, a number or a string.

    Examples
    --------
    >>> compact(URIRef("https://w3id.org/polkg/actor/vladimir-putin"))
    'actor:vladimir-putin'
    >>> compact(Literal("2020-08-15", datatype=XSD.date))
    datetime.date(2020, 8, 15)
    >>> compact(Literal("0.85", datatype=XSD.decimal)), compact(Literal(3)), compact(Literal("x", lang="en"))
    (0.85, 3, 'x')
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return _shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, bool | int | float | date):
            return value
        return str(term)
    return str(term)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t: int for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                                    "unsignedLong", "unsignedShort", "unsignedByte")}
_NUMBERS.update({_XSD + t: float for t in ("decimal", "double", "float")})


def compact_ox(term: Any) -> Any:
    """:func:`compact` for pyoxigraph terms: the same values, without building rdflib terms.

    Examples
    --------
    >>> compact_ox(ox.NamedNode("https://w3id.org/polkg/actor/minsk")), compact_ox(ox.Literal("2", datatype=
    ...     ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    ('actor:minsk', 2)
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _NUMBERS:
                return _NUMBERS[datatype](term.value)
            if datatype == _XSD + "date":
                return date.fromisoformat(term.value)
            if datatype == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    return str(term)


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE).

    ``rows`` hold plain Python values (see :func:`compact`).
    """

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of the result's columns."""
        return [{c: row.get(c) for c in self.columns} for row in self.rows]


def expand_iri(value: str) -> URIRef | None:
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return URIRef(PREFIXES[prefix] + local)
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    return None


def resolve_actor(kg: KnowledgeGraph, name: str) -> URIRef:
    """Find the one actor or thing called ``name``: an IRI, an id, a label or an alias.

    Matching ignores case, diacritics and a leading "the". The lookup is a SPARQL query with the
    folded name bound as a parameter.

    Raises
    ------
    UnknownActor
        If nothing or more than one thing matches; the message lists close names or the candidates.
    """
    iri = expand_iri(name)
    if iri is not None:
        return iri
    key = fold(name)
    rows = query_bound(kg.graph, "SELECT DISTINCT ?key ?entity WHERE { ?entity pk:searchKey ?key }",
                       {"key": Literal(key)})
    found = sorted({row[1] for row in rows}, key=str)  # type: ignore[index]
    if not found:
        for namespace in ("actor", "node"):
            candidate = URIRef(PREFIXES[namespace] + name)
            if (candidate, None, None) in kg.graph:
                return candidate
        keys = [str(r[0]) for r in kg.graph.query("SELECT DISTINCT ?k WHERE { ?e pk:searchKey ?k }",
                                                  initNs=PREFIXES)]  # type: ignore[index]
        close = difflib.get_close_matches(key, keys, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise UnknownActor(f"no actor called {name!r}{hint}")
    if len(found) > 1:
        raise UnknownActor(f"{name!r} is ambiguous: {', '.join(compact(f) for f in found)}; use an id")
    return found[0]  # type: ignore[return-value]


def convert(kg: KnowledgeGraph, param: Param | None, value: Any) -> Node:
    """Convert a parameter value to an RDF term, by the declared type or, undeclared, by its shape."""
    if isinstance(value, Node):
        return value
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, bool | int | float):
        return Literal(value)
    text = str(value)
    kind = param.type if param else None
    try:
        if kind == "actor":
            return resolve_actor(kg, text)
        if kind == "relation":
            return expand_iri(text) or kg.ontology.relation(text).iri
        if kind == "class":
            return expand_iri(text) or kg.ontology.check_class(text)
        if kind == "date":
            return Literal(parse_date(text, anchor=date.today()).start.isoformat(), datatype=XSD.date)
        if kind == "integer":
            return Literal(int(text))
        if kind == "decimal":
            return Literal(Decimal(text), datatype=XSD.decimal)
        if kind == "iri":
            iri = expand_iri(text)
            if iri is None:
                raise QueryError(f"parameter {param.name}: {text!r} is not an IRI")  # type: ignore[union-attr]
            return iri
        if kind == "string":
            return Literal(text)
    except (DateError, ValueError, ArithmeticError) as exc:
        raise QueryError(f"parameter {param.name}: {exc}") from None  # type: ignore[union-attr]
    iri = expand_iri(text)
    if iri is not None:
        return iri
    if re.fullmatch(r"-?\d+", text):
        return Literal(int(text))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return Literal(text, datatype=XSD.date)
    return Literal(text)


def _error_line(exc: ParseException, origin: str) -> QueryError:
    message = " ".join(str(exc.msg).split())
    return QueryError(f"SPARQL syntax error: {message} (column {exc.col})", path=origin, line=exc.lineno)


def _parse(sparql: str, origin: str) -> Any:
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


def _bind(kg: KnowledgeGraph, params: dict[str, Any] | None, declared: tuple[Param, ...],
          origin: str) -> dict[str, Node]:
    by_name = {p.name: p for p in declared}
    bindings: dict[str, Node] = {}
    for name, value in (params or {}).items():
        if declared and name not in by_name:
            raise QueryError(f"query {origin} has no parameter {name!r} "
                             f"(it takes: {', '.join(by_name) or 'none'})")
        bindings[name] = convert(kg, by_name.get(name), value)
    return bindings


def _unprojected(name: str) -> QueryError:
    return QueryError(f"parameter ?{name} must be projected by the query (list it after SELECT)")


def _run_oxigraph(kg: KnowledgeGraph, sparql: str, bindings: dict[str, Node], origin: str) -> QueryResult:
    """Run on the Oxigraph store itself: rows become Python values without passing through rdflib terms."""
    from kg.store import from_ox, to_ox

    store = kg.graph.store._inner  # type: ignore[attr-defined]
    try:
        result = store.query(sparql, default_graph=ox.NamedNode(str(kg.graph.identifier)), prefixes=PREFIXES,
                             substitutions={ox.Variable(k): to_ox(v) for k, v in bindings.items()})
    except SyntaxError as exc:
        _parse(sparql, origin)  # rdflib's parser words the error better, and recognises an UPDATE
        first = str(exc).splitlines()[0]
        raise QueryError(f"SPARQL syntax error: {first}", path=origin) from None
    except RuntimeError as exc:
        missing = re.search(r"variable \?(\w+) in its SELECT projection", str(exc))
        if missing:
            raise _unprojected(missing.group(1)) from None
        raise QueryError(f"query failed: {exc}", path=origin) from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        graph = Graph()
        graph.addN((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), graph) for t in result)
        return QueryResult("construct", graph=graph)
    columns = [v.value for v in result.variables]
    rows = [{c: compact_ox(solution[i]) for i, c in enumerate(columns)} for solution in result]
    return QueryResult("select", columns=columns, rows=rows)


def _is_remote(graph: Graph) -> bool:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    return isinstance(graph.store, SPARQLStore)


def query_bound(graph: Graph, sparql: str, bindings: dict[str, Node]) -> Any:
    """``graph.query`` with ``bindings``; on a server they travel as a VALUES block inside the WHERE group.

    rdflib's SPARQLStore appends VALUES after the whole query, which FILTERs cannot see and which
    Virtuoso ignores after ORDER BY; every query with bindings goes through here.
    """
    if bindings and _is_remote(graph):
        sparql, bindings = _inline_values(sparql, bindings), {}
    return graph.query(sparql, initBindings=bindings, initNs=PREFIXES)


def _inline_values(sparql: str, bindings: dict[str, Node]) -> str:
    """The query with its bindings as a ``VALUES`` block of RDF terms at the start of its WHERE group.

    For a server: rdflib's SPARQLStore appends VALUES after the query, where FILTERs inside the group do
    not see them. The values are RDF terms written by rdflib (``term.n3()``), never raw user text.

    Examples
    --------
    >>> _inline_values("SELECT ?a WHERE { ?a ?p ?o FILTER(?a = ?b) }", {"b": URIRef("https://e.org/x")})
    'SELECT ?a WHERE { VALUES (?b) { (<https://e.org/x>) } ?a ?p ?o FILTER(?a = ?b) }'
    """
    found = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if found is None:
        raise QueryError("cannot bind parameters on a server: the query has no WHERE { ... }")
    names = list(bindings)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(bindings[n].n3() for n in names)}) }}"
    return sparql[: found.end()] + " " + block + sparql[found.end():]


def run(kg: KnowledgeGraph, sparql: str, *, params: dict[str, Any] | None = None,
        declared: tuple[Param, ...] = (), origin: str = "<query>") -> QueryResult:
    """Run a SPARQL query on ``kg`` with parameters bound as SPARQL bindings.

    On an Oxigraph store the query goes to Oxigraph directly; on rdflib's Memory store, to rdflib.
    Both give the same rows and the same errors.

    Parameters
    ----------
    kg : KnowledgeGraph
    sparql : str
        A SELECT, ASK, CONSTRUCT or DESCRIBE query. Our prefixes (pk:, actor:, ...) are predefined.
    params : dict, optional
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
    from kg.store import is_oxigraph

    bindings = _bind(kg, params, declared, origin)
    if is_oxigraph(kg.graph):
        return _run_oxigraph(kg, sparql, bindings, origin)
    parsed = _parse(sparql, origin)
    if parsed.algebra.name == "SelectQuery":
        projected = {str(v) for v in parsed.algebra.get("PV", [])}
        for name in bindings:
            if name not in projected:
                raise _unprojected(name)
    try:
        result = query_bound(kg.graph, sparql, bindings)
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


def run_saved(kg: KnowledgeGraph, name: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run a saved query by name, filling defaults and dropping the parameter columns.

    Raises
    ------
    QueryError
        If there is no such query or a required parameter is missing.
    """
    if name not in saved_queries():
        raise _unknown_saved(name)
    return run_query(kg, saved_queries()[name], params)



_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _unknown_saved(name: str) -> QueryError:
    close = difflib.get_close_matches(name, list(saved_queries()), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    return QueryError(f"unknown saved query {name!r}{hint}; `kg queries` lists them")


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
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and path.is_file()):
        try:
            return parse_saved(path)
        except OSError as exc:
            raise QueryError(f"cannot read query file: {exc.strerror}", path=spec) from None
        except UnicodeDecodeError:
            raise QueryError("query file is not UTF-8 text", path=spec) from None
    if _NAME.match(spec):
        raise _unknown_saved(spec)
    return SavedQuery("", Path("<query>"), spec, "", ())


def run_query(kg: KnowledgeGraph, query: SavedQuery, params: dict[str, Any] | None = None) -> QueryResult:
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
    result = run(kg, query.text, params=values, declared=query.params, origin=str(query.path))
    hidden = {p.name for p in query.params}
    result.columns = [c for c in result.columns if c not in hidden]
    return result


def run_update(graph: Graph, sparql: str) -> None:
    """Run a SPARQL UPDATE on ``graph`` (its named graph is the update's default graph).

    Raises
    ------
    QueryError
        If the text is not a valid SPARQL UPDATE.
    """
    try:
        prepareUpdate(sparql, initNs=PREFIXES)
    except ParseException as exc:
        raise _error_line(exc, "<update>") from None
    try:
        graph.update(sparql, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"update failed: {exc}") from None
