"""Scoring: extracted statements against gold annotations, precision, recall and F1.

Gold files are JSON lines in one shape for every dataset (``../shared/eval/README.md``): a record has an
``id``, a ``text`` (or the ``file`` name and ``sha256`` of a text kept outside the repository) and
``gold.triples``, each ``{subject: [labels], family, cameo, object: [labels] | null, core, symmetric}``.
Predictions are statements as ``kg extract --format jsonl`` prints them, grouped by record id.

A prediction matches a gold triple when its relation does (the same CAMEO root, or for a triple without
a CAMEO code, the same family) and so do its arguments: the folded label or mention text equals a gold
label or one contains the other, starting at a word. Each gold triple and each prediction is matched at
most once.

Examples
--------
>>> gold = [GoldRecord("r1", "...", (GoldTriple(("Lukashenko",), "consults", "04", ("Vladimir Putin",)),))]
>>> call = {"subject": {"label": "Alexander Lukashenko", "text": "Lukashenko"},
...         "relation": {"label": "calls", "cameo": "041", "family": "consults"},
...         "object": {"label": "Vladimir Putin", "text": "Putin"}}
>>> report = score(gold, {"r1": [call, call]})
>>> report.recall, report.precision, report.errors[0]["kind"]
(1.0, 0.5, 'spurious')
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.evaluate.gold import GoldRecord, GoldTriple
from kg.names import fold

__all__ = ["FAMILIES", "MAX_ERRORS", "EvalReport", "judge", "labels_match", "matches", "normalize_label",
           "relation_matches", "score"]

#: Relation families of other datasets that have no CAMEO code, mapped to the names of our relations.
FAMILIES: dict[str, frozenset[str]] = {
    "leader_of": frozenset({"leader_of", "head_of_state_of", "head_of_government_of"}),
    "member_of": frozenset({"member_of", "part_of"}),
    "ally_of": frozenset({"ally_of"}),
    "co_located": frozenset({"located_in"}),
}

#: At most this many misses are listed in :attr:`EvalReport.errors`.
MAX_ERRORS = 200

_ROW_KEYS = ("what", "name", "gold", "predicted", "matched", "precision", "recall", "f1", "core_recall", "core_f1")


@functools.lru_cache(maxsize=65536)
def normalize_label(text: str) -> str:
    """Fold a label for comparison: case, diacritics, a leading "the" and a possessive do not count.

    Examples
    --------
    >>> normalize_label("The Kremlin’s"), normalize_label("  Protesters' ")
    ('kremlin', 'protesters')
    """
    key = fold(text)
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("s'"):
        key = key[:-1]
    return key.strip()


def _contains(longer: str, shorter: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(shorter), longer) is not None


def labels_match(predicted: str, gold: str) -> bool:
    """True if two labels are equal once normalised, or one contains the other starting at a word.

    A word start is required so that "US" does not match "Russia", while "Romania" still matches
    "Romanian" and "Security Council" matches "the Members of the Security Council".

    Examples
    --------
    >>> labels_match("Security Council", "The Members of the Security Council")
    True
    >>> labels_match("Lukashenko's", "President Alexander Lukashenko"), labels_match("US", "Russia")
    (True, False)
    """
    left, right = normalize_label(predicted), normalize_label(gold)
    if not left or not right:
        return False
    return left == right or _contains(left, right) or _contains(right, left)


def _fits(relation: Mapping[str, Any], family: str, cameo: str | None) -> bool:
    if cameo:
        code = relation.get("cameo")
        return isinstance(code, str) and code.startswith(cameo)
    ours = {relation.get("family"), relation.get("label")}
    return relation.get("family") == family or bool(ours & FAMILIES.get(family, frozenset()))


def relation_matches(relation: Mapping[str, Any], triple: GoldTriple) -> bool:
    """True if a predicted relation (``{"label", "cameo", "family", ...}``) is the gold triple's.

    With a CAMEO root on the gold triple the predicted CAMEO code must start with it; without one the
    predicted relation must be of the gold family, directly or through :data:`FAMILIES`.

    Examples
    --------
    >>> relation_matches({"label": "calls", "cameo": "041"}, GoldTriple(("a",), "consult", "04"))
    True
    >>> relation_matches({"label": "head_of_state_of", "family": "head_of_state_of", "cameo": None},
    ...                  GoldTriple(("a",), "leader_of", None, ("b",)))
    True
    """
    return _fits(relation, triple.family, triple.cameo)


def _texts(argument: Any) -> list[str]:
    if not isinstance(argument, Mapping):
        return []
    return [v for v in (argument.get("label"), argument.get("text")) if isinstance(v, str) and v.strip()]


def _argument(argument: Any, labels: Sequence[str]) -> bool:
    return any(labels_match(text, label) for text in _texts(argument) for label in labels)


def matches(prediction: Mapping[str, Any], triple: GoldTriple) -> bool:
    """True if a predicted statement matches a gold triple (relation, subject and object).

    A gold triple without object matches whatever the prediction's object; a prediction without object
    never matches a gold triple that has one. Symmetric triples match in either direction.

    Examples
    --------
    >>> fights = {"subject": {"label": "Iraq"}, "relation": {"cameo": "190"}, "object": {"text": "ISIL"}}
    >>> matches(fights, GoldTriple(("ISIL",), "fight", "19", ("Iraqi army",), symmetric=True))
    True
    >>> matches(fights, GoldTriple(("ISIL",), "fight", "19", ("Iraqi army",)))
    False
    """
    if not relation_matches(prediction.get("relation") or {}, triple):
        return False
    subject, obj = prediction.get("subject"), prediction.get("object")
    if triple.object is None:
        return _argument(subject, triple.subject)
    if not _texts(obj):
        return False
    if _argument(subject, triple.subject) and _argument(obj, triple.object):
        return True
    return triple.symmetric and _argument(subject, triple.object) and _argument(obj, triple.subject)


# --- gold files -------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class _Tally:
    gold: int = 0
    matched: int = 0
    core_gold: int = 0
    core_matched: int = 0
    predicted: int = 0
    correct: int = 0

    def add_gold(self, core: bool, hit: bool) -> None:
        self.gold += 1
        self.matched += hit
        self.core_gold += core
        self.core_matched += core and hit

    def add_prediction(self, hit: bool) -> None:
        self.predicted += 1
        self.correct += hit

    def row(self, what: str, name: str) -> dict[str, Any]:
        precision, recall = _ratio(self.correct, self.predicted), _ratio(self.matched, self.gold)
        return {"what": what, "name": name, "gold": self.gold, "matched": self.matched, "recall": recall,
                "core_gold": self.core_gold, "core_matched": self.core_matched,
                "core_recall": _ratio(self.core_matched, self.core_gold), "predicted": self.predicted,
                "correct": self.correct, "precision": precision, "f1": _f1(precision, recall),
                "core_f1": _f1(precision, _ratio(self.core_matched, self.core_gold))}


@dataclass
class EvalReport:
    """Precision, recall and F1 of predictions against gold records, overall, per family and per type.

    ``matched`` counts gold triples found; ``correct`` counts counted predictions that found one, and
    ``ignored`` the predictions left out of precision (outside what a PLOVER or re3d record annotates).
    Each of ``families`` and ``plover_types`` is a list of rows like :meth:`rows` gives, with core counts.
    ``classes`` has a row per class of rule (``agentless``, ``clash``, ``nominal``, ...; see
    :func:`score`): its predictions and how many were right, and the gold triples it found (its recall is
    its share of all gold triples found).
    ``errors`` lists up to 200 misses: ``{record, kind: "missed", subject, family, cameo, object, core}``
    and ``{record, kind: "spurious", subject, relation, object}``.
    """

    datasets: tuple[str, ...]
    records: int
    gold: int
    matched: int
    core_gold: int
    core_matched: int
    predicted: int
    correct: int
    ignored: int
    precision: float
    recall: float
    f1: float
    core_recall: float
    core_f1: float
    families: list[dict[str, Any]] = field(default_factory=list)
    plover_types: list[dict[str, Any]] = field(default_factory=list)
    classes: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-serialisable data."""
        out = asdict(self)
        out["datasets"] = list(self.datasets)
        return out

    def rows(self) -> list[dict[str, Any]]:
        """Return flat rows for a table: overall, then per family, per PLOVER type and per rule class.

        Each row has what, name, gold, predicted, matched, precision, recall, f1, core_recall and core_f1
        (the F1 of precision and core recall).
        """
        overall = {"what": "overall", "name": "+".join(self.datasets) or "none", "gold": self.gold,
                   "predicted": self.predicted, "matched": self.matched, "precision": self.precision,
                   "recall": self.recall, "f1": self.f1, "core_recall": self.core_recall, "core_f1": self.core_f1}
        return [overall, *({k: row[k] for k in _ROW_KEYS}
                           for row in (*self.families, *self.plover_types, *self.classes))]


