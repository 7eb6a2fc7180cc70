"""A real server (uvicorn in a thread, 127.0.0.1, a free port) and Debian's chromium driven
by Playwright. Everything here skips, saying why, where chromium or Playwright is missing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from web_helpers import serve

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# TIDINGS_SCREENSHOTS=docs/screenshots pytest tests/web  regenerates the README's pictures
SHOTS = os.environ.get("TIDINGS_SCREENSHOTS")


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need `pip install playwright`")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(sample_db_copy_session):
    """The app over its own copy of the sample database, served by uvicorn on 127.0.0.1."""
    from tidings.api import create_app

    with serve(create_app(sample_db_copy_session)) as base:
        yield base


@pytest.fixture(scope="session")
def sample_db_copy_session(sample_db, tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("live") / "live.duckdb")
    shutil.copyfile(sample_db, path)
    return path


class Console:
    """Console errors and uncaught page errors seen by one page."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.console = Console(page)
    yield page
    context.close()


@pytest.fixture
def shot():
    """`shot(locator, name)` saves a PNG under $TIDINGS_SCREENSHOTS, when it is set."""

    def save(locator, name: str) -> None:
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            locator.screenshot(path=str(Path(SHOTS) / f"{name}.png"))

    return save
