"""Docs that cannot drift: the README's outputs are regenerated and compared, every command is documented."""

import pytest
import typer.main

from kg.cli import app

from .conftest import ROOT


def test_readme_output_is_current(monkeypatch):
    from cogapp import Cog

    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    status = Cog().main(["cog", "--check", "--diff", "README.md"])
    assert status == 0, "README.md is stale: run `cog -r README.md`"


def test_readme_opens_with_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("\n## ", 1)[0]
    blocks = [block.split("\n", 1)[1] for block in head.split("```")[1::2]]
    assert len(blocks) == 2 and all(block.count("\n") == 1 for block in blocks)
    assert "kg build" in blocks[0] and "kg query" in blocks[0] and "kg export --format turtle" in blocks[0]
    assert "pytest" in blocks[1]
    assert "pytest" in (ROOT / ".ci" / "run").read_text() or "README" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("command", sorted(typer.main.get_command(app).commands))
def test_every_command_is_documented(command):
    click_command = typer.main.get_command(app).commands[command]
    assert click_command.help, f"kg {command} has no help"
    assert f"kg {command}" in (ROOT / "README.md").read_text(encoding="utf-8"), f"README does not show kg {command}"


def test_no_cdn_addresses_in_the_package():
    for folder in ("kg", "visualizations"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".py", ".html", ".js"):
                text = path.read_text(encoding="utf-8", errors="ignore")
                for host in ("cdn.jsdelivr", "unpkg.com", "cdnjs"):
                    assert host not in text, f"{path} refers to {host}"

