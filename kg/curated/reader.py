"""Read and validate hand-curated YAML files: actors, things, sources and statements.

A curated file is a YAML mapping with any of these sections (see ``data/`` for the bundled ones)::

    defaults:            # values every statement of this file inherits
      source: seed-2020-08-15
    actors:   [...]      # the actor registry: people, states, organisations, groups, places
    things:   [...]      # non-actor objects: proposals, elections, protest campaigns, incidents
    sources:  [...]      # documents, with publication date, file name and sha256 of their text
    statements: [...]    # subject - relation - object, with date, qualifiers, evidence offsets, note

Every problem is reported as ``file:line: what is wrong``: malformed YAML, an unknown key, actor,
relation or source, a bad date, a duplicate id. Names resolve through ids, labels and aliases
(case, diacritics and a leading "the" do not matter); relative dates ("on Wednesday") resolve against
the source's publication date.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kg import countries
from kg.curated.yamlfile import Mapping as _Mapping
from kg.curated.yamlfile import read_yaml
from kg.dates import DateError, EventDate, parse_date
from kg.errors import InputError, KGError, UnknownActor
from kg.model import ROLES, Actor, Evidence, IsoCodes, Origin, RoleTenure, Source, Statement, Thing
from kg.names import NameIndex
from kg.ontology import Ontology, load_ontology
from kg.resources import bundled_path

__all__ = ["CuratedData", "bundled_inputs", "load_curated", "read_yaml"]

_SECTIONS = ("defaults", "actors", "things", "sources", "statements")
_ACTOR_KEYS = {"id", "type", "label", "aliases", "description", "wikidata", "wikidata_source", "country", "gender",
               "demonyms", "roles", "reviewed", "code"}
_THING_KEYS = {"id", "type", "label", "aliases", "description", "date", "place", "wikidata", "wikidata_source"}
_SOURCE_KEYS = {"id", "kind", "title", "published", "publisher", "url", "file", "sha256", "language",
                "description", "headline"}
_STATEMENT_KEYS = {"id", "subject", "relation", "object", "date", "place", "source", "status", "claimant", "core",
                   "polarity", "modality", "cameo", "mode", "context", "evidence", "note"}
_ROLE_KEYS = {"role", "of", "title", "start", "end"}


@dataclass
class CuratedData:
    """Everything read from a set of curated files, validated and resolved."""

    actors: dict[str, Actor] = field(default_factory=dict)
    things: dict[str, Thing] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: Statement ids a curator marked ``core: false``: true but not said outright in the source (an actor
    #: inferred from a passive sentence, a background fact), so extraction is not expected to find them.
    not_core: set[str] = field(default_factory=set)


@dataclass
class _Record:
    data: _Mapping
    path: str
    defaults: dict[str, Any] = field(default_factory=dict)

    def error(self, message: str, key: str | None = None) -> InputError:
        line = self.data.lines.get(key, self.data.line) if key is not None else self.data.line
        return InputError(message, path=self.path, line=line)

    @property
    def origin(self) -> Origin:
        return Origin(self.path, self.data.line)


def _display(path: Path) -> str:
    resolved = path.resolve()
    for root, shown in ((bundled_path("data").resolve(), "data"),):
        if resolved.is_relative_to(root):
            return f"{shown}/{resolved.relative_to(root).as_posix()}"
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def bundled_inputs(*, statements: bool = True) -> list[Path]:
    """Return the bundled registry files, and the bundled curated statements unless ``statements=False``."""
    files = [bundled_path("data", "actors.yaml"), bundled_path("data", "sources.yaml")]
    if statements:
        files += sorted(bundled_path("data", "curated").glob("*.yaml"))
    return files


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise InputError("no .yaml files in this folder", path=path)
        elif path.exists():
            found = [path]
        else:
            raise InputError("no such file or folder", path=path)
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    return files


def _text(record: _Record, key: str, *, required: bool = True) -> str | None:
    value = record.data.get(key)
    if value is None:
        if required:
            raise record.error(f"missing {key!r}")
        return None
    if isinstance(value, dict | list):
        raise record.error(f"{key!r} must be text, not a {type(value).__name__}", key)
    return str(value)


def _check_keys(record: _Record, allowed: set[str], what: str) -> None:
    for key in record.data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(sorted(allowed))})"
            raise record.error(f"unknown key {key!r} in {what}{hint}", key)


def _aliases(record: _Record) -> tuple[tuple[str, str], ...]:
    value = record.data.get("aliases") or {}
    if isinstance(value, list):
        value = {"en": value}
    if not isinstance(value, dict):
        raise record.error("'aliases' must map language tags to lists of names", "aliases")
    out: list[tuple[str, str]] = []
    for lang, names in value.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise record.error(f"aliases for {lang!r} must be a list of names", "aliases")
        out += [(name, str(lang)) for name in names]
    return tuple(out)


def _date_value(record: _Record, key: str, *, anchor: date | None = None) -> EventDate | None:
    value = record.data.get(key)
    if value is None:
        return None
    try:
        return parse_date(value, anchor=anchor)
    except DateError as exc:
        raise record.error(str(exc), key) from None


def _plain_date(record: _Record, mapping: _Mapping, key: str) -> date | None:
    value = mapping.get(key)
    if value is None:
        return None
    try:
        parsed = parse_date(value)
    except DateError as exc:
        raise InputError(str(exc), path=record.path, line=mapping.lines.get(key, mapping.line)) from None
    return parsed.start


def _iso(record: _Record, names: Sequence[str]) -> IsoCodes:
    for name in names:
        country = countries.by_name(name)
        if country is not None:
            return country.iso
    raise record.error(f"no ISO 3166 country matches {names[0]!r} or its aliases; add its ISO name as an alias")


def _head(record: _Record, keys: set[str], what: str, onto: Ontology) -> tuple[str, str, str]:
    """Check the keys of an actor or thing and return its id, type (an ontology class) and label."""
    _check_keys(record, keys, what)
    ident, kind, label = (_text(record, k) for k in ("id", "type", "label"))
    assert ident and kind and label
    try:
        onto.check_class(kind)
    except KGError as exc:
        raise record.error(exc.message, "type") from None
    return ident, kind, label


def _actor(record: _Record, onto: Ontology) -> Actor:
    ident, kind, label = _head(record, _ACTOR_KEYS, "an actor", onto)
    if not (onto.is_a(kind, "Actor") or onto.is_a(kind, "Place")):
        raise record.error(f"type {kind!r} is not an actor or a place; declare it under 'things'", "type")
    roles = []
    for role in record.data.get("roles") or []:
        if not isinstance(role, _Mapping):
            raise record.error("each role must be a mapping with role, of, start", "roles")
        sub = _Record(role, record.path)
        _check_keys(sub, _ROLE_KEYS, "a role")
        if role.get("role") not in ROLES:
            raise sub.error(f"unknown role {role.get('role')!r} (roles: {', '.join(ROLES)})", "role")
        roles.append(RoleTenure(role["role"], str(_text(sub, "of")), _plain_date(sub, role, "start"),
                                _plain_date(sub, role, "end"), _text(sub, "title", required=False)))
    aliases = _aliases(record)
    demonyms = record.data.get("demonyms") or []
    if not isinstance(demonyms, list):
        raise record.error("'demonyms' must be a list", "demonyms")
    iso = _iso(record, [label, *(a for a, _ in aliases)]) if kind == "Country" else None
    gender = _text(record, "gender", required=False)
    if gender not in (None, "female", "male"):
        raise record.error(f"gender must be female or male, not {gender!r}", "gender")
    code = _text(record, "code", required=False)
    if code is not None and not re.fullmatch(r"[A-Z]{6}", code):
        raise record.error(f"code {code!r} is not a country's alpha-3 code and a role, such as BLRGOV", "code")
    return Actor(ident, kind, label, aliases, _text(record, "description", required=False),
                 _text(record, "wikidata", required=False), _text(record, "wikidata_source", required=False),
                 _text(record, "country", required=False), tuple(map(str, demonyms)), iso, tuple(roles), gender,
                 bool(record.data.get("reviewed", True)), record.origin, code)


def _thing(record: _Record, onto: Ontology) -> Thing:
    ident, kind, label = _head(record, _THING_KEYS, "a thing", onto)
    if onto.is_a(kind, "Actor"):
        raise record.error(f"{kind!r} is an actor type; declare it under 'actors'", "type")
    return Thing(ident, kind, label, _aliases(record), _text(record, "description", required=False),
                 _date_value(record, "date"), _text(record, "place", required=False),
                 _text(record, "wikidata", required=False), _text(record, "wikidata_source", required=False),
                 record.origin)


def _source(record: _Record, onto: Ontology) -> Source:
    _check_keys(record, _SOURCE_KEYS, "a source")
    ident, title = _text(record, "id"), _text(record, "title")
    assert ident and title
    kind = _text(record, "kind", required=False) or "Article"
    if kind not in onto.class_parents or not onto.is_a(kind, "Source"):
        raise record.error(f"source kind {kind!r} is not a kind of Source", "kind")
    published = _date_value(record, "published")
    if published is not None and published.precision != "day":
        raise record.error("'published' must be a full date (YYYY-MM-DD)", "published")
    sha = _text(record, "sha256", required=False)
    if sha is not None and not (len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
        raise record.error("'sha256' must be 64 lower-case hex digits", "sha256")
    return Source(ident, title, published.start if published else None, _text(record, "publisher", required=False),
                  _text(record, "url", required=False), _text(record, "file", required=False), sha,
                  _text(record, "language", required=False) or "en", kind,
                  _text(record, "description", required=False), _span(record, "headline"), origin=record.origin)


class _Names:
    """Resolves an id, label or alias to one actor or thing id (see :class:`kg.names.NameIndex`)."""

    def __init__(self, data: CuratedData):
        self.index = NameIndex()
        entities: list[Actor | Thing] = [*data.actors.values(), *data.things.values()]
        for entity in entities:
            self.index.add(entity.id, entity.names, label=entity.label)

    def resolve(self, record: _Record, key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise record.error(f"{key!r} must name an actor or thing, not {value!r}", key)
        try:
            return self.index.find(value)
        except UnknownActor as exc:
            raise record.error(exc.message, key) from None

    def many(self, record: _Record, key: str) -> tuple[str, ...]:
        value = record.data.get(key)
        if value is None:
            return ()
        values = value if isinstance(value, list) else [value]
        return tuple(self.resolve(record, key, v) for v in values)


def _span(record: _Record, key: str) -> Evidence | None:
    value = record.data.get(key)
    if value is None:
        return None
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
    elif isinstance(value, list) and len(value) == 2:
        start, end = value
    else:
        raise record.error(f"{key!r} must be [start, end] or {{start: .., end: ..}}", key)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise record.error(f"{key} offsets must be integers with 0 <= start < end, not {start}, {end}", key)
    return Evidence(start, end)


def _statement(record: _Record, data: CuratedData, names: _Names, onto: Ontology) -> Statement:
    _check_keys(record, _STATEMENT_KEYS, "a statement")
    values = {**record.defaults, **record.data}
    ident = _text(record, "id")
    relation_name = _text(record, "relation")
    assert ident and relation_name
    try:
        relation = onto.relation(relation_name)
    except KGError as exc:
        raise record.error(exc.message, "relation") from None
    if relation.name in ("interacts_with", "related_to"):
        raise record.error(f"{relation.name!r} is a root of the hierarchy; use a specific relation", "relation")
    source_id = values.get("source")
    if source_id is None:
        raise record.error("missing 'source' (give it here or under 'defaults')")
    if source_id not in data.sources:
        close = difflib.get_close_matches(str(source_id), sorted(data.sources), n=1)
        raise record.error(f"unknown source {source_id!r}" + (f" (did you mean {close[0]!r}?)" if close else ""),
                           "source" if "source" in record.data else None)
    source = data.sources[source_id]
    subjects = names.many(record, "subject")
    if not subjects:
        raise record.error("missing 'subject'")
    cameo = _text(record, "cameo", required=False)
    if cameo is not None:
        if cameo not in onto.cameo:
            raise record.error(f"unknown CAMEO code {cameo!r}", "cameo")
        if not onto.cameo_within(cameo, relation.name):
            own = relation.cameo.code if relation.cameo else "none"
            raise record.error(f"CAMEO code {cameo} is not within {relation.name}'s code ({own})", "cameo")
    mode = _text(record, "mode", required=False)
    contexts = record.data.get("context") or []
    contexts = [contexts] if isinstance(contexts, str) else contexts
    for key, check in (("mode", lambda: mode is None or onto.check_mode(relation.name, mode)),
                       ("context", lambda: [onto.check_context(str(c)) for c in contexts])):
        try:
            check()
        except KGError as exc:
            raise record.error(exc.message, key) from None
    claimant = record.data.get("claimant")
    try:
        return Statement(
            subjects=subjects,
            relation=relation.name,
            objects=names.many(record, "object"),
            source=source.id,
            date=_date_value(record, "date", anchor=source.published),
            place=names.resolve(record, "place", record.data["place"]) if record.data.get("place") else None,
            evidence=_span(record, "evidence"),
            status=str(values.get("status", "asserted")),
            claimant=names.resolve(record, "claimant", claimant) if claimant is not None else None,
            polarity=str(values.get("polarity", "positive")),
            modality=str(values.get("modality", "actual")),
            cameo=cameo,
            mode=mode,
            contexts=tuple(str(c) for c in contexts),
            note=_text(record, "note", required=False),
            id=ident,
            origin=record.origin,
        )
    except ValueError as exc:
        raise record.error(str(exc)) from None


def load_curated(paths: Iterable[str | Path], *, ontology: Ontology | None = None) -> CuratedData:
    """Read curated files and folders (``*.yaml`` found recursively) into validated objects.

    Parameters
    ----------
    paths : iterable of path
        Files and folders; a file given twice is read once.
    ontology : Ontology, optional
        The relation registry (the bundled ontology by default).

    Returns
    -------
    CuratedData

    Raises
    ------
    InputError
        On the first problem, as ``file:line: what is wrong``.
    """
    onto = ontology or load_ontology()
    data = CuratedData()
    sections: dict[str, list[_Record]] = defaultdict(list)
    for path in _expand(Path(p) for p in paths):
        shown = _display(path)
        data.files.append(shown)
        content = read_yaml(path, shown)
        if content is None:
            continue
        if not isinstance(content, _Mapping):
            raise InputError(f"expected a mapping with sections {', '.join(_SECTIONS)}", path=shown, line=1)
        defaults = content.get("defaults") or {}
        for section, items in content.items():
            if section not in _SECTIONS:
                close = difflib.get_close_matches(str(section), _SECTIONS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (sections: {', '.join(_SECTIONS)})"
                raise InputError(f"unknown section {section!r}{hint}", path=shown, line=content.lines[section])
            if section == "defaults":
                if not isinstance(items, dict) or set(items) - {"source", "status"}:
                    raise InputError("'defaults' may set only source and status", path=shown,
                                     line=content.lines[section])
                continue
            if not isinstance(items, list):
                raise InputError(f"{section!r} must be a list", path=shown, line=content.lines[section])
            for item in items:
                if not isinstance(item, _Mapping):
                    raise InputError(f"each entry of {section!r} must be a mapping", path=shown,
                                     line=content.lines[section])
                sections[section].append(_Record(item, shown, dict(defaults)))

    where: dict[str, Origin] = {}

    def register(kind: str, table: dict[str, Any], record: _Record, item: Any) -> None:
        if item.id in where:
            raise record.error(f"duplicate id {item.id!r} (already used at {where[item.id]})", "id")
        where[item.id] = record.origin
        table[item.id] = item

    for record in sections["actors"]:
        register("actor", data.actors, record, _actor(record, onto))
    for record in sections["things"]:
        register("thing", data.things, record, _thing(record, onto))
    source_where: dict[str, Origin] = {}
    for record in sections["sources"]:
        source = _source(record, onto)
        if source.id in source_where:
            raise record.error(f"duplicate source id {source.id!r} (already used at {source_where[source.id]})", "id")
        source_where[source.id] = record.origin
        data.sources[source.id] = source

    names = _Names(data)
    codes: dict[str, str] = {}
    for record in sections["actors"]:
        actor = data.actors[record.data["id"]]
        if actor.country:
            names.resolve(record, "country", actor.country)
            if data.actors.get(actor.country) is None or data.actors[actor.country].type != "Country":
                raise record.error(f"country {actor.country!r} is not a Country in the registry", "country")
        for role in actor.roles:
            if role.of not in data.actors:
                raise record.error(f"role in unknown actor {role.of!r}", "roles")
        if actor.code is not None:
            state = data.actors.get(actor.country or "")
            if state is None or state.iso is None or not actor.code.startswith(state.iso.alpha3):
                raise record.error(f"code {actor.code} must start with the ISO 3166 alpha-3 code of the actor's "
                                   "country (give 'country' first)", "code")
            if actor.code in codes:
                raise record.error(f"code {actor.code} is already used by {codes[actor.code]!r}", "code")
            codes[actor.code] = actor.id
    for record in sections["things"]:
        thing = data.things[record.data["id"]]
        if thing.place and thing.place not in data.actors:
            raise record.error(f"unknown place {thing.place!r}", "place")

    statement_where: dict[str, Origin] = {}
    for record in sections["statements"]:
        statement = _statement(record, data, names, onto)
        assert statement.id is not None
        if statement.id in statement_where:
            raise record.error(f"duplicate statement id {statement.id!r} "
                               f"(already used at {statement_where[statement.id]})", "id")
        statement_where[statement.id] = record.origin
        data.statements.append(statement)
        if record.data.get("core", True) is False:
            data.not_core.add(statement.id)
    return data
