"""The one writer: statements, actors, things and sources as RDF triples.

:func:`statement_triples` is the one function that writes a statement into RDF:

- an **event** ``event:<hash>``: its relation (the most specific property), actor(s), recipient(s),
  CAMEO concept, date with precision, and place; the hash covers these, so the same event attested by
  several sources is one node;
- an **attestation** ``attestation:<hash>``: the source, evidence offsets (and sentence when known),
  method, confidence and the three qualifiers (status with claimant, polarity, modality);
- **direct edges** ``actor:a pk:calls actor:b`` only for attestations that are asserted or reported,
  positive and actual: an allegation, a denial or a plan never becomes a plain fact.

Examples
--------
>>> from kg.model import Statement
>>> triples = statement_triples(Statement(("anna",), "calls", ("boris",), source="minutes"), iri_of=ACTOR.term)
>>> sorted({str(p).rsplit("#", 1)[-1] for s, p, o in triples if p in (PK.actor, PK.recipient, PK.calls)})
['actor', 'calls', 'recipient']
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.term import Node

from kg.dates import EventDate
from kg.model import Actor, Source, Statement, Thing
from kg.names import fold
from kg.ontology import (
    ACTOR,
    ATTESTATION,
    CAMEO,
    EVENT,
    METHOD,
    NODE,
    PK,
    SOURCE,
    TENURE,
    WD,
    Ontology,
    load_ontology,
)

__all__ = [
    "CURATED_METHOD",
    "actor_triples",
    "attestation_iri",
    "event_iri",
    "source_triples",
    "statement_iris",
    "statement_triples",
    "thing_triples",
]

Triple = tuple[Node, Node, Node]

# rdflib's closed namespaces check every attribute access: look the terms up once.
_RDFS_COMMENT = RDFS.comment
_RDFS_LABEL = RDFS.label
_RDF_TYPE = RDF.type
_SKOS_ALTLABEL = SKOS.altLabel
_SKOS_EXACTMATCH = SKOS.exactMatch
_XSD_ANYURI = XSD.anyURI
_XSD_DATE = XSD.date
_XSD_DECIMAL = XSD.decimal

_STATUS = {"asserted": PK.Asserted, "reported": PK.Reported, "alleged": PK.Alleged}
_POLARITY = {"positive": PK.Positive, "negated": PK.Negated, "denied": PK.Denied}
_MODALITY = {"actual": PK.Actual, "intended": PK.Intended, "proposed": PK.Proposed, "hypothetical": PK.Hypothetical}
_PRECISION = {"day": PK.Day, "month": PK.Month, "year": PK.Year, "interval": PK.Interval}
CURATED_METHOD = METHOD["curated"]


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=4096)
def _date_literal(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=_XSD_DATE)


@functools.lru_cache(maxsize=1024)
def _decimal_literal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=_XSD_DECIMAL)


_DATE, _DATE_PRECISION, _DATE_END = PK.date, PK.datePrecision, PK.dateEnd


def _date_triples(subject: URIRef, when: EventDate | None) -> list[Triple]:
    if when is None:
        return []
    triples: list[Triple] = [
        (subject, _DATE, _date_literal(when.start)),
        (subject, _DATE_PRECISION, _PRECISION[when.precision]),
    ]
    if when.end is not None and when.end != when.start:
        triples.append((subject, _DATE_END, _date_literal(when.end)))
    return triples


def _names(subject: URIRef, label: str, aliases: Iterable[tuple[str, str]]) -> list[Triple]:
    triples: list[Triple] = [(subject, _RDFS_LABEL, Literal(label, lang="en"))]
    keys = {fold(label)}
    for text, lang in aliases:
        triples.append((subject, _SKOS_ALTLABEL, Literal(text, lang=lang)))
        keys.add(fold(text))
    triples.extend((subject, PK.searchKey, Literal(key)) for key in sorted(keys))
    return triples


def _wikidata(subject: URIRef, qid: str | None, where: str | None) -> list[Triple]:
    if not qid:
        return []
    triples: list[Triple] = [(subject, _SKOS_EXACTMATCH, WD[qid])]
    if where:
        triples.append((subject, PK.wikidataSource, Literal(where)))
    return triples


def actor_triples(actor: Actor) -> list[Triple]:
    """Return the RDF of an actor: type, labels, search keys, Wikidata id, ISO codes and role tenures."""
    iri = ACTOR[actor.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[actor.type]), (iri, PK.reviewed, Literal(actor.reviewed))]
    triples += _names(iri, actor.label, actor.aliases)
    triples += _wikidata(iri, actor.wikidata, actor.wikidata_source)
    if actor.description:
        triples.append((iri, _RDFS_COMMENT, Literal(actor.description, lang="en")))
    if actor.country:
        triples.append((iri, PK.country, ACTOR[actor.country]))
    if actor.gender:
        triples.append((iri, URIRef("https://schema.org/gender"), Literal(actor.gender)))
    triples += [(iri, PK.demonym, Literal(d, lang="en")) for d in actor.demonyms]
    if actor.iso:
        triples += [
            (iri, PK.iso3166Alpha2, Literal(actor.iso.alpha2)),
            (iri, PK.iso3166Alpha3, Literal(actor.iso.alpha3)),
            (iri, PK.iso3166Numeric, Literal(actor.iso.numeric)),
        ]
    for role in actor.roles:
        tenure = TENURE[f"{actor.id}--{role.role}--{role.of}--{role.start or 'unknown'}"]
        triples += [(iri, PK.hasTenure, tenure), (tenure, _RDF_TYPE, PK.RoleTenure),
                    (tenure, PK.role, PK[role.role]), (tenure, PK.roleIn, ACTOR[role.of])]
        if role.title:
            triples.append((tenure, PK.title, Literal(role.title, lang="en")))
        if role.start:
            triples.append((tenure, PK.startDate, Literal(role.start.isoformat(), datatype=_XSD_DATE)))
        if role.end:
            triples.append((tenure, PK.endDate, Literal(role.end.isoformat(), datatype=_XSD_DATE)))
    return triples


def thing_triples(thing: Thing) -> list[Triple]:
    """Return the RDF of a non-actor node such as a proposal or an election."""
    iri = NODE[thing.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[thing.type])]
    triples += _names(iri, thing.label, thing.aliases)
    triples += _wikidata(iri, thing.wikidata, thing.wikidata_source)
    triples += _date_triples(iri, thing.date)
    if thing.description:
        triples.append((iri, _RDFS_COMMENT, Literal(thing.description, lang="en")))
    if thing.place:
        triples.append((iri, PK.place, ACTOR[thing.place]))
    return triples


def source_triples(source: Source) -> list[Triple]:
    """Return the RDF of a source document (never its text)."""
    iri = SOURCE[source.id]
    triples: list[Triple] = [(iri, _RDF_TYPE, PK[source.kind]), (iri, _RDFS_LABEL, Literal(source.title, lang="en")),
                             (iri, URIRef("http://purl.org/dc/terms/language"), Literal(source.language))]
    optional = ((PK.published, source.published and Literal(source.published.isoformat(), datatype=_XSD_DATE)),
                (PK.publisher, source.publisher and Literal(source.publisher)),
                (PK.url, source.url and Literal(source.url, datatype=_XSD_ANYURI)),
                (PK.fileName, source.file and Literal(source.file)),
                (PK.sha256, source.sha256 and Literal(source.sha256)),
                (PK.documentId, source.document_id and Literal(source.document_id)),
                (_RDFS_COMMENT, source.description and Literal(source.description, lang="en")),
                (PK.headline, source.headline and source.headline.text and Literal(source.headline.text)))
    triples += [(iri, p, o) for p, o in optional if o]
    return triples


#: The terms :func:`statement_triples` writes, looked up once (a closed namespace checks every access).
_PK = {name: PK[name] for name in (
    "Attestation", "CuratedAttestation", "CurationMethod", "Event", "ExtractedAttestation", "ExtractionRule",
    "actor", "attests", "cameo", "claimant", "confidence", "curationFile", "curationId", "curationLine",
    "evidenceEnd", "evidenceStart", "evidenceText", "method", "modality", "place", "ploverContext", "ploverMode",
    "polarity", "recipient", "relation", "source", "status"
)}


def event_iri(relation: URIRef, subjects: Sequence[URIRef], objects: Sequence[URIRef],
              when: EventDate | None, place: URIRef | None) -> URIRef:
    """Return the deterministic IRI of an event: a hash of relation, actors, recipients, date and place."""
    return EVENT[_digest(str(relation), sorted(map(str, subjects)), sorted(map(str, objects)),
                         str(when) if when else None, str(place) if place else None)]


def attestation_iri(event: URIRef, statement: Statement) -> URIRef:
    """Return the deterministic IRI of the attestation ``statement`` gives of ``event``: a hash of the event,
    the source, the evidence offsets and the method (so two readings of one sentence by one rule are one
    attestation)."""
    evidence = statement.evidence
    method = CURATED_METHOD if statement.is_curated else METHOD[statement.method]
    return ATTESTATION[_digest(str(event), str(SOURCE[statement.source]), evidence.start if evidence else None,
                               evidence.end if evidence else None, str(method))]


def statement_iris(statement: Statement, *, iri_of: Any, ontology: Ontology | None = None) -> tuple[URIRef, URIRef]:
    """Return the IRIs of the event and the attestation ``statement`` is written as (see
    :func:`statement_triples`)."""
    onto = ontology or load_ontology()
    event = event_iri(onto.relation(statement.relation).iri, [iri_of(s) for s in statement.subjects],
                      [iri_of(o) for o in statement.objects], statement.date,
                      iri_of(statement.place) if statement.place else None)
    return event, attestation_iri(event, statement)


def statement_triples(statement: Statement, *, iri_of: Any, ontology: Ontology | None = None) -> list[Triple]:
    """Return the RDF of one statement: its event, its attestation, and any direct edges.

    Parameters
    ----------
    statement : Statement
        A statement whose actor, thing and source ids are already known to the graph.
    iri_of : callable
        Maps an actor or thing id to its IRI.
    ontology : Ontology, optional
        The relation registry (the bundled ontology by default).

    Returns
    -------
    list of (subject, predicate, object)
    """
    onto = ontology or load_ontology()
    relation = onto.relation(statement.relation)
    subjects = [iri_of(s) for s in statement.subjects]
    objects = [iri_of(o) for o in statement.objects]
    place = iri_of(statement.place) if statement.place else None
    event = event_iri(relation.iri, subjects, objects, statement.date, place)
    triples: list[Triple] = [(event, _RDF_TYPE, _PK["Event"]), (event, _PK["relation"], relation.iri)]
    cameo = statement.cameo or (relation.cameo.code if relation.cameo else None)
    if cameo:
        triples.append((event, _PK["cameo"], CAMEO[cameo]))
    mode = statement.mode or relation.plover_mode
    if mode:
        triples.append((event, _PK["ploverMode"], onto.check_mode(relation.name, mode)))
    triples += [(event, _PK["ploverContext"], onto.check_context(c))
                for c in sorted({*relation.contexts, *statement.contexts})]
    triples += [(event, _PK["actor"], s) for s in subjects]
    triples += [(event, _PK["recipient"], o) for o in objects]
    triples += _date_triples(event, statement.date)
    if place is not None:
        triples.append((event, _PK["place"], place))

    source = SOURCE[statement.source]
    evidence = statement.evidence
    method = CURATED_METHOD if statement.is_curated else METHOD[statement.method]
    attestation = attestation_iri(event, statement)
    triples += [
        (attestation, _RDF_TYPE, _PK["Attestation"]),
        (attestation, _RDF_TYPE, _PK["CuratedAttestation"] if statement.is_curated else _PK["ExtractedAttestation"]),
        (attestation, _PK["attests"], event),
        (attestation, _PK["source"], source),
        (attestation, _PK["method"], method),
        (method, _RDF_TYPE, _PK["CurationMethod"] if statement.is_curated else _PK["ExtractionRule"]),
        (attestation, _PK["confidence"], _decimal_literal(statement.confidence)),
        (attestation, _PK["status"], _STATUS[statement.status]),
        (attestation, _PK["polarity"], _POLARITY[statement.polarity]),
        (attestation, _PK["modality"], _MODALITY[statement.modality]),
    ]
    if statement.claimant:
        triples.append((attestation, _PK["claimant"], iri_of(statement.claimant)))
    if evidence:
        triples += [(attestation, _PK["evidenceStart"], Literal(evidence.start)),
                    (attestation, _PK["evidenceEnd"], Literal(evidence.end))]
        if evidence.text is not None:
            triples.append((attestation, _PK["evidenceText"], Literal(evidence.text)))
    if statement.note:
        triples.append((attestation, _RDFS_COMMENT, Literal(statement.note, lang="en")))
    if statement.is_curated:
        if statement.id:
            triples.append((attestation, _PK["curationId"], Literal(statement.id)))
        if statement.origin:
            triples += [(attestation, _PK["curationFile"], Literal(statement.origin.path)),
                        (attestation, _PK["curationLine"], Literal(statement.origin.line))]
    if statement.is_direct_edge:
        triples += [(s, relation.iri, o) for s in subjects for o in objects]
    return triples
