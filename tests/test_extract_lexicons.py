"""The extractor's word lists and mappings (``kg/extract/patterns/*.tsv``): every one loads and is checked, and a
bad line is an InputError naming its file and line."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract.lexicons import lexicons, load_demonyms, load_lexicons


def test_every_lexicon_loads_checked_and_filled():
    lex = lexicons()
    assert lex is lexicons() is load_lexicons()  # read once
    for item in fields(lex):
        value = getattr(lex, item.name)
        assert value, f"{item.name} is empty"
        if isinstance(value, frozenset):
            assert all(isinstance(entry, str) for entry in value)
        else:
            assert isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values())
            with pytest.raises(TypeError):
                operator.setitem(value, "new", "entry")  # read-only


def test_lexicons_hold_what_the_extractor_relies_on():
    lex = lexicons()
    assert {"protesters", "police", "officials"} <= lex.human_nouns
    assert lex.objects_are_things < lex.objects_may_be_things
    assert lex.pronoun_genders["she"] == "female" and lex.collective_numbers["they"] == "plural"
    assert lex.occurrences["vote"] == "Election" and lex.generic_bodies["police"] == "PoliceForce"
    assert (lex.intent_codes["meets"], lex.material_intent_codes["07"], lex.threat_codes["17"]) == ("036", "033", "131")
    assert lex.entity_types["GPE"] == "Country" and lex.ruler_labels["Person"] == "PERSON"


# -- bad lines ----------------------------------------------------------------------------------------------------

GOOD_LIST = "# a comment\n\nhuman_nouns\tprotesters\n"

BAD_LISTS = [
    ("human_noun\tpeople", "unknown lexicon 'human_noun' (did you mean human_nouns?)"),
    ("human_nouns\tprotesters", "duplicate 'protesters' in lexicon 'human_nouns' (first on line 3)"),
    ("human_nouns people", "expected lexicon<TAB>entry, not 1 tab-separated fields"),
    ("human_nouns\tpeople\textra", "expected lexicon<TAB>entry, not 3 tab-separated fields"),
    ("human_nouns\t people", "empty field or spaces around a field"),
    ("human_nouns\t", "empty field or spaces around a field"),
    ("human_nouns\tPeople", "'People' is not one lower-case word"),
    ("objects_may_be_things\tproposez", "unknown relation 'proposez' (did you mean 'proposes'"),
    ("actor_labels\tPERSN", "unknown label 'PERSN'"),
    ("threat_codes\t17", "'threat_codes' is a mapping, not a lexicon"),
    ("objects_are_things\tproposes", "'proposes' is in lexicon 'objects_are_things' but not in "
                                     "'objects_may_be_things'"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LISTS)
def test_a_bad_word_list_line_names_file_and_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "lexicons.tsv"
    path.write_text(GOOD_LIST + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_lexicons(lists=path)
    assert (caught.value.path, caught.value.line) == (str(path), 4)
    assert message in caught.value.message, caught.value.message
    assert str(caught.value).startswith(f"{path}:4: ")


GOOD_MAP = "# a comment\n\nthreat_codes\t17\t131\n"

BAD_MAPPINGS = [
    ("threat_code\t18\t138", "unknown mapping 'threat_code' (did you mean threat_codes?)"),
    ("threat_codes\t17\t138", "duplicate key '17' in mapping 'threat_codes' (first on line 3)"),
    ("threat_codes\t18", "expected mapping<TAB>key<TAB>value, not 2 tab-separated fields"),
    ("threat_codes\t18\t1399", "unknown CAMEO code '1399'"),
    ("threat_codes\t18\t036", "CAMEO code '036' is not within threatens"),
    ("threat_codes\t181\t138", "'181' is not a two-digit CAMEO root code"),
    ("intent_codes\tmeetz\t036", "unknown relation 'meetz' (did you mean 'meets'"),
    ("generic_bodies\tpolice\tPoliceForse", "unknown class 'PoliceForse' (did you mean 'PoliceForce'"),
    ("pronoun_genders\the\tmasculine", "'masculine' is not a gender (female or male)"),
    ("collective_numbers\tit\tone", "'one' is not a number (singular or plural)"),
    ("entity_types\tPERSN\tPerson", "unknown label 'PERSN'"),
    ("human_nouns\tpeople\tPerson", "'human_nouns' is a lexicon, not a mapping"),
]


@pytest.mark.parametrize(("line", "message"), BAD_MAPPINGS)
def test_a_bad_mapping_line_names_file_and_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "mappings.tsv"
    path.write_text(GOOD_MAP + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_lexicons(mappings=path)
    assert (caught.value.path, caught.value.line) == (str(path), 4)
    assert message in caught.value.message, caught.value.message


def test_files_may_leave_lexicons_out(tmp_path: Path):
    lists, tables = tmp_path / "lexicons.tsv", tmp_path / "mappings.tsv"
    lists.write_text(GOOD_LIST, encoding="utf-8")
    tables.write_text(GOOD_MAP, encoding="utf-8")
    lex = load_lexicons(lists=lists, mappings=tables)
    assert lex.human_nouns == {"protesters"} and dict(lex.threat_codes) == {"17": "131"}
    assert lex.plan_nouns == frozenset() and dict(lex.intent_codes) == {}


def test_an_unreadable_file_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read the file") as caught:
        load_lexicons(lists=tmp_path / "missing.tsv")
    assert caught.value.path == str(tmp_path / "missing.tsv")


# -- demonyms -----------------------------------------------------------------------------------------------------


def test_demonyms_load_in_file_order():
    table = load_demonyms()
    assert table["Belarusian"] == "BLR" and table["Belarusians"] == "BLR"
    assert list(table)[:2] == ["Afghan", "Afghans"]


@pytest.mark.parametrize(("line", "message"), [
    ("blr\tBelarusian", "'blr' is not an ISO 3166 alpha-3 code"),
    ("BLR", "no demonym for BLR"),
    ("AUT\tAustrian\tAustrians\tHungarian", "duplicate demonym 'Hungarian' (first on line 2)"),
])
def test_a_bad_demonym_line_names_file_and_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "demonyms.tsv"
    path.write_text(f"# demonyms\nHUN\tHungarian\tHungarians\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_demonyms(path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert message in caught.value.message, caught.value.message


# -- relation rules: classes ------------------------------------------------------------------------


def test_a_rule_class_is_read_or_taken_from_the_id(tmp_path: Path):
    from kg.extract.rules import load_relation_rules, rule_classes

    path = tmp_path / "relations.jsonl"
    path.write_text('{"id": "coerce.held", "version": 1, "relation": "detains", "lemmas": ["detain"], '
                    '"class": "agentless"}\n{"id": "coerce.arrest", "version": 2, "relation": "detains", '
                    '"lemmas": ["arrest"]}\n', encoding="utf-8")
    held, arrest = load_relation_rules(path)
    assert (held.kind, arrest.kind) == ("agentless", "coerce")
    classes = rule_classes()
    assert classes["rule/coerce.detain/2"] == "coerce" and classes["rule/member.noun-phrase/1"] == "member"
    assert classes["rule/title.head-of-state/1"] == "title"


def test_a_bad_rule_class_names_file_and_line(tmp_path: Path):
    from kg.extract.rules import load_relation_rules

    path = tmp_path / "relations.jsonl"
    path.write_text('{"id": "a.b", "version": 1, "relation": "detains", "lemmas": ["detain"], "clas": "x"}\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_relation_rules(path)
    assert (caught.value.line, caught.value.message) == (1, "unknown rule field 'clas'")
