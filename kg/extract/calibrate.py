"""Measure each extraction rule's precision on development gold data: the confidence statements carry.

A statement's confidence is not a guess: it is the precision its rule reached on gold data, smoothed
towards the precision of all rules so that a rule seen twice does not claim 1.0::

    confidence = (correct + PRIOR * overall) / (predicted + PRIOR)

``python -m kg.extract.calibrate GOLD.jsonl... [--sources DIR]`` writes ``patterns/precision.json``:
per rule (``rule/<id>/<version>``) the counts and the confidence, the overall precision as ``default``
(for rules never seen), and the gold files and the date it was measured on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kg.evaluate import judge, load_gold
from kg.extract.rules import patterns_path

__all__ = ["PRIOR", "calibrate", "main"]

#: Weight, in predictions, of the overall precision in each rule's smoothed precision.
PRIOR = 4


def calibrate(gold_files: Sequence[str | Path], *, sources: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Run the extractor over ``gold_files`` and measure the precision of every rule.

    Parameters
    ----------
    gold_files : sequence of path
        Gold files (see :func:`kg.evaluate.load_gold`).
    sources : sequence of path
        Folders with the texts that gold records refer to.

    Returns
    -------
    dict
        ``{"measured", "gold", "prior", "default", "rules": {method: {predicted, correct, confidence}}}``.
    """
    from kg.extract.ingest import predict

    records = [r for path in gold_files for r in load_gold(path, sources=sources)]
    judged = judge(records, predict(records))
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for prediction, hit in judged:
        predicted[prediction["method"]] += 1
        correct[prediction["method"]] += hit
    overall = sum(correct.values()) / sum(predicted.values()) if predicted else 0.5
    rules = {method: {"predicted": predicted[method], "correct": correct[method],
                      "confidence": round((correct[method] + PRIOR * overall) / (predicted[method] + PRIOR), 3)}
             for method in sorted(predicted)}
    return {"measured": date.today().isoformat(),
            "gold": [{"file": Path(p).name, "sha256": hashlib.sha256(Path(p).read_bytes()).hexdigest()}
                     for p in gold_files],
            "prior": PRIOR, "default": round(overall, 3), "rules": rules}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: measure and write ``patterns/precision.json`` (or ``--out``)."""
    from kg.files import write_atomic

    parser = argparse.ArgumentParser(prog="python -m kg.extract.calibrate", description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", help="gold JSONL files")
    parser.add_argument("--sources", action="append", default=[], help="folder with texts gold records refer to")
    parser.add_argument("--out", default=str(patterns_path("precision.json")))
    args = parser.parse_args(argv)
    result = calibrate(args.gold, sources=args.sources)
    write_atomic(Path(args.out), json.dumps(result, indent=1, sort_keys=False) + "\n")
    print(f"wrote {args.out}: {len(result['rules'])} rules, overall precision {result['default']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
