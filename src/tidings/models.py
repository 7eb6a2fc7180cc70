"""Records that cross stage boundaries.

Every stage takes and returns these models, never bare dicts. The JSON shape of
`ArticleResult.to_json()` is the public output contract documented in the README and
read by `shared/eval/score.py`.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DatePrecision = Literal["day", "week", "month", "year", "article"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Record):
    """A dated news report. `date` is the publication date events are resolved against."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # "path:line" the record came from, for error messages
    author: str | None = None  # byline, where the page gave one


class Reject(_Record):
    """An input record that could not be ingested, kept so nothing is silently lost."""

    origin: str  # file path or "-" for stdin
    line: int | None = None
    field: str | None = None
    message: str
    raw: str | None = None

    def describe(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        field = f" field {self.field!r}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class Actor(_Record):
    """A resolved actor. `code` is CAMEO-style: country (ISO alpha-3 or IGO code) + roles."""

    text: str
    name: str
    code: str | None = None
    country: str | None = None
    roles: list[str] = Field(default_factory=list)


class Location(_Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city, region, country ...


class Timex(_Record):
    """A time expression normalised to a TIMEX3 type and value."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str


class Entity(_Record):
    text: str
    label: str
    start: int
    end: int


class Event(_Record):
    """One coded event. `date` is when it happened, not when it was reported."""

    id: str
    sentence: int
    evidence: str
    start: int
    end: int
    date: dt.date
    date_text: str | None = None
    date_precision: DatePrecision = "article"
    source: Actor | None = None
    target: Actor | None = None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None = None
    location: Location | None = None
    confidence: float = 1.0
    rule: str
    verb: str | None = None
    threatened: str | None = None  # for CAMEO 13x: the CAMEO code of the act threatened
    verb_start: int | None = None  # character offset of the word that triggered the event
    quote_id: str | None = None  # the quote this event was said in, or that it reports


class Quote(_Record):
    """A direct or reported quote. `start`/`end` span it in the article (a quote continued over
    paragraphs spans them all); `event_ids` are the events it says or that report it."""

    id: str | None = None
    speaker: str | None
    speaker_actor: Actor | None = None
    text: str
    kind: QuoteKind
    start: int
    end: int
    said_at: int | None = None  # character offset of the verb of saying that attributes it
    event_ids: list[str] = Field(default_factory=list)


class Candidate(_Record):
    """An event candidate that was dropped, kept for `extract --explain`."""

    sentence: int
    evidence: str
    verb: str
    cameo: str | None
    reason: str


class ArticleResult(_Record):
    article: Article
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dropped: list[Candidate] = Field(default_factory=list)

    def to_json(self, explain: bool = False) -> dict:
        """The output contract: one JSON object per article."""
        a = self.article
        out = {
            "article": {"id": a.id, "date": a.date.isoformat(), "title": a.title,
                        "source": a.source, "url": a.url},
            "events": [e.model_dump(mode="json") for e in self.events],
            "quotes": [q.model_dump(mode="json") for q in self.quotes],
            "timexes": [t.model_dump(mode="json") for t in self.timexes],
            "entities": [e.model_dump(mode="json") for e in self.entities],
        }
        if explain:
            out["dropped"] = [c.model_dump(mode="json") for c in self.dropped]
        return out
