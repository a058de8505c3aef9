"""Evaluation: gold data (:mod:`kg.evaluate.gold`) and the scoring of extraction against it
(:mod:`kg.evaluate.score`)."""

from kg.evaluate.gold import SEED_GOLD, GoldRecord, GoldTriple, curated_gold, load_gold, main, write_curated_gold
from kg.evaluate.score import (
    FAMILIES,
    MAX_ERRORS,
    EvalReport,
    judge,
    labels_match,
    matches,
    normalize_label,
    relation_matches,
    score,
)

__all__ = ["FAMILIES", "MAX_ERRORS", "SEED_GOLD", "EvalReport", "GoldRecord", "GoldTriple", "curated_gold", "judge",
           "labels_match", "load_gold", "main", "matches", "normalize_label", "relation_matches", "score",
           "write_curated_gold"]
