"""The graph explorer: a projection (:func:`kg.analyze.project`) drawn as one self-contained HTML page.

pyvis holds the nodes, edges and vis-network options and renders them through our own template
(``kg/viz/templates/explorer.html``): vis-network's script and stylesheet, shipped with pyvis, are inlined,
so the page makes no request and opens with the network cable pulled. Graph data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page builds
every tooltip, legend entry and list with ``textContent``: text from the outside world (labels,
evidence sentences, source titles) is never parsed as HTML.

Node colour shows the actor's kind, size its PageRank; edge colour runs from red (conflict) through
grey to green (cooperation) by Goldstein score, width grows with the number of sources, dashes mark
events that no source states as plain fact. Node positions come from a seeded spring layout computed
here, so the same graph draws the same way; vis-network's physics then settles them briefly and stops.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("actor:a", label="<b>A</b>", kind="Person")
>>> G.add_node("actor:b", label="B", kind="Country")
>>> _ = G.add_edge("actor:a", "actor:b", relation="calls", goldstein=1.0, sources=1)
>>> page = explorer_html(G, title="Test")
>>> "<b>A</b>" in page, "\\\\u003cb\\\\u003eA" in page, "https://" in page.split("<script")[0]
(False, True, False)
"""

from __future__ import annotations

import json
import math
import webbrowser
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KGError

__all__ = [
    "COLORS",
    "MAX_NODES",
    "explorer_html",
    "reduce",
    "write_explorer",
]

#: Above this many nodes a page is reduced before drawing (see :func:`reduce`). Measured with
#: ``benchmarks/bench_viz.py``: the largest size that draws and stabilises in under 3 s in headless Chromium.
MAX_NODES = 2000

#: Node colour of each kind (see :data:`kg.analyze.KINDS`).
COLORS = {"Person": "#4e79a7", "Country": "#f28e2b", "GovernmentBody": "#e15759", "Organization": "#76b7b2",
          "Group": "#59a14f", "Place": "#edc948", "Thing": "#b07aa1"}

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no comment or entity openers.
    A string is taken to be JSON already (pyvis hands over its options serialised)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                                           sort_keys=True)
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _edge_color(goldstein: float | None) -> str:
    """Red for conflict, grey for neutral or uncoded, green for cooperation, by Goldstein score (-10..10)."""
    if goldstein is None:
        return "#9e9e9e"
    t = max(-1.0, min(1.0, goldstein / 10.0))
    grey, red, green = (158, 158, 158), (214, 39, 40), (44, 160, 44)
    end = green if t > 0 else red
    t = min(1.0, abs(t) * 1.6)
    return "#" + "".join(f"{round(g + (e - g) * t):02x}" for g, e in zip(grey, end, strict=True))


def reduce(G: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, top: int | None = None, ego: str | None = None,
           depth: int = 1) -> tuple[nx.MultiDiGraph, str | None]:
    """Cut a graph down to what a reader can take in: an ego network, the top-k by PageRank, or both.

    Parameters
    ----------
    max_nodes : int
        When the graph (after ``ego`` and ``top``) still has more nodes, keep the ``max_nodes`` most
        central and say so.
    top : int, optional
        Keep the ``top`` nodes by PageRank.
    ego, depth : optional
        Keep the actors within ``depth`` hops of ``ego``.

    Returns
    -------
    (networkx.MultiDiGraph, str or None)
        The graph to draw and, when something was cut, a message saying what and how.

    Raises
    ------
    KGError
        If the graph, or the ego network, has no edges.
    """
    from kg.analyze import ego as ego_network

    if G.number_of_edges() == 0:
        raise KGError(f"nothing to draw: the graph has no events ({G.graph.get('filters', 'no filters')}); "
                      "build it first (kg build) or loosen the filters")
    notes = []
    if ego:
        G = ego_network(G, ego, radius=depth)
        label = G.nodes[G.graph["ego"]].get("label", ego)
        if G.number_of_edges() == 0:
            raise KGError(f"nothing to draw: {label} takes part in no event ({G.graph.get('filters')})")
        notes.append(f"ego network of {label} at depth {depth}: {len(G)} actors")
    keep = top
    if len(G) > max_nodes and (keep is None or keep > max_nodes):
        keep = max_nodes
        notes.append(f"{len(G):,} actors are more than {max_nodes:,} can be read: kept the {max_nodes:,} with the "
                     "highest PageRank (choose with --top, --ego ACTOR --depth N or --since/--until)")
    elif top is not None and len(G) > top:
        notes.append(f"kept the top {top} of {len(G):,} actors by PageRank")
    if keep is not None and len(G) > keep:
        ranks = nx.pagerank(nx.DiGraph(G), weight=None)
        chosen = sorted(G, key=lambda n: (-ranks[n], n))[:keep]
        if ego:
            chosen = list(dict.fromkeys([G.graph["ego"], *chosen]))[:keep]
        sub = G.subgraph(chosen).copy()
        sub.graph.update(G.graph)
        G = sub
    return G, "; ".join(notes) or None


