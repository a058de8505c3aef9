"""Score extracted statements against gold annotations: precision, recall and F1.

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

import difflib
import functools
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.names import fold
from kg.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from kg.curated import CuratedData

__all__ = [
    "FAMILIES",
    "EvalReport",
    "GoldRecord",
    "GoldTriple",
    "curated_gold",
    "labels_match",
    "load_gold",
    "matches",
    "normalize_label",
    "relation_matches",
    "score",
    "write_curated_gold",
]

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


@dataclass(frozen=True)
class GoldTriple:
    """One annotated relation: who does what to whom, with the labels a prediction may use.

    Attributes
    ----------
    subject, object : tuple of str
        Acceptable labels of each argument; ``object`` is None when the relation has none.
    family : str
        The coarse relation family (``"consult"``, ``"leader_of"``, ``"flees_to"``).
    cameo : str or None
        The CAMEO root (two digits) where one applies.
    core : bool
        True for relations any competent extractor should find.
    symmetric : bool
        True if the triple also holds with subject and object swapped.
    """

    subject: tuple[str, ...]
    family: str
    cameo: str | None = None
    object: tuple[str, ...] | None = None
    core: bool = True
    symmetric: bool = False


@dataclass(frozen=True)
class GoldRecord:
    """A text with its gold triples.

    Attributes
    ----------
    id : str
        The record id; predictions are keyed by it.
    dataset : str
        ``"plover"``, ``"re3d"`` or ``"curated"``: it decides which predictions count for precision.
    event : str or None
        The PLOVER event type of a PLOVER record.
    """

    id: str
    text: str
    triples: tuple[GoldTriple, ...] = ()
    dataset: str = "curated"
    event: str | None = None
    published: date | None = None


# --- matching ---------------------------------------------------------------------------------------


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


def _labels(value: Any, what: str, fail: Callable[[str], InputError]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{what} must be a non-empty list of labels, not {value!r}")
    return tuple(value)


def _triple(raw: Any, what: str, fail: Callable[[str], InputError]) -> GoldTriple:
    if not isinstance(raw, dict):
        raise fail(f"{what} must be an object with subject, family, cameo, object, core")
    family, cameo = raw.get("family"), raw.get("cameo")
    if not isinstance(family, str) or not family:
        raise fail(f"{what} has no 'family'")
    if cameo is not None and not (isinstance(cameo, str) and cameo.isdigit() and len(cameo) >= 2):
        raise fail(f"{what}: 'cameo' must be a CAMEO code of two or more digits or null, not {cameo!r}")
    flags = {key: raw.get(key, default) for key, default in (("core", True), ("symmetric", False))}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise fail(f"{what}: {key!r} must be true or false, not {value!r}")
    obj = raw.get("object")
    return GoldTriple(_labels(raw.get("subject"), f"{what}: 'subject'", fail), family, cameo,
                      None if obj is None else _labels(obj, f"{what}: 'object'", fail),
                      flags["core"], flags["symmetric"])


def _read_text(raw: dict[str, Any], ident: str, sources: Sequence[str | Path],
               fail: Callable[[str], InputError]) -> str:
    name, sha = raw.get("file"), raw.get("sha256")
    if not isinstance(name, str) or not name:
        raise fail(f"record {ident!r}: 'file' must be a file name, not {name!r}")
    if not isinstance(sha, str):
        raise fail(f"record {ident!r} names the file {name!r} but not its 'sha256'")
    for folder in sources:
        candidate = Path(folder) / name
        if candidate.is_file():
            data = candidate.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest != sha.lower():
                raise fail(f"the text of {candidate} differs from the annotated one (sha256 {digest}, the gold "
                           f"file says {sha}); labels and offsets may not fit it")
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                raise fail(f"{candidate} is not UTF-8 text") from None
    searched = f"searched {', '.join(str(f) for f in sources)}" if sources else "no source folder given"
    raise fail(f"record {ident!r}: text file {name!r} not found ({searched}); pass --sources DIR with the "
               "folder that holds it")


def _record(raw: Any, sources: Sequence[str | Path], fail: Callable[[str], InputError]) -> GoldRecord:
    if not isinstance(raw, dict):
        raise fail(f"expected a JSON object, not {type(raw).__name__}")
    ident = raw.get("id")
    if not isinstance(ident, str) or not ident:
        raise fail("the record has no 'id'")
    gold: dict[str, Any] = raw["gold"] if isinstance(raw.get("gold"), dict) else {}
    triples = gold.get("triples")
    if not isinstance(triples, list):
        raise fail(f"record {ident!r} has no 'gold.triples' list")
    text = raw.get("text")
    if not isinstance(text, str):
        if raw.get("file") is None:
            raise fail(f"record {ident!r} has neither 'text' nor 'file'")
        text = _read_text(raw, ident, sources, fail)
    published = raw.get("published")
    if published is not None:
        try:
            published = date.fromisoformat(str(published))
        except ValueError:
            raise fail(f"'published' must be a date YYYY-MM-DD, not {published!r}") from None
    dataset = raw.get("dataset") or "curated"
    for prefix in ("plover", "re3d"):
        if ident.startswith(prefix + ":"):
            dataset = prefix
    if not isinstance(dataset, str):
        raise fail(f"'dataset' must be a name, not {dataset!r}")
    event = gold.get("event") if isinstance(gold.get("event"), str) else None
    return GoldRecord(ident, text, tuple(_triple(t, f"triple {n} of {ident!r}", fail) for n, t in
                                         enumerate(triples, 1)), dataset, event, published)


def load_gold(path: str | Path, *, sources: Sequence[str | Path] = ()) -> list[GoldRecord]:
    """Read a gold JSONL file into records.

    A record gives its ``text``, or the ``file`` name of a text to look up in each folder of
    ``sources`` in turn and the ``sha256`` that text must have. The dataset is ``"plover"`` or
    ``"re3d"`` by the id's prefix, else the record's ``dataset``, else ``"curated"``. An id used twice
    (the PLOVER gold standard has one) gets ``#2``, ``#3``, ... appended, so every record can be scored.

    Parameters
    ----------
    path : str or Path
        The gold file, one JSON record a line; blank lines are skipped.
    sources : sequence of str or Path, optional
        Folders holding the texts that records refer to by ``file``.

    Returns
    -------
    list of GoldRecord
        In file order.

    Raises
    ------
    InputError
        As ``file:line: what is wrong`` for a line that is not JSON, lacks ``gold.triples`` or a text,
        has a malformed triple, or names a text that is missing or differs from the annotated one.

    See Also
    --------
    score : score predictions against the records.
    curated_gold : make a gold record from curated statements.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> line = {"id": "x1", "text": "Putin called Lukashenko.", "gold": {"triples": [
    ...     {"subject": ["Putin"], "family": "consults", "cameo": "04", "object": ["Lukashenko"], "core": True}]}}
    >>> _ = (folder / "gold.jsonl").write_text(json.dumps(line) + "\\n")
    >>> [record] = load_gold(folder / "gold.jsonl")
    >>> record.dataset, record.triples[0].object
    ('curated', ('Lukashenko',))
    """
    shown = str(path)
    records: list[GoldRecord] = []
    seen: Counter[str] = Counter()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("no such gold file", path=shown) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue

        def fail(message: str, number: int = number) -> InputError:
            return InputError(message, path=shown, line=number)

        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise fail(f"not JSON: {exc.msg} (column {exc.colno})") from None
        record = _record(raw, sources, fail)
        seen[record.id] += 1
        if seen[record.id] > 1:
            record = GoldRecord(f"{record.id}#{seen[record.id]}", record.text, record.triples, record.dataset,
                                record.event, record.published)
        records.append(record)
    return records


# --- gold from curated statements -------------------------------------------------------------------


def curated_gold(data: CuratedData, *, source_id: str, ontology: Ontology | None = None) -> dict[str, Any]:
    """Turn the curated statements of one source into one gold record, as a JSON-ready dict.

    The record refers to its text by ``file`` and ``sha256``, never including it. Each statement gives a
    triple per subject and object, labelled with the actor's or thing's label and aliases; the family
    and symmetry come from the relation registry, the CAMEO root from the statement's ``cameo`` or the
    relation's code. Identical triples merge, core if any of them was.

    Parameters
    ----------
    data : CuratedData
        Curated files as :func:`kg.curated.load_curated` reads them.
    source_id : str
        The source whose statements become the record.
    ontology : Ontology, optional
        The relation registry (the bundled ontology by default).

    Returns
    -------
    dict
        ``{id, dataset, file, sha256, published, gold: {triples}}``; each triple also names the curated
        ``statements`` behind it and their ``evidence`` offsets ``[start, end]`` in the text.

    Raises
    ------
    InputError
        If the source is unknown or has no file and sha256.

    See Also
    --------
    write_curated_gold : write the record as a gold file.

    Examples
    --------
    >>> from kg.curated import bundled_inputs, load_curated
    >>> record = curated_gold(load_curated(bundled_inputs()), source_id="seed-2020-08-15")
    >>> record["id"], "text" in record, record["gold"]["triples"][0]["family"]
    ('curated:seed-2020-08-15', False, 'consults')
    """
    onto = ontology or load_ontology()
    source = data.sources.get(source_id)
    if source is None:
        close = difflib.get_close_matches(source_id, sorted(data.sources), n=1)
        raise InputError(f"unknown source {source_id!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    if not source.file or not source.sha256:
        raise InputError(f"source {source_id!r} names no text file and sha256, so a gold record cannot refer to it",
                         path=source.origin.path if source.origin else None,
                         line=source.origin.line if source.origin else None)

    def names(ident: str) -> list[str]:
        entity = data.actors.get(ident) or data.things.get(ident)
        return list(dict.fromkeys(entity.names)) if entity is not None else [ident]

    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for statement in data.statements:
        if statement.source != source_id:
            continue
        relation = onto.relation(statement.relation)
        code = statement.cameo or (relation.cameo.code if relation.cameo else None)
        cameo = code[:2] if code else None
        core = statement.id not in data.not_core
        for subject in statement.subjects:
            for obj in statement.objects or (None,):
                labels = names(subject), names(obj) if obj is not None else None
                key = (tuple(labels[0]), relation.family, cameo, tuple(labels[1]) if labels[1] is not None else None)
                evidence = [[statement.evidence.start, statement.evidence.end]] if statement.evidence else []
                if key in merged:
                    merged[key]["core"] = merged[key]["core"] or core
                    merged[key]["symmetric"] = merged[key]["symmetric"] or relation.symmetric
                    merged[key]["statements"].append(statement.id)
                    merged[key]["evidence"] += [e for e in evidence if e not in merged[key]["evidence"]]
                else:
                    merged[key] = {"subject": labels[0], "family": relation.family, "cameo": cameo,
                                   "object": labels[1], "core": core, "symmetric": relation.symmetric,
                                   "statements": [statement.id], "evidence": evidence}
    return {"id": f"curated:{source_id}", "dataset": "curated", "file": source.file, "sha256": source.sha256,
            "published": source.published.isoformat() if source.published else None,
            "gold": {"triples": list(merged.values())}}


def write_curated_gold(data: CuratedData, source_id: str, path: str | Path) -> Path:
    """Write :func:`curated_gold` of one source as a one-line gold JSONL file, and return its path.

    Raises
    ------
    InputError
        If the source is unknown or has no file and sha256.

    See Also
    --------
    load_gold : read it back, with ``sources`` naming the folder of the text.
    """
    from kg.files import write_atomic

    record = curated_gold(data, source_id=source_id)
    out = Path(path)
    write_atomic(out, json.dumps(record, ensure_ascii=False) + "\n")
    return out


# --- scoring ----------------------------------------------------------------------------------------


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
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-serialisable data."""
        out = asdict(self)
        out["datasets"] = list(self.datasets)
        return out

    def rows(self) -> list[dict[str, Any]]:
        """Return flat rows for a table: overall, then per family, then per PLOVER type.

        Each row has what, name, gold, predicted, matched, precision, recall, f1, core_recall and core_f1
        (the F1 of precision and core recall).
        """
        overall = {"what": "overall", "name": "+".join(self.datasets) or "none", "gold": self.gold,
                   "predicted": self.predicted, "matched": self.matched, "precision": self.precision,
                   "recall": self.recall, "f1": self.f1, "core_recall": self.core_recall, "core_f1": self.core_f1}
        return [overall, *({k: row[k] for k in _ROW_KEYS} for row in (*self.families, *self.plover_types))]


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


