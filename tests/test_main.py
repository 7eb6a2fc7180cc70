"""The `tidings` command's entry point: a spawned pool worker runs it again as `__mp_main__`,
so importing it must not import the CLI (stop 23: 64 MiB and 0.2-0.5 s of CPU per worker)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_main_entry_point_imports_nothing_heavy_until_it_runs():
    probe = ("import sys, tidings.__main__; "
             "print(sorted(m for m in ('typer', 'duckdb', 'pyarrow', 'spacy', 'tidings.cli.main') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_main_console_script_points_at_the_light_entry_point():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["tidings"] == "tidings.__main__:main"


def test_main_runs_the_cli():
    from tidings import __version__

    done = subprocess.run([sys.executable, "-m", "tidings", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in done.stdout
