"""The graph explorer: one self-contained page, checked as HTML and in a real headless Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.analyze import Filters, project
from kg.errors import KGError
from kg.viz.browser import browser, missing, open_page
from kg.viz.browser import wait_stable as settled
from kg.viz.explorer import explorer_html, reduce, write_explorer

HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">'
HOSTILE_EVIDENCE = '</script><script>window.__pwned=2</script><b onmouseover="window.__pwned=3">x</b>'
HOSTILE_URL = "javascript:window.__pwned=4"


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(filters="no filters")
    G.add_node("actor:x", label=HOSTILE_LABEL, kind="Person", type="Person")
    G.add_node("actor:y", label="Y </script> & co", kind="Country", type="Country")
    G.add_edge("actor:x", "actor:y", key="e", relation="threatens", family="threatens", goldstein=-4.4, quad_class=3,
               date="2020-08-20", status="alleged", claimant='"><svg onload=window.__pwned=5>', fact=False,
               sources=1, source="source:s", source_title="<iframe src=javascript:window.__pwned=6>",
               source_url=HOSTILE_URL, evidence=HOSTILE_EVIDENCE, event="event:e")
    return G


# --- the page as HTML ----------------------------------------------------------------------------------


def test_page_is_self_contained(bundled):
    page = explorer_html(project(bundled), title="Belarus")
    for attribute in re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", page):
        assert not attribute.startswith(("http:", "https:", "//")), attribute
    assert "<link" not in page and "<script src" not in page and "@import" not in page
    assert "vis-network" in page and "new vis.Network" in page
    assert page.count("</script>") == 6  # four JSON blocks, vis-network, ours


def test_outside_text_never_reaches_the_markup():
    page = explorer_html(hostile_graph(), title="<script>alert(1)</script>")
    assert "<img src=x" not in page and "</script><script>window.__pwned" not in page
    assert "<iframe" not in page and "<svg onload" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "the title is escaped"
    assert page.count("</script>") == 6, "no data closes a script element"


def test_page_forbids_requests_and_eval_by_policy(bundled):
    page = explorer_html(project(bundled))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy and "connect-src" not in policy


def test_same_graph_and_seed_give_the_same_page(bundled):
    G = project(bundled)
    assert explorer_html(G, seed=3) == explorer_html(G, seed=3)
    assert explorer_html(G, seed=3) != explorer_html(G, seed=4)


def test_reduce_keeps_the_most_central_and_says_so(bundled):
    G = project(bundled)
    small, note = reduce(G, max_nodes=8)
    assert len(small) == 8 and "kept the 8 with the highest PageRank" in note and "--top" in note
    same, note = reduce(G, max_nodes=1000)
    assert same is G and note is None
    top, note = reduce(G, top=5)
    assert len(top) == 5 and note == f"kept the top 5 of {len(G)} actors by PageRank"
    ego, note = reduce(G, ego="Putin")
    assert "actor:vladimir-putin" in ego and "ego network of Vladimir Putin" in note


def test_reduce_refuses_empty_graphs(bundled):
    with pytest.raises(KGError, match="nothing to draw: the graph has no events"):
        reduce(project(bundled, filters=Filters(families=("fights",))))


def test_write_explorer_is_atomic(tmp_path, bundled, monkeypatch):
    out = tmp_path / "page.html"
    out.write_text("old page")

    def broken(*args, **kwargs):
        raise KGError("rendering failed")

    monkeypatch.setattr("kg.viz.explorer.explorer_html", broken)
    with pytest.raises(KGError):
        write_explorer(project(bundled), out)
    assert out.read_text() == "old page" and list(tmp_path.iterdir()) == [out]


def test_cli_viz_messages(cli, tmp_path):
    assert cli("build").code == 0
    done = cli("viz", "--top", "5", "--out", "page.html")
    assert done.code == 0, done.err
    assert "Reduced: kept the top 5" in done.err and "Wrote page.html: 5 actors" in done.err
    assert (tmp_path / "page.html").read_text().startswith("<!DOCTYPE html>")
    done = cli("viz", "--ego", "Putn")
    assert done.code == 1 and "did you mean 'Vladimir Putin'" in done.err
    done = cli("viz", "--since", "2030")
    assert done.code == 1 and "nothing to draw" in done.err and "Traceback" not in done.err
    assert not (tmp_path / "graph.html").exists()


# --- the page in Debian's Chromium ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def chrome():
    problem = missing()
    if problem:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(problem)
        pytest.skip(problem)
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def seed_page(bundled, tmp_path_factory) -> tuple[Path, nx.MultiDiGraph]:
    G = project(bundled)
    out = tmp_path_factory.mktemp("viz") / "belarus.html"
    write_explorer(G, out, title="Belarus, August 2020")
    return out, G


def wait_stable(page):
    assert settled(page) > 0


def test_page_loads_offline_and_draws_every_node_and_edge(chrome, seed_page):
    path, G = seed_page
    with open_page(chrome, path) as (page, log):
        wait_stable(page)
        drawn = page.evaluate("""() => { const b = window.kgExplorer.network.body;
            return [b.nodeIndices.length, b.edgeIndices.length, window.kgExplorer.state.stableMs]; }""")
        counts = page.text_content("#kg-counts")
    assert drawn[:2] == [G.number_of_nodes(), G.number_of_edges()]
    assert drawn[2] > 0
    assert counts == f"{G.number_of_nodes()} actors, {G.number_of_edges()} events"
    assert log.blocked == [] and log.errors == []


def edge_point(page, edge_id):
    """The page coordinates of the middle of an edge."""
    return page.evaluate("""(id) => {
        const k = window.kgExplorer, e = k.edgeData[id], p = k.network.getPositions([e.from, e.to]);
        const mid = k.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
        const box = document.getElementById('kg-canvas').getBoundingClientRect();
        return [box.left + mid.x, box.top + mid.y]; }""", edge_id)


def hover_edge(page, G, wanted):
    """Hover the middle of edges until the tooltip shows one of ``wanted``; return the tooltip's edge id."""
    ids = page.evaluate("() => Object.keys(window.kgExplorer.edgeData)")
    for edge_id in ids:
        data = page.evaluate("(id) => window.kgExplorer.edgeData[id]", edge_id)
        if not wanted(data):
            continue
        x, y = edge_point(page, edge_id)
        page.mouse.move(x, y)
        try:
            page.wait_for_selector("#kg-tip[data-kind=edge]", timeout=1500)
        except Exception:
            page.mouse.move(1, 1)
            continue
        return page.get_attribute("#kg-tip", "data-id")
    raise AssertionError("no edge could be hovered")


