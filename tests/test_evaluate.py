"""Scoring extracted statements against gold: matching rules, counting rules, gold files, curated gold."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.curated import CuratedData, bundled_inputs, load_curated
from kg.errors import InputError
from kg.evaluate import (
    FAMILIES,
    MAX_ERRORS,
    GoldRecord,
    GoldTriple,
    curated_gold,
    labels_match,
    load_gold,
    matches,
    normalize_label,
    relation_matches,
    score,
    write_curated_gold,
)
from kg.ontology import load_ontology

from .conftest import SEED_NAME, shared_path

SEED = "seed-2020-08-15"


def arg(label: str | None = None, text: str | None = None) -> dict[str, Any]:
    return {"iri": None, "label": label, "type": None, "text": text, "start": None, "end": None}


def pred(subject: dict[str, Any] | str, relation: str, obj: dict[str, Any] | str | None, *,
         cameo: str | None = None, family: str | None = None, **extra: Any) -> dict[str, Any]:
    """A prediction in the ``kg extract --format jsonl`` shape; plain strings become resolved labels."""
    subject = arg(subject) if isinstance(subject, str) else subject
    obj = arg(obj) if isinstance(obj, str) else obj
    return {"subject": subject, "object": obj, "date": None, "source": None, "evidence": None,
            "relation": {"iri": None, "label": relation, "cameo": cameo, "plover": None, "family": family or relation},
            "confidence": 0.9, "method": "rule/test/1", "status": "asserted", "polarity": "positive",
            "modality": "actual", "claimant": None, **extra}


def triple(subject: str, family: str, cameo: str | None, obj: str | None, *, core: bool = True,
           symmetric: bool = False) -> GoldTriple:
    return GoldTriple((subject,), family, cameo, (obj,) if obj is not None else None, core, symmetric)


def record(ident: str, *triples: GoldTriple, dataset: str = "curated", event: str | None = None) -> GoldRecord:
    return GoldRecord(ident, "(text)", tuple(triples), dataset, event)


CALL = pred("Alexander Lukashenko", "calls", "Vladimir Putin", cameo="041", family="consults")


# --- labels -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("Vladimir Putin", "vladimir putin"),
    ("  The  Kremlin ", "kremlin"),
    ("Russia's", "russia"),
    ("Russia’s", "russia"),
    ("the protesters'", "protesters"),
    ("Theresa May", "theresa may"),
])
def test_normalize_label(text: str, key: str) -> None:
    assert normalize_label(text) == key


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ("Putin", "Putin", True),
    ("PUTIN", "putin", True),
    ("Putin", "Vladimir Putin", True),  # gold contains prediction
    ("President Vladimir Putin", "Putin", True),  # prediction contains gold
    ("the Kremlin", "Kremlin", True),
    ("Lukashenko’s", "Alexander Lukashenko", True),
    ("Romania", "Romanian", True),
    ("Hungary", "Hungarian", False),
    ("US", "Russia", False),  # containment must start at a word
    ("Putin", "Lukashenko", False),
    ("", "Putin", False),
    ("the", "Putin", False),
])
def test_labels_match(predicted: str, gold: str, expected: bool) -> None:
    assert labels_match(predicted, gold) is expected
    assert labels_match(gold, predicted) is expected


def test_either_label_or_mention_text_may_match() -> None:
    gold = triple("Lukashenko", "consults", "04", "Putin")
    unresolved = pred(arg(None, "Lukashenko"), "calls", arg("Vladimir Putin", "him"), cameo="041")
    assert matches(unresolved, gold)
    wrong = pred(arg("Alexander Lukashenko", "he"), "calls", arg("Angela Merkel", "Merkel"), cameo="041")
    assert not matches(wrong, gold)


# --- relations --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cameo", "gold_cameo", "expected"), [
    ("041", "04", True),
    ("04", "04", True),
    ("0411", "04", True),
    ("140", "04", False),
    ("036", "04", False),
    (None, "04", False),
])
def test_cameo_prefix(cameo: str | None, gold_cameo: str, expected: bool) -> None:
    relation = {"label": "calls", "cameo": cameo, "family": "consults"}
    assert relation_matches(relation, triple("a", "consult", gold_cameo, "b")) is expected


def test_family_decides_when_gold_has_no_cameo() -> None:
    leader = triple("Lukashenko", "leader_of", None, "Belarus")
    onto = load_ontology()
    head = onto.relation("head_of_state_of")
    assert head.family == "head_of_state_of" and head.cameo is None
    assert "head_of_state_of" in FAMILIES["leader_of"]
    assert matches(pred("Alexander Lukashenko", head.name, "Belarus", family=head.family), leader)
    assert matches(pred("BelTA", "part_of", "Government of Belarus"), triple("BelTA", "member_of", None, "Government"))
    assert matches(pred("Warsaw", "located_in", "Poland"), triple("Warsaw", "co_located", None, "Poland"))
    assert matches(pred("Tsikhanouskaya", "flees_to", "Lithuania"),
                   triple("Tsikhanouskaya", "flees_to", None, "Lithuania"))
    assert not matches(pred("Alexander Lukashenko", "citizen_of", "Belarus"), leader)
    # a gold CAMEO root is decisive: the same family name without the code does not match
    assert not matches(pred("a", "consult", "b", cameo=None), triple("a", "consult", "04", "b"))


# --- arguments --------------------------------------------------------------------------------------


def test_symmetric_matches_both_ways() -> None:
    swapped = pred("ISIL", "fights", "Iraq", cameo="190")
    assert matches(swapped, triple("Iraq", "fight", "19", "ISIL", symmetric=True))
    assert not matches(swapped, triple("Iraq", "fight", "19", "ISIL"))


def test_gold_without_object_ignores_the_predicted_object() -> None:
    gold = triple("protesters", "protest", "14", None)
    assert matches(pred("Belarusian protesters", "demonstrates", "Alexander Lukashenko", cameo="141"), gold)
    assert matches(pred("Belarusian protesters", "demonstrates", None, cameo="141"), gold)
    assert not matches(pred("police", "demonstrates", None, cameo="141"), gold)


def test_prediction_without_object_misses_gold_with_object() -> None:
    gold = triple("Lukashenko", "consults", "04", "Putin")
    assert not matches(pred("Alexander Lukashenko", "calls", None, cameo="041"), gold)
    assert not matches(pred("Alexander Lukashenko", "calls", arg(None, None), cameo="041"), gold)


# --- counting ---------------------------------------------------------------------------------------


def test_greedy_one_to_one() -> None:
    gold = [record("r1", triple("Lukashenko", "consults", "04", "Putin"))]
    report = score(gold, {"r1": [CALL, CALL]})
    assert (report.gold, report.matched, report.predicted, report.correct) == (1, 1, 2, 1)
    assert (report.precision, report.recall) == (0.5, 1.0)
    assert report.f1 == pytest.approx(2 / 3)
    # and one prediction never matches two gold triples
    twice = [record("r1", triple("Lukashenko", "consults", "04", "Putin"), triple("Lukashenko", "consults", "04",
                                                                                  "Vladimir Putin"))]
    assert (score(twice, {"r1": [CALL]}).matched, score(twice, {"r1": [CALL, CALL]}).matched) == (1, 2)


def test_no_predictions_and_no_gold_give_zeros() -> None:
    empty = score([], {})
    assert (empty.precision, empty.recall, empty.f1, empty.core_recall) == (0.0, 0.0, 0.0, 0.0)
    missing = score([record("r1", triple("a", "consults", "04", "b"))], {"other": [CALL]})
    assert (missing.predicted, missing.matched, missing.recall) == (0, 0, 0.0)


def test_core_recall() -> None:
    gold = [record("r1", triple("Lukashenko", "consults", "04", "Putin"),
                   triple("Lukashenko", "leader_of", None, "Belarus", core=False),
                   triple("Putin", "leader_of", None, "Russia"))]
    report = score(gold, {"r1": [CALL, pred("Alexander Lukashenko", "head_of_state_of", "Belarus")]})
    assert (report.gold, report.core_gold, report.matched, report.core_matched) == (3, 2, 2, 1)
    assert (report.recall, report.core_recall, report.precision) == (2 / 3, 0.5, 1.0)


def test_core_triples_are_matched_first() -> None:
    gold = [record("r1", triple("Lukashenko", "consults", "04", "Putin", core=False),
                   triple("Lukashenko", "consults", "04", "Vladimir Putin"))]
    assert score(gold, {"r1": [CALL]}).core_recall == 1.0


def test_plover_precision_counts_only_the_annotated_relation() -> None:
    gold = [record("plover:1", triple("Hungarian", "agree", "03", "Romanian"), dataset="plover", event="AGREE")]
    hungary = arg("Hungary", "Hungarian")
    agree = pred(hungary, "agrees", "Romania", cameo="030")
    meet = pred(hungary, "meets_with", "Romania", cameo="043", family="consults")
    wrong_pair = pred(hungary, "agrees", "Austria", cameo="030")
    report = score(gold, {"plover:1": [agree, meet, wrong_pair]})
    assert (report.predicted, report.correct, report.ignored) == (2, 1, 1)
    assert report.precision == 0.5
    same_family = pred("Hungary", "other", "Romania", family="agree")
    assert score(gold, {"plover:1": [same_family]}).predicted == 1


def test_re3d_precision_counts_only_families_with_core_gold() -> None:
    gold = [record("re3d:a", triple("Iraq", "fight", "19", "ISIL", symmetric=True),
                   triple("Baghdad", "co_located", None, "Iraq", core=False), dataset="re3d"),
            record("re3d:b", triple("al-Abadi", "leader_of", None, "Iraq"), dataset="re3d")]
    predictions = {"re3d:a": [pred("ISIL", "fights", "Iraq", cameo="190"),
                              pred("Baghdad", "located_in", "Iraq"),  # co_located has no core triple: ignored
                              pred("Iraq", "calls", "Syria", cameo="041"),  # no consult gold anywhere: ignored
                              pred("Masum", "head_of_state_of", "Iraq")]}  # leader_of is core in re3d:b
    report = score(gold, predictions)
    assert (report.matched, report.predicted, report.correct, report.ignored) == (2, 2, 1, 2)
    assert (report.precision, report.recall) == (0.5, 2 / 3)


def test_acled_precision_counts_the_kinds_of_event_acled_codes() -> None:
    # ACLED lists every event of its kinds in a note, so a fight it does not list is spurious; a statement
    # ("X said", "X met Y") is nothing ACLED codes and is left out
    gold = [record("acled:1", triple("protesters", "protest", "14", None), dataset="acled"),
            record("acled:2", triple("Taliban", "fight", "19", "Afghan forces"), dataset="acled")]
    predictions = {"acled:1": [pred("protesters", "demonstrates", None, cameo="141"),
                               pred("soldiers", "fights", "rebels", cameo="190"),
                               pred("mayor", "meets_with", "governor", cameo="043", family="consults")],
                   "acled:2": [pred("Taliban", "fights", "Afghan forces", cameo="190"),
                               pred("Taliban", "makes_statement", None, cameo="010", family="statement")]}
    report = score(gold, predictions)
    assert (report.predicted, report.correct, report.ignored) == (3, 2, 2)


def test_indiapolice_precision_counts_police_actions_only() -> None:
    # the dataset labels what the police did: a police arrest in an unlabelled sentence is spurious, an
    # arrest by someone else, or a police meeting, is outside what it annotates
    police = ("police", "cops", "policemen")
    arrest = GoldTriple(police, "arrest", "17", None)
    gold = [record("ipe:1", arrest, dataset="indiapolice"), record("ipe:2", dataset="indiapolice")]
    predictions = {"ipe:1": [pred(arg("police", "the cops"), "detains", "rioters", cameo="173"),
                             pred("mob", "abducts", "shopkeeper", cameo="181")],
                   "ipe:2": [pred("policemen", "detains", "two men", cameo="173"),
                             pred("villagers", "detains", "a thief", cameo="173"),
                             pred("police", "meets_with", "leaders", cameo="043", family="consults")]}
    report = score(gold, predictions)
    assert (report.matched, report.predicted, report.correct, report.ignored) == (1, 2, 1, 3)
    assert report.precision == 0.5


def test_class_rows_count_each_rule_class() -> None:
    gold = [record("curated:x", triple("Lukashenko", "consults", "04", "Putin"),
                   triple("police", "arrest", "17", "protesters"))]
    held = pred("police", "detains", "protesters", cameo="173", method="rule/coerce.held/1")
    wrong = pred("police", "detains", "journalists", cameo="173", method="rule/coerce.held/1")
    classes = {"rule/coerce.held/1": "agentless", "rule/test/1": "consult"}
    report = score(gold, {"curated:x": [CALL, held, wrong]}, classes=classes)
    rows = {row["name"]: row for row in report.classes}
    assert (rows["agentless"]["predicted"], rows["agentless"]["correct"], rows["agentless"]["matched"]) == (2, 1, 1)
    assert rows["agentless"]["precision"] == 0.5 and rows["agentless"]["recall"] == 0.5
    assert (rows["consult"]["predicted"], rows["consult"]["matched"]) == (1, 1)
    assert [r["name"] for r in report.rows() if r["what"] == "class"] == ["agentless", "consult"]
    assert score(gold, {"curated:x": [CALL]}).classes == []


def test_curated_precision_counts_everything() -> None:
    gold = [record("curated:x", triple("Lukashenko", "consults", "04", "Putin"))]
    report = score(gold, {"curated:x": [CALL, pred("Putin", "flees_to", "Lithuania"),
                                        pred("Putin", "demonstrates", None, cameo="141", polarity="negated")]})
    assert (report.predicted, report.correct, report.ignored) == (3, 1, 0)


def test_family_and_type_rows() -> None:
    gold = [record("plover:1", triple("Hungarian", "agree", "03", "Romanian"), dataset="plover", event="AGREE"),
            record("plover:2", triple("police", "assault", "18", "protesters"),
                   triple("police", "assault", "18", "journalists", core=False), dataset="plover", event="ASSAULT"),
            record("curated:x", triple("Lukashenko", "consults", "04", "Putin"), dataset="curated")]
    predictions = {"plover:1": [pred(arg("Hungary", "Hungarian"), "agrees", "Romania", cameo="030")],
                   "plover:2": [pred("police", "beats", "protesters", cameo="182"),
                                pred("police", "beats", "mayor", cameo="182")],
                   "curated:x": [CALL, pred("Putin", "flees_to", "Lithuania")]}
    report = score(gold, predictions)
    families = {row["name"]: row for row in report.families}
    assert list(families) == ["agree", "assault", "consults", "flees_to"]  # gold families first, then others
    assert {k: families["assault"][k] for k in ("gold", "matched", "core_gold", "core_matched", "predicted",
                                                  "correct", "precision", "recall")} == {
        "gold": 2, "matched": 1, "core_gold": 1, "core_matched": 1, "predicted": 2, "correct": 1,
        "precision": 0.5, "recall": 0.5}
    assert (families["flees_to"]["gold"], families["flees_to"]["predicted"]) == (0, 1)
    types = {row["name"]: row for row in report.plover_types}
    assert list(types) == ["AGREE", "ASSAULT"]
    assert (types["AGREE"]["recall"], types["AGREE"]["precision"]) == (1.0, 1.0)
    assert (types["ASSAULT"]["gold"], types["ASSAULT"]["predicted"], types["ASSAULT"]["core_recall"]) == (2, 2, 1.0)
    rows = report.rows()
    assert [(r["what"], r["name"]) for r in rows] == [
        ("overall", "curated+plover"), ("family", "agree"), ("family", "assault"), ("family", "consults"),
        ("family", "flees_to"), ("plover_type", "AGREE"), ("plover_type", "ASSAULT")]
    assert all(list(r) == ["what", "name", "gold", "predicted", "matched", "precision", "recall", "f1",
                           "core_recall", "core_f1"] for r in rows)
    assert rows[0] == {"what": "overall", "name": "curated+plover", "gold": 4, "predicted": 5, "matched": 3,
                       "precision": 0.6, "recall": 0.75, "f1": pytest.approx(2 / 3), "core_recall": 1.0,
                       "core_f1": pytest.approx(0.75)}
    data = json.loads(json.dumps(report.to_dict()))
    assert data["datasets"] == ["curated", "plover"] and data["families"] == report.families


def test_unmatched_prediction_is_attributed_to_the_family_it_fits() -> None:
    gold = [record("curated:x", triple("Lukashenko", "consults", "04", "Putin"),
                   triple("Lukashenko", "leader_of", None, "Belarus"))]
    report = score(gold, {"curated:x": [pred("Merkel", "meets_with", "Macron", cameo="043", family="consults"),
                                        pred("Merkel", "head_of_government_of", "Germany")]})
    families = {row["name"]: row["predicted"] for row in report.families}
    assert families == {"consults": 1, "leader_of": 1}


def test_errors_list_misses() -> None:
    gold = [record("r1", triple("Lukashenko", "consults", "04", "Putin"), triple("Putin", "leader_of", None, "Russia",
                                                                                   core=False))]
    report = score(gold, {"r1": [CALL, CALL]})
    assert report.errors == [
        {"record": "r1", "kind": "missed", "subject": ["Putin"], "family": "leader_of", "cameo": None,
         "object": ["Russia"], "core": False},
        {"record": "r1", "kind": "spurious", "subject": "Alexander Lukashenko", "relation": "calls",
         "object": "Vladimir Putin"},
    ]
    many = [record(f"r{i}", triple("a", "consults", "04", "b")) for i in range(MAX_ERRORS + 10)]
    report = score(many, {})
    assert len(report.errors) == MAX_ERRORS and report.gold - report.matched == MAX_ERRORS + 10


# --- gold files -------------------------------------------------------------------------------------


def gold_line(ident: str, **fields: Any) -> str:
    triples = [{"subject": ["Lukashenko"], "family": "consults", "cameo": "04", "object": ["Putin"], "core": True}]
    return json.dumps({"id": ident, "gold": {"triples": triples}, **fields})


def test_load_gold_text_and_file_records(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    body = b"Lukashenko phoned Putin.\n"
    (texts / "a.txt").write_bytes(body)
    lines = [gold_line("x1", text="Lukashenko called Putin.", published="2020-08-15"),
             "",
             gold_line("plover:7", text="Putin called back.", dataset="curated"),
             gold_line("x2", file="a.txt", sha256=hashlib.sha256(body).hexdigest(), dataset="mine"),
             json.dumps({"id": "re3d:1", "text": "t", "gold": {"triples": [], "event": "X"}}),
             gold_line("x1", text="Another text under the same id."),
             gold_line("acled:9", text="t"), gold_line("ipe:3:4", text="t")]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = load_gold(path, sources=[tmp_path / "elsewhere", texts])
    assert [(r.id, r.dataset) for r in records] == [("x1", "curated"), ("plover:7", "plover"), ("x2", "mine"),
                                                    ("re3d:1", "re3d"), ("x1#2", "curated"),
                                                    ("acled:9", "acled"), ("ipe:3:4", "indiapolice")]
    assert records[0].published == date(2020, 8, 15) and records[1].published is None
    assert records[2].text == body.decode()
    assert records[0].triples == (GoldTriple(("Lukashenko",), "consults", "04", ("Putin",), True, False),)
    assert (records[3].triples, records[3].event) == ((), "X")


def test_load_gold_checks_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a text", encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line("x0", text="fine") + "\n" + gold_line("x1", file="a.txt", sha256="0" * 64) + "\n")
    with pytest.raises(InputError, match="differs") as caught:
        load_gold(path, sources=[tmp_path])
    assert str(caught.value).startswith(f"{path}:2: ")
    path.write_text(gold_line("x1", file="b.txt", sha256="0" * 64) + "\n")
    with pytest.raises(InputError, match="--sources DIR") as caught:
        load_gold(path, sources=[tmp_path])
    assert str(caught.value).startswith(f"{path}:1: ") and "b.txt" in str(caught.value)
    with pytest.raises(InputError, match="--sources DIR"):
        load_gold(path)


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"id": "x", "text": "t", "gold": {}}), "no 'gold.triples'"),
    (json.dumps({"id": "x", "text": "t"}), "no 'gold.triples'"),
    (json.dumps({"id": "x", "gold": {"triples": []}}), "neither 'text' nor 'file'"),
    (json.dumps({"text": "t", "gold": {"triples": []}}), "no 'id'"),
    (json.dumps({"id": "x", "file": "a.txt", "gold": {"triples": []}}), "no.*sha256|not its 'sha256'"),
    (json.dumps({"id": "x", "text": "t", "published": "15/08/2020", "gold": {"triples": []}}), "YYYY-MM-DD"),
    (json.dumps({"id": "x", "text": "t", "gold": {"triples": [{"family": "f"}]}}), "'subject'"),
    (json.dumps({"id": "x", "text": "t", "gold": {"triples": [{"subject": ["a"]}]}}), "no 'family'"),
    (json.dumps({"id": "x", "text": "t", "gold": {"triples": [{"subject": ["a"], "family": "f", "cameo": 4}]}}),
     "'cameo'"),
    (json.dumps({"id": "x", "text": "t", "gold": {"triples": [{"subject": ["a"], "family": "f", "core": "yes"}]}}),
     "'core'"),
])
def test_load_gold_malformed(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line("ok", text="fine") + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_gold(path)
    assert (caught.value.path, caught.value.line) == (str(path), 2)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nope.jsonl")


def test_load_plover_gold() -> None:
    records = load_gold(shared_path("eval", "plover_gsr.jsonl"))
    assert len(records) == 322
    assert len({r.id for r in records}) == 322
    assert {r.dataset for r in records} == {"plover"}
    assert all(r.event for r in records) and all(r.text for r in records)
    assert all(t.cameo and len(t.cameo) == 2 for r in records for t in r.triples)


def test_load_re3d_gold() -> None:
    records = load_gold(shared_path("eval", "re3d_open.jsonl"))
    assert len(records) == 40
    assert {r.dataset for r in records} == {"re3d"}
    assert any(t.symmetric for r in records for t in r.triples)
    assert all(r.event is None for r in records)


# --- curated gold -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def curated() -> CuratedData:
    return load_curated(bundled_inputs())


def test_curated_gold(curated: CuratedData) -> None:
    gold = curated_gold(curated, source_id=SEED)
    source = curated.sources[SEED]
    assert "text" not in gold
    assert (gold["id"], gold["dataset"], gold["file"], gold["sha256"], gold["published"]) == (
        f"curated:{SEED}", "curated", source.file, source.sha256, source.published.isoformat())
    triples = gold["gold"]["triples"]
    keys = [(tuple(t["subject"]), t["family"], t["cameo"], tuple(t["object"] or ())) for t in triples]
    assert len(keys) == len(set(keys))
    proposing = {t["subject"][0] for t in triples if t["family"] == "expresses_intent_to_cooperate"
                 and t["cameo"] == "03"}
    assert {"Latvia", "Lithuania", "Poland"} <= proposing
    latvia = next(t for t in triples if t["subject"][0] == "Latvia")
    assert set(curated.actors["latvia"].names) == set(latvia["subject"])

    onto = load_ontology()
    expected: dict[tuple[Any, ...], bool] = {}
    for statement in curated.statements:
        if statement.source != SEED:
            continue
        relation = onto.relation(statement.relation)
        code = (statement.cameo or (relation.cameo.code if relation.cameo else None) or "")[:2] or None
        for subject in statement.subjects:
            for obj in statement.objects or (None,):
                key = (subject, relation.family, code, obj)
                expected[key] = expected.get(key, False) or statement.id not in curated.not_core
    assert len(triples) == len(expected)
    label = {e.id: e.label for e in (*curated.actors.values(), *curated.things.values())}
    got = {(t["subject"][0], t["family"], t["cameo"], t["object"][0] if t["object"] else None): t["core"]
           for t in triples}
    assert got == {(label[s], f, c, label[o] if o else None): core for (s, f, c, o), core in expected.items()}
    assert True in got.values() and False in got.values()
    symmetric = {t["family"] for t in triples if t["symmetric"]}
    assert all(onto.relation(s.relation).symmetric for s in curated.statements
               if onto.relation(s.relation).family in symmetric)


def test_curated_gold_unknown_source(curated: CuratedData) -> None:
    with pytest.raises(InputError, match="unknown source 'seed-2020-08-16'.*did you mean"):
        curated_gold(curated, source_id="seed-2020-08-16")


def test_curated_gold_round_trip(curated: CuratedData, seeds: Path, tmp_path: Path) -> None:
    path = write_curated_gold(curated, SEED, tmp_path / "curated.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and set(json.loads(lines[0])) == {"id", "dataset", "file", "sha256", "published", "gold"}
    [gold] = load_gold(path, sources=[tmp_path, seeds])
    assert gold.text == (seeds / SEED_NAME).read_text(encoding="utf-8")
    assert (gold.id, gold.dataset, gold.published, gold.event) == (f"curated:{SEED}", "curated",
                                                                  date(2020, 8, 15), None)
    written = curated_gold(curated, source_id=SEED)["gold"]["triples"]
    assert len(gold.triples) == len(written)
    assert Counter(t.core for t in gold.triples) == Counter(t["core"] for t in written)
    with pytest.raises(InputError, match="--sources DIR"):
        load_gold(path, sources=[tmp_path])


def test_curated_gold_scores_itself(curated: CuratedData) -> None:
    """Predictions made from the curated statements themselves find every gold triple."""
    onto = load_ontology()
    names = {e.id: e.label for e in (*curated.actors.values(), *curated.things.values())}
    raw = curated_gold(curated, source_id=SEED)
    gold = GoldRecord(raw["id"], "(text)", tuple(
        GoldTriple(tuple(t["subject"]), t["family"], t["cameo"], tuple(t["object"]) if t["object"] else None,
                   t["core"], t["symmetric"]) for t in raw["gold"]["triples"]))
    predictions = []
    for statement in curated.statements:
        if statement.source != SEED:
            continue
        relation = onto.relation(statement.relation)
        for subject in statement.subjects:
            for obj in statement.objects or (None,):
                predictions.append(pred(names[subject], relation.name, names[obj] if obj else None,
                                        cameo=statement.cameo or (relation.cameo.code if relation.cameo else None),
                                        family=relation.family))
    report = score([gold], {gold.id: predictions})
    assert (report.recall, report.core_recall) == (1.0, 1.0)
    assert report.correct == report.gold and report.predicted == len(predictions)
