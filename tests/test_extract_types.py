"""The typed objects extraction stages hand each other: frozen, and they survive pickle and spaCy's msgpack."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest
import spacy
import srsly
from spacy.tokens import Doc

import kg.extract.pipeline  # noqa: F401  (registers the Doc extensions and the msgpack codec)
from kg.dates import EventDate
from kg.extract.types import Argument, Candidate, Extracted, Mention, Qualifiers, TitleParts
from kg.model import Evidence, Statement

TITLE = Mention(3, "title", 0, 3, 0, 23, "The Belarusian president", 2, "president", "president", label="PERSON",
                title=TitleParts("title.president", "HeadOfState", "head_of_state_of", "country", country=1))
PHRASE = Mention(4, "np", 5, 7, 30, 50, "Lithuanian officials", 6, "officials", "official", inner=(5,), owner=None)
CANDIDATE = Candidate("meet.meet", 2, "meets", (3,), (4, 5), 4, 0, 60, date="on Monday",
                      qualifiers=Qualifiers("negated", "intended", "reported", claimant=7, refused=True),
                      military=False, object_required=True)
ARGUMENT = Argument("https://w3id.org/polkg/actor/poland", "poland", "Poland", "Country", "Poland", 0, 6)
EXTRACTED = Extracted(Statement(("poland",), "meets", ("lithuania",), "doc-1", date=EventDate(date(2021, 3, 1)),
                                evidence=Evidence(0, 20, "Poland met Lithuania."), method="rule/meet.meet/2"),
                      (ARGUMENT,), (dataclasses.replace(ARGUMENT, id="lithuania"),), None, "meets")
OBJECTS = [TITLE, PHRASE, CANDIDATE, ARGUMENT, EXTRACTED]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_typed_objects_round_trip_through_pickle(obj):
    assert pickle.loads(pickle.dumps(obj)) == obj


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: type(o).__name__)
def test_typed_objects_are_frozen(obj):
    field = dataclasses.fields(obj)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, None)


@pytest.mark.parametrize("obj", [TITLE, PHRASE, CANDIDATE], ids=lambda o: type(o).__name__)
def test_what_the_pipeline_leaves_round_trips_through_msgpack(obj):
    back = srsly.msgpack_loads(srsly.msgpack_dumps([obj, {"other": [1, 2]}]))
    assert back == [obj, {"other": [1, 2]}]


def test_mentions_and_candidates_travel_in_doc_bytes():
    """What ``nlp.pipe(n_process=2)`` does with each document: ``Doc.to_bytes`` in a worker, ``from_bytes`` here."""
    nlp = spacy.blank("en")
    doc = nlp("The Belarusian president met Lithuanian officials.")
    doc._.kg_mentions = [TITLE, PHRASE]
    doc._.kg_candidates = [CANDIDATE]
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.kg_mentions == [TITLE, PHRASE] and back._.kg_candidates == [CANDIDATE]
    assert isinstance(back._.kg_candidates[0].subjects, tuple)


def test_an_argument_prints_the_jsonl_contract_fields_in_order():
    assert list(ARGUMENT.record().items()) == [("iri", "https://w3id.org/polkg/actor/poland"), ("label", "Poland"),
                                               ("type", "Country"), ("text", "Poland"), ("start", 0), ("end", 6)]
