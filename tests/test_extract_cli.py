"""Integration tests of news-text extraction from the command line: kg extract, kg build --text, kg actors, kg eval.

They run the real spaCy model. Expensive runs (the seed in three formats, the demo store) happen once per module
through :func:`run_kg`, which calls ``kg.cli.main`` in-process like the ``cli`` fixture does.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.graph import KnowledgeGraph

from .conftest import ROOT, SEED_NAME, Result, same_graph, shared_path
from .test_cli import assert_error

DEMO = ROOT / "data" / "articles" / "belarus-2020-08.jsonl"
GOLD = ROOT / "data" / "gold" / "seed-2020-08-15.jsonl"
PK = "https://w3id.org/polkg/ontology#"
ACTOR = "https://w3id.org/polkg/actor/"
PREFIXES = f"PREFIX pk: <{PK}>\nPREFIX actor: <{ACTOR}>\nPREFIX source: <https://w3id.org/polkg/source/>\n" \
           "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

CALL = "Alexander Lukashenko spoke by telephone with Vladimir Putin on Saturday.\n"
TOP_KEYS = {"subject", "relation", "object", "date", "source", "document", "evidence", "confidence", "method",
            "status", "polarity", "modality", "claimant"}
MENTION_KEYS = {"iri", "label", "type", "text", "start", "end"}
DATE = r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?"


# -- helpers ------------------------------------------------------------------------------------------------


def run_kg(*args: object, cwd: Path, stdin: str | None = None) -> Result:
    """Run ``kg`` in-process in ``cwd`` (usable from module-scoped fixtures, unlike the ``cli`` fixture)."""
    from kg.cli import main

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        for name in ("KG_STORE", "KG_SOURCES", "KG_MERGES"):
            mp.delenv(name, raising=False)
        if stdin is not None:
            mp.setattr(sys, "stdin", io.StringIO(stdin))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Result(code, out.getvalue(), err.getvalue())


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def select(store: Path, sparql: str) -> list[dict]:
    kg = KnowledgeGraph.open(store)
    try:
        return kg.query(sparql)
    finally:
        kg.close()


def snapshot(store: Path) -> Graph:
    """A copy of a store's graph in rdflib's Memory store, so the store itself can be closed."""
    kg = KnowledgeGraph.open(store)
    try:
        copy = Graph()
        for triple in kg.graph:
            copy.add(triple)
        return copy
    finally:
        kg.close()


def check_mention(mention: dict, text: str) -> None:
    assert mention.keys() >= MENTION_KEYS, mention
    assert mention["iri"].startswith("https://w3id.org/polkg/"), mention
    assert mention["label"] and mention["type"], mention
    assert isinstance(mention["start"], int) and isinstance(mention["end"], int), mention
    assert 0 <= mention["start"] < mention["end"] <= len(text), mention
    if mention.get("implied"):  # named by no mention ("hundreds were detained"): the predicate's offsets
        assert mention["text"] == "" and text[mention["start"]:mention["end"]].strip(), mention
    else:
        assert text[mention["start"]:mention["end"]] == mention["text"], mention


def check_record(record: dict, text: str) -> None:
    """The JSONL contract of DESIGN.md, with offsets checked against the document's ``text``."""
    assert set(record) == TOP_KEYS, sorted(record)
    check_mention(record["subject"], text)
    if record["object"] is not None:
        check_mention(record["object"], text)
    if record["claimant"] is not None:
        check_mention(record["claimant"], text)
    relation = record["relation"]
    assert {"iri", "label", "cameo", "plover"} <= relation.keys(), relation
    assert relation["iri"] == PK + relation["label"], relation
    assert relation["cameo"] is None or re.fullmatch(r"\d{2,4}", relation["cameo"]), relation
    assert relation["plover"] is None or re.fullmatch(r"[A-Z_]+", relation["plover"]), relation
    assert record["date"] is None or re.fullmatch(DATE, record["date"]), record["date"]
    assert isinstance(record["source"], str) and record["source"], record
    document = record["document"]
    assert set(document) == {"id", "sha256"} and document["id"], document
    assert re.fullmatch(r"[0-9a-f]{64}", document["sha256"]), document
    assert record["source"] == "doc-" + document["sha256"][:16] or not record["source"].startswith("doc-"), record
    evidence = record["evidence"]
    assert set(evidence) == {"text", "start", "end"}, evidence
    assert text[evidence["start"]:evidence["end"]].strip() == evidence["text"], evidence
    for mention in (record["subject"], record["object"]):
        if mention is not None:
            assert evidence["start"] <= mention["start"] and mention["end"] <= evidence["end"], (mention, evidence)
    assert isinstance(record["confidence"], float) and 0.0 <= record["confidence"] <= 1.0, record
    assert re.fullmatch(r"rule/[\w.-]+/\d+", record["method"]), record["method"]
    assert record["status"] in ("asserted", "reported", "alleged"), record
    assert record["polarity"] in ("positive", "negated", "denied"), record
    assert record["modality"] in ("actual", "intended", "proposed", "hypothetical"), record
    if record["status"] == "reported":
        assert record["claimant"] is not None, record


