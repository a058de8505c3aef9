"""Namespaces and the relation registry, read from the ontology files.

The registry is what the rest of polkg asks about relations: their label, synonyms, parent and family,
CAMEO code with its Goldstein score and quad class, Wikidata alignment, and whether they are symmetric.
It is read from ``ontology/polkg.ttl`` and the generated ``ontology/cameo.ttl``, so the ontology stays
the single source of truth.

Examples
--------
>>> onto = load_ontology()
>>> calls = onto.relation("calls")
>>> calls.iri == PK.calls, calls.parent, calls.family
(True, 'consults', 'consults')
>>> calls.cameo.code, calls.cameo.name, calls.goldstein, calls.quad_class
('041', 'Discuss by telephone', 1.0, 1)
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.errors import InputError, UnknownTerm
from kg.ontology.iris import (
    ACTOR,
    ATTESTATION,
    BASE,
    CAMEO,
    CAMEO_IRI,
    EVENT,
    GRAPH_IRI,
    METHOD,
    NODE,
    PK_IRI,
    PLOVER,
    PLOVER_IRI,
    PREFIXES,
    SOURCE,
    TENURE,
    WD,
)
from kg.ontology.namespace import PK
from kg.resources import ontology_files
from kg.store.rdfio import parse_values

__all__ = [
    "ACTOR",
    "ATTESTATION",
    "BASE",
    "CAMEO",
    "EVENT",
    "GRAPH_IRI",
    "METHOD",
    "NODE",
    "PK",
    "PLOVER",
    "PREFIXES",
    "SOURCE",
    "TENURE",
    "WD",
    "CameoCode",
    "Ontology",
    "Relation",
    "load_ontology",
    "ontology_files",
]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_ROOTS = ("interacts_with", "related_to")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code.

    Attributes
    ----------
    code : str
        Two to four digits, such as ``"041"``.
    name : str
        The code's description, such as ``"Discuss by telephone"``.
    goldstein : float
        Goldstein score from -10 (conflict) to +10 (cooperation).
    quad_class : int
        1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    plover : str, optional
        The PLOVER event type the code aligns with (``skos:closeMatch``), such as ``"CONSULT"``.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None = None

    @property
    def iri(self) -> URIRef:
        """The concept's IRI in the generated CAMEO scheme."""
        return CAMEO[self.code]

    @property
    def root(self) -> str:
        """The two-digit root code."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up, or None for a root code."""
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True)
class Relation:
    """A relation property of the ontology, as the registry describes it."""

    name: str
    label: str
    definition: str
    parent: str | None
    family: str
    root: str
    cameo: CameoCode | None = None
    synonyms: tuple[str, ...] = ()
    symmetric: bool = False
    domain: tuple[str, ...] = ()
    range: tuple[str, ...] = ()
    wikidata: str | None = None
    wikidata_inverse: bool = False
    plover: str | None = None
    plover_mode: str | None = None
    contexts: tuple[str, ...] = ()

    @functools.cached_property
    def iri(self) -> URIRef:
        """The property's IRI, ``pk:<name>``."""
        return URIRef(PK_IRI + self.name)

    @property
    def is_event(self) -> bool:
        """True for CAMEO-coded event relations (below ``pk:interacts_with``)."""
        return self.root == "interacts_with"

    @property
    def goldstein(self) -> float | None:
        """The Goldstein score of the relation's CAMEO code, if it has one."""
        return self.cameo.goldstein if self.cameo else None

    @property
    def quad_class(self) -> int | None:
        """The quad class of the relation's CAMEO code, if it has one."""
        return self.cameo.quad_class if self.cameo else None


