"""Cross-page evidence: the lines a site repeats on most of its pages.

A site's template (menus, footers, a "Most read" box, the newsletter pitch
and affiliate disclosure a theme prints into every post) is the text that
recurs on page after page; an article's own text does not recur. Given many
captures of one site, a line found on at least half of them (and on
``MIN_PAGES`` or more) is template, whatever its words: no phrase table
needs to know it. ``cleaners/template.py`` drops such lines.

A batch (``scrape batch``) reads its captures before cleaning them: it
counts each site's pages, then the lines of the sites with enough pages
(``SiteEvidence``), then cleans each page with its site's ``SiteTemplate``.
A page's site is the host of its URL (a WARC record's, a URL the batch
fetches: ``prefetch.py``), else the folder the batch was given (in a mirror
laid out by host, as wget and HTTrack write one, the host's folder under
it; a file named by itself: its own folder). A folder of one site's pages
is that site; a folder of many sites' pages has no line on half of them.
Lines are compared as the cleaners see them: a text capture's segmented
lines; an HTML page's text blocks, the whole page's (``dom_blocks``), since
its template is mostly outside the extracted body.

From Python, for captures of one site held in memory::

    evidence = SiteEvidence()
    for capture in captures:
        evidence.add(site_of(capture.url, capture.source), page_lines(capture))
    for capture in captures:
        site = evidence.template(site_of(capture.url, capture.source))
        article = scraper.clean_capture(capture, site=site)

Exact copies of one page (a URL given twice, the same bytes in two files)
count once. Memory stays bounded on big crawls: a site's first
``MAX_PAGES_PER_SITE`` pages are counted, and every ``PRUNE_EVERY`` pages
the lines seen only once (its articles' text) are forgotten.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from .capture import Capture
from .document import one_line, segment_text
from .site_names import host_of

# A line is template when this many of the site's pages hold it, and at
# least this share of them: four pages, so two or three copies of one
# article (print, AMP, a syndicated copy) never make its text template.
MIN_PAGES = 4
SHARE = 0.5
# Pages of one site counted at most (a template shows on any 50 of its pages),
# and how often a site's lines seen on one page only are dropped from its counts.
MAX_PAGES_PER_SITE = 50
PRUNE_EVERY = 10


# A folder named like a host ("www.example.com", "blog.example.co.uk").
_HOST_NAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.I)


class SiteTemplate(NamedTuple):
    """One site's template lines, for cleaning one of its pages."""

    site: str  # host name, or the folder of the captures
    pages: int  # pages of the site counted
    lines: Mapping[str, int]  # template line (``one_line``) -> pages that hold it

    def holds(self, text: str) -> int:
        """How many of the site's pages hold ``text`` (0: it is no template line)."""
        return self.lines.get(one_line(text), 0)


def page_lines(capture: Capture) -> frozenset[str]:
    """The capture's distinct lines, each ``one_line`` (ScrapeError if it cannot be read)."""
    text = capture.text()
    if capture.kind(text) != "html":
        return frozenset(one_line(b.text) for b in segment_text(text).blocks)
    from .dom_blocks import page_blocks  # lxml loads only for HTML
    from .html import parse_html

    tree = parse_html(text)
    return frozenset(one_line(b.text) for b in page_blocks(tree).blocks) if tree is not None else frozenset()


def site_of(url: str | None, source: str | None) -> str | None:
    """The site a page belongs to: its URL's host (without "www."), else its file's folder."""
    host = host_of(url)
    if host:
        return host
    return file_site(source) if source else None


def file_site(path: str, root: str | None = None) -> str:
    """The site of a capture file found under the folder ``root`` a batch was
    given: the host a mirror's folder names ("mirror/www.example.com/news/…",
    as wget and HTTrack lay sites out), else that folder. A file named by
    itself (no ``root``) belongs to its own folder."""
    if root is None or not Path(path).is_relative_to(root):
        return f"folder:{Path(path).resolve().parent}"
    parts = Path(path).relative_to(root).parts  # (as found under it: a link may lead elsewhere)
    if len(parts) > 1 and _HOST_NAME.match(parts[0]):
        return parts[0].lower().removeprefix("www.")
    return f"folder:{Path(root).resolve()}"


class SiteEvidence:
    """Counts of each site's lines over its pages; ``template`` gives a site's template.

    Built by one pass (``add`` per page), then only read: safe to share with
    the threads or processes that clean.
    """

    def __init__(self) -> None:
        self._pages: Counter[str] = Counter()
        self._lines: dict[str, Counter[str]] = {}
        self._seen: set[tuple[str, bytes]] = set()

    def add(self, site: str | None, lines: frozenset[str]) -> None:
        """Count one page's lines for its site (a copy of a page counted before is not)."""
        if site is None or self._pages[site] >= MAX_PAGES_PER_SITE or not lines:
            return
        fingerprint = hashlib.blake2b("\n".join(sorted(lines)).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if (site, fingerprint) in self._seen:
            return
        self._seen.add((site, fingerprint))
        self._pages[site] += 1
        counts = self._lines.setdefault(site, Counter())
        counts.update(lines)
        if self._pages[site] % PRUNE_EVERY == 0:
            self._lines[site] = Counter({line: n for line, n in counts.items() if n > 1})

    def template(self, site: str | None) -> SiteTemplate | None:
        """The site's template lines; None for a site with too few pages to tell."""
        if site is None or self._pages[site] < MIN_PAGES:
            return None
        pages = self._pages[site]
        need = max(MIN_PAGES, math.ceil(SHARE * pages))
        lines = {line: n for line, n in self._lines[site].items() if n >= need}
        return SiteTemplate(site, pages, lines) if lines else None

    def templates(self) -> dict[str, SiteTemplate]:
        """Every site's template (sites with none left out), worked out once for a batch."""
        found = {site: self.template(site) for site in self._pages}
        return {site: template for site, template in found.items() if template is not None}