def is_call(record: dict) -> bool:
    return (record["subject"]["iri"] == ACTOR + "alexander-lukashenko" and record["object"] is not None
            and record["object"]["iri"] == ACTOR + "vladimir-putin"
            and record["relation"]["label"] in ("calls", "consults"))


@pytest.fixture(autouse=True)
def _no_merges_env(monkeypatch):
    monkeypatch.delenv("KG_MERGES", raising=False)


# -- module fixtures: the expensive runs, once ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_file() -> Path:
    return shared_path("seeds", SEED_NAME)


@pytest.fixture(scope="module")
def seed_runs(seed_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``kg extract SEED --published 2020-08-15`` in each format, in one empty working folder."""
    cwd = tmp_path_factory.mktemp("extract-seed")
    runs = {fmt: run_kg("extract", seed_file, "--published", "2020-08-15", "--format", fmt, cwd=cwd)
            for fmt in ("jsonl", "table", "turtle")}
    return {"cwd": cwd, **runs}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``kg build --text data/articles/belarus-2020-08.jsonl --store S`` once."""
    cwd = tmp_path_factory.mktemp("demo-build")
    result = run_kg("build", "--text", DEMO, "--store", "S", cwd=cwd)
    assert result.code == 0, result.err
    return {"cwd": cwd, "store": cwd / "S", "result": result}


# -- kg extract on the seed -----------------------------------------------------------------------------------


def test_extract_jsonl_keeps_the_contract(seed_runs, seed_file):
    result = seed_runs["jsonl"]
    assert result.code == 0, result.err
    text = seed_file.read_text(encoding="utf-8")
    records = jsonl(result.out)
    assert len(records) >= 10
    for record in records:
        check_record(record, text)
    assert {r["source"] for r in records} == {"seed-2020-08-15"}  # the registry source with the same sha256


def test_extract_finds_lukashenko_calls_putin(seed_runs):
    calls = [r for r in jsonl(seed_runs["jsonl"].out) if is_call(r)]
    assert calls, "Lukashenko calls Putin is missing"
    first = calls[0]
    assert first["relation"]["label"] == "calls" and first["relation"]["cameo"].startswith("04")
    assert first["relation"]["plover"] == "CONSULT"
    assert first["date"] == "2020-08-15" and first["status"] == "asserted" and first["polarity"] == "positive"
    assert first["modality"] == "actual" and first["claimant"] is None
    assert first["evidence"]["text"].startswith("Lukashenko calls Putin")


def test_extract_messages_go_to_stderr(seed_runs):
    result = seed_runs["jsonl"]
    count = len(result.out.splitlines())
    assert re.fullmatch(rf"Extracted {count} statements from 1 documents? in [\d.]+ s\.\n", result.err), result.err


def test_extract_touches_no_store(seed_runs):
    assert not (seed_runs["cwd"] / ".kg").exists()
    assert list(seed_runs["cwd"].iterdir()) == []  # no store, no merges file, no stray temporary file


def test_extract_table(seed_runs):
    result = seed_runs["table"]
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["subject", "relation", "object", "date", "status", "conf", "evidence"]
    assert re.search(r"Alexander Lukashenko\s+calls\s+Vladimir Putin\s+2020-08-15\s+asserted\s+0\.\d\d\s+"
                     + re.escape(Path(SEED_NAME).name) + r":0\b", result.out), result.out
    assert len(lines) - 2 == len(seed_runs["jsonl"].out.splitlines())  # header, rule, one row a statement


@pytest.mark.slow
def test_extract_turtle_is_the_same_text_whatever_the_hash_seed(tmp_path):
    """Sets iterate in an order that changes with PYTHONHASHSEED; the Turtle text must not."""
    import subprocess

    articles = Path(__file__).resolve().parent.parent / "data" / "articles"
    texts = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "kg", "extract", str(articles), "--format", "turtle"],
                              capture_output=True, text=True, cwd=tmp_path, timeout=300,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        texts.add(done.stdout)
    assert len(texts) == 1