@dataclass(frozen=True)
class Ontology:
    """Classes, relations and CAMEO codes of the ontology, for lookups by name."""

    relations: dict[str, Relation]
    cameo: dict[str, CameoCode]
    class_parents: dict[str, tuple[str, ...]]
    labels: dict[str, str] = field(default_factory=dict)
    plover_modes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plover_contexts: tuple[str, ...] = ()

    def relation(self, name: str) -> Relation:
        """Return the relation called ``name`` (its local name, such as ``"flees_to"``).

        Raises
        ------
        UnknownTerm
            If there is no such relation; the message suggests the closest names.
        """
        try:
            return self.relations[name]
        except KeyError:
            raise UnknownTerm(f"unknown relation {name!r}{_suggest(name, self.relations)}") from None

    def cameo_code(self, code: str) -> CameoCode:
        """Return the CAMEO code ``code``, raising :class:`UnknownTerm` if it does not exist."""
        try:
            return self.cameo[code]
        except KeyError:
            raise UnknownTerm(f"unknown CAMEO code {code!r}") from None

    def check_mode(self, relation: str, mode: str) -> URIRef:
        """Return the IRI of PLOVER ``mode`` for ``relation``'s PLOVER type.

        Raises
        ------
        UnknownTerm
            If the relation has no PLOVER type or its type has no such mode.
        """
        plover = self.relation(relation).plover
        if plover is None:
            raise UnknownTerm(f"{relation} has no PLOVER type, so no PLOVER mode")
        modes = self.plover_modes.get(plover, ())
        if mode not in modes:
            raise UnknownTerm(f"{mode!r} is not a mode of PLOVER {plover} (modes: {', '.join(modes) or 'none'})")
        return PLOVER[f"{plover}-{mode}"]

    def check_context(self, context: str) -> URIRef:
        """Return the IRI of PLOVER ``context``, raising :class:`UnknownTerm` if it does not exist."""
        if context not in self.plover_contexts:
            raise UnknownTerm(f"unknown PLOVER context {context!r}{_suggest(context, self.plover_contexts)}")
        return PLOVER["context-" + context]

    def check_class(self, name: str) -> URIRef:
        """Return the IRI of class ``pk:<name>``, raising :class:`UnknownTerm` if it does not exist."""
        if name not in self.class_parents:
            raise UnknownTerm(f"unknown class {name!r}{_suggest(name, self.class_parents)}")
        return URIRef(PK_IRI + name)

    def superclasses(self, name: str) -> set[str]:
        """Return ``name`` and all its ancestors among the ontology's classes.

        Examples
        --------
        >>> sorted(load_ontology().superclasses("NewsAgency"))
        ['Actor', 'MediaOutlet', 'NewsAgency', 'Organization']
        """
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current in seen or current not in self.class_parents:
                continue
            seen.add(current)
            todo.extend(self.class_parents[current])
        return seen

    def is_a(self, name: str, ancestor: str) -> bool:
        """True if class ``name`` is ``ancestor`` or one of its subclasses."""
        return ancestor in self.superclasses(name)

    def ancestors(self, relation: str) -> list[str]:
        """Return ``relation`` and its ancestors, most specific first, up to a root.

        Examples
        --------
        >>> load_ontology().ancestors("calls")
        ['calls', 'consults', 'interacts_with']
        """
        chain = [relation]
        parent = self.relation(relation).parent
        while parent is not None:
            chain.append(parent)
            parent = self.relations[parent].parent if parent in self.relations else None
        return chain

    def cameo_within(self, code: str, relation: str) -> bool:
        """True if CAMEO ``code`` is the relation's own code or a narrower one.

        Examples
        --------
        >>> onto = load_ontology()
        >>> onto.cameo_within("039", "proposes"), onto.cameo_within("126", "proposes")
        (True, False)
        """
        own = self.relation(relation).cameo
        return own is not None and code.startswith(own.code)


def _chain(parents: Mapping[str, str | None], name: str) -> list[str]:
    chain = [name]
    while (parent := parents.get(chain[-1])) is not None:
        chain.append(parent)
    return chain


def relation_families(parents: Mapping[str, str | None]) -> dict[str, str]:
    """The family of every relation, from each property's parent (``rdfs:subPropertyOf``, ours only).

    A relation's family is its ancestor just below a root (``interacts_with`` or ``related_to``); a root is
    its own family. Properties that reach no root (``pk:actor``, ``pk:source``, ...) are not relations.

    Examples
    --------
    >>> relation_families({"calls": "consults", "consults": "interacts_with", "interacts_with": None,
    ...                    "actor": None})
    {'calls': 'consults', 'consults': 'consults', 'interacts_with': 'interacts_with'}
    """
    families = {}
    for name in parents:
        chain = _chain(parents, name)
        if chain[-1] in _ROOTS:
            families[name] = chain[-2] if len(chain) > 1 else name
    return families


