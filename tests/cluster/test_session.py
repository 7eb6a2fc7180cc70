"""Ray missing or a cluster not there: one clear error at once, never a long wait."""
from __future__ import annotations

import socket
import sys

import pytest

from tidings.cluster.session import import_ray, probe
from tidings.errors import ClusterError


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_session_probe_names_an_address_nobody_listens_on():
    address = f"127.0.0.1:{_closed_port()}"
    with pytest.raises(ClusterError, match="Cannot reach the Ray cluster at 127.0.0.1") as caught:
        probe(address, timeout=2)
    assert caught.value.address == address


def test_session_probe_accepts_a_listening_head():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        probe(f"ray://127.0.0.1:{server.getsockname()[1]}", timeout=2)


def test_session_probe_refuses_a_port_that_is_not_a_number():
    with pytest.raises(ClusterError, match="HOST:PORT"):
        probe("127.0.0.1:head", timeout=2)


def test_session_without_ray_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    with pytest.raises(ClusterError, match=r"pip install 'tidings\[ray\]'"):
        import_ray()
