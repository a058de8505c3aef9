"""`kg import`: GDELT and ICEWS event files into the graph, bad rows counted, the store never half-written."""

from __future__ import annotations

import gzip
import json

import pytest

from kg.analyze import project
from kg.errors import InputError, UnknownTerm
from kg.eventdata import import_events
from kg.eventdata.files import BadRow, Row, read_gdelt, read_icews, relation_for_cameo, relation_for_plover
from kg.graph import KnowledgeGraph

from .conftest import shared_path


def gdelt2_row(event_id="1", day="20240101", code="043", actor1=("BLR", "BELARUS", "BLR"),
               actor2=("RUS", "RUSSIA", "RUS"), url="https://news.example/a"):
    fields = [""] * 61
    fields[0], fields[1], fields[26] = event_id, day, code
    fields[5], fields[6], fields[7] = actor1
    fields[15], fields[16], fields[17] = actor2
    fields[59], fields[60] = day + "000000", url
    return "\t".join(fields)


ICEWS_HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
                "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
                "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude")


@pytest.mark.parametrize(("code", "relation"), [("043", "hosts"), ("0431", "hosts"), ("190", "fights"),
                                                ("051", "praises"), ("112", "accuses"), ("138", "threatens")])
def test_cameo_codes_choose_relations(code, relation):
    assert relation_for_cameo(code) == relation


def test_unknown_cameo_code():
    with pytest.raises(UnknownTerm):
        relation_for_cameo("99")


def test_read_gdelt_layouts_and_bad_rows(tmp_path):
    path = tmp_path / "x.export.CSV"
    path.write_text("\n".join([gdelt2_row(), "too\tfew", gdelt2_row(day="2024xx01"), gdelt2_row(code="--"),
                               gdelt2_row(actor1=("", "", ""))]) + "\n")
    items = list(read_gdelt(path))
    assert isinstance(items[0], Row) and items[0].cameo == "043" and items[0].target.name == "RUSSIA"
    assert items[0].url == "https://news.example/a" and str(items[0].added) == "2024-01-01"
    assert [(i.line, i.reason) for i in items[1:]] == [
        (2, "2 columns; GDELT events have 61 (2.0), 58 or 57 (1.0)"), (3, "bad SQLDATE '2024xx01'"),
        (4, "bad EventCode '--'"), (5, "no Actor1")]
    assert all(isinstance(i, BadRow) for i in items[1:])


def test_real_gdelt_1_sample_reads_both_layouts():
    path = shared_path("data", "events", "gdelt1_sample", "events.csv.gz")
    items = list(read_gdelt(path))
    assert len(items) == 710
    rows = [i for i in items if isinstance(i, Row)]
    assert {r.url is None for r in rows} == {True, False}, "57-column rows have no SOURCEURL, 58-column rows do"
    assert all(isinstance(i, Row) or i.reason == "no Actor1" for i in items)


def test_real_icews_file_reads_every_row():
    path = shared_path("data", "events", "icews_daily_2018-2019", "20181004-icews-events.tab.gz")
    items = list(read_icews(path))
    assert len(items) == 2338
    rows = [i for i in items if isinstance(i, Row)]
    assert len(rows) >= 2330 and all(r.story for r in rows)


def test_icews_header_is_checked(tmp_path):
    path = tmp_path / "x.tab"
    path.write_text("a\tb\n1\t2\n")
    assert [(i.line, i.reason[:24]) for i in read_icews(path)] == [(1, "not an ICEWS events file")]


def test_import_maps_rows_to_events_sources_and_registry_actors(tmp_path):
    path = tmp_path / "two.export.CSV.gz"
    rows = [gdelt2_row("1", url="https://news.example/a"), gdelt2_row("2", url="https://news.example/b"),
            gdelt2_row("3", code="112", actor1=("BLRGOV", "BELARUS", "BLR"), actor2=("", "", ""))]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    report = import_events("gdelt", [path], store=tmp_path / "kg")
    assert (report.rows, report.imported, report.skipped, report.sources) == (3, 3, {}, 2)
    assert report.new_actors == 1 and report.triples_per_row > 5
    kg = KnowledgeGraph.open(tmp_path / "kg")
    G = project(kg)
    (edge,) = G.get_edge_data("actor:belarus", "actor:russia").values()
    assert edge["relation"] == "hosts" and edge["cameo"] == "043" and edge["goldstein"] == 2.8
    assert edge["sources"] == 2 and edge["attestations"] == 2, "one event, seen in two documents"
    assert edge["date"] == "2024-01-01" and edge["source_url"] in ("https://news.example/a", "https://news.example/b")
    new = kg.query("SELECT ?a ?label ?type WHERE { ?a pk:reviewed false ; rdfs:label ?label ; a ?type ; "
                   "rdfs:comment ?c . FILTER(STRSTARTS(STR(?c), 'Imported from')) }")
    assert [(r["label"], r["type"]) for r in new] == [("Belarus GOV", "pk:GovernmentBody")]
    assert kg.query("SELECT ?e WHERE { ?e pk:relation pk:accuses ; pk:actor ?a . ?a rdfs:label 'Belarus GOV'@en }")


