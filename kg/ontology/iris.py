"""polkg's IRIs: the base of its vocabularies, the namespaces of its nodes, the graph and the prefixes.

Kept apart from the registry so the store, the generators and the readers share them without reading
the ontology files.
"""

from rdflib import Namespace, URIRef

__all__ = ["ACTOR", "ATTESTATION", "BASE", "CAMEO", "CAMEO_IRI", "EVENT", "GRAPH_IRI", "METHOD", "NODE", "PK_IRI",
           "PLOVER", "PLOVER_IRI", "PREFIXES", "SOURCE", "TENURE", "WD"]

PK_IRI = "https://w3id.org/polkg/ontology#"
CAMEO_IRI = "https://w3id.org/polkg/cameo/"
PLOVER_IRI = "https://w3id.org/polkg/plover/"

BASE = "https://w3id.org/polkg/"
ACTOR = Namespace(BASE + "actor/")
NODE = Namespace(BASE + "node/")
EVENT = Namespace(BASE + "event/")
ATTESTATION = Namespace(BASE + "attestation/")
SOURCE = Namespace(BASE + "source/")
TENURE = Namespace(BASE + "tenure/")
METHOD = Namespace(BASE + "method/")
CAMEO = Namespace(CAMEO_IRI)
PLOVER = Namespace(PLOVER_IRI)
WD = Namespace("http://www.wikidata.org/entity/")

#: The named graph that holds data and ontology on every store; our queries use it as default graph.
GRAPH_IRI = URIRef("urn:polkg:graph")

#: Prefixes bound on every graph and used to shorten IRIs in query results.
PREFIXES: dict[str, str] = {
    "pk": PK_IRI,
    "actor": str(ACTOR),
    "node": str(NODE),
    "event": str(EVENT),
    "attestation": str(ATTESTATION),
    "source": str(SOURCE),
    "tenure": str(TENURE),
    "method": str(METHOD),
    "cameo": CAMEO_IRI,
    "plover": PLOVER_IRI,
    "wd": str(WD),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
}

