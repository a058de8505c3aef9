import json

import pytest

from kg.curated import bundled_inputs, load_curated
from kg.evaluate import SEED_GOLD, curated_gold
from kg.extract.calibrate import PRIOR, calibrate
from kg.extract.extractor import rule_confidence
from kg.extract.rules import load_relation_rules, load_title_rules, patterns_path

from .conftest import ROOT


def test_seed_gold_file_is_current():
    committed = json.loads((ROOT / SEED_GOLD).read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(curated_gold(load_curated(bundled_inputs()), source_id="seed-2020-08-15")))
    assert committed == fresh, "data/gold is stale: run `python -m kg.evaluate`"
    assert "text" not in committed and len(committed["sha256"]) == 64
    assert all(t["evidence"] for t in committed["gold"]["triples"])  # every triple points into the text


def test_measured_precision_names_current_rules():
    data = json.loads(patterns_path("precision.json").read_text(encoding="utf-8"))
    current = {f"rule/{r.id}/{r.version}" for r in [*load_relation_rules(), *load_title_rules()]}
    stale = set(data["rules"]) - current
    assert not stale, f"precision.json names rules that no longer exist: {sorted(stale)[:5]}; " \
                      "run `python -m kg.extract.calibrate`"
    for row in data["rules"].values():
        assert 0 <= row["correct"] <= row["predicted"] and 0 < row["confidence"] < 1
    assert rule_confidence()["default"] == data["default"]


def test_calibrate_counts_each_rule_against_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "a", "text": "Poland sanctioned Belarus.", "published": "2021-03-01",
         "gold": {"triples": [{"subject": ["Poland"], "family": "sanction", "cameo": "16", "object": ["Belarus"],
                               "core": True}]}},
        {"id": "b", "text": "Latvia sanctioned Lithuania.", "published": "2021-03-01",
         "gold": {"triples": [{"subject": ["Estonia"], "family": "sanction", "cameo": "16",
                               "object": ["Lithuania"], "core": True}]}},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = calibrate([gold])
    row = result["rules"]["rule/sanction.sanction/1"]
    assert (row["predicted"], row["correct"]) == (2, 1)
    assert result["default"] == pytest.approx(0.5)
    assert row["confidence"] == pytest.approx((1 + PRIOR * 0.5) / (2 + PRIOR), abs=1e-3)
    assert result["gold"][0]["file"] == "gold.jsonl"
