"""Typed settings resolved once, then passed in as arguments (no module state).

Precedence: explicit argument (a CLI flag) > environment (`TIDINGS_DB`, or the
sectioned `TIDINGS_STORE__DB` form) > `tidings.toml` in the working directory > default.
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tidings.errors import ConfigError

DEFAULT_DB = "tidings.duckdb"
CONFIG_FILE = "tidings.toml"
# Longest article text parsed. News reports run 2-20k characters and long features 50k;
# parse time grows faster than length (one 100k text: 8.6 s and 580 MB peak, 200k: 21 s and
# 870 MB, 300k: 40 s and 1.2 GB on the 2-core reference machine), so 100k keeps every real
# article and keeps one pathological record from costing minutes and gigabytes.
DEFAULT_MAX_TEXT_CHARS = 100_000

# setting name -> (toml section, key, environment variables in order of preference)
_SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "db_path": ("store", "db", ("TIDINGS_DB", "TIDINGS_STORE__DB")),
    "batch_size": ("pipeline", "batch_size", ("TIDINGS_PIPELINE__BATCH_SIZE",)),
    "processes": ("pipeline", "processes", ("TIDINGS_PIPELINE__PROCESSES",)),
    "model": ("nlp", "model", ("TIDINGS_NLP__MODEL",)),
    "actor_files": ("actors", "files", ("TIDINGS_ACTORS",)),
    "day_first": ("time", "day_first", ("TIDINGS_TIME__DAY_FIRST",)),
    "max_text_chars": ("ingest", "max_text_chars", ("TIDINGS_INGEST__MAX_TEXT_CHARS",)),
}


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db_path: str = DEFAULT_DB
    batch_size: int = Field(64, ge=1, le=100_000)  # articles per spaCy batch and per write transaction
    # parsing processes; None: one per core (see `engine.default_processes`), 1: in this process
    processes: int | None = Field(None, ge=1, le=1024)
    model: str | None = None  # None: the nlp stage's default model
    actor_files: tuple[str, ...] = ()  # user dictionaries; `--actors` flags come after these
    day_first: bool = True  # "04/05/2025" is 4 May; False reads it as April 5 (US order)
    max_text_chars: int = Field(DEFAULT_MAX_TEXT_CHARS, ge=1)  # longer article texts are rejected

    @field_validator("actor_files", mode="before")
    @classmethod
    def _split_paths(cls, value: object) -> object:
        # TIDINGS_ACTORS holds paths separated like PATH (":" on Unix)
        return tuple(p for p in value.split(os.pathsep) if p) if isinstance(value, str) else value


def _from_toml(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Cannot read {path}: {exc}. Fix or remove the file.", path=str(path)) from exc
    found = {}
    for name, (section, key, _) in _SOURCES.items():
        value = data.get(section, {}).get(key)
        if value is not None:
            found[name] = value
    return found


def load_settings(overrides: Mapping[str, object] | None = None,
                  environ: Mapping[str, str] | None = None,
                  config_file: str | Path = CONFIG_FILE) -> Settings:
    """Merge the sources; `overrides` values of None mean "flag not given"."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = _from_toml(Path(config_file))
    for name, (_, _, names) in _SOURCES.items():
        for var in names:
            if env.get(var):
                values[name] = env[var]
                break
    flags = {k: v for k, v in (overrides or {}).items() if v is not None}
    if "actor_files" in flags:  # dictionaries add up: config files first, then the flags
        flags["actor_files"] = (*Settings(actor_files=values.get("actor_files", ())).actor_files,
                                *flags["actor_files"])
    values.update(flags)
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise ConfigError(f"Invalid settings: {exc.errors()[0]['msg']} "
                          f"({exc.errors()[0]['loc'][0]}). Check flags, TIDINGS_* variables "
                          f"and {CONFIG_FILE}.") from exc