def test_extract_turtle_has_events_and_attestations(seed_runs):
    result = seed_runs["turtle"]
    assert result.code == 0, result.err
    graph = Graph().parse(data=result.out, format="turtle")
    assert graph.query(PREFIXES + """ASK {
        ?e a pk:Event ; pk:relation pk:calls ; pk:actor actor:alexander-lukashenko ;
           pk:recipient actor:vladimir-putin ; pk:date "2020-08-15"^^xsd:date .
        ?a a pk:ExtractedAttestation ; pk:attests ?e ; pk:source source:seed-2020-08-15 ;
           pk:evidenceStart 0 ; pk:evidenceText ?text ; pk:method ?method ; pk:confidence ?c .
        actor:alexander-lukashenko rdfs:label ?l .
        FILTER(STRSTARTS(STR(?text), "Lukashenko calls Putin"))
    }""").askAnswer
    orphans = graph.query(PREFIXES + """SELECT ?x WHERE {
        { ?x a pk:ExtractedAttestation FILTER NOT EXISTS { ?x pk:attests ?e . ?e a pk:Event } }
        UNION { ?x a pk:Event FILTER NOT EXISTS { ?a pk:attests ?x } } }""")
    assert list(orphans) == []
    for record in jsonl(seed_runs["jsonl"].out):  # every statement of the JSONL is an event of the Turtle
        bindings = {"s": URIRef(record["subject"]["iri"]), "r": URIRef(record["relation"]["iri"])}
        if record["object"]:
            bindings["o"] = URIRef(record["object"]["iri"])
            sparql = "ASK { ?e a pk:Event ; pk:actor ?s ; pk:relation ?r ; pk:recipient ?o }"
        else:
            sparql = "ASK { ?e a pk:Event ; pk:actor ?s ; pk:relation ?r }"
        assert graph.query(PREFIXES + sparql, initBindings=bindings).askAnswer, record


def test_extract_resolves_an_unnamed_organisation_to_no_country(seed_runs):
    # German appeals to an unnamed Belarusian rights group for help: the recipient is a group, not Belarus
    appeal = next(r for r in jsonl(seed_runs["jsonl"].out) if r["relation"]["label"] == "appeals_for_aid")
    assert appeal["object"]["text"].endswith("human rights organisation")
    assert appeal["object"]["type"] != "Country", appeal["object"]


def test_extract_min_confidence_keeps_the_confident_statements(cli, seed_runs, seed_file):
    confidences = sorted({json.loads(line)["confidence"] for line in seed_runs["jsonl"].out.splitlines()})
    assert len(confidences) > 1
    threshold = confidences[len(confidences) // 2]  # the measured precisions move with calibration
    result = cli("extract", seed_file, "--published", "2020-08-15", "--min-confidence", str(threshold))
    assert result.code == 0, result.err
    kept = result.out.splitlines()
    assert kept and set(kept) <= set(seed_runs["jsonl"].out.splitlines())
    assert all(json.loads(line)["confidence"] >= threshold for line in kept)
    assert len(kept) < len(seed_runs["jsonl"].out.splitlines())


def test_extract_bad_published_date_is_a_usage_error(cli, seed_file):
    result = cli("extract", seed_file, "--published", "15/08/2020")
    assert result.code == 2 and result.out == ""
    assert "--published" in result.err and "YYYY-MM-DD" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("fmt", ["jsonl", "turtle"])
def test_extract_out_writes_the_file(cli, tmp_path, seed_runs, seed_file, fmt):
    result = cli("extract", seed_file, "--published", "2020-08-15", "--format", fmt, "--out", "sub/out.txt")
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err.rstrip().endswith("wrote sub/out.txt.")
    assert (tmp_path / "sub" / "out.txt").read_text(encoding="utf-8") == seed_runs[fmt].out
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["out.txt"]  # no temporary file left behind


def test_extract_out_keeps_the_old_file_when_the_run_fails(cli, tmp_path):
    (tmp_path / "good.txt").write_text(CALL, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "out.jsonl").write_text("previous\n", encoding="utf-8")
    result = cli("extract", "good.txt", "empty.txt", "--strict", "--out", "out.jsonl")
    assert_error(result, re.escape("empty.txt: empty file"))
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "good.txt", "out.jsonl"]


# -- standard input -------------------------------------------------------------------------------------------


