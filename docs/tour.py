"""Runs `kg` commands for the README tour (with cog), so the README shows real, current output.

Regenerate: ``cog -r README.md``; check: ``cog --check README.md`` (a test does this).
Commands run in one temporary folder, in order, like a new user's session. Timings are replaced by
``…`` so the text does not change from run to run.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORKDIR = Path(tempfile.mkdtemp(prefix="polkg-tour-"))


SHARED = Path(os.environ.get("POLKG_SHARED", ROOT.parent / "shared"))
if not (_WORKDIR / "data").exists():
    (_WORKDIR / "data").symlink_to(ROOT / "data")  # so `kg extract data/articles` reads the bundled texts


def run(command: str, *, cwd: Path | None = None) -> str:
    """Run a shell-like ``kg ...`` command and return what a user sees (stdout, then stderr).

    ``../shared`` in a command means the shared data folder beside the checkout (``$POLKG_SHARED``).
    """
    args = [str(SHARED) + a[len("../shared"):] if a.startswith("../shared") else a for a in shlex.split(command)]
    assert args[0] == "kg", command
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "kg", *args[1:]], cwd=cwd or _WORKDIR, env=env,
                          capture_output=True, text=True)
    text = done.stdout + done.stderr
    text = re.sub(r" in \d+\.\d+ s\.", " in … s.", text)
    text = re.sub(r"\([\d,]+ rows/s, ", "(… rows/s, ", text)
    return "\n".join(line.rstrip() for line in text.splitlines())


def show(*commands: str, head: int | None = None) -> str:
    """A fenced block with each command and its output (the first ``head`` lines of it, if given)."""
    parts = []
    for command in commands:
        output = run(command)
        if head is not None and output.count("\n") >= head:
            output = "\n".join([*output.splitlines()[:head], "…"])
        parts.append(f"$ {command}\n{output}")
    return "```text\n" + "\n".join(parts) + "\n```\n"
