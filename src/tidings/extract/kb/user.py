"""User dictionaries: YAML (or TSV) files that add to or override the packaged knowledge base.

An analyst who follows a country the package knows little about writes one file and passes it
with `--actors FILE` (or lists it under `[actors] files` in `tidings.toml`). The YAML form:

    actors:
      - name: Pedro Sánchez Suárez
        aliases: [Pedro Sánchez]
        country: COL
        roles: [GOV, MIL]
        kind: person            # person (default), institution, group, igo
        start: 2025-02-01       # first day in office (optional)
        end: 2026-08-07         # last day in office, inclusive (optional)
    places:
      - {name: Pétion-Ville, country: HTI, lat: 18.513, lon: -72.285, kind: city}
    roles:
      - {term: harbour master, roles: [GOV], kind: title}

Every entry is checked before any article is read; the first bad one raises `CodebookError`
naming the file, the line and the field, so a typo never silently drops an actor.
A name (or alias) given here replaces every packaged entry with that surface form.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tidings.errors import CodebookError, Errors
from tidings.extract.kb.knowledge import Entry, KnowledgeBase, read_tsv, split_values

# CAMEO role codes (shared/reference/cameo_actor_codes.tsv) and international sector codes, as
# data/README.md lists them
ROLE_CODES = frozenset("""GOV MIL COP JUD LEG SPY REB INS SEP UAF OPP CVL MED BUS EDU HLH AGR LAB REF SET
    PKO CRM ELI ENV HRI DEV MOD RAD UIS IGO NGO NGM IMG INT MNC""".split())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ActorEntry(_Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    roles: list[str] = Field(default_factory=list)
    kind: Literal["person", "institution", "group", "igo"] = "person"
    start: dt.date | None = None
    end: dt.date | None = None

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: list[str]) -> list[str]:
        bad = [r for r in roles if r not in ROLE_CODES]
        if bad:
            raise ValueError(f"unknown role code(s) {bad}; use CAMEO roles such as GOV, MIL, REB, OPP")
        return roles


class PlaceEntry(_Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    kind: str = "city"


class RoleEntry(_Strict):
    term: str = Field(min_length=1)
    roles: list[str] = Field(min_length=1)
    kind: Literal["title", "group"] = "title"


_SECTIONS: dict[str, type[_Strict]] = {"actors": ActorEntry, "places": PlaceEntry, "roles": RoleEntry}


def _fail(path: str, line: int, problem: str) -> CodebookError:
    return CodebookError(Errors.E101.format(path=path, line=line, problem=problem), path=path, line=line)


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so pydantic (not the YAML parser) judges them."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _items(path: str, text: str) -> list[tuple[str, int, dict[str, Any]]]:
    """(section, line, mapping) for every entry; the YAML node tree gives each one its line."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _fail(path, mark.line + 1 if mark else 0, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    finally:
        loader.dispose()
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise _fail(path, 1, f"expected a mapping with sections {sorted(_SECTIONS)}")
    out = []
    for key_node, value_node in root.value:
        section = key_node.value
        if section not in _SECTIONS:
            raise _fail(path, key_node.start_mark.line + 1,
                        f"unknown section {section!r}; use {', '.join(sorted(_SECTIONS))}")
        values = data[section] or []
        if not isinstance(values, list) or not isinstance(value_node, yaml.SequenceNode):
            raise _fail(path, key_node.start_mark.line + 1, f"{section}: expected a list of entries")
        for node, value in zip(value_node.value, values):
            if not isinstance(value, dict):
                raise _fail(path, node.start_mark.line + 1, f"{section}: each entry must be a mapping")
            out.append((section, node.start_mark.line + 1, value))
    return out


def _validate(path: str, line: int, section: str, raw: dict[str, Any], known: frozenset[str]) -> _Strict:
    try:
        item = _SECTIONS[section].model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "entry"
        raise _fail(path, line, f"{section} field {where!r}: {err['msg']}") from exc
    country = getattr(item, "country", None)
    if country and known and country not in known:
        raise _fail(path, line, f"{section} field 'country': bad country code {country!r} "
                                "(use an ISO 3166 alpha-3 or a CAMEO IGO code)")
    if isinstance(item, ActorEntry) and item.start and item.end and item.start > item.end:
        raise _fail(path, line, "actors field 'end': before 'start'")
    return item


def _add(kb: KnowledgeBase, item: _Strict, origin: str) -> None:
    if isinstance(item, ActorEntry):
        entry = Entry(item.kind, item.name, item.country, tuple(item.roles) or (("IGO",) if item.kind == "igo" else ()),
                      item.start, item.end, origin=origin)
        for surface in [item.name, *item.aliases]:
            kb.add_name(surface, entry)
    elif isinstance(item, PlaceEntry):
        entry = Entry("place", item.name, item.country, lat=item.lat, lon=item.lon,
                      place_kind=item.kind, origin=origin)
        for surface in [item.name, *item.aliases]:
            kb.add_place(surface, entry)
    elif isinstance(item, RoleEntry):
        kb.add_role(item.term, tuple(item.roles), item.kind)


def _tsv_items(path: str, text: str) -> list[tuple[str, int, dict[str, Any]]]:
    """The older TSV form: name, aliases, country, roles[, start_date, end_date]."""
    out = []
    for n, r in read_tsv(path, text, ("name", "aliases", "country", "roles")):
        raw: dict[str, Any] = {"name": r["name"], "country": r["country"] or None,
                               "aliases": split_values(r["aliases"]), "roles": split_values(r["roles"])}
        for col, key in (("start_date", "start"), ("end_date", "end")):
            if r.get(col):
                raw[key] = r[col]
        out.append(("actors", n, raw))
    return out


def read_user_file(path: Path | str, known_codes: frozenset[str] = frozenset()) -> KnowledgeBase:
    """Parse and check one user dictionary into a small knowledge base of its own."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(name, 0, f"cannot read the file: {exc}") from exc
    rows = _tsv_items(name, text) if name.endswith((".tsv", ".tab")) else _items(name, text)
    user = KnowledgeBase()
    for section, line, raw in rows:
        _add(user, _validate(name, line, section, raw, known_codes), f"{name}:{line}")
    return user


def merge(base: KnowledgeBase, users: list[KnowledgeBase]) -> KnowledgeBase:
    """A copy of `base` where each user surface form replaces the packaged entries for it."""
    kb = KnowledgeBase(names={k: list(v) for k, v in base.names.items()}, roles=dict(base.roles),
                       places={k: list(v) for k, v in base.places.items()}, countries=base.countries,
                       igo_parent=dict(base.igo_parent), max_words=base.max_words,
                       max_role_words=base.max_role_words)
    for user in users:
        for surface, entries in user.names.items():
            kb.names[surface] = list(entries)
        for surface, entries in user.places.items():
            kb.places[surface] = list(entries)
        kb.roles.update(user.roles)
        kb.max_words = max(kb.max_words, user.max_words)
        kb.max_role_words = max(kb.max_role_words, user.max_role_words)
    return kb
