"""The dashboard and the static report in a real browser (Debian's chromium via Playwright)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
VIEWS = ["view-timeline", "view-trend", "view-network", "view-map", "view-events"]


def ready(page, before: str | None = None) -> str:
    page.wait_for_function("prev => document.body.dataset.ready && document.body.dataset.ready !== prev",
                           arg=before)
    return page.evaluate("document.body.dataset.ready")


def signatures(page) -> dict[str, str]:
    return {v: page.get_attribute(f"#{v}", "data-signature") for v in VIEWS}


def test_browser_dashboard_loads_without_console_errors(page, live_server, shot):
    page.goto(live_server + "/")
    ready(page)
    sigs = signatures(page)
    assert all(sigs.values()), sigs
    assert page.locator("#timeline .bar").count() > 10
    assert page.locator("#network .edge").count() > 5
    assert page.locator("#map .marker").count() > 5 and page.locator("#map .land").count() > 150
    assert page.locator("#events tbody tr").count() == 25
    assert page.console.errors == []
    shot(page, "dashboard")
    for view in VIEWS:
        shot(page.locator(f"#{view}"), view.removeprefix("view-"))


def test_browser_filters_change_every_view_and_stay_in_the_url(page, live_server):
    page.goto(live_server + "/")
    first = ready(page)
    before = signatures(page)
    page.fill("input[name=country]", "pak")
    page.fill("input[name=since]", "2025-01-01")
    page.click("#apply")
    ready(page, first)
    after = signatures(page)
    assert [v for v in VIEWS if before[v] == after[v]] == []
    assert "country=PAK" in page.url and "since=2025-01-01" in page.url
    assert "PAK" in page.inner_text("#trend-subject")
    page.reload()
    ready(page)
    assert page.input_value("input[name=country]") == "PAK"
    assert signatures(page) == after
    assert page.console.errors == []


def test_browser_clicking_an_event_shows_its_highlighted_evidence(page, live_server, shot):
    page.goto(live_server + "/?dyad=IND-PAK")
    ready(page)
    row = page.locator("#events tbody tr").first
    event_id = row.get_attribute("data-event")
    row.click()
    mark = page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    detail = json.loads(page.evaluate(f"fetch('/api/events/{event_id}').then(r => r.text())"))
    e, text = detail["event"], detail["article"]["text"]
    assert mark.inner_text().strip() == text[e["start_char"]:e["end_char"]].strip()
    assert e["evidence"].strip() in mark.inner_text() or mark.inner_text().strip() in e["evidence"]
    assert page.locator("#quotes li").count() >= 1
    assert e["rule"] in page.inner_text("#detail-meta")
    assert page.console.errors == []
    shot(page.locator("#detail"), "evidence")


@pytest.mark.parametrize("selector, attribute", [
    ("#timeline .bar", "data-period"), ("#trend .point", "data-period"),
    ("#network .edge", "data-source"), ("#map .marker", "data-place")])
def test_browser_every_chart_element_opens_its_events(page, live_server, selector, attribute):
    page.goto(live_server + "/")
    ready(page)
    total = page.inner_text("#events-count")
    element = page.locator(selector).first
    value = element.get_attribute(attribute)
    element.dispatch_event("click")
    page.wait_for_selector("#drill:not([hidden])")
    assert page.inner_text("#events-count") != total
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1
    if attribute == "data-place":
        assert all(c == value for c in page.locator("#events tbody td:nth-child(5)").all_inner_texts())
    if selector == "#timeline .bar":
        assert all(d == value for d in page.locator("#events tbody td:nth-child(1)").all_inner_texts())
    rows.first.click()
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    assert page.console.errors == []


def test_browser_report_is_self_contained(page, sample_db, tmp_path):
    from tidings.query import EventFilter
    from tidings.web.report import build_report

    out = Path(tmp_path) / "report.html"
    out.write_text(build_report(sample_db, EventFilter(country="IND")), encoding="utf-8")
    outside: list[str] = []

    def block(route) -> None:
        outside.append(route.request.url)
        route.abort()

    page.route("http*://**/*", block)
    page.goto(out.as_uri())
    ready(page)
    assert page.locator("#timeline .bar").count() > 3 and page.locator("#map .marker").count() > 0
    page.locator("#map .marker").first.dispatch_event("click")
    page.wait_for_selector("#drill:not([hidden])")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail:not([hidden]) mark.evidence")
    assert outside == [] and page.console.errors == []