#: Graphs up to this size get starting positions from a seeded spring layout in Python (about 0.2 s);
#: larger ones start from vis-network's own seeded placement (networkx's layout takes 4 s at 1,000 nodes).
LAYOUT_IN_PYTHON = 300


def _positions(G: nx.MultiDiGraph, *, seed: int) -> dict[str, tuple[float, float]]:
    """A seeded spring layout scaled to vis-network's canvas units (about 60 px between neighbours), for
    graphs of at most :data:`LAYOUT_IN_PYTHON` nodes; none for larger graphs."""
    if len(G) == 0 or len(G) > LAYOUT_IN_PYTHON:
        return {}
    U = nx.Graph(G.to_undirected(as_view=True))
    pos = nx.spring_layout(U, seed=seed, iterations=50)
    scale = 60.0 * math.sqrt(len(U))
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()}


def _xy(point: tuple[float, float] | None) -> dict[str, float]:
    return {"x": point[0], "y": point[1]} if point else {}


def _evidence(d: dict[str, Any]) -> str:
    if d.get("evidence"):
        return " ".join(str(d["evidence"]).split())
    if d.get("evidence_start") is not None:
        return f"characters {d['evidence_start']}-{d['evidence_end']} of the source (its text was not " \
               "available to the build)"
    return ""


def _network_data(G: nx.MultiDiGraph, *, seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ranks = nx.pagerank(nx.DiGraph(G), weight=None) if len(G) else {}
    top = max(ranks.values(), default=1.0) or 1.0
    pos = _positions(G, seed=seed)
    events: Counter[str] = Counter()
    for u, v in G.edges():
        events[u] += 1
        events[v] += 1
    nodes = []
    for n, d in G.nodes(data=True):
        kind = d.get("kind") or "Thing"
        nodes.append({
            "id": n, "label": str(d.get("label", n)), "kind": kind, "type": d.get("type") or kind,
            "country": d.get("country"), "wikidata": d.get("wikidata"), "reviewed": d.get("reviewed", True),
            "events": events[n], "pagerank": round(ranks.get(n, 0.0), 5),
            "size": round(10 + 30 * math.sqrt(ranks.get(n, 0.0) / top), 1), **_xy(pos.get(n)),
            "color": COLORS.get(kind, COLORS["Thing"]), "shape": "dot" if d.get("reviewed", True) else "diamond",
        })
    edges = []
    parallel: Counter[tuple[str, str]] = Counter()
    for number, (u, v, d) in enumerate(G.edges(data=True)):
        pair = (min(u, v), max(u, v))
        index = parallel[pair]
        parallel[pair] += 1
        sources = int(d.get("sources") or 1)
        edge: dict[str, Any] = {
            "id": f"e{number}", "from": u, "to": v, "relation": d.get("relation") or "", "family": d.get("family")
            or d.get("relation") or "", "date": d.get("date"), "date_end": d.get("date_end"),
            "status": d.get("status"), "claimant": d.get("claimant"), "polarity": d.get("polarity"),
            "modality": d.get("modality"), "fact": bool(d.get("fact", True)), "goldstein": d.get("goldstein"),
            "quad": d.get("quad"), "cameo": d.get("cameo"), "confidence": d.get("confidence"), "sources": sources,
            "source": d.get("source"), "source_title": d.get("source_title"), "source_url": d.get("source_url"),
            "evidence": _evidence(d), "event": d.get("event"),
            "color": _edge_color(d.get("goldstein")), "width": round(1 + 2 * math.log2(sources), 2),
            "dashes": not d.get("fact", True),
        }
        if index:
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if index % 2 else "curvedCCW",
                              "roundness": round(0.15 * ((index + 1) // 2), 2)}
        edges.append(edge)
    return nodes, edges


def _options(n_nodes: int, *, seed: int) -> dict[str, Any]:
    """vis-network options: straight edges, a seeded layout, a stabilisation whose length depends only on the
    size (so it is the same every time), hover events."""
    iterations = 200 if n_nodes <= LAYOUT_IN_PYTHON else 100 if n_nodes <= 1000 else 50
    return {
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "physics": {"enabled": True, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "springConstant": 0.02,
                                  "damping": 0.4, "avoidOverlap": 0.1},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25,
                                      "fit": True}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3}, "hoverWidth": 1.5,
                  "selectionWidth": 1.5},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "borderWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": n_nodes > 1000,
                        "navigationButtons": False, "keyboard": False},
    }


