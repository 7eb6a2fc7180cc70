"""Read endpoints: thin shells over `tidings.query`, shaped by `tidings.web.shapes`.

Each request reads through its own cursor of the server's one connection (see `reader`).
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from tidings import query
from tidings.api.params import (ActorParams, EventPageParams, EventParams, IntervalParams, MapParams, NetworkParams,
                                QuoteParams, TrendParams)
from tidings.errors import ApiError, Errors
from tidings.web import shapes

router = APIRouter(prefix="/api")
Id = Annotated[str, Path(min_length=1, max_length=200)]


def reader(request: Request):
    """A cursor of the server's connection for this request (one per request and thread)."""
    return request.app.state.store.reader()


def no_query(request: Request) -> None:
    """Endpoints without parameters refuse any, as the others refuse unknown ones."""
    if request.query_params:
        names = ", ".join(repr(k) for k in list(request.query_params)[:3])
        raise ApiError(Errors.E601.format(problem=f"unknown query parameter {names}"), status=422, code="E601")


NoQuery = Depends(no_query)


def _not_found(what: str) -> ApiError:
    return ApiError(Errors.E602.format(what=what), status=404, code="E602")


@router.get("/events", summary="Events matching the filters, by event date, one page at a time")
def events(request: Request, p: Annotated[EventPageParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        return JSONResponse(shapes.page(query.event_page(db, p.to_filter(), p.offset, p.page_size), p.page, p.page_size))


@router.get("/events/{event_id}", dependencies=[NoQuery], summary="One event with its evidence offsets, article and quotes")
def event(request: Request, event_id: Id) -> JSONResponse:
    with reader(request) as db:
        detail = query.event_detail(db, event_id)
        if detail is None:
            raise _not_found(f"no event {event_id!r}")
        return JSONResponse(shapes.event_detail(detail))


@router.get("/articles/{article_id}", dependencies=[NoQuery], summary="One article with its text, events and quotes")
def article(request: Request, article_id: Id) -> JSONResponse:
    with reader(request) as db:
        detail = query.article_detail(db, article_id)
        if detail is None:
            raise _not_found(f"no article {article_id!r}")
        return JSONResponse(shapes.article_detail(detail))


@router.get("/quotes", summary="Attributed quotes by article date")
def quotes(request: Request, p: Annotated[QuoteParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        result = query.quote_page(db, speaker=p.speaker, country=p.country, since=p.since, until=p.until,
                                  text=p.q, offset=p.offset, limit=p.page_size)
        return JSONResponse(shapes.page(result, p.page, p.page_size))


@router.get("/actors", summary="Resolved actors with their counts as source, target and speaker")
def actors(request: Request, p: Annotated[ActorParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        table = query.actors(db, country=p.country, name=p.name, limit=p.page_size, offset=p.offset)
        return JSONResponse({"ok": True, "page": p.page, "page_size": p.page_size, "items": shapes.rows(table)})


@router.get("/timeline", summary="Events per day, week or month, by quad class, with the Goldstein sum")
def timeline(request: Request, p: Annotated[IntervalParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        return JSONResponse(shapes.timeline(db, p.to_filter(), p.interval))


@router.get("/trend", summary="Daily or weekly Goldstein sum and event counts for a country or dyad")
def trend(request: Request, p: Annotated[TrendParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        return JSONResponse(shapes.trend(db, p.to_filter(), p.interval))


@router.get("/network", summary="Actor-to-actor edges weighted by events and mean Goldstein score")
def network(request: Request, p: Annotated[NetworkParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        return JSONResponse(shapes.network(db, p.to_filter(), p.limit))


@router.get("/map", summary="Located events grouped by place")
def map_points(request: Request, p: Annotated[MapParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        return JSONResponse(shapes.map_points(db, p.to_filter(), p.limit))


@router.get("/top-dyad", summary="The pair of countries with the most events under the filters")
def top_dyad(request: Request, p: Annotated[EventParams, Query()]) -> JSONResponse:
    with reader(request) as db:
        pair = query.top_dyad(db, p.to_filter())
        return JSONResponse({"ok": True, "dyad": "-".join(pair) if pair else None})


@router.get("/status", dependencies=[NoQuery], summary="Row counts, whether writes are on, and jobs waiting")
def status(request: Request) -> JSONResponse:
    with reader(request) as db:
        ingester = request.app.state.ingester
        return JSONResponse({"ok": True, **query.counts(db), "writes": ingester is not None,
                             "pending_jobs": ingester.pending() if ingester else 0})
