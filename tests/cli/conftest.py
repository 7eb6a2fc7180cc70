"""Fixtures shared by the CLI tests: typer's runner, with stdout and stderr apart."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
