"""Query parameters as pydantic models: every value is checked (type, range, pattern, length)
before a query runs, and an unknown parameter is refused rather than silently ignored."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tidings.query import EventFilter

MAX_PAGE_SIZE = 500
MAX_PAGE = 1_000_000
CODE = r"^[A-Za-z]{2,6}$"  # ISO alpha-3 or a CAMEO IGO code
DYAD = r"^[A-Za-z]{2,6}-[A-Za-z]{2,6}$"
Text = Field(None, min_length=1, max_length=200)


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Paging(_Params):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="1-based page number.")
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description=f"Rows per page, at most {MAX_PAGE_SIZE}.")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


class EventParams(_Params):
    """Filters shared by /api/events and every chart endpoint."""

    actor: str | None = Field(None, min_length=1, max_length=120,
                              description="Substring of the source or target actor's name, code or text.")
    country: str | None = Field(None, pattern=CODE, description="Country (ISO alpha-3) or IGO code, source or target.")
    dyad: str | None = Field(None, pattern=DYAD, description="Two country codes, e.g. IND-PAK, either direction.")
    source: str | None = Field(None, min_length=1, max_length=120, description="Exact source node (actor code, else country).")
    target: str | None = Field(None, min_length=1, max_length=120, description="Exact target node (actor code, else country).")
    root: str | None = Field(None, pattern=r"^\d{1,2}$", description="CAMEO root, e.g. 04 or 19.")
    code: str | None = Field(None, pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 190 or 0231.")
    quad_class: int | None = Field(None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")
    since: dt.date | None = Field(None, description="Event date on or after (YYYY-MM-DD).")
    until: dt.date | None = Field(None, description="Event date on or before (YYYY-MM-DD).")
    q: str | None = Field(None, min_length=1, max_length=200, description="Substring of the evidence sentence.")
    location: str | None = Field(None, min_length=1, max_length=120, description="Place name or the place's country code.")

    @model_validator(mode="after")
    def _range(self) -> EventParams:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def to_filter(self) -> EventFilter:
        dyad = tuple(self.dyad.upper().split("-")) if self.dyad else None
        return EventFilter(actor=self.actor, country=self.country, dyad=dyad, source=self.source,
                           target=self.target, root=self.root, code=self.code, quad_class=self.quad_class,
                           since=self.since, until=self.until, text=self.q, location=self.location)


class EventPageParams(EventParams, Paging):
    pass


class IntervalParams(EventParams):
    interval: Literal["day", "week", "month"] = Field("day", description="Bucket size; weeks start on Monday.")


class TrendParams(EventParams):
    interval: Literal["day", "week"] = Field("day", description="Bucket size; weeks start on Monday.")

    @model_validator(mode="after")
    def _subject(self) -> TrendParams:
        if not (self.country or self.dyad):
            raise ValueError("a trend follows one country or dyad: give country=IND or dyad=IND-PAK")
        return self


class NetworkParams(EventParams):
    limit: int = Field(80, ge=1, le=500, description="At most this many edges, heaviest first.")


class MapParams(EventParams):
    limit: int = Field(1000, ge=1, le=5000, description="At most this many places, busiest first.")


class QuoteParams(Paging):
    speaker: str | None = Field(None, min_length=1, max_length=120, description="Substring of the speaker.")
    country: str | None = Field(None, pattern=CODE, description="The speaker's country code.")
    since: dt.date | None = Field(None, description="Article date on or after.")
    until: dt.date | None = Field(None, description="Article date on or before.")
    q: str | None = Field(None, min_length=1, max_length=200, description="Substring of the quote.")


class ActorParams(Paging):
    country: str | None = Field(None, pattern=CODE, description="The actor's country code.")
    name: str | None = Field(None, min_length=1, max_length=120, description="Substring of name, text or code.")
