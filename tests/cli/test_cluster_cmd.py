"""`--engine ray` and `tidings load` refuse what they cannot do in one line, never a traceback:
an unknown engine, options of the other engine, Ray missing, a cluster not there, a used
Parquet folder, a folder that holds no partitions."""
from __future__ import annotations

import socket
import sys

import pytest

from cli_helpers import one_line

from tidings.cli.main import app


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cluster_cmd_unknown_engine_is_a_usage_error(runner, fixtures, db_path):
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", db_path, "--engine", "foo"])
    assert result.exit_code == 2 and "--engine" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("extra", [["--parquet-dir", "pq"], ["--ray-address", "127.0.0.1:1"], ["--no-load"]])
def test_cluster_cmd_ray_options_without_ray_engine_are_usage_errors(runner, fixtures, db_path, extra):
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", db_path, *extra])
    assert result.exit_code == 2 and "only apply with --engine ray" in result.stderr


def test_cluster_cmd_no_load_needs_a_parquet_dir(runner, fixtures, db_path):
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--engine", "ray", "--no-load"])
    assert result.exit_code == 2 and "--parquet-dir" in result.stderr


def test_cluster_cmd_unreachable_cluster_isone_line(runner, fixtures, db_path):
    address = f"127.0.0.1:{_closed_port()}"
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", db_path,
                                 "--engine", "ray", "--ray-address", address])
    assert result.exit_code == 1
    line = one_line(result)
    # with ray installed the address is probed; without it the install hint comes first
    assert f"Cannot reach the Ray cluster at {address}" in line or "tidings[ray]" in line


def test_cluster_cmd_ray_not_installed_isone_line(runner, fixtures, db_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--db", db_path, "--engine", "ray"])
    assert result.exit_code == 1
    assert "pip install 'tidings[ray]'" in one_line(result)


def test_cluster_cmd_used_parquet_dir_is_refused(runner, fixtures, tmp_path):
    used = tmp_path / "pq" / "events"
    used.mkdir(parents=True)
    (used / "part-00000.parquet").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(fixtures / "articles.jsonl"), "--engine", "ray",
                                 "--parquet-dir", str(tmp_path / "pq"), "--no-load"])
    assert result.exit_code == 1
    assert "already holds Parquet partitions" in one_line(result)


def test_cluster_cmd_load_of_a_folder_without_partitions_isone_line(runner, tmp_path, db_path):
    result = runner.invoke(app, ["load", str(tmp_path), "--db", db_path])
    assert result.exit_code == 1
    assert "holds no tidings Parquet partitions" in one_line(result)
