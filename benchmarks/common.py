"""What every benchmark records about the machine and the checkout, how it saves its results, and how it
stops when the shared data it reads is missing."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str) -> str | None:
    """The output of a git command in the checkout, or None without git."""
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages: other work on the machine skews every timing."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process in MB (``VmRSS`` of ``/proc/PID/status``, else psutil)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import psutil

    return psutil.Process(None if pid == "self" else int(pid)).memory_info().rss / 2**20


def machine() -> dict[str, Any]:
    """Platform, CPUs, Python, the commit measured and whether the package had local changes."""
    cpus = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    return {"machine": platform.platform(), "processor": platform.machine(), "cpu_count": cpus,
            "usable_cpus": usable, "python": platform.python_version(), "kg_commit": git("rev-parse", "HEAD"),
            "kg_modified": bool(git("status", "--porcelain", "--", "kg")), "loadavg_start": load_average()}


def save(results: dict[str, Any], path: Path | None) -> None:
    """Write ``results`` as indented JSON to ``path`` (through a temporary file), when a path is given."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(results, indent=2) + "\n")
    partial.replace(path)
    print(f"saved {path}")


def require_shared(*paths: Path) -> None:
    """Stop when any of ``paths`` (data in the shared folder) is missing: skipped (exit 0), or an error under
    ``CI=true``, where a missing dependency must fail the run."""
    missing = [str(p) for p in paths if not p.exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} missing: the shared data folder must sit beside the checkout"
    if os.environ.get("CI", "").lower() == "true":
        sys.exit(f"error: {message}")
    print(f"skipped: {message}", file=sys.stderr)
    sys.exit(0)
