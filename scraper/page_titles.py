"""Page titles: the headline a page declares, without the site's name beside it.

``<title>Headline | Site</title>``, an ``og:title`` ending in the
columnist's name, a forum whose ``<h1>`` is the forum's name: the title
loses what is not the headline at its edges (``without_site``,
``page_title``), and the site's name is read off the ``<title>`` element
where the page declares none (``title_site``). Nothing is guessed.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .document import normalize_space
from .dom_blocks import own_names
from .site_names import folded as _folded
from .site_names import names_site

# Permalink signs documentation generators append to headings ("Retries¶").
PERMALINK_SIGNS = " ¶🔗"  # not "#": "Learning C#" ends in one
# Class or id words of a page header holding the site's name.
HEADER_WORDS = ("header", "masthead", "branding")
# "Headline | Site", "Site - Headline", "Headline | DW | 23.05.2011": a site's
# name or a date beside the headline, split off at these separators.
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+|\s+·\s+")
# A site name from the <title> is a name: a few words, no sentence, no
# separator left over, no page number ("Seite 34").
MAX_SITE_WORDS = 6
SITE_NOT = re.compile(r"[.!?:]\s|[!?]$|[|»]|^\w+ \d+$")
MIN_HOST_CHARS = 4
TITLE_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}")


def clean_title(value: str | None) -> str | None:
    """The title without white-space runs or a trailing permalink sign."""
    title = " ".join((value or "").split()).rstrip(PERMALINK_SIGNS)
    return title or None


def title_site(element: str | None, title: str | None, url: str | None = None) -> str | None:
    """The site's name where the ``<title>`` element is the headline and one
    more part: "Observing Night Report - Hollow Hill Astronomical Society";
    or, in Blogger's order, the blog's name and a colon where the host names
    it too ("El huerto de la azotea: Cómo rescaté ..." on huertodelaazotea.blogspot.com).
    Not a page number ("Seite 34")."""
    if not element or not title or len(element) <= len(title):
        return None
    folded = _folded(title)
    parts = TITLE_SEPARATORS.split(element)
    site = None
    if len(parts) == 2 and folded in (_folded(parts[0]), _folded(parts[1])):
        site = parts[1] if _folded(parts[0]) == folded else parts[0]
    else:
        head, _, rest = element.partition(": ")
        try:
            host = _folded((urlsplit(url).hostname or "").split(".")[-3:][0]) if url else ""
        except ValueError:  # an address that does not parse names no host
            host = ""
        if rest and _folded(rest) == folded and len(host) >= MIN_HOST_CHARS and host in _folded(head):
            site = head
    site = normalize_space(site or "")
    if not site or len(site.split()) > MAX_SITE_WORDS or SITE_NOT.search(site):
        return None
    return site


def without_site(
    title: str | None, site_name: str | None, url: str | None, authors: tuple[str, ...] = ()
) -> str | None:
    """``title`` without the site's name, a date or a declared author at either end:
    "Anglertalk mit Stephan Höferer | hejfish.com" gives "Anglertalk mit
    Stephan Höferer", "La perte des terres fertiles | DW | 23.05.2011" the
    headline, "Britain's new homes are built for investors | Priya Nandakumar"
    (an opinion column's ``og:title``) too. A part is the site's when, letters and
    digits only, it is the declared site name or the host name, with or
    without its top-level domain ("DW" for dw.com)."""
    if not title:
        return title
    parts = TITLE_SEPARATORS.split(title)
    seps = TITLE_SEPARATORS.findall(title)
    named = {_folded(a) for a in authors}

    def chrome(part: str) -> bool:
        return names_site(part, site_name, url) or bool(TITLE_DATE.fullmatch(part.strip())) or _folded(part) in named

    start, end = 0, len(parts)
    while end - start > 1 and chrome(parts[end - 1]):
        end -= 1
    while end - start > 1 and chrome(parts[start]):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    return "".join(p + (seps[k] if k < end - 1 else "") for k, p in enumerate(parts) if start <= k < end).strip() or title


def page_title(title: str | None, element: str | None, tree: HtmlElement, url: str | None) -> str | None:
    """``title`` (trafilatura's), unless it is the site's name: a lone
    ``<h1>`` in the page's banner (a forum's, a blog's header, outside any
    ``<article>`` or ``<main>``) that the ``<title>`` element (its cleaned
    text, ``element``) names last,
    after the page. ``<title>Rear derailleur skipping - Wheelhouse Cycling
    Forum</title>`` with ``<h1>Wheelhouse Cycling Forum</h1>`` in ``<div
    role="banner">`` gives "Rear derailleur skipping"."""
    if not title:
        return title
    element = element or ""
    parts = TITLE_SEPARATORS.split(element)
    folded = _folded(title)
    if len(parts) < 2 or _folded(parts[-1]) != folded or _folded(parts[0]) == folded:
        return title
    if not any(_folded(h1.text_content()) == folded and _in_banner(h1) for h1 in tree.iter("h1")):
        return title
    return without_site(element, title, url)


def _in_banner(elem: HtmlElement) -> bool:
    """``elem`` stands in the page's banner: inside a ``<header>``, a
    ``role="banner"`` or a block whose class or id says header, masthead or
    branding, and inside no ``<article>`` or ``<main>`` (or their roles: an
    article's own ``<header>`` holds its headline)."""
    banner = False
    for ancestor in elem.iterancestors():
        if ancestor.tag in ("article", "main") or ancestor.get("role") in ("main", "article"):
            return False
        names = own_names(ancestor).lower()
        banner = banner or ancestor.tag == "header" or ancestor.get("role") == "banner"
        banner = banner or any(w in names for w in HEADER_WORDS)
    return banner