def _match(triples: Sequence[GoldTriple], predictions: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Greedy one-to-one matching, core triples first: gold index -> prediction index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i in sorted(range(len(triples)), key=lambda i: not triples[i].core):
        for j, prediction in enumerate(predictions):
            if j not in used and matches(prediction, triples[i]):
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _name(argument: Any) -> str | None:
    texts = _texts(argument)
    return texts[0] if texts else None


def _family(relation: Mapping[str, Any], *candidates: Iterable[tuple[str, str | None]]) -> str:
    """The first gold family the relation fits among ``candidates`` (record first), else its own."""
    for keys in candidates:
        for family, cameo in keys:
            if _fits(relation, family, cameo):
                return family
    return str(relation.get("family") or relation.get("label") or "unknown")


@dataclass
class _Scope:
    """What each dataset annotates, for deciding which predictions count for precision (see :func:`score`)."""

    families: dict[str, dict[tuple[str, str | None], None]] = field(default_factory=lambda: defaultdict(dict))
    core: dict[str, set[tuple[str, str | None]]] = field(default_factory=lambda: defaultdict(set))
    subjects: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, gold: Sequence[GoldRecord]) -> _Scope:
        scope = cls()
        for record in gold:
            for t in record.triples:
                scope.families[record.dataset][(t.family, t.cameo)] = None
                if t.core:
                    scope.core[record.dataset].add((t.family, t.cameo))
                scope.subjects[(record.dataset, t.family)].update(t.subject)
        return scope

    def counted(self, record: GoldRecord, prediction: Mapping[str, Any]) -> bool:
        """Whether a prediction in ``record`` is of what the record's dataset annotates."""
        relation = prediction.get("relation") or {}
        dataset = record.dataset
        if dataset == "plover":  # one event per record: only its relation
            return any(_fits(relation, t.family, t.cameo) or relation.get("family") == t.family for t in record.triples)
        if dataset == "re3d":  # not exhaustive: only the families with core gold
            return any(_fits(relation, family, cameo) for family, cameo in self.core[dataset])
        if dataset == "acled":  # every event of the kinds ACLED codes
            return any(_fits(relation, family, cameo) for family, cameo in self.families[dataset])
        if dataset == "indiapolice":  # police actions only: of a labelled family, with the police as subject
            return any(_fits(relation, family, cameo) and _argument(prediction.get("subject"),
                                                                    tuple(self.subjects[(dataset, family)]))
                       for family, cameo in self.families[dataset])
        return True