def test_strict_stops_and_changes_nothing(tmp_path):
    path = tmp_path / "x.export.CSV"
    path.write_text(gdelt2_row() + "\n" + gdelt2_row(code="--") + "\n")
    import_events("gdelt", [path], store=tmp_path / "kg")
    before = sorted(map(str, KnowledgeGraph.open(tmp_path / "kg").graph))
    current = (tmp_path / "kg" / "current").resolve()
    with pytest.raises(InputError, match=r"x.export.CSV:2: bad EventCode '--'"):
        import_events("gdelt", [path], store=tmp_path / "kg", strict=True)
    assert sorted(map(str, KnowledgeGraph.open(tmp_path / "kg").graph)) == before
    assert (tmp_path / "kg" / "current").resolve() == current


def test_import_twice_adds_nothing(tmp_path):
    path = tmp_path / "x.export.CSV"
    path.write_text(gdelt2_row() + "\n")
    first = import_events("gdelt", [path], store=tmp_path / "kg")
    again = import_events("gdelt", [path], store=tmp_path / "kg")
    assert again.triples == first.triples


def test_cli_import_real_files(cli):
    gdelt = shared_path("data", "events", "gdelt1_sample", "events.csv.gz")
    icews = shared_path("data", "events", "icews_daily_2018-2019", "20181008-icews-events.tab.gz")
    done = cli("import", "gdelt", gdelt)
    assert done.code == 0, done.err
    assert "of 710 rows from 1 files" in done.err and "Skipped" in done.err and "no Actor1" in done.err
    done = cli("import", "icews", icews)
    assert done.code == 0, done.err
    assert "of 507 rows" in done.err
    done = cli("analyze", "centrality", "-n", "3", "-f", "csv")
    assert done.code == 0 and len(done.out.splitlines()) == 4
    done = cli("import", "icews", gdelt, "--strict")
    assert done.code == 1 and "events.csv.gz:1: not an ICEWS events file" in done.err
    done = cli("import", "acled", gdelt)
    assert done.code == 2


def test_gdelt_mentions_attach_documents_sentences_and_confidence(tmp_path):
    folder = shared_path("data", "events", "gdelt2_export_mentions_2015-02-18")
    export, mentions = folder / "20150218230000.export.CSV.gz", folder / "20150218230000.mentions.CSV.gz"
    report = import_events("gdelt", [mentions, export], store=tmp_path / "kg")
    assert report.files == 1 and report.mentions > report.imported / 2
    kg = KnowledgeGraph.open(tmp_path / "kg")
    rows = kg.query("SELECT ?att ?conf ?start ?end ?note WHERE { ?att pk:method method:gdelt-mention ; "
                    "pk:confidence ?conf ; rdfs:comment ?note . OPTIONAL { ?att pk:evidenceStart ?start ; "
                    "pk:evidenceEnd ?end } }")
    assert len(rows) > 100
    assert all(0 <= float(r["conf"]) <= 1 and r["note"].startswith("GDELT mention: sentence ") for r in rows)
    assert any(r["start"] is not None and r["end"] > r["start"] for r in rows)
    G = project(kg)
    assert max(d["sources"] for _, _, d in G.edges(data=True)) > 1, "mentioning documents are sources"


def test_plover_records_round_trip_to_the_same_events(cli, tmp_path):
    assert cli("build").code == 0
    assert cli("export", "--format", "plover", "--out", "events.jsonl").code == 0
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    (tmp_path / "bad.jsonl").write_text('{"event": "NOPE", "actor": [{"entity_text": "X"}]}\nnot json\n')
    done = cli("import", "plover", "events.jsonl", "bad.jsonl", "--store", "copy")
    assert done.code == 0, done.err
    assert f"Imported {len(records)} of {len(records) + 2} rows" in done.err and "not JSON: 1" in done.err
    original = {r["event"] for r in KnowledgeGraph.open(tmp_path / ".kg").query("SELECT ?event WHERE { ?event a pk:Event }")}
    copied = KnowledgeGraph.open(tmp_path / "copy")
    imported = {r["event"] for r in copied.query("SELECT ?event WHERE { ?event a pk:Event }")}
    expected = {"event:" + r["id"] for r in records}
    assert any(r["event_loc"] for r in records), "places travel as event_loc"
    assert any(p["polkg_id"].startswith("node:") for r in records for p in r["actor"] + r["recipient"]), \
        "things the new store lacks are recreated"
    assert expected <= original and expected == imported, "the same events (hashes of relation, parties, date, place)"
    assert cli("validate", "--store", "copy").code == 0
    assert relation_for_plover("CONSULT", "phone") == "calls"
    done = cli("import", "plover", "bad.jsonl", "--store", "copy", "--strict")
    assert done.code == 1 and "bad.jsonl:1: unknown PLOVER event type 'NOPE'" in done.err