def test_hovering_an_edge_shows_its_evidence_and_label(chrome, seed_page):
    path, G = seed_page
    with open_page(chrome, path) as (page, log):
        wait_stable(page)
        shown = hover_edge(page, G, lambda e: bool(e["evidence"]))
        data = page.evaluate("(id) => window.kgExplorer.edgeData[id]", shown)
        tip = page.text_content("#kg-tip")
        label = page.evaluate("(id) => window.kgExplorer.edges.get(id).label", shown)
    assert data["evidence"] and data["evidence"] in tip
    assert data["relation"] in tip and (data["source_title"] or data["source"]) in tip
    assert label == data["relation"]
    assert log.errors == []


def test_search_finds_an_actor(chrome, seed_page):
    path, _ = seed_page
    with open_page(chrome, path) as (page, _log):
        wait_stable(page)
        page.fill("#kg-search", "putin")
        found = page.evaluate("() => window.kgExplorer.state.found")
        selected = page.evaluate("() => window.kgExplorer.network.getSelectedNodes()")
        result = page.text_content("#kg-search-result")
        page.fill("#kg-search", "Łukašenka-nobody")
        nothing = page.text_content("#kg-search-result")
    assert found == selected == ["actor:vladimir-putin"]
    assert result == "1 found: Vladimir Putin"
    assert nothing == "no actor found"


def test_filters_hide_what_they_should(chrome, seed_page):
    path, G = seed_page
    consults = sum(d["family"] == "consults" for _, _, d in G.edges(data=True))
    late = [(u, v) for u, v, d in G.edges(data=True) if d["date"] and (d["date_end"] or d["date"]) >= "2020-08-15"]
    assert consults and late
    with open_page(chrome, path) as (page, _log):
        wait_stable(page)
        page.uncheck("input.kg-family[value=consults]")
        state = page.evaluate("() => window.kgExplorer.state")
        hidden = page.evaluate("""() => window.kgExplorer.edges.get().filter(e => e.hidden)
                                        .map(e => window.kgExplorer.edgeData[e.id].family)""")
        drawn = page.evaluate("() => window.kgExplorer.network.body.edgeIndices.length")
        page.check("input.kg-family[value=consults]")
        page.fill("#kg-since", "2020-08-15")
        page.dispatch_event("#kg-since", "change")
        page.uncheck("#kg-undated")
        dated = page.evaluate("() => window.kgExplorer.state")
        page.click("#kg-none")
        empty = page.evaluate("() => [window.kgExplorer.state.visibleEdges, window.kgExplorer.state.visibleNodes]")
        message = page.is_visible("#kg-empty")
    assert state["visibleEdges"] == G.number_of_edges() - consults == drawn
    assert set(hidden) == {"consults"} and len(hidden) == consults
    assert dated["visibleEdges"] == len(late)
    assert dated["visibleNodes"] == len({n for edge in late for n in edge})
    assert empty == [0, 0] and message


def test_hostile_text_executes_nothing(chrome, tmp_path):
    G = hostile_graph()
    out = write_explorer(G, tmp_path / "hostile.html", title='<img src=x onerror="window.__pwned=7">')
    with open_page(chrome, out) as (page, log):
        wait_stable(page)
        hover_edge(page, G, lambda e: True)
        tip = page.text_content("#kg-tip")
        page.mouse.move(1, 1)
        x, y = page.evaluate("""() => { const k = window.kgExplorer, p = k.network.getPositions(['actor:x']);
            const d = k.network.canvasToDOM(p['actor:x']); const b = document.getElementById('kg-canvas')
            .getBoundingClientRect(); return [b.left + d.x, b.top + d.y]; }""")
        page.mouse.move(x, y)
        page.wait_for_selector("#kg-tip[data-kind=node]", timeout=3000)
        node_tip = page.text_content("#kg-tip")
        page.fill("#kg-search", "img")
        pwned = page.evaluate("() => window.__pwned")
        title = page.title()
        injected = page.evaluate("() => document.querySelectorAll('#kg-tip *:not(div):not(span):not(blockquote)')"
                                 ".length + document.querySelectorAll('img, iframe, svg').length")
    assert pwned is None
    assert HOSTILE_EVIDENCE in tip and HOSTILE_URL in tip and "<iframe" in tip
    assert HOSTILE_LABEL in node_tip and title.startswith("<img")
    assert injected == 0
    assert log.blocked == [] and log.errors == []


def test_screenshot_is_not_blank(chrome, seed_page, tmp_path):
    from PIL import Image, ImageStat

    path, _ = seed_page
    shot = tmp_path / "explorer.png"
    with open_page(chrome, path) as (page, _log):
        wait_stable(page)
        page.screenshot(path=str(shot))
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 800)
    canvas = image.crop((280, 60, 1280, 800))
    colours = canvas.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "the graph area shows more than a background"
    assert max(ImageStat.Stat(canvas).stddev) > 10