def test_extract_stdin_jsonl_corpus(cli, monkeypatch):
    docs = [{"id": "one", "published": "2020-08-16", "text": "Intro line.\n\n" + CALL},
            {"id": "two", "text": "Sviatlana Tsikhanouskaya fled to Lithuania on Tuesday.\n"}]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(json.dumps(d) + "\n" for d in docs)))
    result = cli("extract", "-", "--published", "2020-08-14")
    assert result.code == 0, result.err
    records = jsonl(result.out)
    call = next(r for r in records if is_call(r))
    check_record(call, docs[0]["text"])
    assert call["date"] == "2020-08-15"  # "on Saturday" before Sunday 2020-08-16, the document's own date
    flees = next(r for r in records if r["relation"]["label"] == "flees_to")
    check_record(flees, docs[1]["text"])
    assert flees["date"] == "2020-08-11"  # "on Tuesday" before Friday 2020-08-14, the --published date
    assert call["source"] != flees["source"]
    assert re.match(r"Extracted \d+ statements from 2 documents", result.err), result.err


def test_extract_stdin_plain_text(cli, monkeypatch):
    text = "Minsk, 15 August.\n" + CALL
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    result = cli("extract", "-", "--published", "2020-08-15")
    assert result.code == 0, result.err
    records = jsonl(result.out)
    call = next(r for r in records if is_call(r))
    check_record(call, text)
    assert call["source"].startswith("doc-") and call["date"] == "2020-08-15"