def _assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped with pyvis, to inline."""
    import pyvis

    folder = Path(pyvis.__file__).parent / "lib"
    versions = sorted(folder.glob("vis-*/vis-network.min.js"))
    if not versions:
        raise KGError(f"pyvis at {folder} ships no vis-network script: reinstall pyvis (pip install 'pyvis>=0.3.2')")
    script = versions[-1]
    return script.read_text(encoding="utf-8"), (script.parent / "vis-network.css").read_text(encoding="utf-8")


def explorer_html(G: nx.MultiDiGraph, *, title: str = "polkg graph", note: str | None = None, seed: int = 0) -> str:
    """Render a projection as one self-contained HTML page (no request leaves it).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection (see :func:`kg.analyze.project`), already reduced (see :func:`reduce`).
    title : str
        Page title and heading (escaped).
    note : str, optional
        A message shown under the heading, such as what :func:`reduce` cut.
    seed : int
        Seed of the layout: the same graph and seed draw the same way.

    Returns
    -------
    str
        The HTML page.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape
    from pyvis.network import Network

    nodes, edges = _network_data(G, seed=seed)
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.nodes, net.edges, net.node_ids = nodes, edges, [n["id"] for n in nodes]
    net.options = _options(len(nodes), seed=seed)
    env = Environment(loader=PackageLoader("kg.viz", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["script_json"] = _script_json
    script, style = _assets()
    meta = {"title": title, "note": note, "filters": G.graph.get("filters", ""), "nodes": len(nodes),
            "edges": len(edges), "kinds": [[k, c] for k, c in COLORS.items()],
            "families": sorted({e["family"] for e in edges}),
            "dates": [min((e["date"] for e in edges if e["date"]), default=None),
                      max((e["date_end"] or e["date"] for e in edges if e["date"]), default=None)]}
    template = env.get_template("explorer.html")
    # pyvis renders with the template it is given; ours receives the extra context as globals.
    template.globals.update(vis_script=script.replace("</script", "<\\/script"), vis_style=style, meta=meta,
                            title=title)
    net.template = template
    return str(net.generate_html(notebook=True))


def write_explorer(G: nx.MultiDiGraph, out: str | Path, *, title: str = "polkg graph", note: str | None = None,
                   seed: int = 0, open_browser: bool = False) -> Path:
    """Write :func:`explorer_html` to ``out`` atomically (temporary file, then rename); optionally open it.

    Returns
    -------
    Path
        The page written.
    """
    from kg.files import write_atomic

    path = Path(out)
    write_atomic(path, explorer_html(G, title=title, note=note, seed=seed))
    if open_browser:
        webbrowser.open(path.resolve().as_uri())
    return path