def _suggest(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _triples(paths: Iterable[Path]) -> Iterator[tuple[str, str, str | None]]:
    for path in paths:
        try:
            yield from parse_values(path)
        except InputError as exc:
            raise InputError(f"the ontology does not parse: {exc.message}", path=exc.path, line=exc.line) from None


@functools.cache
def load_ontology(paths: tuple[Path, ...] | None = None) -> Ontology:
    """Read the ontology files into an :class:`Ontology` (cached per set of files).

    Parameters
    ----------
    paths : tuple of Path, optional
        The Turtle files to read; the bundled ontology by default.

    Returns
    -------
    Ontology

    Raises
    ------
    InputError
        If a file does not parse.
    """
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, value in _triples(paths or ontology_files()):
        if value is not None:
            props[subject][predicate].append(value)

    cameo: dict[str, CameoCode] = {}
    for subject, p in props.items():
        if subject.startswith(CAMEO_IRI) and p.get(_SKOS + "notation"):
            code = p[_SKOS + "notation"][0]
            types = sorted(v[len(PLOVER_IRI):] for v in p.get(_SKOS + "closeMatch", []) if v.startswith(PLOVER_IRI))
            cameo[code] = CameoCode(code, p[_SKOS + "prefLabel"][0], float(p[PK_IRI + "goldstein"][0]),
                                    int(p[PK_IRI + "quadClass"][0]), types[0] if types else None)

    classes: dict[str, tuple[str, ...]] = {}
    relations_raw: dict[str, dict[str, list]] = {}
    labels: dict[str, str] = {}
    for subject, p in props.items():
        if not subject.startswith(PK_IRI):
            continue
        name = subject[len(PK_IRI):]
        types = p.get(_RDF_TYPE, [])
        if p.get(_RDFS + "label"):
            labels[name] = p[_RDFS + "label"][0]
        if _OWL + "Class" in types:
            classes[name] = tuple(sorted(
                parent[len(PK_IRI):] for parent in p.get(_RDFS + "subClassOf", []) if parent.startswith(PK_IRI)
            ))
        if _OWL + "ObjectProperty" in types:
            relations_raw[name] = p

    parents: dict[str, str | None] = {}
    for name, p in relations_raw.items():
        ours = [v[len(PK_IRI):] for v in p.get(_RDFS + "subPropertyOf", []) if v.startswith(PK_IRI)]
        parents[name] = ours[0] if ours else None

    plover_modes: dict[str, list[str]] = defaultdict(list)
    plover_contexts: list[str] = []
    for subject, p in props.items():
        if not subject.startswith(PLOVER_IRI) or not p.get(_SKOS + "notation"):
            continue
        notation = p[_SKOS + "notation"][0]
        if subject.startswith(PLOVER_IRI + "context-"):
            plover_contexts.append(notation)
        elif "." in notation:
            kind, mode = notation.split(".", 1)
            plover_modes[kind].append(mode)

    def inherited(name: str, key: str) -> list[str]:
        values: list[str] = []
        current: str | None = name
        while current is not None and current in relations_raw:
            values += relations_raw[current].get(PK_IRI + key, [])
            current = parents.get(current)
        return values

    relations: dict[str, Relation] = {}
    families = relation_families(parents)
    for name, p in relations_raw.items():
        if name not in families or name in _ROOTS:
            continue  # structural properties (pk:actor, pk:source, ...) are not relations
        family = families[name]
        chain = _chain(parents, name)
        cameo_iri = p.get(PK_IRI + "cameo", [None])[0]
        wikidata = p.get(PK_IRI + "wikidataProperty", [None])[0]
        relations[name] = Relation(
            name=name,
            label=p[_RDFS + "label"][0],
            definition=p.get(_SKOS + "definition", [""])[0],
            parent=parents[name],
            family=family,
            root=chain[-1],
            cameo=cameo[cameo_iri[len(CAMEO_IRI):]] if cameo_iri else None,
            synonyms=tuple(sorted(p.get(PK_IRI + "synonym", []))),
            symmetric=_OWL + "SymmetricProperty" in p.get(_RDF_TYPE, []),
            domain=tuple(sorted(v[len(PK_IRI):] for v in p.get(_RDFS + "domain", []) if v.startswith(PK_IRI))),
            range=tuple(sorted(v[len(PK_IRI):] for v in p.get(_RDFS + "range", []) if v.startswith(PK_IRI))),
            wikidata=wikidata.rsplit("/", 1)[-1] if wikidata else None,
            wikidata_inverse=p.get(PK_IRI + "wikidataInverse", ["false"])[0] == "true",
            plover=p[PK_IRI + "plover"][0][len(PLOVER_IRI):] if p.get(PK_IRI + "plover") else None,
            plover_mode=next((m[len(PLOVER_IRI):].split("-", 1)[1] for m in inherited(name, "ploverMode")), None),
            contexts=tuple(sorted({c[len(PLOVER_IRI + "context-"):] for c in inherited(name, "ploverContext")})),
        )
    for root in _ROOTS:
        if root in relations_raw:
            p = relations_raw[root]
            relations[root] = Relation(name=root, label=root, definition=p.get(_SKOS + "definition", [""])[0],
                                       parent=None, family=root, root=root)
    return Ontology(relations=dict(sorted(relations.items())), cameo=dict(sorted(cameo.items())),
                    class_parents=classes, labels=labels,
                    plover_modes={k: tuple(sorted(v)) for k, v in sorted(plover_modes.items())},
                    plover_contexts=tuple(sorted(plover_contexts)))
