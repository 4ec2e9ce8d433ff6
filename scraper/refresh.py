"""Meta refresh: the redirect a page makes in its own HTML, followed as a browser does.

``<meta http-equiv="refresh" content="0; url=/2024/05/story">`` moves a
browser to the story; fetched without following it, the capture is a stub
page with no article (exit 6). ``Fetcher.fetch`` follows such a refresh (w3lib
reads the tag, as Scrapy's MetaRefreshMiddleware does, with Scrapy's limits):

- only within ``MAX_REFRESH_DELAY`` seconds (a "you will be redirected in 30
  seconds" notice still leads to the page; nobody waits, the target is fetched);
- never from inside ``<noscript>``/``<script>``: that refresh is for browsers
  without JavaScript, to a page saying so;
- never to the page itself (a live ticker reloading every 10 minutes) or to
  anything but http(s);
- each hop checked against its host's robots.txt, at most ``max_redirects``
  hops, a loop an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urldefrag, urlsplit

from w3lib.html import get_meta_refresh

from .capture import Capture
from .errors import NetworkError, ScrapeError

# Scrapy's METAREFRESH_MAXDELAY: a longer wait is an auto-reload, not a redirect.
MAX_REFRESH_DELAY = 100.0
# The refresh tag sits in the head: look no further into the page than this.
REFRESH_SCAN_CHARS = 32 * 1024
_HEAD_END = re.compile(r"</head\s*>", re.I)


def refresh_target(capture: Capture) -> str | None:
    """The absolute URL an HTML capture refreshes to, or None."""
    head = capture.data[: 4 * REFRESH_SCAN_CHARS]
    # Cleaning decodes the page anyway: decode it here only where the tag can be
    # (a page in UTF-16 spells "refresh" with NULs between the letters).
    if b"refresh" not in head.lower() and b"\x00" not in head:
        return None
    try:
        text = capture.text()
        if capture.kind(text) != "html":
            return None
    except ScrapeError:  # empty or undecodable: cleaning it will say so
        return None
    here = capture.final_url or capture.url or ""
    end = _HEAD_END.search(text, 0, REFRESH_SCAN_CHARS)
    delay, target = get_meta_refresh(text[: end.end() if end else REFRESH_SCAN_CHARS], baseurl=here)
    if target is None or delay is None or delay > MAX_REFRESH_DELAY:
        return None
    if urlsplit(target).scheme not in ("http", "https") or urldefrag(target)[0] == urldefrag(here)[0]:
        return None
    return target


def follow_refresh(
    capture: Capture, fetch: Callable[[str], Capture], check: Callable[[str, str], None], max_hops: int
) -> Capture:
    """``capture``, or the page its meta refreshes lead to.

    ``fetch(url)`` gets one page (its HTTP redirects followed); ``check(url,
    came_from)`` raises where robots.txt forbids a hop. The result keeps the
    URL first asked for as ``url``; ``final_url`` is where the hops ended.
    """
    seen = {urldefrag(capture.final_url or capture.url or "")[0]}
    for _ in range(max_hops):
        target = refresh_target(capture)
        if target is None:
            return capture
        if urldefrag(target)[0] in seen:
            raise NetworkError(f"meta refresh loop: {capture.final_url} refreshes back to {target}")
        seen.add(urldefrag(target)[0])
        check(target, capture.final_url or "")
        capture = replace(fetch(target), url=capture.url)
    if refresh_target(capture) is None:
        return capture
    raise NetworkError(f"too many redirects (more than {max_hops} meta refreshes) fetching {capture.url}")
