"""Property tests: the parsers never raise on any input, they only reject."""
from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.ingest.jsonl import parse_object
from tidings.ingest.registry import ReadOptions
from tidings.ingest.records import make_article, parse_date
from tidings.models import Article, Reject

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)

records = st.fixed_dictionaries({}, optional={
    "id": json_values, "date": st.one_of(json_values, st.dates().map(str), st.datetimes().map(str)),
    "text": st.one_of(json_values, st.text(min_size=1)), "title": json_values})


@settings(deadline=None)
@given(st.binary(max_size=200))
def test_ingest_properties_any_bytes_line_is_article_reject_or_blank(raw):
    out = parse_object(raw, "prop.jsonl", 1, ReadOptions())
    assert out is None or isinstance(out, (Article, Reject))


@settings(max_examples=200, deadline=None)
@given(records)
def test_ingest_properties_any_json_object_is_article_or_reject(record):
    line = json.dumps(record).encode()
    out = parse_object(line, "prop.jsonl", 7, ReadOptions(dt.date(2025, 1, 1)))
    assert isinstance(out, (Article, Reject))
    if isinstance(out, Reject):
        assert out.line == 7 and "prop.jsonl:7" in out.describe()


@settings(deadline=None)
@given(st.dates())
def test_ingest_properties_iso_dates_round_trip(d):
    assert parse_date(d.isoformat()) == d


@settings(deadline=None)
@given(st.datetimes(timezones=st.timezones()))
def test_ingest_properties_datetimes_become_their_utc_date(stamp):
    expected = stamp.astimezone(dt.timezone.utc).date() if stamp.utcoffset() is not None else stamp.date()
    assert parse_date(stamp.isoformat()) == expected


@settings(deadline=None)
@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_ingest_properties_same_text_same_id(text):
    a = make_article({"text": text, "date": "2025-01-01"}, "x", 1, None)
    b = make_article({"text": text, "date": "2025-02-02"}, "y", 9, None)
    assert isinstance(a, Article) and a.id == b.id
