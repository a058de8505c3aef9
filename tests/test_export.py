import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from kg.dates import EventDate
from kg.export import FORMATS, SUFFIXES, export, write_export
from kg.graph import KnowledgeGraph
from kg.model import MODALITIES, POLARITIES, STATUSES, Evidence, Source, Statement
from kg.ontology import GRAPH_IRI, load_ontology
from kg.store import new_handle

from .conftest import PARLIAMENT, same_graph

RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                  "xml": "xml"}


def parse_back(data: bytes, fmt: str) -> Graph:
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {str(GRAPH_IRI)}
        return dataset.graph(GRAPH_IRI)
    return Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("kind", ["oxigraph-disk", "memory-file"])
def test_every_format_round_trips(store_graphs, fmt, kind):
    kg = store_graphs[kind]
    data = export(kg, fmt)
    assert same_graph(parse_back(data, fmt), kg.graph)


def test_turtle_uses_our_prefixes(bundled):
    text = export(bundled, "turtle").decode()
    assert "@prefix actor: <https://w3id.org/polkg/actor/>" in text
    assert "actor:alexander-lukashenko pk:calls actor:vladimir-putin" in text


def test_write_export_is_atomic(tmp_path, bundled):
    out = tmp_path / ("graph" + SUFFIXES["turtle"])
    size = write_export(bundled, "turtle", out)
    assert out.stat().st_size == size
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_unknown_format(bundled):
    from kg.errors import KGError

    with pytest.raises(KGError, match="unknown export format 'rdfa'"):
        export(bundled, "rdfa")


EVENT_RELATIONS = sorted(name for name, r in load_ontology().relations.items() if r.cameo is not None)
IDS = [actor.id for actor in PARLIAMENT]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@st.composite
def statements(draw):
    status = draw(st.sampled_from(STATUSES))
    start = draw(st.integers(0, 5000))
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    return Statement(
        subjects=tuple(draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True))),
        relation=draw(st.sampled_from(EVENT_RELATIONS)),
        objects=tuple(draw(st.lists(st.sampled_from(IDS), max_size=2, unique=True))),
        source="minutes",
        date=draw(st.one_of(st.none(), st.just(EventDate(day)))),
        evidence=draw(st.one_of(st.none(), st.just(Evidence(start, start + draw(st.integers(1, 300)),
                                                            draw(st.one_of(st.none(), TEXT)))))),
        status=status,
        claimant=draw(st.sampled_from(IDS)) if status == "reported" else None,
        polarity=draw(st.sampled_from(POLARITIES)),
        modality=draw(st.sampled_from(MODALITIES)),
        method=draw(st.sampled_from(["curated", "rule/test/1"])),
        confidence=draw(st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 3))),
        note=draw(st.one_of(st.none(), TEXT.filter(bool))),
        id=draw(st.one_of(st.none(), st.from_regex(r"[a-z]{1,8}", fullmatch=True))),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(statements(), min_size=1, max_size=6), st.sampled_from(sorted(FORMATS)),
       st.sampled_from(["oxigraph", "memory"]))
def test_random_graphs_round_trip(batch, fmt, backend):
    kg = KnowledgeGraph(new_handle(backend))
    for actor in PARLIAMENT:
        kg.add_actor(actor)
    kg.add_source(Source("minutes", "Minutes \u201cquoted\u201d <b>&</b>"))
    kg.add_all(batch)
    assert same_graph(parse_back(export(kg, fmt), fmt), kg.graph)


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_exports_of_two_builds_are_byte_identical(tmp_path, fmt):
    from kg.build import build
    from kg.graph import KnowledgeGraph

    outputs = []
    for name in ("one", "two"):
        build(store=tmp_path / name)
        outputs.append(export(KnowledgeGraph.open(tmp_path / name), fmt))
    assert outputs[0] == outputs[1]


def test_plover_records(bundled):
    import json

    records = [json.loads(line) for line in export(bundled, "plover").decode().splitlines()]
    by_relation = {}
    for record in records:
        by_relation.setdefault(record["polkg_relation"], []).append(record)
    call = by_relation["calls"][0]
    assert call["event"] == "CONSULT" and call["mode"] == "phone" and call["cameo"] == "041"
    assert call["date"] == "2020-08-15" and call["quad_code"] == 1 and call["event_scale"] == 1.0
    assert [a["entity_text"] for a in call["actor"]] == ["Alexander Lukashenko"]
    assert call["actor"][0]["identifier_id"] == "Q2866" and call["actor"][0]["code"] == "BLR"
    assert call["recipient"][0]["code"] == "RUS" and "diplomatic" in call["context"]
    assert call["text_info"] == {"source": "source:seed-2020-08-15", "start": 0, "end": 68}
    assert call["event_text"] and call["cite_info"]["date"] == "2020-08-15" and call["sources"] == 1
    proposal = by_relation["proposes"][0]
    assert {a["entity_text"] for a in proposal["actor"]} == {"Latvia", "Lithuania", "Poland"}
    assert proposal["event"] == "AGREE" and proposal["cameo"] == "039"
    torture = by_relation["tortures"][0]
    assert torture["status"] == "alleged" and torture["mode"] == "torture"
    assert set(torture["context"]) >= {"repression", "human_rights"}
    assert by_relation["mediates"][0]["auxiliary_mode"] == "future"
    assert "flees_to" not in by_relation  # not a PLOVER event


def test_cameo_table(bundled):
    import csv
    import io

    from kg.export import CAMEO_COLUMNS

    rows = list(csv.DictReader(io.StringIO(export(bundled, "cameo").decode()), delimiter="\t"))
    assert list(rows[0]) == CAMEO_COLUMNS
    call = next(r for r in rows if r["relation"] == "calls")
    assert (call["date"], call["source_actor"], call["source_country"], call["cameo_code"], call["target_actor"],
            call["target_country"], call["goldstein"], call["quad_class"]) == (
        "2020-08-15", "Alexander Lukashenko", "BLR", "041", "Vladimir Putin", "RUS", "1.0", "1")
    proposers = {r["source_actor"] for r in rows if r["relation"] == "proposes"}
    assert proposers == {"Latvia", "Lithuania", "Poland"}
    assert not any(r["relation"] in ("tortures", "kills", "beats") for r in rows), "allegations are not events here"
    assert {r["relation"] for r in rows} <= {r.name for r in load_ontology().relations.values() if r.cameo}
