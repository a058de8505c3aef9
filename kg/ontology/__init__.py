"""The ontology: namespaces, the relation registry read from ``ontology/*.ttl``, CAMEO and PLOVER schemes.

``kg.ontology.registry`` reads the Turtle files into an :class:`Ontology`; ``kg.ontology.namespace`` is the
closed ``PK`` namespace generated from them by ``kg.ontology.vocab``; ``kg.ontology.reference`` renders the
relation tree and the ontology reference.
"""

from kg.ontology.registry import (
    ACTOR,
    ATTESTATION,
    BASE,
    CAMEO,
    EVENT,
    GRAPH_IRI,
    METHOD,
    NODE,
    PK,
    PLOVER,
    PREFIXES,
    SOURCE,
    TENURE,
    WD,
    CameoCode,
    Ontology,
    Relation,
    load_ontology,
    ontology_files,
)

__all__ = ["ACTOR", "ATTESTATION", "BASE", "CAMEO", "EVENT", "GRAPH_IRI", "METHOD", "NODE", "PK", "PLOVER",
           "PREFIXES", "SOURCE", "TENURE", "WD", "CameoCode", "Ontology", "Relation", "load_ontology",
           "ontology_files"]
