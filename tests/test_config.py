"""Settings precedence: flag > environment > tidings.toml > default (tidings.config)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.config import DEFAULT_DB, load_settings
from tidings.errors import ConfigError


def write_toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tidings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_defaults(tmp_path: Path) -> None:
    s = load_settings(environ={}, config_file=tmp_path / "none.toml")
    assert (s.db_path, s.batch_size, s.actor_files) == (DEFAULT_DB, 64, ())


def test_config_precedence_flag_env_file(tmp_path: Path) -> None:
    toml = write_toml(tmp_path, '[store]\ndb = "file.duckdb"\n[pipeline]\nbatch_size = 8\n')
    assert load_settings(environ={}, config_file=toml).db_path == "file.duckdb"
    env = {"TIDINGS_DB": "env.duckdb"}
    assert load_settings(environ=env, config_file=toml).db_path == "env.duckdb"
    assert load_settings({"db_path": "flag.duckdb"}, environ=env, config_file=toml).db_path == "flag.duckdb"
    assert load_settings({"db_path": None}, environ=env, config_file=toml).db_path == "env.duckdb"
    assert load_settings(environ={}, config_file=toml).batch_size == 8


def test_config_actor_files_add_up(tmp_path: Path) -> None:
    toml = write_toml(tmp_path, '[actors]\nfiles = ["a.yaml", "b.yaml"]\n')
    assert load_settings(environ={}, config_file=toml).actor_files == ("a.yaml", "b.yaml")
    env = {"TIDINGS_ACTORS": "c.yaml:d.yaml"}
    assert load_settings(environ=env, config_file=toml).actor_files == ("c.yaml", "d.yaml")
    both = load_settings({"actor_files": ("e.yaml",)}, environ={}, config_file=toml)
    assert both.actor_files == ("a.yaml", "b.yaml", "e.yaml")  # config first, then flags
    assert load_settings({"actor_files": ()}, environ={}, config_file=toml).actor_files == ("a.yaml", "b.yaml")


def test_config_bad_values_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings({"batch_size": "many"}, environ={}, config_file=tmp_path / "none.toml")
    bad = write_toml(tmp_path, "[store\n")
    with pytest.raises(ConfigError, match="tidings.toml"):
        load_settings(environ={}, config_file=bad)


def test_config_day_first(tmp_path: Path) -> None:
    toml = write_toml(tmp_path, "[time]\nday_first = false\n")
    assert load_settings(environ={}, config_file=toml).day_first is False
    assert load_settings(environ={"TIDINGS_TIME__DAY_FIRST": "true"}, config_file=toml).day_first is True
    assert load_settings({"day_first": True}, environ={}, config_file=toml).day_first is True
    assert load_settings(environ={}, config_file=tmp_path / "none.toml").day_first is True
