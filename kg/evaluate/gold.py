"""Gold data: the JSON-lines records other datasets (and our seed article) are scored against.

A record has an ``id``, a ``text`` (or the ``file`` name and ``sha256`` of a text kept outside the
repository) and ``gold.triples``, each ``{subject: [labels], family, cameo, object: [labels] | null, core,
symmetric}`` (see ``../shared/eval/README.md``). :func:`curated_gold` writes the curated statements of a
source in the same shape (``python -m kg.evaluate`` regenerates the seed's gold file).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.curated import CuratedData
from kg.errors import InputError
from kg.ontology import Ontology, load_ontology

__all__ = ["ID_PREFIXES", "SEED_GOLD", "GoldRecord", "GoldTriple", "curated_gold", "load_gold", "main",
           "write_curated_gold"]

#: The dataset of a record, by the prefix of its id (``../shared/eval``); other records name their
#: ``dataset`` or are ``curated``. The dataset decides which predictions count for precision.
ID_PREFIXES = {"plover": "plover", "re3d": "re3d", "acled": "acled", "ipe": "indiapolice"}


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
        ``"plover"``, ``"re3d"``, ``"acled"``, ``"indiapolice"`` or ``"curated"`` (see :data:`ID_PREFIXES`):
        it decides which predictions count for precision.
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
    for prefix, name in ID_PREFIXES.items():
        if ident.startswith(prefix + ":"):
            dataset = name
    if not isinstance(dataset, str):
        raise fail(f"'dataset' must be a name, not {dataset!r}")
    event = gold.get("event") if isinstance(gold.get("event"), str) else None
    return GoldRecord(ident, text, tuple(_triple(t, f"triple {n} of {ident!r}", fail) for n, t in
                                         enumerate(triples, 1)), dataset, event, published)


def load_gold(path: str | Path, *, sources: Sequence[str | Path] = ()) -> list[GoldRecord]:
    """Read a gold JSONL file into records.

    A record gives its ``text``, or the ``file`` name of a text to look up in each folder of
    ``sources`` in turn and the ``sha256`` that text must have. The dataset is named by the id's prefix
    (:data:`ID_PREFIXES`: ``plover:``, ``re3d:``, ``acled:``, ``ipe:``), else by the record's ``dataset``,
    else it is ``"curated"``. An id used twice
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