def _counted(record: GoldRecord, relation: Mapping[str, Any], re3d_core: set[tuple[str, str | None]]) -> bool:
    """Whether a prediction of ``relation`` in ``record`` counts for precision (see :func:`score`)."""
    if record.dataset == "plover":
        return any(_fits(relation, t.family, t.cameo) or relation.get("family") == t.family for t in record.triples)
    if record.dataset == "re3d":
        return any(_fits(relation, family, cameo) for family, cameo in re3d_core)
    return True


def judge(gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Mapping[str, Any]]],
          ) -> list[tuple[Mapping[str, Any], bool]]:
    """Each counted prediction with whether it matched a gold triple, as :func:`score` counts them.

    Useful to measure the precision of each rule (``prediction["method"]``) on development data.
    """
    re3d_core = {(t.family, t.cameo) for r in gold if r.dataset == "re3d" for t in r.triples if t.core}
    judged = []
    for record in gold:
        found = list(predictions.get(record.id, ()))
        matched = set(_match(record.triples, found).values())
        judged += [(p, j in matched) for j, p in enumerate(found)
                   if _counted(record, p.get("relation") or {}, re3d_core)]
    return judged


def score(gold: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Mapping[str, Any]]]) -> EvalReport:
    """Score predicted statements against gold records.

    Recall counts gold triples matched; precision counts predictions that matched, over the predictions
    that count: for PLOVER records only those whose relation the record annotates, for re3d records only
    those of a family with a core triple somewhere in the re3d records, for curated records all of them.
    A prediction belongs to the family of the gold triple it matched, else of a gold triple its relation
    fits (in the record, then in its dataset), else to its own relation family.

    Parameters
    ----------
    gold : sequence of GoldRecord
        The records, as :func:`load_gold` reads them.
    predictions : mapping of str to sequence of dict
        Predicted statements (the ``kg extract --format jsonl`` shape) by record id; a record without a
        key has none. Negated, denied or hypothetical statements count like any other.

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
    keys: dict[str, dict[tuple[str, str | None], None]] = defaultdict(dict)  # gold families by dataset, in order
    for record in gold:
        keys[record.dataset].update(dict.fromkeys((t.family, t.cameo) for t in record.triples))
    re3d_core = {(t.family, t.cameo) for r in gold if r.dataset == "re3d" for t in r.triples if t.core}

    total = _Tally()
    families: dict[str, _Tally] = defaultdict(_Tally)
    types: dict[str, _Tally] = defaultdict(_Tally)
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
            if not _counted(record, relation, re3d_core):
                ignored += 1
                continue
            family = owner.get(j) or _family(relation, [(t.family, t.cameo) for t in record.triples],
                                             keys[record.dataset])
            for tally in (total, families[family], *by_type):
                tally.add_prediction(j in owner)
            if j not in owner and len(errors) < MAX_ERRORS:
                errors.append({"record": record.id, "kind": "spurious", "subject": _name(prediction.get("subject")),
                               "relation": relation.get("label"), "object": _name(prediction.get("object"))})

    gold_families = {t.family for r in gold for t in r.triples}
    order = sorted(families, key=lambda name: (name not in gold_families, name))
    row = total.row("overall", "")
    return EvalReport(
        datasets=tuple(sorted({r.dataset for r in gold})), records=len(gold), gold=total.gold,
        matched=total.matched, core_gold=total.core_gold, core_matched=total.core_matched,
        predicted=total.predicted, correct=total.correct, ignored=ignored, precision=row["precision"],
        recall=row["recall"], f1=row["f1"], core_recall=row["core_recall"],
        core_f1=row["core_f1"],
        families=[families[name].row("family", name) for name in order],
        plover_types=[types[name].row("plover_type", name) for name in sorted(types)],
        errors=errors,
    )


#: Where the gold record of the seed article is kept, relative to the repository.
SEED_GOLD = "data/gold/seed-2020-08-15.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the seed gold file from the bundled curated statements: ``python -m kg.evaluate``."""
    from kg.curated import bundled_inputs, load_curated

    args = list(argv if argv is not None else sys.argv[1:])
    target = Path(args[0]) if args else Path(SEED_GOLD)
    write_curated_gold(load_curated(bundled_inputs()), "seed-2020-08-15", target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
