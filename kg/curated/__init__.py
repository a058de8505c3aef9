"""Hand-curated files: the actor and source registry and curated statements, read and validated.

``kg.curated.reader`` reads the YAML files (``kg.curated.yamlfile`` keeps line numbers);
``kg.curated.evidence`` attaches each statement's sentence from the source texts.
"""

from kg.curated.reader import CuratedData, bundled_inputs, load_curated, read_yaml

__all__ = ["CuratedData", "bundled_inputs", "load_curated", "read_yaml"]