def test_extract_stdin_through_a_pipe_equals_the_file(cli, tmp_path):
    by_file = cli("extract", DEMO)
    assert by_file.code == 0, by_file.err
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    piped = subprocess.run([sys.executable, "-m", "kg", "extract", "-"], input=DEMO.read_bytes(),
                           capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout.decode("utf-8") == by_file.out
    assert piped.stderr.decode("utf-8").startswith("Extracted ")


# -- unreadable input -----------------------------------------------------------------------------------------

SCRIPTS = ("<html><head><title>Live</title><script>" + "var state = {};" * 500 + "</script></head><body>"
           "<div id='app'></div><script>" + "render(state);" * 500 + "</script></body></html>")
GOOD_LINE = json.dumps({"id": "good-line", "published": "2020-08-15", "text": CALL})
BAD_INPUTS = {  # file name, content, where the problem is reported, and its message
    "empty": ("empty.txt", b"", "empty.txt", "empty file"),
    "binary": ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary.txt", "binary file, not text"),
    "latin-1": ("latin.txt", "Caf\u00e9 cr\u00e8me in Minsk.".encode("latin-1"), "latin.txt",
                "not UTF-8 text (byte 3)"),
    "too large": ("huge.txt", b"Rain fell on Minsk again. " * 240_000, "huge.txt",
                  "too large: 6240000 bytes, the limit is 5000000"),
    "html without text": ("page.html", SCRIPTS.encode(), "page.html", "no main text found in the HTML"),
    "not JSON": ("notjson.jsonl", f"{GOOD_LINE}\n{{'id': 1,\n".encode(), "notjson.jsonl:2", "not JSON: "),
    "no text": ("notext.jsonl", f'{GOOD_LINE}\n{{"id": "x", "title": "t"}}\n'.encode(), "notext.jsonl:2",
                "missing 'text'"),
    "huge JSONL line": ("bigline.jsonl", json.dumps({"id": "big", "text": "Rain. " * 900_000}).encode() + b"\n"
                        + GOOD_LINE.encode() + b"\n", "bigline.jsonl:1", "too large: "),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_unreadable_document_is_skipped_with_a_warning(cli, tmp_path, case):
    name, content, where, message = BAD_INPUTS[case]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(CALL, encoding="utf-8")
    result = cli("extract", name, "good.txt", "--published", "2020-08-16")
    assert result.code == 0, result.err
    assert f"Warning: skipped {where}: {message}" in result.err, result.err
    assert "Traceback" not in result.err
    assert re.search(r"skipped 1 unreadable", result.err), result.err
    good = [r for r in jsonl(result.out) if is_call(r)]
    assert good and all(r["date"] == "2020-08-15" for r in good)
    expected_documents = 2 if name.endswith(".jsonl") else 1  # the good line of a corpus is still read
    assert re.search(rf"from {expected_documents} documents", result.err), result.err


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_unreadable_document_stops_a_strict_run(cli, tmp_path, case):
    name, content, where, message = BAD_INPUTS[case]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(CALL, encoding="utf-8")
    result = cli("extract", name, "good.txt", "--strict")
    assert_error(result, re.escape(f"{where}: {message}"))


def test_no_readable_document_at_all_is_an_error(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    result = cli("extract", "empty.txt", "binary.txt", "missing.txt")
    assert result.code == 1 and result.out == ""
    lines = result.err.strip().splitlines()
    assert lines[:-1] == ["Warning: skipped empty.txt: empty file", "Warning: skipped binary.txt: binary file, not text",
                          "Warning: skipped missing.txt: no such file or folder"]
    assert re.fullmatch(r"Error: .*no document could be read.*", lines[-1]), lines[-1]
    assert "Traceback" not in result.err


def test_html_article_is_read(cli, tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in [
        "Alexander Lukashenko spoke by telephone with Vladimir Putin on Saturday, the Kremlin said.",
        "The two leaders discussed the situation in Belarus after a week of protests in Minsk and other cities.",
        "Officials in Minsk gave no further details of the conversation between the two presidents."])
    page = (f"<html><head><title>Leaders talk</title><script>{'track();' * 200}</script></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Leaders talk</h1>{paragraphs}</article></body></html>")
    (tmp_path / "call.html").write_text(page, encoding="utf-8")
    result = cli("extract", "call.html", "--published", "2020-08-16")
    assert result.code == 0, result.err
    assert any(is_call(r) and r["date"] == "2020-08-15" for r in jsonl(result.out)), result.out


# -- kg build --text ------------------------------------------------------------------------------------------


def test_build_text_adds_extracted_to_curated_statements(demo_store):
    assert re.search(r"Extracted [1-9]\d* statements from 3 documents", demo_store["result"].err)
    rows = select(demo_store["store"], """SELECT
        (COUNT(DISTINCT ?x) AS ?extracted) (COUNT(DISTINCT ?c) AS ?curated)
        WHERE { { ?x a pk:ExtractedAttestation } UNION { ?c a pk:CuratedAttestation } }""")
    assert rows[0]["extracted"] > 0
    assert rows[0]["curated"] == 56


def test_build_text_marks_new_actors_unreviewed(demo_store):
    from kg.curated import bundled_inputs, load_curated
    from kg.curated.world import load_world

    registry = {**load_curated(bundled_inputs()).actors, **load_world().actors}  # the world registry's are facts
    rows = select(demo_store["store"], """SELECT DISTINCT ?actor ?reviewed WHERE {
        ?att a pk:ExtractedAttestation ; pk:attests ?e . { ?e pk:actor ?actor } UNION { ?e pk:recipient ?actor }
        ?actor pk:reviewed ?reviewed }""")
    found = {r["actor"].removeprefix("actor:"): r["reviewed"] for r in rows}
    new = {ident: reviewed for ident, reviewed in found.items() if ident not in registry}
    assert new, "the demo articles name actors the registry does not know"
    assert not any(new.values()), new


def test_actors_lists_every_actor(demo_store):
    result = run_kg("actors", "--store", "S", "--format", "json", cwd=demo_store["cwd"])
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    count = select(demo_store["store"], "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a pk:reviewed ?r }")[0]["n"]
    assert len(rows) == count
    by_id = {row["id"]: row for row in rows}
    assert by_id["alexander-lukashenko"]["reviewed"] is True
    assert {row["reviewed"] for row in rows} == {True, False}


def test_actors_unreviewed_lists_the_new_actors(demo_store):
    result = run_kg("actors", "--unreviewed", "--store", "S", "--format", "json", cwd=demo_store["cwd"])
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    unreviewed = select(demo_store["store"], "SELECT ?a WHERE { ?a pk:reviewed false }")
    assert {r["id"] for r in rows if r["kind"] == "new actor"} == {r["a"].removeprefix("actor:") for r in unreviewed}
    assert "alexander-lukashenko" not in {r["id"] for r in rows}


def test_actors_unreviewed_table(demo_store):
    result = run_kg("actors", "--unreviewed", "--store", "S", cwd=demo_store["cwd"])
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].split() == ["kind", "id", "label", "type", "attestations", "detail"]
    assert "new actor" in result.out


def test_ingesting_the_same_articles_twice_adds_nothing(cli, tmp_path, demo_store):
    (tmp_path / "copy.jsonl").write_bytes(DEMO.read_bytes())
    result = cli("build", "--text", DEMO, "--text", "copy.jsonl", "--store", "S")
    assert result.code == 0, result.err
    assert same_graph(snapshot(tmp_path / "S"), snapshot(demo_store["store"]))


def test_strict_build_with_bad_text_leaves_the_store_as_it_was(cli, tmp_path):
    (tmp_path / "good.jsonl").write_text(GOOD_LINE + "\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text(GOOD_LINE.replace("good-line", "other") + "\n{broken\n", encoding="utf-8")
    first = cli("build", "--text", "good.jsonl", "--store", "S")
    assert first.code == 0, first.err
    before = snapshot(tmp_path / "S")
    manifest = (tmp_path / "S" / "current" / "manifest.json").read_text()
    failed = cli("build", "--text", "good.jsonl", "--text", "bad.jsonl", "--strict", "--store", "S")
    assert_error(failed, re.escape("bad.jsonl:2: not JSON"))
    after = snapshot(tmp_path / "S")
    assert len(after) == len(before) and same_graph(before, after)
    assert (tmp_path / "S" / "current" / "manifest.json").read_text() == manifest


def test_build_text_skips_bad_documents_without_strict(cli, tmp_path):
    (tmp_path / "bad.jsonl").write_text(GOOD_LINE + "\n{broken\n", encoding="utf-8")
    result = cli("build", "--text", "bad.jsonl", "--store", "S")
    assert result.code == 0, result.err
    assert "Warning: skipped bad.jsonl:2: not JSON" in result.err
    assert select(tmp_path / "S", PREFIXES + """ASK { ?a a pk:ExtractedAttestation ; pk:attests ?e .
        ?e pk:actor actor:alexander-lukashenko ; pk:recipient actor:vladimir-putin }""")


def test_build_applies_an_accepted_merge(cli, tmp_path):
    (tmp_path / "c.jsonl").write_text('{"id": "d1", "published": "2020-08-20", "text": '
                                      '"The Minsk Freedom Committee criticised Alexander Lukashenko on Thursday."}\n',
                                      encoding="utf-8")
    (tmp_path / "merges.yaml").write_text("merges:\n  - name: Minsk Freedom Committee\n    into: belarusian-opposition\n"
                                          "    score: 0\n    status: accepted\n", encoding="utf-8")
    result = cli("build", "--text", "c.jsonl", "--store", "S", "--merges", "merges.yaml")
    assert result.code == 0, result.err
    assert select(tmp_path / "S", PREFIXES + """ASK { ?a a pk:ExtractedAttestation ; pk:attests ?e .
        ?e pk:actor actor:belarusian-opposition ; pk:relation pk:criticizes }""")
    assert select(tmp_path / "S", "SELECT ?a WHERE { ?a rdfs:label ?l FILTER(STR(?l) = 'Minsk Freedom Committee') }") == []
    assert "status: accepted" in (tmp_path / "merges.yaml").read_text(encoding="utf-8")


def test_build_proposes_a_merge_and_respects_its_rejection(cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"id": "d1", "published": "2020-08-20", "text": "Viktar Babaryka criticised Alexander Lukashenko on Thursday."}\n'
        '{"id": "d2", "published": "2020-08-21", "text": "Viktor Babaryka criticised Alexander Lukashenko on Friday."}\n',
        encoding="utf-8")
    first = cli("build", "--text", "c.jsonl", "--store", "S")  # the merges file is merges.yaml by default
    assert first.code == 0, first.err
    assert "1 merges proposed in merges.yaml" in first.err
    merges = (tmp_path / "merges.yaml").read_text(encoding="utf-8")
    assert "name: Viktor Babaryka\n  into: viktar-babaryka" in merges and "status: proposed" in merges
    listing = json.loads(cli("actors", "--unreviewed", "--store", "S", "--merges", "merges.yaml", "-f", "json").out)
    assert {(r["kind"], r["label"]) for r in listing} >= {("proposed merge", "Viktor Babaryka"),
                                                          ("new actor", "Viktar Babaryka")}
    (tmp_path / "merges.yaml").write_text(merges.replace("status: proposed", "status: rejected"), encoding="utf-8")
    second = cli("build", "--text", "c.jsonl", "--store", "S")
    assert second.code == 0, second.err
    people = select(tmp_path / "S", """SELECT ?a WHERE { ?a a pk:Person ; rdfs:label ?l
                                       FILTER(CONTAINS(STR(?l), "Babaryka")) } ORDER BY ?a""")
    assert [r["a"] for r in people] == ["actor:viktar-babaryka", "actor:viktor-babaryka"]
    assert "status: rejected" in (tmp_path / "merges.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "where", "message"), [
    ("merges:\n  - name: Moscow\n    into: russia\n    status: accepted\n  - name: NATO\n", "merges.yaml:5",
     "merge 2 needs name and into"),
    ("merges:\n  - name: Moscow\n    into: russia\n    status: maybe\n", "merges.yaml:2", "merge status must be"),
    ("merges:\n  - name: [Moscow\n", r"merges.yaml:\d+", "malformed YAML"),
])
def test_malformed_merges_file_is_a_one_line_error(cli, tmp_path, content, where, message):
    (tmp_path / "merges.yaml").write_text(content, encoding="utf-8")
    result = cli("build", "--text", DEMO, "--store", "S", "--merges", "merges.yaml")
    assert_error(result, where + ": " + re.escape(message))
    assert not (tmp_path / "S").exists()


# -- one event, several sources -------------------------------------------------------------------------------

TWO_REPORTS = {
    "weekday": ("Andrzej Duda spoke by telephone with Gitanas Nauseda on Thursday, his office said.",
                "Gitanas Nauseda's office said the border with Belarus was the main topic. Andrzej Duda spoke by "
                "telephone with Gitanas Nauseda on Thursday."),
    "written date": ("Andrzej Duda spoke by telephone with Gitanas Nauseda on 12 August 2021, his office said.",
                     "On August 12, 2021, Andrzej Duda spoke by telephone with Gitanas Nauseda about the border "
                     "with Belarus."),
}


@pytest.mark.parametrize("wording", TWO_REPORTS)
def test_one_event_reported_by_two_articles(cli, tmp_path, wording):
    first, second = TWO_REPORTS[wording]
    (tmp_path / "wires.jsonl").write_text(
        json.dumps({"id": "wire-a", "published": "2021-08-13", "title": "Presidents talk", "text": first}) + "\n"
        + json.dumps({"id": "wire-b", "published": "2021-08-16", "title": "Border talks", "text": second}) + "\n",
        encoding="utf-8")
    result = cli("build", "--text", "wires.jsonl", "--store", "S")
    assert result.code == 0, result.err
    rows = select(tmp_path / "S", """
        SELECT ?e ?date (COUNT(DISTINCT ?att) AS ?attestations) (COUNT(DISTINCT ?src) AS ?sources) WHERE {
          ?duda rdfs:label ?dl . FILTER(STR(?dl) = "Andrzej Duda")
          ?nauseda rdfs:label ?nl . FILTER(STR(?nl) = "Gitanas Nauseda")
          ?e a pk:Event ; pk:actor ?duda ; pk:recipient ?nauseda ; pk:date ?date .
          ?att pk:attests ?e ; pk:source ?src .
        } GROUP BY ?e ?date""")
    assert len(rows) == 1, rows
    assert str(rows[0]["date"]) == "2021-08-12"
    assert rows[0]["attestations"] == 2 and rows[0]["sources"] == 2


def test_coordinated_titled_names_are_the_people(cli, monkeypatch):
    text = "Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda spoke by telephone on Thursday.\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    result = cli("extract", "-", "--published", "2021-08-13")
    assert result.code == 0, result.err
    records = jsonl(result.out)
    labels = {m["label"] for r in records for m in (r["subject"], r["object"]) if m}
    assert "Lithuanian President" not in labels  # a title, not an actor of its own
    assert any(r["relation"]["label"] == "consults" and {r["subject"]["label"], r["object"]["label"]}
               == {"Andrzej Duda", "Gitanas Nauseda"} and r["date"] == "2021-08-12" for r in records), records


# -- processes ------------------------------------------------------------------------------------------------


def test_two_processes_give_the_same_output(tmp_path, seed_file):
    args = ("extract", DEMO, seed_file, "--published", "2020-08-15")
    one = run_kg(*args, "--processes", "1", cwd=tmp_path)
    two = run_kg(*args, "--processes", "2", cwd=tmp_path)
    assert one.code == 0 and two.code == 0, (one.err, two.err)
    assert len(one.out.splitlines()) > 20
    assert two.out == one.out


# -- kg eval --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_eval(seeds, tmp_path_factory) -> dict:
    cwd = tmp_path_factory.mktemp("eval")
    result = run_kg("eval", GOLD, "--sources", seeds, "--format", "json", "--out", "report.json", cwd=cwd)
    return {"cwd": cwd, "result": result}


def test_eval_seed_reports_json(seed_eval):
    result = seed_eval["result"]
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert {"precision", "recall", "f1", "core_recall", "families"} <= report.keys()
    for key in ("precision", "recall", "f1", "core_recall"):
        assert 0.0 <= report[key] <= 1.0
    assert report["records"] == 1 and report["gold"] > 0
    assert {"consults", "flees_to"} <= {row["name"] for row in report["families"]}
    classes = {row["name"]: row for row in report["classes"]}  # per rule class: the seed's calls are consults
    assert classes["consult"]["matched"] >= 1 and sum(r["matched"] for r in classes.values()) == report["matched"]
    assert re.match(r"Scored 1 gold records", result.err)


def test_eval_seed_meets_the_project_targets(seed_eval):
    report = json.loads(seed_eval["result"].out)
    assert report["core_recall"] >= 0.9, report["core_recall"]
    assert report["precision"] >= 0.85, report["precision"]


def test_eval_out_writes_the_report(seed_eval):
    written = seed_eval["cwd"] / "report.json"
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(seed_eval["result"].out)


def test_eval_open_gold_has_plover_type_rows(cli):
    result = cli("eval", shared_path("eval", "plover_gsr.jsonl"), shared_path("eval", "re3d_open.jsonl"), "-f", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert sorted(report["datasets"]) == ["plover", "re3d"] and report["records"] == 322 + 40
    rows = report["plover_types"]
    assert rows and all(row["what"] == "plover_type" for row in rows)
    assert {"CONSULT", "AGREE"} <= {row["name"] for row in rows}
    assert all(0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0 for row in rows)


def test_eval_table_lists_families(cli, seeds):
    result = cli("eval", GOLD, "--sources", seeds)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].split()[:4] == ["what", "name", "gold", "predicted"]
    assert re.search(r"^family\s+consults\s", result.out, re.M)


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not JSON"),
    ('{"id": "g2", "text": "x"}', "record 'g2' has no 'gold.triples' list"),
])
def test_eval_bad_gold_line_is_a_one_line_error(cli, tmp_path, line, message):
    good = {"id": "g1", "text": CALL, "published": "2020-08-16", "gold": {"triples": [
        {"subject": ["Alexander Lukashenko"], "family": "consults", "cameo": "04", "object": ["Vladimir Putin"],
         "core": True}]}}
    (tmp_path / "gold.jsonl").write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    assert_error(cli("eval", "gold.jsonl"), re.escape(f"gold.jsonl:2: {message}"))


