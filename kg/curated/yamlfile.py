"""YAML files read with line numbers, so every problem can be reported as ``file:line: what``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError

__all__ = ["Mapping", "read_yaml"]


class Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict[str, int]


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps line numbers and leaves dates as text (kg.dates reads them)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise _DuplicateKey(str(key), key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, display: str | None = None) -> Any:
    """Parse a YAML file, keeping line numbers on every mapping.

    Raises
    ------
    InputError
        If the file cannot be read, is not UTF-8, is malformed, or repeats a key in a mapping.
    """
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except _DuplicateKey as exc:
        raise InputError(f"duplicate key {exc.key!r}", path=shown, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(f"malformed YAML: {exc.problem or exc.context}", path=shown, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path=shown) from None
