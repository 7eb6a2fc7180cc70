"""A polite HTTP client: a User-Agent that names tidings, timeouts, retries with exponential
backoff, at most one request per `min_interval` seconds to each host, robots.txt honoured,
and a cap on how many bytes one response may hold (read as a stream and cut off).

Time is injected (`clock`, `sleep`) so tests run without waiting.
"""
from __future__ import annotations

import logging
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from tidings import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"tidings/{__version__} (+https://example.org/tidings; news event coder)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL could not be fetched; `reason` is the one-line cause shown in rejects."""

    def __init__(self, url: str, reason: str, retryable: bool = True) -> None:
        super().__init__(f"{reason} fetching {url}")
        self.url, self.reason, self.retryable = url, reason, retryable


@dataclass(frozen=True)
class HttpSettings:
    """`timeout` seconds per attempt; `retries` extra attempts after a timeout, a connection
    error or a 429/5xx, waiting `backoff * 2**n` seconds before attempt n+1; `min_interval`
    seconds between two requests to one host."""

    user_agent: str = USER_AGENT
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    min_interval: float = 1.0
    max_bytes: int = 665_536
    robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content_type: str
    body: bytes


@dataclass
class PoliteClient:
    settings: HttpSettings = field(default_factory=HttpSettings)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None

    def __post_init__(self) -> None:
        self._http = httpx.Client(headers={"User-Agent": self.settings.user_agent},
                                  timeout=self.settings.timeout, follow_redirects=True,
                                  transport=self.transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.min_interval - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _allowed(self, url: str) -> bool:
        if not self.settings.robots:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                res = self._once(base + "/robots.txt", 65_536)
                if res.status == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(res.body.decode("utf-8", "replace").splitlines())
            except FetchError as exc:  # no robots.txt reachable: allowed, as crawlers agree
                log.info("robots.txt of %s: %s; treating the site as open", base, exc.reason)
            self._robots[base] = parser
        parser = self._robots[base]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _once(self, url: str, max_bytes: int) -> Response:
        self._wait_for(urlsplit(url).netloc)
        try:
            with self._http.stream("GET", url) as res:
                declared = res.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, f"the response is {int(declared):,} bytes, over the "
                                     f"{max_bytes:,}-byte limit; not downloaded", retryable=False)
                body = bytearray()
                for chunk in res.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(url, f"the response is over the {max_bytes:,}-byte limit; "
                                         "download stopped", retryable=False)
                return Response(str(res.url), res.status_code,
                                res.headers.get("Content-Type", ""), bytes(body))
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.settings.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"connection failed ({type(exc).__name__}: {exc})") from exc

    def get(self, url: str, max_bytes: int | None = None) -> Response:
        """GET `url` with retries; raises FetchError for robots.txt refusals, HTTP errors
        (after retries for 429/5xx), timeouts and responses over `max_bytes` (default: the
        settings' limit for one article's page)."""
        limit = max_bytes or self.settings.max_bytes
        if not self._allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt", retryable=False)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last_try = attempt == attempts - 1
            try:
                res = self._once(url, limit)
            except FetchError as exc:
                if not exc.retryable:
                    raise
                if last_try:
                    raise FetchError(url, f"{exc.reason} (tried {attempts} times)", False) from exc
                self.sleep(self.settings.backoff * 2 ** attempt)
                continue
            if res.status in RETRY_STATUS and not last_try:
                self.sleep(self.settings.backoff * 2 ** attempt)
                continue
            if res.status >= 400:
                phrase = httpx.codes.get_reason_phrase(res.status)
                raise FetchError(url, f"HTTP {res.status} {phrase}".rstrip(), retryable=False)
            return res
        raise AssertionError("unreachable")
