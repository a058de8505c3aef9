"""``kg analyze ...``: network measures over the events of the graph, as listings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli import app
from kg.cli.options import GraphOptions, SeedOpt, graph_options, say
from kg.cli.render import Format, FormatOpt, render

analyze_app = typer.Typer(
    name="analyze", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Network analysis of the events in the graph: centrality, communities, paths, ego networks, "
         "cooperation and conflict per dyad, structural balance, timelines.")
app.add_typer(analyze_app)

def _columns(rows: list[dict[str, Any]], default: list[str]) -> list[str]:
    return list(rows[0]) if rows else default


@analyze_app.command()
@graph_options
def centrality(
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="Show the first N (0: all).")] = 20,
    k: Annotated[int | None, typer.Option("--k", min=1, show_default=False,
                                          help="Betweenness from a seeded sample of K nodes (large graphs).")] = None,
    seed: SeedOpt = 0,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """Who is central: degree, betweenness, PageRank, eigenvector, closeness and k-core, by PageRank."""
    from kg.analyze import centrality as measure
    from kg.analyze import k_core, require_events

    G = graph.project()
    require_events(G)
    cores = k_core(G)
    rows = [{**row, "core": cores.get(row["node"], 0)} for row in measure(G, k=k, seed=seed)]
    render(rows[:top] if top else rows, _columns(rows, ["node"]), fmt)


@analyze_app.command()
@graph_options
def communities(
    seed: SeedOpt = 0,
    resolution: Annotated[float, typer.Option("--resolution", min=0.0,
                                              help="Louvain resolution: above 1 gives smaller communities.")] = 1.0,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """Who sides with whom: Louvain communities (seeded) of the dyad graph weighted by events."""
    from kg.analyze import communities as detect

    G = graph.project()
    rows = detect(G, seed=seed, resolution=resolution)
    say(f"{len({r['community'] for r in rows})} communities among {len(rows)} actors (Louvain, seed {seed}).")
    render(rows, _columns(rows, ["community", "node"]), fmt)


@analyze_app.command()
@graph_options
def path(
    source: Annotated[str, typer.Argument(metavar="A", help="An actor: name, alias, id or IRI.")],
    target: Annotated[str, typer.Argument(metavar="B", help="Another actor.")],
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, help="Longest path in hops.")] = 3,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many paths, shortest first.")] = 10,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """How two actors connect: shortest and all simple paths up to --max-hops, each hop with its evidence."""
    from kg.analyze import paths

    G = graph.project()
    rows = paths(G, source, target, cutoff=max_hops, limit=limit)
    render(rows, _columns(rows, ["path"]), fmt)


@analyze_app.command("ego")
@graph_options
def ego_network(
    actor: Annotated[str, typer.Argument(metavar="A", help="An actor: name, alias, id or IRI.")],
    depth: Annotated[int, typer.Option("--depth", min=1, help="Hops from the actor.")] = 1,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """An actor's ego network: every event among the actors within --depth hops of it."""
    from kg.analyze import edge_rows, ego, require_events

    G = graph.project()
    sub = ego(G, actor, radius=depth)
    label = G.nodes[sub.graph["ego"]]["label"]
    require_events(sub, what=f"{label} takes part in no event")
    say(f"Ego network of {label} (depth {depth}): {len(sub)} actors, {sub.number_of_edges()} events.")
    rows = edge_rows(sub)
    render(rows, _columns(rows, ["actor"]), fmt)


@analyze_app.command()
@graph_options
def dyads(
    by_actor: Annotated[bool, typer.Option("--by-actor", help="Totals per actor, given and received, instead.")]
    = False,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """Cooperation and conflict per dyad (or per actor): events, quad classes and Goldstein, worst first."""
    from kg.analyze import actor_balance, require_events
    from kg.analyze import dyads as per_dyad

    G = graph.project()
    require_events(G)
    rows = actor_balance(G) if by_actor else per_dyad(G)
    render(rows, _columns(rows, ["actor"]), fmt)


@analyze_app.command()
@graph_options
def balance(
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """Structural balance of the signed graph (sign of summed Goldstein per pair): every triad, unbalanced first."""
    from kg.analyze import balance as signed_balance

    G = graph.project()
    result = signed_balance(G)
    ratio = f"{result['ratio']:.2f}" if result["ratio"] is not None else "n/a"
    say(f"{result['signed_pairs']} signed pairs ({result['positive']} positive, {result['negative']} negative); "
         f"{result['triads']} triad{'' if result['triads'] == 1 else 's'}: {result['balanced']} balanced, "
         f"{result['unbalanced']} unbalanced "
         f"(balance ratio {ratio}).")
    render(result["rows"], ["a", "b", "c", "a_b", "b_c", "a_c", "balanced"], fmt)


@analyze_app.command()
@graph_options
def timeline(
    actor: Annotated[str | None, typer.Argument(metavar="[A]", help="Only events of this actor.",
                                                show_default=False)] = None,
    other: Annotated[str | None, typer.Argument(metavar="[B]", help="With A: only events between A and B.",
                                                show_default=False)] = None,
    step: Annotated[str, typer.Option("--step", help="Period: day, week, month or year.")] = "week",
    window: Annotated[int, typer.Option("--window", min=1, help="Rolling window in periods (1: none).")] = 1,
    fmt: FormatOpt = Format.table, *, graph: GraphOptions,
) -> None:
    """Events per period (of the graph, an actor or a dyad) with cooperation, conflict and Goldstein."""
    from kg.analyze import timeline as series

    G = graph.project()
    rows = series(G, step=step, window=window, actor=actor, other=other)
    render(rows, _columns(rows, ["period"]), fmt)


@app.command()
@graph_options
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("graph.html"),
    ego: Annotated[str | None, typer.Option("--ego", metavar="ACTOR", show_default=False,
                                            help="Draw only the actors within --depth hops of ACTOR.")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="With --ego: hops from the actor.")] = 1,
    top: Annotated[int | None, typer.Option("--top", min=1, show_default=False,
                                            help="Draw only the K actors with the highest PageRank.")] = None,
    max_nodes: Annotated[int | None, typer.Option(
        "--max-nodes", min=1, show_default=False,
        help="Reduce larger graphs to this many actors by PageRank (default: the measured limit, see README).")]
    = None,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "polkg graph",
    seed: SeedOpt = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
    screenshot: Annotated[Path | None, typer.Option(
        "--screenshot", metavar="PNG", show_default=False,
        help="Also save a PNG of the page once its layout is stable (needs Chromium and the viz extra).")] = None,
    *, graph: GraphOptions,
) -> None:
    """Draw the graph as one self-contained interactive HTML page that works offline."""
    from kg.viz.explorer import MAX_NODES, reduce, write_explorer

    G = graph.project()
    drawn, note = reduce(G, max_nodes=max_nodes or MAX_NODES, top=top, ego=ego, depth=depth)
    if note:
        say(f"Reduced: {note}.")
    path = write_explorer(drawn, out, title=title, note=note, seed=seed, open_browser=open_browser)
    say(f"Wrote {path}: {len(drawn)} actors, {drawn.number_of_edges()} events.")
    if screenshot is not None:
        from kg.viz.browser import screenshot as take

        say(f"Wrote {take(path, screenshot)}.")
