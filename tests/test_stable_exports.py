"""Exports of the bundled data stay byte for byte what they were (SHA-256 of each, in data/bundled_exports.json).

The hashes were taken before the architecture change that introduced the read model (kg.graph.records) and
updated once for the one choice its single best-attestation rule changed (see that commit). A change of
these bytes is a change users see: when it is meant, regenerate with
``python -m tests.test_stable_exports`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HASHES = Path(__file__).parent / "data" / "bundled_exports.json"
FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld", "xml", "plover", "cameo", "graphml", "gexf", "csv")


def normal(name: str, data: bytes) -> bytes:
    """GEXF carries the day it was written and the NetworkX version: not ours, left out."""
    if name.endswith("gexf"):
        return re.sub(rb'<meta lastmodifieddate="[^"]*">\s*<creator>[^<]*</creator>', b"<meta/>", data)
    return data


def outputs(run, folder: Path, seeds: Path) -> dict[str, str]:
    """Build the bundled data (without and with the seed's text) and hash every export."""
    found = {}
    for variant, extra in (("plain", []), ("seeds", ["--sources", str(seeds)])):
        store = folder / variant
        assert run("build", "--store", store, *extra).code == 0
        for fmt in FORMATS:
            result = run("export", "--format", fmt, "--store", store)
            assert result.code == 0, result.err
            found[f"{variant}.export.{fmt}"] = result.out.encode("utf-8")
        out = folder / f"{variant}.exportfile.csv"
        assert run("export", "--format", "csv", "--store", store, "--out", out).code == 0
        for path in (out, out.with_name(out.stem + ".nodes.csv")):
            found[path.name] = path.read_bytes()
    return {name: hashlib.sha256(normal(name, data)).hexdigest() for name, data in sorted(found.items())}


def test_exports_of_the_bundled_data_are_unchanged(cli, tmp_path, seeds):
    expected = json.loads(HASHES.read_text(encoding="utf-8"))
    found = outputs(cli, tmp_path, seeds)
    changed = sorted(name for name in expected if found.get(name) != expected[name])
    assert set(found) == set(expected)
    assert not changed, f"exports changed: {changed} (run python -m tests.test_stable_exports if meant)"


if __name__ == "__main__":  # regenerate the hashes
    import tempfile

    from kg.cli import main

    class _Result:
        def __init__(self, code: int, out: str, err: str):
            self.code, self.out, self.err = code, out, err

    def run(*args: object) -> _Result:
        import contextlib
        import io

        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()  # exports write bytes
        code = 0
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        out.flush()
        return _Result(code, out.buffer.getvalue().decode("utf-8"), err.getvalue())  # type: ignore[attr-defined]

    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    with tempfile.TemporaryDirectory() as folder:
        HASHES.write_text(json.dumps(outputs(run, Path(folder), shared), indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
    print(f"wrote {HASHES}", file=sys.stderr)
