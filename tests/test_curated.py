import hashlib
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kg.curated import bundled_inputs, load_curated
from kg.curated.evidence import attach_evidence
from kg.errors import InputError
from kg.resources import bundled_path

from .conftest import ROOT, SEED_NAME

REQUIRED_RELATIONS = {
    "calls", "proposes", "rejects_mediation", "flees_to", "wins", "accuses", "accuses_of_human_rights_abuses",
    "detains", "represses", "imprisons", "declines_comment", "reports", "partner_of", "spouse_of",
    "head_of_state_of", "tortures", "kills", "releases",
}


@pytest.fixture(scope="module")
def data():
    return load_curated(bundled_inputs())


def by_id(data, ident):
    return next(s for s in data.statements if s.id == ident)


def test_bundled_data_is_large_enough(data):
    assert len(data.statements) >= 25
    assert len(data.actors) >= 20
    assert {s.relation for s in data.statements} >= REQUIRED_RELATIONS


def test_registry_has_the_actors_of_the_seed_article(data):
    for ident in ("alexander-lukashenko", "vladimir-putin", "sviatlana-tsikhanouskaya", "siarhei-tsikhanouski",
                  "poland", "latvia", "lithuania", "russia", "belarus", "kremlin", "belta", "amnesty-international",
                  "interior-ministry-of-belarus", "belarusian-police", "elena-german", "alexander-taraikovsky",
                  "associated-press", "union-state"):
        assert ident in data.actors, ident
    tsikhanouskaya = data.actors["sviatlana-tsikhanouskaya"]
    names = {text for text, _ in tsikhanouskaya.aliases}
    assert {"Tikhanovskaya", "Tsikhanouskaya", "Светлана Тихановская", "Святлана Ціханоўская"} <= names
    assert {lang for _, lang in tsikhanouskaya.aliases} >= {"en", "be", "ru"}
    lukashenko = data.actors["alexander-lukashenko"]
    assert lukashenko.wikidata == "Q2866" and lukashenko.wikidata_source
    role = lukashenko.roles[0]
    assert (role.role, role.of, role.start) == ("HeadOfState", "belarus", date(1994, 7, 20))
    assert role.valid_on(date(2020, 8, 15)) and not role.valid_on(date(1990, 1, 1))


def test_iso_codes_come_from_pycountry(data):
    import pycountry

    for ident in ("belarus", "russia", "poland", "latvia", "lithuania"):
        actor = data.actors[ident]
        expected = pycountry.countries.lookup(actor.iso.alpha2)
        assert (actor.iso.alpha3, actor.iso.numeric) == (expected.alpha_3, expected.numeric)
    assert data.actors["russia"].iso.alpha2 == "RU"
    assert data.actors["alexander-lukashenko"].iso is None


def test_every_statement_is_complete(data):
    for statement in data.statements:
        assert statement.note, statement.id
        assert statement.origin is not None and statement.origin.line > 0
        if statement.source == "seed-2020-08-15":
            assert statement.evidence is not None, statement.id


def test_relative_dates_resolve_against_publication_date(data):
    assert by_id(data, "baltics-poland-propose-mediation").date.start == date(2020, 8, 12)
    assert by_id(data, "belta-reports-result").date.start == date(2020, 8, 10)
    assert by_id(data, "lukashenko-rejects-mediation").date.start == date(2020, 8, 15)
    assert by_id(data, "police-shot-taraikovsky-alleged").date.start == date(2020, 8, 10)


def test_qualifiers(data):
    kremlin = by_id(data, "kremlin-announces-call")
    assert (kremlin.status, kremlin.claimant) == ("reported", "kremlin")
    assert by_id(data, "torture-alleged").status == "alleged"
    assert by_id(data, "german-seeks-investigation").modality == "intended"
    proposal = by_id(data, "baltics-poland-propose-mediation")
    assert proposal.subjects == ("latvia", "lithuania", "poland") and proposal.cameo == "039"


def test_source_registry_matches_the_seed(data, seeds):
    source = data.sources["seed-2020-08-15"]
    assert source.published == date(2020, 8, 15)
    readme = (seeds / "README.md").read_text(encoding="utf-8")
    assert "2020-08-15" in readme
    assert hashlib.sha256((seeds / source.file).read_bytes()).hexdigest() == source.sha256


def test_evidence_spans_are_whole_sentences(data, seeds, seed_text):
    report = attach_evidence(data, [seeds])
    assert report.attached == sum(1 for s in data.statements if s.evidence)
    for statement in data.statements:
        if statement.evidence is None:
            continue
        start, end = statement.evidence.start, statement.evidence.end
        assert statement.evidence.text == seed_text[start:end]
        assert start == 0 or seed_text[start - 1] in "\n ", statement.id
        assert end == len(seed_text) or seed_text[end] in "\n ", statement.id
        assert seed_text[end - 1] in ".”\"!?" or "\n" in seed_text[end:end + 1], statement.id


