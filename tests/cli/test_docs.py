"""Every CLI command is documented in README.md (like sqlite-utils' test_docs)."""
from __future__ import annotations

from pathlib import Path

import typer

from tidings.cli.main import app

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)


def test_docs_every_command_is_in_readme():
    text = README.read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"tidings {c}" not in text]
    assert not missing, f"commands missing from README.md: {missing}"


def test_docs_every_command_has_a_help_line():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert (command.help or "").strip(), name
