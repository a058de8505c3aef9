"""A non-editable install into a fresh virtual environment works from any directory."""

import os
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_non_editable_install_builds_and_queries_the_bundled_graph(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_SOURCES", "PYTHONPATH")}
    kg = str(venv / "bin" / "kg")

    def run(*args):
        done = subprocess.run([kg, *args], cwd=elsewhere, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done

    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import kg, sys; print(kg.__file__)"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert site.startswith(str(venv)), "the installed copy must be used, not the checkout"
    assert "Built .kg" in run("build").stderr
    assert "Alexander Lukashenko,consults,calls,Vladimir Putin,2020-08-15" in run("query", "talked-to", "-f", "csv").stdout
    assert "actors-in" in run("queries").stdout
    run("export", "--format", "turtle", "--out", "belarus.ttl")
    assert (elsewhere / "belarus.ttl").stat().st_size > 10_000