def test_no_article_sentence_is_copied_into_the_repository(seed_text):
    """Curated notes and every other file are in our own words: no 8-word run of the seed appears."""
    words = re.findall(r"\w+", seed_text.lower())
    runs = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        path = ROOT / name
        if path.suffix in (".png", ".ico") or not path.is_file():
            continue
        text = " ".join(re.findall(r"\w+", path.read_text(encoding="utf-8", errors="ignore").lower()))
        for run in runs:
            assert run not in text, f"{name} copies the seed: {run!r}"


# --- bad input ------------------------------------------------------------------------------------

GOOD_STATEMENT = """\
statements:
  - id: s1
    subject: Lukashenko
    relation: calls
    object: Putin
    date: on Wednesday
    source: seed-2020-08-15
    evidence: [0, 68]
    note: test
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return load_curated([bundled_path("data", "actors.yaml"), bundled_path("data", "sources.yaml"), path])


def test_good_statement_loads(tmp_path):
    statement = load(tmp_path, GOOD_STATEMENT).statements[0]
    assert statement.subjects == ("alexander-lukashenko",) and statement.objects == ("vladimir-putin",)
    assert statement.date.start == date(2020, 8, 12)


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("relation: calls", "relation: cals"), 4, "unknown relation 'cals' (did you mean 'calls'"),
        (("object: Putin", "object: Putn"), 5, "no actor called 'Putn'"),
        (("date: on Wednesday", "date: 2020-13-45"), 6, "bad date '2020-13-45'"),
        (("date: on Wednesday", "date: whenever"), 6, "bad date 'whenever'"),
        (("source: seed-2020-08-15", "source: seed"), 7, "unknown source 'seed'"),
        (("evidence: [0, 68]", "evidence: [68, 0]"), 8, "evidence offsets must be integers with 0 <= start < end"),
        (("note: test", "note: test\n    notes: typo"), 10, "unknown key 'notes' in a statement (did you mean 'note'"),
        (("note: test", "note: test\n    note: twice"), 10, "duplicate key 'note'"),
        (("    subject: Lukashenko\n", ""), 2, "missing 'subject'"),
        (("note: test", "note: test\n    status: reported"), 2, "a reported statement needs a claimant"),
        (("note: test", "note: test\n    status: rumoured"), 2, "status must be one of asserted, reported, alleged"),
        (("note: test", "note: test\n    cameo: '126'"), 10, "CAMEO code 126 is not within calls's code (041)"),
        (("note: test", "note: test\n    polarity: maybe"), 2, "polarity must be one of"),
        (("relation: calls", "relation: interacts_with"), 4, "root of the hierarchy"),
        (("statements:", "statement:"), 1, "unknown section 'statement' (did you mean 'statements'"),
        (("    note: test\n", "    note: [unclosed\n"), 10, "malformed YAML"),
    ],
)
def test_bad_statement(tmp_path, change, line, message):
    old, new = change
    assert old in GOOD_STATEMENT
    with pytest.raises(InputError) as caught:
        load(tmp_path, GOOD_STATEMENT.replace(old, new))
    text = str(caught.value)
    assert text.startswith(f"{tmp_path / 'bad.yaml'}:{line}: "), text
    assert message in text
    assert "\n" not in text


def test_duplicate_statement_id(tmp_path):
    twice = GOOD_STATEMENT + GOOD_STATEMENT.split("statements:\n", 1)[1]
    with pytest.raises(InputError, match=r"bad.yaml:10: duplicate statement id 's1' \(already used at .*bad.yaml:2\)"):
        load(tmp_path, twice)


def test_duplicate_actor_id(tmp_path):
    with pytest.raises(InputError, match=r"bad.yaml:2: duplicate id 'belarus' \(already used at data/actors.yaml:"):
        load(tmp_path, "actors:\n  - id: belarus\n    type: Country\n    label: Belarus\n")


def test_ambiguous_name(tmp_path):
    extra = "actors:\n  - {id: other-putin, type: Person, label: Lyudmila Putina, aliases: [Putin]}\n"
    with pytest.raises(InputError, match="'Putin' is ambiguous"):
        load(tmp_path, extra + GOOD_STATEMENT)


def test_country_without_iso_code(tmp_path):
    with pytest.raises(InputError, match="no ISO 3166 country matches 'Ruritania'"):
        load(tmp_path, "actors:\n  - {id: ruritania, type: Country, label: Ruritania}\n")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("statements: []\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="latin1.yaml: not UTF-8"):
        load_curated([path])


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="nope.yaml: no such file or folder"):
        load_curated([tmp_path / "nope.yaml"])


def test_evidence_checks_the_checksum_and_the_bounds(tmp_path, seeds):
    data = load(tmp_path, GOOD_STATEMENT.replace("[0, 68]", "[0, 99999]"))
    with pytest.raises(InputError, match="evidence end 99999 is beyond the end"):
        attach_evidence(data, [seeds])
    changed = tmp_path / "texts"
    changed.mkdir()
    (changed / SEED_NAME).write_text("another text", encoding="utf-8")
    with pytest.raises(InputError, match="sources.yaml:.*has sha256 .* the registry says d39f83c7"):
        attach_evidence(load(tmp_path, GOOD_STATEMENT), [changed])