def test_eval_gold_record_whose_text_is_missing(cli, tmp_path):
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "g1", "file": "nowhere.txt", "sha256": "0" * 64,
                                                     "gold": {"triples": []}}) + "\n", encoding="utf-8")
    assert_error(cli("eval", "gold.jsonl"), re.escape("gold.jsonl:1: ") + r".*nowhere\.txt.*--sources")


def test_extract_report_lists_new_actors_and_cleanings(cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"id": "d1", "published": "2020-08-20", "text": "The Minsk Freedom Committee criticised the government of '
        'Belarus on Thursday. More than 300 people protested against Alexander Lukashenko."}\n', encoding="utf-8")
    result = cli("extract", "c.jsonl", "--report", "r.json")
    assert result.code == 0, result.err
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["documents"] == 1 and report["statements"] == len(result.out.splitlines()) > 0
    [actor] = [a for a in report["new_actors"] if a["label"] == "Minsk Freedom Committee"]
    assert actor["document"] == "d1" and actor["count"] == 1 and actor["reason"]
    assert "people" not in {a["label"].lower() for a in report["new_actors"]}  # generic, never proposed
    assert {"criticizes"} <= report["relations"].keys()
    assert "Corpus report: 1 documents" in result.err and "Minsk Freedom Committee" in result.err


