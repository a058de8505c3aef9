"""The base IRIs of polkg's own vocabularies (kept apart so generators and readers share them)."""

PK_IRI = "https://w3id.org/polkg/ontology#"
CAMEO_IRI = "https://w3id.org/polkg/cameo/"
PLOVER_IRI = "https://w3id.org/polkg/plover/"
