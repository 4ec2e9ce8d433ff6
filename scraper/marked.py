"""What a page's own class names mark, read off the whole page in one pass.

trafilatura's extracted body has lost the page's class and id attributes;
these marked elements are worth keeping as evidence beside it
(``Document.marked``, a ``Marked``):

- reading-time and byline elements (``<span class="reading-time">6 min
  read</span>``): themes print them outside the body, where trafilatura drops
  them; their short lines become ``Marked.reading``, for the byline cleaner
  to harvest;
- newsletter, sign-up, follow-us and call-to-action boxes (``<div
  class="newsletter-form">``, ``<p class="newsletter-promo">``, ``<div
  class="hs-cta-embed">``) inside the article's markup, whose pitch
  trafilatura may keep as a paragraph; their text becomes
  ``Marked.boxes``, for the subscribe cleaners to drop;
- a forum post's chrome: its author's profile (phpBB's ``<dl
  class="postprofile">``: name, rank, post count) and signature (``<div
  class="signature">``); their text and their lines' become
  ``Marked.post_chrome``, for the forum cleaner to drop;
- breadcrumb trails (``<nav class="breadcrumb">``): their crumbs become
  ``Marked.trails``, for the breadcrumb cleaner to name the section;
- the article's tag list (``<div class="post-tags">``, ``<ul class="tags">``):
  its link texts become ``Marked.tags``, the tags where none is declared or
  printed as a "Tags:" line;
- paywall boxes (``<div class="paywall">``): their text becomes
  ``Marked.paywalls``. A class naming a paywall may also wrap the free
  part of the article itself (``<div class="isPaywall article">``): the
  subscribe cleaner takes a paywall box only where it says "subscribe" in
  the page's language;
- short paragraphs set right (``<p style="text-align:right;"><strong>Nguyễn
  Minh Anh</strong></p>``, "(jg)"): a signature under the article, by its
  style, not its class; their text becomes ``Marked.signatures``, for the
  byline cleaner.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from .document import Marked, visible

# Reading time: classes naming it (reading-time, read-time, readtime, ...), or
# the byline a theme prints it in ("byline", Italian "firma": "di Giulia
# Ferraris · 21 maggio 2024 · Lettura: 3 min"). Innermost such elements only
# (no child's class says "read"); the byline cleaner decides which lines state a time.
CHROME_CLASS = re.compile(r"[Rr]ead|[Bb]yline|firma")
MAX_CHROME_CHARS = 60
MAX_CHROME_LINES = 20
# Sign-up boxes: a class or id naming a newsletter, a subscription (also
# German "abo-box", French "abonnement"), a sign-up, an opt-in, a follow-us
# box ("follow-block"; not "following", "follow-up") or a call to action
# (HubSpot's "hs-cta-embed", "cta-banner": "Download the free guide"). A box
# is a pitch and a form, a few dozen words; a paywalled article in ``<div
# class="subscriber-content">`` is longer.
SIGNUP_CLASS = re.compile(
    r"newsletter|subscri|sign-?up|opt-?in|abonn|(?<![a-z])abo(?![a-z])|(?<![a-z])follow(?![a-z]|-?up)"
    r"|(?<![a-z])cta(?![a-z])"
)  # in lower case
PAYWALL_CLASS = "paywall"  # searched in lower case
POST_CHROME_CLASS = re.compile(r"signature|postprofile")  # in lower case
TRAIL_CLASS = "breadcrumb"  # searched in lower case
# Tag lists: a class word "tags", or one ending in "-tags"/"_tags" ("post-tags",
# "blog-item-tags"), or "tag-list"; not a sidebar's or footer's tag cloud.
TAGS_CLASS = re.compile(r"(?:^|[\s_-])tags(?:$|\s)|(?:^|\s)tags?-list(?:$|\s)")  # in lower case
OUTSIDE_ARTICLE = ("aside", "footer", "nav")
WIDGET_CLASS = re.compile(r"(?:^|\s)(?:sidebar|widget)", re.I)  # a class word opening so
MAX_TAGS = 15
MAX_TAG_CHARS = 40
MAX_CRUMBS = 8
# Crumbs of a trail with no list items: its text between these.
_CRUMB_SEPARATOR = re.compile(r"\s*[>»›/|→·]\s*")
MAX_BOX_WORDS = 80
# A signature set right: a name, initials or an agency, a few words.
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.I)
MAX_SIGNATURE_CHARS = 60
# Every class or id that one of the above could match holds one of these
# (in lower case): one search rules out most elements' names.
MAYBE_MARKED = re.compile(r"read|byline|firma|newsletter|subscri|sign|opt|abonn|abo|follow|paywall|postprofile"
                          r"|breadcrumb|tag|cta")


def _has_read_class(cls: str | None) -> bool:
    return cls is not None and "read" in cls


def _text(elem: etree._Element) -> str:
    """The element's text as the body's blocks hold text: NFC, visible, one space between words."""
    return " ".join(visible(unicodedata.normalize("NFC", elem.text_content())).split())


def marked_texts(tree: etree._Element) -> Marked:
    """The reading-time lines, sign-up boxes, paywall boxes, forum post chrome,
    breadcrumb trails, tag list and right-set signatures of the page.

    A Python pass: libxml2 evaluates ``contains(@class, ...)`` XPaths slowly
    (3x the time of this loop).
    """
    reading: list[str] = []
    trails: list[tuple[str, ...]] = []
    trail_roots: set[etree._Element] = set()
    tags: list[str] = []
    boxes: list[str] = []
    paywalls: list[str] = []
    post_chrome: list[str] = []
    # (class, id) -> what an element so named is (a page repeats its classes; most name nothing)
    kinds: dict[tuple[str | None, str | None], _Kind | None] = {}
    for elem in tree.iter(etree.Element):
        get = elem.get
        key = (get("class"), get("id"))
        if key not in kinds:
            kinds[key] = _kind(*key, boxes, paywalls, post_chrome) if key != (None, None) else None
        kind = kinds[key]
        if kind is None:  # most elements
            continue
        named, found, trail, tag_list = kind
        if named and not any(_has_read_class(c.get("class")) for c in elem.iterchildren(etree.Element)):
            line = _text(elem)
            if line and len(line) <= MAX_CHROME_CHARS and any(c.isdigit() for c in line):
                reading.append(line)
        if tag_list and not tags:  # the first list only: a page repeats its tags, or lists others' below
            tags += _tags(elem)
        if trail and not any(a in trail_roots for a in elem.iterancestors()):
            trail_roots.add(elem)  # (its items, "breadcrumb__item", are no trails of their own)
            if crumbs := _crumbs(elem):
                trails.append(crumbs)
        if found is not None and (box := _text(elem)) and box.count(" ") < MAX_BOX_WORDS:
            found.append(box)
            if found is post_chrome:  # a profile's short lines: a name, a rank, a post count
                post_chrome.extend(line for line in map(_text, elem.iterchildren(etree.Element)) if line)
    return Marked(
        reading=tuple(dict.fromkeys(reading))[:MAX_CHROME_LINES],
        boxes=tuple(dict.fromkeys(boxes)),
        paywalls=tuple(dict.fromkeys(paywalls)),
        post_chrome=tuple(dict.fromkeys(post_chrome)),
        trails=tuple(dict.fromkeys(trails)),
        tags=tuple(dict.fromkeys(tags)),
        signatures=_signatures(tree),
    )


def _signatures(tree: etree._Element) -> tuple[str, ...]:
    """The short paragraphs the page sets right."""
    found = (_text(p) for p in tree.iter("p") if _set_right(p.get("style"), p.get("align")))
    return tuple(dict.fromkeys(line for line in found if 0 < len(line) <= MAX_SIGNATURE_CHARS))


def _set_right(style: str | None, align: str | None) -> bool:
    return (style is not None and RIGHT_ALIGNED.search(style) is not None) or (align or "").lower() == "right"



# What a class and id name: reading time or a byline (``CHROME_CLASS``); the
# list a box so named goes to (sign-up boxes, paywalls, post chrome); a
# breadcrumb trail; a tag list.
_Kind = tuple[bool, "list[str] | None", bool, bool]


def _kind(cls: str | None, ident: str | None, boxes: list[str], paywalls: list[str],
          post_chrome: list[str]) -> _Kind | None:
    """What an element of class ``cls`` and id ``ident`` is, or None for nothing (most)."""
    lower = f"{cls} {ident}".lower()  # ("None" names no box)
    if not MAYBE_MARKED.search(lower):
        return None
    found = (boxes if SIGNUP_CLASS.search(lower) else paywalls if PAYWALL_CLASS in lower
             else post_chrome if POST_CHROME_CLASS.search(lower) else None)
    named = cls is not None and CHROME_CLASS.search(cls) is not None
    tag_list = cls is not None and "tag" in lower and TAGS_CLASS.search(cls.lower()) is not None
    kind = (named, found, TRAIL_CLASS in lower, tag_list)
    return kind if any(kind[i] for i in (0, 2, 3)) or found is not None else None


def _tags(elem: etree._Element) -> list[str]:
    """A tag list's link texts; none for a list outside the article (an aside's
    or the page footer's tag cloud, a widget) or of too many."""
    above = list(elem.iterancestors())
    article = any(a.tag in ("article", "main") for a in above)  # (an article's own <footer> holds its tags)
    if any(a.tag in OUTSIDE_ARTICLE and (a.tag != "footer" or not article) or WIDGET_CLASS.search(a.get("class") or "") for a in above):
        return []
    found = [t for t in (_text(a).lstrip("#") for a in elem.iter("a")) if t and len(t) <= MAX_TAG_CHARS]
    return found if 0 < len(found) <= MAX_TAGS else []


def _crumbs(elem: etree._Element) -> tuple[str, ...]:
    """A breadcrumb element's crumbs: its innermost list items, else its text
    cut at the separators; none for a trail of one or of too many."""
    items = [li for li in elem.iter("li") if li.find(".//li") is None]
    crumbs = [_text(li) for li in items] if items else _CRUMB_SEPARATOR.split(_text(elem))
    crumbs = [c for c in (c.strip(" >»›/|→·") for c in crumbs) if c]
    return tuple(crumbs) if 2 <= len(crumbs) <= MAX_CRUMBS else ()