def test_extract_report_is_not_written_when_nothing_is_read(cli, tmp_path):
    result = cli("extract", "missing.txt", "--report", "r.json")
    assert result.code != 0 and not (tmp_path / "r.json").exists()


def test_build_text_reads_a_text_given_twice_as_one_source(cli, tmp_path):
    text = "Amnesty International said police detained Viktar Babaryka on Thursday."
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "d1", "published": "2020-08-20", "text": text}) + "\n"
                                      + json.dumps({"id": "d2", "published": "2020-08-20", "text": text}) + "\n",
                                      encoding="utf-8")
    result = cli("build", "--text", "c.jsonl", "--store", "S")
    assert result.code == 0, result.err
    rows = select(tmp_path / "S", PREFIXES + "SELECT ?a WHERE { ?a a pk:ExtractedAttestation }")
    single = cli("extract", "c.jsonl")
    assert len(rows) == len(single.out.splitlines()) // 2 > 0


def test_build_text_types_a_new_election_within_the_range_of_wins(cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "d1", "published": "2021-05-10",
                                                  "text": "The Freedom Party won the regional election on Sunday."})
                                      + "\n", encoding="utf-8")
    result = cli("build", "--text", "c.jsonl", "--store", "S")  # the shapes are checked before it lands
    assert result.code == 0, result.err
    assert select(tmp_path / "S", PREFIXES + """ASK { ?e pk:relation pk:wins ; pk:recipient ?x .
        ?x a pk:Election }""")
