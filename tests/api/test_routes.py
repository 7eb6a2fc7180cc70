"""The read endpoints over the sample corpus: filters, paging, detail with evidence."""
from __future__ import annotations

import pytest


def items(client, **params):
    r = client.get("/api/events", params={"page_size": 500, **params})
    assert r.status_code == 200, r.json()
    return r.json()["items"]


def test_routes_events_paginate_with_a_total(client):
    first = client.get("/api/events", params={"page_size": 10}).json()
    second = client.get("/api/events", params={"page_size": 10, "page": 2}).json()
    assert first["ok"] and first["total"] > 100 and len(first["items"]) == 10
    assert first["pages"] == -(-first["total"] // 10)
    assert {e["event_id"] for e in first["items"]}.isdisjoint(e["event_id"] for e in second["items"])
    dates = [e["event_date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates)
    beyond = client.get("/api/events", params={"page": 10_000}).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


@pytest.mark.parametrize("params, check", [
    ({"country": "ind"}, lambda e: "IND" in (e["source_country"], e["target_country"])),
    ({"dyad": "IND-PAK"}, lambda e: {e["source_country"], e["target_country"]} == {"IND", "PAK"}),
    ({"root": "19"}, lambda e: e["root"] == "19"),
    ({"code": "04"}, lambda e: e["cameo"].startswith("04")),
    ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ({"since": "2025-05-01", "until": "2025-05-31"}, lambda e: "2025-05-01" <= e["event_date"] <= "2025-05-31"),
    ({"q": "border"}, lambda e: "border" in e["evidence"].lower()),
    ({"location": "new delhi"}, lambda e: e["location_name"] == "New Delhi"),
    ({"actor": "pakistan"}, lambda e: "pakistan" in " ".join(
        str(e[k]) for k in ("source_name", "target_name", "source_code", "target_code",
                               "source_text", "target_text")).lower()),
])
def test_routes_events_filters_narrow(client, params, check):
    everything = client.get("/api/events", params={"page_size": 1}).json()["total"]
    found = items(client, **params)
    assert 0 < len(found) < everything, params
    assert all(check(e) for e in found), params


def test_routes_event_detail_carries_evidence_article_and_quotes(client):
    event = items(client, dyad="IND-PAK")[0]
    body = client.get(f"/api/events/{event['event_id']}").json()
    e, article = body["event"], body["article"]
    assert article["article_id"] == e["article_id"] and article["text"]
    assert e["evidence"] in article["text"]
    assert article["text"][e["start_char"]:e["end_char"]].strip()
    assert {"rule", "date_text", "date_precision", "source_text", "target_roles"} <= set(e)
    assert isinstance(body["quotes"], list) and all("linked" in q for q in body["quotes"])


def test_routes_article_detail_lists_its_events_and_quotes(client):
    body = client.get("/api/articles/ex-001").json()
    assert body["article"]["title"] and body["events"] and body["quotes"]
    assert all(ev["article_id"] == "ex-001" for ev in body["events"])


def test_routes_quotes_and_actors(client):
    quotes = client.get("/api/quotes", params={"page_size": 5}).json()
    assert quotes["total"] > 50 and len(quotes["items"]) == 5
    india = client.get("/api/quotes", params={"country": "IND", "page_size": 500}).json()["items"]
    assert india and all(q["speaker_country"] == "IND" for q in india)
    actors = client.get("/api/actors", params={"country": "PAK"}).json()["items"]
    assert actors and all(a["country"] == "PAK" for a in actors)
    page2 = client.get("/api/actors", params={"page_size": 3, "page": 2}).json()["items"]
    page1 = client.get("/api/actors", params={"page_size": 3}).json()["items"]
    assert page1 != page2


def test_routes_timeline_buckets_add_up_to_the_events(client):
    total = client.get("/api/events", params={"country": "IND", "page_size": 1}).json()["total"]
    for interval in ("day", "week", "month"):
        body = client.get("/api/timeline", params={"country": "IND", "interval": interval}).json()
        assert sum(b["events"] for b in body["buckets"]) == total
        assert all(b["q1"] + b["q2"] + b["q3"] + b["q4"] == b["events"] for b in body["buckets"])


def test_routes_trend_sums_goldstein_for_a_dyad(client):
    body = client.get("/api/trend", params={"dyad": "IND-PAK", "interval": "week"}).json()
    events = items(client, dyad="IND-PAK")
    assert body["subject"] == "IND-PAK"
    assert sum(p["events"] for p in body["points"]) == len(events)
    assert round(sum(p["goldstein_sum"] for p in body["points"]), 1) == round(
        sum(e["goldstein"] or 0 for e in events), 1)
    assert client.get("/api/trend").status_code == 422  # a trend needs its subject


def test_routes_network_edges_open_their_events(client):
    body = client.get("/api/network", params={"limit": 5}).json()
    assert len(body["edges"]) == 5 and body["nodes"]
    edge = body["edges"][0]
    found = items(client, source=edge["source"], target=edge["target"])
    assert len(found) == edge["events"]


def test_routes_map_points_open_their_events(client):
    points = client.get("/api/map").json()["points"]
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points)
    assert len(items(client, location=points[0]["name"])) >= points[0]["events"]


def test_routes_docs_dashboard_and_static_files(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/trend", "/api/map"} <= set(spec["paths"])
    page = client.get("/")
    assert page.status_code == 200 and "<svg id=\"map\"" in page.text
    assert client.get("/static/app.js").status_code == 200
    world = client.get("/static/world.json").json()
    assert len(world["features"]) > 150
