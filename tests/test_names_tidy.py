"""Labels of new actors: a given name alone joins the full name met in the same document, and a label is
tidied (an unclosed bracket, a word repeated by mistake). Sentences are our own, parsed by hand as
``en_core_web_sm`` 3.8 parses them (see ``tests/test_extract_rules.py`` for the table format)."""

from __future__ import annotations

from kg.curated import CuratedData
from kg.extract.extractor import Extractor
from kg.extract.inputs import Document
from kg.extract.pipeline import ExtractorComponent
from kg.names import tidy_label

from .test_extract_rules import NLP, PUBLISHED, Case, component, registry

__all__ = ["component", "registry"]  # the fixtures, shared with the rule tests

GIVEN_NAME = Case(
    "Anna Petrova met Ivan Sidorov. Anna criticised Sidorov.",
    """
    Anna        1 compound  PROPN NNP  Anna
    Petrova     2 nsubj     PROPN NNP  Petrova
    met         2 ROOT      VERB  VBD  meet
    Ivan        4 compound  PROPN NNP  Ivan
    Sidorov     2 dobj      PROPN NNP  Sidorov
    .           2 punct     PUNCT .    .
    Anna        7 nsubj     PROPN NNP  Anna
    criticised  7 ROOT      VERB  VBD  criticise
    Sidorov     7 dobj      PROPN NNP  Sidorov
    .           7 punct     PUNCT .    .
    """,
    [(0, 2, "PERSON", ""), (3, 5, "PERSON", ""), (6, 7, "PERSON", ""), (8, 9, "PERSON", "")],
)


def test_a_given_name_alone_is_the_full_name_met_in_the_document(registry: CuratedData,
                                                                  component: ExtractorComponent):
    extractor = Extractor(registry, nlp=NLP)
    found = extractor.statements(component(GIVEN_NAME.doc()), Document("a", GIVEN_NAME.text, published=PUBLISHED))
    [criticism] = [f.statement for f in found if f.statement.relation == "criticizes"]
    labels = [extractor.resolver.actor(a).label for a in (*criticism.subjects, *criticism.objects)]
    assert labels == ["Anna Petrova", "Ivan Sidorov"]  # not a new actor "Anna"


def test_a_label_loses_an_unclosed_bracket_and_a_repeated_word():
    assert tidy_label("Harbour Workers Fund (HWF") == "Harbour Workers Fund"
    assert tidy_label("Northern Northern Ferry Company") == "Northern Ferry Company"
    assert tidy_label("Harbour Workers Fund (HWF)") == "Harbour Workers Fund (HWF)"
    assert tidy_label("Walla Walla") == "Walla Walla"  # a name that is one word said twice stays
