"""robots.txt rules per host, fetched once and kept for the Fetcher's lifetime.

Follows RFC 9309: a missing robots.txt (any 4xx but 429) allows everything; a server
error (5xx, and 429 Too Many Requests) means "assume complete disallow", so a host that is down does not
get hammered; a connection failure is reported as the NetworkError it is
(the Fetcher's loader retries both first, as it retries pages).
Parsing and matching is protego's (the robots parser Scrapy uses).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from .errors import RobotsDisallowed

# robots.txt files larger than this are cut (RFC 9309 asks parsers to read at
# least 500 KiB; more is a broken or hostile server).
ROBOTS_MAX_BYTES = 512 * 1024
# A robots.txt still answering 429 after the retries is a host asking us to
# slow down, not one without rules: taken as a server error (disallow), as
# Google's crawler takes it, rather than as "no robots.txt" (allow all).
TOO_MANY_REQUESTS = 429


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one host: protego's parser, or an allow/deny-all verdict."""

    parser: Protego | None
    disallow_all: bool = False
    reason: str = ""

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        return True if self.parser is None else bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay else 0.0


# The loader gets the robots.txt URL and returns (status, body) or raises the
# fetcher's NetworkError; this keeps robots handling free of HTTP details.
Loader = Callable[[str], "tuple[int, bytes]"]


def robots_url(url: str) -> str:
    """``https://host:port/robots.txt`` for any URL on that host."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def host_key(url: str) -> str:
    """Scheme and authority: robots.txt applies per scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def parse(status: int, body: bytes) -> RobotsRules:
    """Rules from a robots.txt response, per RFC 9309 section 2.3.1."""
    if 200 <= status < 300:
        text = body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        return RobotsRules(Protego.parse(text))
    if 400 <= status < 500 and status != TOO_MANY_REQUESTS:
        return RobotsRules(None)  # no robots.txt: everything allowed
    return RobotsRules(None, disallow_all=True, reason=f"robots.txt answered HTTP {status}")


class RobotsCache:
    """robots.txt rules per host, loaded on first use; safe to share by threads."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader
        self._rules: dict[str, RobotsRules] = {}
        self._lock = threading.Lock()
        # one lock per host, so two threads do not both fetch the same robots.txt
        self._host_locks: dict[str, threading.Lock] = {}

    def rules(self, url: str) -> RobotsRules:
        key = host_key(url)
        with self._lock:
            cached = self._rules.get(key)
            if cached is not None:
                return cached
            host_lock = self._host_locks.setdefault(key, threading.Lock())
        with host_lock:
            with self._lock:
                cached = self._rules.get(key)
            if cached is None:
                status, body = self._loader(robots_url(url))
                cached = parse(status, body)
                with self._lock:
                    self._rules[key] = cached
            return cached

    def check(self, url: str, user_agent: str, redirected_from: str | None = None) -> None:
        """RobotsDisallowed unless the host's robots.txt lets ``user_agent`` fetch ``url``."""
        rules = self.rules(url)
        if not rules.allowed(url, user_agent):
            why = f" ({rules.reason})" if rules.reason else ""
            via = f" (redirected from {redirected_from})" if redirected_from else ""
            raise RobotsDisallowed(f"robots.txt disallows {url}{via} for {user_agent}{why}")
