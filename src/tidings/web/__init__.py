"""The dashboard (static files under `static/`, served by `tidings.api`) and the same views
as one self-contained HTML report (`report.build_report`)."""
from __future__ import annotations

import importlib.resources
from pathlib import Path


def static_dir() -> Path:
    """The folder of the dashboard's files, shipped as package data."""
    return Path(str(importlib.resources.files("tidings.web").joinpath("static")))