def judge(gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Mapping[str, Any]]],
          ) -> list[tuple[Mapping[str, Any], bool]]:
    """Each counted prediction with whether it matched a gold triple, as :func:`score` counts them.

    Useful to measure the precision of each rule (``prediction["method"]``) on development data.
    """
    scope = _Scope.of(gold)
    judged = []
    for record in gold:
        found = list(predictions.get(record.id, ()))
        matched = set(_match(record.triples, found).values())
        judged += [(p, j in matched) for j, p in enumerate(found) if scope.counted(record, p)]
    return judged


def score(gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Mapping[str, Any]]], *,
          classes: Mapping[str, str] | None = None) -> EvalReport:
    """Score predicted statements against gold records.

    Recall counts gold triples matched; precision counts predictions that matched, over the predictions
    of what the record's dataset annotates (``../shared/eval/README.md``): for PLOVER records (one event
    each) only those whose relation the record annotates; for re3d records (not exhaustive) only those of
    a family with a core triple somewhere in the re3d records; for ACLED notes (every event of the kinds
    ACLED codes) those of a family ACLED annotates; for IndiaPoliceEvents sentences (police actions only,
    most sentences with none) those of a labelled family whose subject is the police (a subject label
    of that family); for curated records all of them.
    A prediction belongs to the family of the gold triple it matched, else of a gold triple its relation
    fits (in the record, then in its dataset), else to its own relation family.

    Parameters
    ----------
    gold : sequence of GoldRecord
        The records, as :func:`load_gold` reads them.
    predictions : mapping of str to sequence of dict
        Predicted statements (the ``kg extract --format jsonl`` shape) by record id; a record without a
        key has none. Negated, denied or hypothetical statements count like any other.
    classes : mapping of str to str, optional
        The class of each rule by method (:func:`kg.extract.rules.rule_classes`); a method not in it is
        its own class. Without it the report has no class rows.

    Returns
    -------
    EvalReport

    See Also
    --------
    matches : when one prediction matches one gold triple.

    Examples
    --------
    >>> record = GoldRecord("plover:1", "...", (GoldTriple(("police",), "assault", "18", ("protesters",)),),
    ...                     dataset="plover", event="ASSAULT")
    >>> beat = {"subject": {"text": "the police"}, "relation": {"cameo": "182"}, "object": {"text": "Protesters"}}
    >>> meet = {"subject": {"text": "police"}, "relation": {"cameo": "043"}, "object": {"text": "mayor"}}
    >>> report = score([record], {"plover:1": [beat, meet]})
    >>> report.precision, report.recall, report.ignored, report.plover_types[0]["name"]
    (1.0, 1.0, 1, 'ASSAULT')
    """
    scope = _Scope.of(gold)

    total = _Tally()
    families: dict[str, _Tally] = defaultdict(_Tally)
    types: dict[str, _Tally] = defaultdict(_Tally)
    kinds: dict[str, _Tally] = defaultdict(_Tally)
    errors: list[dict[str, Any]] = []
    ignored = 0
    for record in gold:
        found = list(predictions.get(record.id, ()))
        pairs = _match(record.triples, found)
        by_type = [types[record.event]] if record.dataset == "plover" and record.event else []
        for i, triple in enumerate(record.triples):
            for tally in (total, families[triple.family], *by_type):
                tally.add_gold(triple.core, i in pairs)
            if i not in pairs and len(errors) < MAX_ERRORS:
                errors.append({"record": record.id, "kind": "missed", "subject": list(triple.subject),
                               "family": triple.family, "cameo": triple.cameo,
                               "object": list(triple.object) if triple.object is not None else None,
                               "core": triple.core})
        owner = {j: record.triples[i].family for i, j in pairs.items()}
        for j, prediction in enumerate(found):
            relation = prediction.get("relation") or {}
            if not scope.counted(record, prediction):
                ignored += 1
                continue
            family = owner.get(j) or _family(relation, [(t.family, t.cameo) for t in record.triples],
                                             scope.families[record.dataset])
            for tally in (total, families[family], *by_type):
                tally.add_prediction(j in owner)
            if classes is not None:
                method = str(prediction.get("method") or "unknown")
                kind = kinds[classes.get(method, method)]
                kind.add_prediction(j in owner)
                if j in owner:
                    triple = next(record.triples[i] for i, k in pairs.items() if k == j)
                    kind.matched += 1
                    kind.core_matched += triple.core
            if j not in owner and len(errors) < MAX_ERRORS:
                errors.append({"record": record.id, "kind": "spurious", "subject": _name(prediction.get("subject")),
                               "relation": relation.get("label"), "object": _name(prediction.get("object"))})

    gold_families = {t.family for r in gold for t in r.triples}
    order = sorted(families, key=lambda name: (name not in gold_families, name))
    row = total.row("overall", "")
    for kind in kinds.values():
        kind.gold, kind.core_gold = total.gold, total.core_gold
    return EvalReport(
        datasets=tuple(sorted({r.dataset for r in gold})), records=len(gold), gold=total.gold,
        matched=total.matched, core_gold=total.core_gold, core_matched=total.core_matched,
        predicted=total.predicted, correct=total.correct, ignored=ignored, precision=row["precision"],
        recall=row["recall"], f1=row["f1"], core_recall=row["core_recall"],
        core_f1=row["core_f1"],
        families=[families[name].row("family", name) for name in order],
        plover_types=[types[name].row("plover_type", name) for name in sorted(types)],
        classes=[kinds[name].row("class", name) for name in sorted(kinds)],
        errors=errors,
    )