@pytest.mark.parametrize("dataset", ["icews", "gdelt"])
def test_worker_processes_import_the_same_graph_as_one_process(tmp_path, dataset):
    from .conftest import same_graph

    if dataset == "icews":
        folder = shared_path("data", "events", "icews_daily_2018-2019")
        files = sorted(folder.glob("*.tab.gz"))[:4]
    else:  # two export files and their mentions
        folder = shared_path("data", "events", "gdelt2_export_mentions_2015-02-18")
        files = sorted(folder.glob("*.CSV.gz"))[:4]
    one = import_events(dataset, files, store=tmp_path / "one", processes=1)
    two = import_events(dataset, files, store=tmp_path / "two", processes=2, batch=20_000)
    assert one.imported > 1000 and (one.rows, one.imported, one.skipped, one.mentions, one.new_actors,
                                     one.sources, one.triples) == \
        (two.rows, two.imported, two.skipped, two.mentions, two.new_actors, two.sources, two.triples)
    assert same_graph(KnowledgeGraph.open(tmp_path / "one").graph, KnowledgeGraph.open(tmp_path / "two").graph)


def test_a_bad_row_in_a_worker_stops_a_strict_import_and_changes_nothing(tmp_path):
    good = shared_path("data", "events", "icews_daily_2018-2019", "20181008-icews-events.tab.gz")
    bad = tmp_path / "bad.tab"
    with gzip.open(good, "rt", encoding="utf-8") as lines:
        bad.write_text(next(lines) + next(lines) + "a\tbroken\trow\n", encoding="utf-8")
    import_events("icews", [good], store=tmp_path / "kg")
    before = len(KnowledgeGraph.open(tmp_path / "kg"))
    with pytest.raises(InputError, match=r"bad.tab:3"):
        import_events("icews", [good, bad, good], store=tmp_path / "kg", processes=2, strict=True)
    assert len(KnowledgeGraph.open(tmp_path / "kg")) == before


def test_a_document_in_several_files_is_described_once_whatever_the_processes(tmp_path):
    """GDELT 1.0 rows of different days can share a URL with different DATEADDED: the first description
    in file order wins, with one process or several (a source has one publication date)."""
    sample = shared_path("data", "events", "gdelt1_sample", "events.csv.gz")
    with gzip.open(sample, "rt", encoding="utf-8") as lines:
        first = next(lines).rstrip("\n").split("\t")
    for name, added, event in (("a.csv", "20160728", "1"), ("b.csv", "20160801", "2")):
        row = list(first)
        row[0], row[56] = event, added
        (tmp_path / name).write_text("\t".join(row) + "\n", encoding="utf-8")
    files = [tmp_path / "a.csv", tmp_path / "b.csv"]
    for processes in (1, 2):
        import_events("gdelt", files, store=tmp_path / f"kg{processes}", processes=processes)
    graphs = [KnowledgeGraph.open(tmp_path / f"kg{n}") for n in (1, 2)]
    dates = [[r["d"] for r in kg.query("SELECT ?d WHERE { ?s a pk:Article ; pk:published ?d }")] for kg in graphs]
    assert [str(d) for d in dates[0]] == ["2016-07-28"] and dates[0] == dates[1]


def test_countries_sharing_a_name_get_the_same_iris_in_any_order(tmp_path):
    one, two = tmp_path / "1.export.CSV", tmp_path / "2.export.CSV"
    one.write_text(gdelt2_row("1", actor2=("COG", "CONGO", "COG"), url="https://news.example/1") + "\n")
    two.write_text(gdelt2_row("2", actor2=("COD", "CONGO", "COD"), url="https://news.example/2") + "\n")
    found = []
    for name, files in (("ab", [one, two]), ("ba", [two, one])):
        import_events("gdelt", files, store=tmp_path / name, processes=1)
        kg = KnowledgeGraph.open(tmp_path / name)
        found.append(sorted((r["c"], r["iso"]) for r in kg.query(
            "SELECT ?c ?iso WHERE { ?c pk:iso3166Alpha3 ?iso FILTER(?iso IN ('COG', 'COD')) }")))
    assert found[0] == found[1] == [("actor:country-cod", "COD"), ("actor:country-cog", "COG")]
