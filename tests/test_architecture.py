"""The structure stays as docs/architecture.md describes it: no import cycles inside kg/, no module over
~600 lines, nothing outside kg/store/ touching pyoxigraph, oxrdflib or their private attributes, mypy and
ruff clean."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kg"
MAX_LINES = 620


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The modules of kg that ``path`` imports: at the top, inside functions, under TYPE_CHECKING, alike."""
    found = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if is_package else name.split(".")[:-1]
                parts = parts[:len(parts) - (node.level - 1)]
                base = ".".join([*parts, *([base] if base else [])])
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle_and_a_lazy_one(tmp_path):
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    lazy = tmp_path / "kg" / "x.py"
    lazy.parent.mkdir()
    lazy.write_text("def f():\n    from kg.y import g\n", encoding="utf-8")
    assert imports(lazy, "kg.x", {"kg.x", "kg.y"}) == {"kg.y"}


def test_no_import_cycles_inside_kg():
    known = modules()
    graph = {name: imports(path, name, set(known)) for name, path in known.items()}
    assert cycles(graph) == []


def test_no_module_is_too_long():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


_BACKEND = re.compile(r"^\s*(import|from)\s+(pyoxigraph|oxrdflib)\b|\._inner\b|\._store\b", re.MULTILINE)


def test_only_the_store_touches_its_backends():
    outside = {name: sorted({m.group(0).strip() for m in _BACKEND.finditer(path.read_text(encoding="utf-8"))})
               for name, path in modules().items() if not name.startswith("kg.store")}
    assert {name: found for name, found in outside.items() if found} == {}


@pytest.mark.slow
@pytest.mark.parametrize("command", [["mypy", "kg"], ["ruff", "check", "."]], ids=["mypy", "ruff"])
def test_type_checker_and_linter_are_clean(command):
    done = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
