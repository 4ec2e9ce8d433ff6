"""The library API: pure functions from a capture to an Article.

No global state: phrase tables and the schema are read once and never
changed, every call builds its own document, so these functions are safe to
call from many threads or processes at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from cleaners import default_cleaners
from cleaners.base import Cleaner
from cleaners.phrasebook import default_phrasebook

from . import pipeline
from .article import Article, FetchInfo
from .capture import Capture
from .document import Document, segment_text
from .errors import NoArticleError

if TYPE_CHECKING:
    from .fetch import Fetcher
    from .site_evidence import SiteTemplate


def _run(
    capture: Capture, kind: str | None, cleaners: Sequence[Cleaner] | None, fast: bool = False,
    site: SiteTemplate | None = None,
) -> Article:
    text = capture.text()
    kind = kind or capture.kind(text)
    url = capture.final_url or capture.url
    if kind != "html":
        return _clean(_with_site(segment_text(text, url), site), capture, "text", cleaners)
    from .html import extractions  # lxml/trafilatura load only for HTML

    # One extraction's choice may clean to nothing (PHP warnings, a consent
    # dialog): the next one from the same parse may hold the article.
    error: NoArticleError | None = None
    for document in extractions(text, url=url, fast=fast):
        try:
            return _clean(_with_site(document, site), capture, kind, cleaners)
        except NoArticleError as failed:
            error = error or failed
    assert error is not None  # (extractions yields a Document for every page)
    raise error


def _with_site(document: Document, site: SiteTemplate | None) -> Document:
    """The document with its site's template lines (cross-page evidence), if any."""
    return document if site is None else replace(document, site=site)


def _clean(document: Document, capture: Capture, kind: str, cleaners: Sequence[Cleaner] | None) -> Article:
    """Run the cleaners over ``document`` and assemble the Article."""
    fetch = None
    if capture.status is not None or capture.fetched_at is not None:
        fetch = FetchInfo(
            requested_url=capture.url or "",
            final_url=capture.final_url or capture.url or "",
            status=capture.status,
            content_type=capture.content_type,
            fetched_at=capture.fetched_at,
        )
    return pipeline.run(
        document,
        default_cleaners(kind) if cleaners is None else cleaners,
        default_phrasebook(),
        source=capture.source,
        url=capture.final_url or capture.url,
        fetch=fetch,
    )


def _capture(data: str | bytes, url: str | None, content_type: str | None = None) -> Capture:
    if isinstance(data, str):
        return Capture.from_text(data, url=url, content_type=content_type)
    return Capture(data=data, url=url, content_type=content_type)


def clean_text(
    text: str | bytes, url: str | None = None, cleaners: Sequence[Cleaner] | None = None,
    site: SiteTemplate | None = None,
) -> Article:
    """Clean a plain-text capture (text copied from a page) into an Article.

    ``site``: the template lines of the page's site (``site_evidence.SiteEvidence``
    built from a batch of its pages), dropped as such.
    """
    return _run(_capture(text, url), "text", cleaners, site=site)


def clean_html(
    html: str | bytes, url: str | None = None, cleaners: Sequence[Cleaner] | None = None, fast: bool = False,
    site: SiteTemplate | None = None,
) -> Article:
    """Clean an HTML page into an Article (bytes: decoded by meta charset / detection).

    ``fast``: our own block classifier finds the main content (about
    trafilatura's speed; dev F1 0.94 against 0.95) instead of trafilatura's
    extraction (see ``scraper/extract.py``). ``site``: as for ``clean_text``.
    """
    return _run(_capture(html, url, None), "html", cleaners, fast, site)


def clean_capture(
    data: str | bytes | Capture,
    url: str | None = None,
    content_type: str | None = None,
    capture: str | None = None,
    cleaners: Sequence[Cleaner] | None = None,
    fast: bool = False,
    site: SiteTemplate | None = None,
) -> Article:
    """Clean any capture; HTML vs text is detected unless ``capture`` forces it.

    ``fast`` picks our own main-content extraction for HTML (see ``clean_html``);
    ``site``: the template lines of its site (see ``clean_text``).
    """
    cap = data if isinstance(data, Capture) else _capture(data, url, content_type)
    return _run(cap, capture, cleaners, fast, site)


def clean_file(path: str, url: str | None = None, capture: str | None = None) -> Article:
    """Read a capture from disk and clean it."""
    return _run(Capture.from_path(path, url=url), capture, None)


def scrape(url: str, fetcher: "Fetcher | None" = None, **options: object) -> Article:
    """Fetch ``url`` politely (robots.txt, retries, size caps) and clean it.

    Pass a reusable ``Fetcher`` for many pages (one session, connection reuse,
    per-host robots cache and delays); ``options`` build a new one otherwise.
    """
    from .fetch import Fetcher  # requests & co. load only when fetching

    if fetcher is not None:
        capture = fetcher.fetch(url)
    else:
        with Fetcher(**options) as own:  # type: ignore[arg-type]  # closes its session (and cache file)
            capture = own.fetch(url)
    return clean_capture(capture)
