"""The options commands share, defined once: the store, output formats, news-text options, and the graph
filters every analysis command takes (:func:`graph_options`)."""

from __future__ import annotations

import enum
import functools
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    import networkx as nx

    from kg.analyze import Filters

__all__ = ["DEFAULT_MERGES", "GraphOptions", "MergesOpt", "MinConfidenceOpt", "ProcessesOpt", "PublishedOpt",
           "ReportOpt", "SeedOpt", "Status", "StoreOpt", "StrictOpt", "graph_options", "parse_params",
           "parse_published", "say", "warn", "write_report"]

DEFAULT_MERGES = "merges.yaml"

StoreOpt = Annotated[str | None, typer.Option(
    "--store", "-s", envvar="KG_STORE", show_default=False,
    help="Store: a directory (Oxigraph on disk; default .kg), memory:FILE.trig (rdflib Memory "
         "store saved to a file), memory, or the http(s) URL of a SPARQL 1.1 server. Also $KG_STORE.")]
PublishedOpt = Annotated[str | None, typer.Option(
    "--published", metavar="YYYY-MM-DD", help="Publication date of documents that carry none; anchors "
                                              "relative dates such as 'on Monday'.", show_default=False)]
ProcessesOpt = Annotated[int, typer.Option("--processes", "-j", min=1, help="Parser processes.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first unreadable document instead of "
                                                          "skipping it with a warning.")]
MergesOpt = Annotated[Path | None, typer.Option(
    "--merges", envvar="KG_MERGES", show_default=False,
    help=f"Actor merges file: reviewed decisions are applied, new proposals appended (default {DEFAULT_MERGES}; "
         "also $KG_MERGES).")]
MinConfidenceOpt = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Keep statements whose rule's measured precision is at least this.")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed of anything random (sampling, community detection).")]
ReportOpt = Annotated[Path | None, typer.Option(
    "--report", metavar="FILE", show_default=False,
    help="Write the corpus report as JSON here: new actors proposed (count, type, first sentence, why not "
         "resolved), mentions cleaned or dropped by hygiene (with the reason), page furniture, events per "
         "relation.")]


def say(message: str) -> None:
    """A message for the user, on stderr (data goes to stdout)."""
    print(message, file=sys.stderr)


def write_report(path: Path, report: Any) -> None:
    """Write a :class:`kg.extract.report.CorpusReport` as JSON to ``path``."""
    import json

    from kg.files import write_atomic

    write_atomic(path, json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")


def warn(problem: Any) -> None:
    """A document skipped while reading, on stderr."""
    say(f"Warning: skipped {problem}")


def parse_params(values: list[str] | None) -> dict[str, str]:
    """``--param NAME=VALUE`` options as a dict."""
    params: dict[str, str] = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise typer.BadParameter(f"expected NAME=VALUE, not {item!r}", param_hint="--param")
        params[name.strip()] = value
    return params


def parse_published(value: str | None) -> date | None:
    """``--published YYYY-MM-DD`` as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, not {value!r}", param_hint="--published") from None


class Status(str, enum.Enum):
    """Statuses of an attestation."""

    asserted = "asserted"
    reported = "reported"
    alleged = "alleged"


@dataclass(frozen=True)
class GraphOptions:
    """The store and the filters of the events a command projects (see :func:`graph_options`)."""

    store: str | None = None
    relation: list[str] | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float = 0.0
    status: list[Status] | None = None
    curated: bool = False
    facts: bool = False

    def filters(self) -> Filters:
        """The filters as :class:`kg.analyze.Filters`."""
        from kg.analyze import Filters, parse_window

        since, until = parse_window(self.since, self.until)
        return Filters(families=tuple(self.relation or ()), since=since, until=until,
                       min_confidence=self.min_confidence, statuses=tuple(s.value for s in self.status or ()),
                       curated_only=self.curated, facts_only=self.facts)

    def project(self) -> nx.MultiDiGraph:
        """Open the store and project its events with these filters."""
        from kg.analyze import project
        from kg.graph import KnowledgeGraph

        return project(KnowledgeGraph.open(self.store), filters=self.filters())


_GRAPH_OPTIONS: list[tuple[str, Any, Any]] = [
    ("store", StoreOpt, None),
    ("relation", Annotated[list[str] | None, typer.Option(
        "--relation", "-r", metavar="NAME", show_default=False,
        help="Only this relation family or relation (consults, assaults, ...), with its sub-relations. "
             "Repeatable.")], None),
    ("since", Annotated[str | None, typer.Option(
        "--since", metavar="DATE", show_default=False,
        help="Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")], None),
    ("until", Annotated[str | None, typer.Option(
        "--until", metavar="DATE", show_default=False, help="Only events on or before DATE.")], None),
    ("min_confidence", Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Only attestations at least this confident.")], 0.0),
    ("status", Annotated[list[Status] | None, typer.Option(
        "--status", show_default=False, help="Only attestations with this status. Repeatable.")], None),
    ("curated", Annotated[bool, typer.Option("--curated", help="Only hand-curated attestations.")], False),
    ("facts", Annotated[bool, typer.Option(
        "--facts", help="Only plain facts (asserted or reported, positive, actual): no allegations, denials or "
                        "plans.")], False),
]

Command = TypeVar("Command", bound=Callable[..., None])


def graph_options(command: Command) -> Command:
    """Give a command the store and the graph filters (``--store``, ``--relation``, ``--since``, ``--until``,
    ``--min-confidence``, ``--status``, ``--curated``, ``--facts``), after its own options; it receives them as
    one keyword argument ``graph: GraphOptions``.

    Examples
    --------
    >>> @graph_options
    ... def listing(top: int = 3, *, graph: GraphOptions) -> None:
    ...     print(top, graph.since, graph.facts)
    >>> list(inspect.signature(listing).parameters)[:3]
    ['top', 'store', 'relation']
    >>> listing(top=5, store=None, relation=None, since="2020", until=None, min_confidence=0.0, status=None,
    ...         curated=False, facts=True)
    5 2020 True
    """
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "graph"]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
             for name, annotation, default in _GRAPH_OPTIONS]
    names = [name for name, _, _ in _GRAPH_OPTIONS]

    @functools.wraps(command)
    def with_graph(*args: Any, **kwargs: Any) -> None:
        graph = GraphOptions(**{name: kwargs.pop(name) for name in names})
        command(*args, graph=graph, **kwargs)

    with_graph.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + added)
    return with_graph  # type: ignore[return-value]
