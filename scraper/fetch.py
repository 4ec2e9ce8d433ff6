"""The Fetcher: polite, bounded HTTP fetching of pages into Captures.

One ``Fetcher`` holds one ``requests`` session (connection reuse), the
robots.txt rules of every host it has seen and the time of its last request
to each host. It keeps no global state: two Fetchers know nothing of each
other. What it promises:

- robots.txt obeyed (protego), unless ``ignore_robots=True``; ``Crawl-delay``
  and ``delay`` space out requests to the same host;
- connect/read timeouts; retries with exponential backoff and jitter on
  connection errors, timeouts, 429 and 5xx, honouring ``Retry-After`` up to
  ``max_retry_after`` seconds, for pages and robots.txt alike; at most
  ``max_redirects`` redirects;
- a body cap on the wire (``max_bytes``, read streamed, stops early) and on
  the decompressed body (``max_decompressed_bytes``: gzip bombs);
- only HTML, XHTML and plain text; anything else is UnsupportedContentType;
- a page's meta refresh followed like an HTTP redirect (``refresh.py``),
  unless ``follow_refresh=False``;
- optionally an SQLite HTTP cache (requests-cache) honouring Cache-Control.

Threads: a Fetcher may be shared by threads. The robots cache and the
per-host clock are lock-protected, and requests' connection pool is
thread-safe for plain GETs; the retry randomness has its own generator. For
full isolation (e.g. different options) give each thread its own Fetcher.

Redirects: every hop is checked against its own host's robots.txt before it
is followed (a response hook on the request), without waiting for that
host's crawl delay: the request is already under way.
"""

from __future__ import annotations

import email.utils
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import requests
import urllib3

from .capture import MEDIA_KINDS, Capture, media_type
from .errors import HTTPStatusError, InputError, NetworkError, TooLarge, UnsupportedContentType
from .fetch_settings import (
    DEFAULT_BACKOFF, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_READ_TIMEOUT, DEFAULT_RETRIES, MAX_BACKOFF, check_settings,
)
from .http_cache import DEFAULT_CACHE_EXPIRE, cache_error, cache_file, cached_session
from .refresh import follow_refresh
from .saved_files import MAX_DECOMPRESSED_BYTES
from .robots import RobotsCache, host_key
from .version import NAME, package_version

# Decompressed cap: the one saved gzip files have (saved_files.py).
DEFAULT_MAX_DECOMPRESSED_BYTES = MAX_DECOMPRESSED_BYTES
CHUNK_BYTES = 64 * 1024
RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))
# requests errors that mean the URL itself is wrong: no retry, an InputError.
BAD_URL_ERRORS = (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema)
# What no host name holds (the WHATWG URL standard's forbidden host code points,
# less ":" of an IPv6 address): urllib3 2.7 lets "exa mple.com" through to a
# DNS look-up, so such a URL is refused before anything is sent.
FORBIDDEN_HOST_CHARS = frozenset(' \t\n\r\x00#/<>?@[\\]^|"')
ACCEPT_HEADER = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
T = TypeVar("T")  # what a response is read into: a Capture, robots.txt's status and body


def default_user_agent() -> str:
    """``boilerstrip/<version>``: who we are, so site owners can tell."""
    return f"{NAME}/{package_version()}"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _local_path(url: str) -> Path | None:
    """The file a ``file://`` URL or a plain path names, else None (a web URL)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(url2pathname(unquote(parts.path)))
    if parts.scheme in ("http", "https"):
        return None
    if parts.scheme and len(parts.scheme) > 1:  # "c:" is a drive, not a scheme
        raise InputError(f"unsupported URL scheme {parts.scheme!r}: {url}")
    return Path(url)


class Fetcher:
    """Fetches pages politely into Captures; reuse one for many pages.

    ``timeout`` sets both the connect and the read timeout (seconds);
    ``connect_timeout``/``read_timeout`` set them apart. ``cache`` is a path
    to an SQLite file, or ``True`` for the default path under the user's
    cache directory.
    """

    def __init__(
        self,
        *,
        timeout: float | None = None,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        user_agent: str | None = None,
        ignore_robots: bool = False,
        delay: float = 0.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
        cache: str | Path | bool | None = None,
        cache_expire: timedelta | float = DEFAULT_CACHE_EXPIRE,
        follow_refresh: bool = True,
    ) -> None:
        self.timeout = (timeout, timeout) if timeout is not None else (connect_timeout, read_timeout)
        check_settings(
            {"connect timeout": (self.timeout[0], True), "read timeout": (self.timeout[1], True),
             "delay": (delay, False), "backoff": (backoff, False), "max_retry_after": (max_retry_after, False)},
            {"retries": retries, "max_redirects": max_redirects, "max_bytes": max_bytes,
             "max_decompressed_bytes": max_decompressed_bytes},
        )
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.user_agent = user_agent or default_user_agent()
        self.ignore_robots = ignore_robots
        self.delay = delay
        self.max_bytes = max_bytes
        self.max_decompressed_bytes = max_decompressed_bytes
        self.max_redirects = max_redirects
        self.follow_refresh = follow_refresh
        self.cache_path = cache_file(cache) if cache else None
        self.session = self._session(max_redirects, cache_expire)
        self.robots = RobotsCache(self._load_robots)
        self._random = random.Random()
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}  # host → earliest time of next request

    def _session(self, max_redirects: int, cache_expire: timedelta | float) -> requests.Session:
        if self.cache_path is not None:
            session = cached_session(self.cache_path, cache_expire, self._cache_filter)
        else:
            session = requests.Session()
        session.max_redirects = max_redirects
        session.headers.update({"User-Agent": self.user_agent, "Accept": ACCEPT_HEADER})
        return session

    def _cache_filter(self, response: requests.Response) -> bool:
        """Store only accepted types, and read the body here, with our caps.

        requests-cache reads a body whole before storing it, which would defeat
        the streamed size cap; reading it first through ``_read_body`` stops a
        huge body early (TooLarge propagates out of the request).
        """
        if media_type(response.headers.get("Content-Type")) not in MEDIA_KINDS:
            return False
        if response.status_code == 200 and not getattr(response, "_content_consumed", True):
            response._content = self._read_body(response)  # what .content would have read
            response._content_consumed = True
        return True

    # -- context manager: close the connection pool (and the cache file) ----
    def close(self) -> None:
        """Close pooled connections and the cache database."""
        self.session.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------
    def fetch(self, url: str) -> Capture:
        """Fetch ``url`` (http, https, file:// or a local path) into a Capture.

        Raises RobotsDisallowed, NetworkError, HTTPStatusError,
        UnsupportedContentType, TooLarge, or InputError for local files.
        """
        if not url.strip():  # else read as the path "", the current folder
            raise InputError("empty URL: give an http(s) or file:// URL, or a file's path")
        try:
            path = _local_path(url)
            host = urlsplit(url).hostname
        except ValueError as exc:  # "Invalid IPv6 URL" and the like
            raise InputError(f"not a valid URL: {url} ({exc})") from None
        if path is not None:
            if not urlsplit(url).scheme and not path.exists():
                raise InputError(f"no such file, and not an http(s) URL: {url}")
            return Capture.from_path(path, url=url)
        if not host:
            raise InputError(f"not a valid URL (no host): {url}")
        if not FORBIDDEN_HOST_CHARS.isdisjoint(host) or not host.isprintable():
            raise InputError(f"not a valid URL (no host is named {host!r}): {url}")
        self._check_robots(url)
        capture = self._fetch_http(url)
        if not self.follow_refresh:
            return capture
        return follow_refresh(capture, self._fetch_http, self._check_robots, self.max_redirects)

    # -- internals ------------------------------------------------------------
    def _check_robots(self, url: str, redirected_from: str | None = None) -> None:
        if not self.ignore_robots:
            self.robots.check(url, self.user_agent, redirected_from)

    def _check_redirect(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        """Response hook: a redirect is followed only where robots.txt allows it."""
        target = self.session.get_redirect_target(response)
        if target is not None:
            self._check_robots(urljoin(response.url, target), redirected_from=response.url)

    def _host_delay(self, url: str) -> float:
        if self.ignore_robots:
            return self.delay
        return max(self.delay, self.robots.rules(url).crawl_delay(self.user_agent))

    def _wait_turn(self, url: str, delay: float) -> None:
        """Sleep until this host may be asked again; reserve the next slot.

        The slot is reserved under the lock and slept for outside it, so
        threads fetching from other hosts never wait for this one.
        """
        if delay <= 0:
            return
        key = host_key(url)
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_slot.get(key, now))
            self._next_slot[key] = start + delay
        if start > now:
            time.sleep(start - now)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        base = min(MAX_BACKOFF, self.backoff * (2**attempt))
        return base * (0.5 + self._random.random())  # jitter: 50 %–150 %

    def _fetch_http(self, url: str) -> Capture:
        try:
            return self._with_retries(
                url, lambda response: self._page(url, response), self._host_delay(url), self._check_redirect
            )
        except requests.TooManyRedirects:
            raise NetworkError(f"too many redirects (more than {self.session.max_redirects}) fetching {url}") from None

    def _with_retries(
        self, url: str, read: Callable[[requests.Response], T], delay: float = 0.0,
        hook: Callable[..., None] | None = None,
    ) -> T:
        """GET ``url`` and ``read`` the response, under the retry policy (pages and robots.txt alike).

        Connection errors, timeouts, a body cut short, 429 and 5xx are tried
        again, ``retries`` times, with backoff honouring ``Retry-After``; the
        last attempt's 429 or 5xx goes to ``read`` like any response. Redirect
        loops raise requests' TooManyRedirects, which each caller reads its way.
        """
        last_error = ""
        for attempt in range(self.retries + 1):
            self._wait_turn(url, delay)
            retry_after: float | None = None
            try:
                response = self.session.get(url, timeout=self.timeout, stream=True, hooks={"response": [hook] if hook else []})
            except BAD_URL_ERRORS as exc:
                raise InputError(f"not a valid URL: {url} ({exc})") from None
            except requests.TooManyRedirects:
                raise
            except requests.RequestException as exc:  # connection, timeout, broken stream
                last_error = _describe(exc)
            except sqlite3.Error as exc:  # the cache file, broken or on a full disk since it opened
                raise cache_error(self.cache_path or Path(), exc) from None  # (only a cached session raises it)
            else:
                try:
                    if response.status_code not in RETRY_STATUSES or attempt == self.retries:
                        return read(response)
                    last_error = _status_line(response)
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                except requests.RequestException as exc:  # failed mid-body
                    last_error = _describe(exc)
                finally:
                    response.close()
            if attempt < self.retries:
                time.sleep(self._backoff(attempt, retry_after))
        raise NetworkError(f"could not fetch {url}: {last_error} ({self._attempts()})")

    def _attempts(self) -> str:
        return f"after {self.retries + 1} attempt{'s' * (self.retries > 0)}"

    def _page(self, url: str, response: requests.Response) -> Capture:
        """The page's Capture, or the HTTPStatusError its status is (after the retries, for 429 and 5xx)."""
        if response.status_code >= 400:
            retried = f" ({self._attempts()})" if response.status_code in RETRY_STATUSES else ""
            raise HTTPStatusError(f"{_status_line(response)} from {response.url}{retried}", response.status_code)
        return self._capture(url, response)

    def _capture(self, url: str, response: requests.Response) -> Capture:
        content_type = response.headers.get("Content-Type")
        media = media_type(content_type)
        if media and media not in MEDIA_KINDS:
            raise UnsupportedContentType(
                f"unsupported content type {media} at {response.url} (only HTML, XHTML and plain text)"
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLarge(f"{response.url} is {int(declared)} bytes, over the {self.max_bytes}-byte cap")
        data = self._read_body(response)
        return Capture(
            data=data,
            source=response.url,
            url=url,
            final_url=response.url,
            status=response.status_code,
            content_type=content_type,
            fetched_at=_utc_now(),
            headers=dict(response.headers),
        )

    def _read_body(self, response: requests.Response) -> bytes:
        """The body, decompressed, read in chunks and stopped at either cap."""
        chunks: list[bytes] = []
        total = 0
        raw: Any = response.raw
        # bytes on the wire: urllib3 counts them; a cached or pre-read body is
        # measured as it comes
        on_wire = isinstance(raw, urllib3.HTTPResponse) and not getattr(response, "_content_consumed", False)
        try:
            for chunk in response.iter_content(CHUNK_BYTES):
                total += len(chunk)
                wire = raw.tell() if on_wire else total
                if wire > self.max_bytes:
                    raise TooLarge(f"{response.url} is over the {self.max_bytes}-byte cap (stopped reading)")
                if total > self.max_decompressed_bytes:
                    raise TooLarge(
                        f"{response.url} decompresses to over {self.max_decompressed_bytes} bytes (stopped reading)"
                    )
                chunks.append(chunk)
        except requests.exceptions.ContentDecodingError:
            raise NetworkError(f"{response.url} sent a body that does not decompress") from None
        return b"".join(chunks)

    def _load_robots(self, robots_url: str) -> tuple[int, bytes]:
        """robots.txt's status and body, fetched under the pages' retry policy (robots.py reads them)."""
        try:
            return self._with_retries(robots_url, self._robots_body)
        except requests.TooManyRedirects:
            return 404, b""  # a robots.txt lost in redirects counts as absent

    def _robots_body(self, response: requests.Response) -> tuple[int, bytes]:
        if response.status_code != 200:
            return response.status_code, b""
        try:
            return 200, self._read_body(response)
        except TooLarge:
            return 200, b""  # an absurd robots.txt: treat as empty


def _status_line(response: requests.Response) -> str:
    """``HTTP 503 Service Unavailable``."""
    return f"HTTP {response.status_code} {response.reason or ''}".strip()


def _describe(exc: Exception) -> str:
    """A short, one-line reason for a requests exception."""
    if isinstance(exc, requests.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.ReadTimeout) or "Read timed out" in str(exc):
        return "read timed out"
    if isinstance(exc, requests.ConnectionError):
        text = str(exc)
        for marker in ("Connection refused", "Name or service not known", "No address associated",
                       "Temporary failure in name resolution", "Connection reset", "Remote end closed"):
            if marker in text:
                return marker.lower()
        return "connection failed"
    return type(exc).__name__
