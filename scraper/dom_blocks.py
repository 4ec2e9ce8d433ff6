"""Raw HTML tree → text blocks, each with the structure around it.

The first stage of our own main-content extraction (``extract.py``): one
pass over the parsed page cuts it into blocks the way a browser breaks lines
(block-level elements and ``<br>`` end a line; inline elements do not), and
records for each block what a reader's eye uses to tell body from chrome: its
tag, how much of it is link text, which structural elements hold it
(``nav``, ``footer``, ``aside``...) and which families of class/id words its
ancestors carry ("comment", "related", "share"...). Nothing is decided here.

Block-level elements are numbered in document order; ``ends[i]`` is the last
number inside element ``i``, so "block b lies inside element e" is
``e <= b.elem <= ends[e]``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from lxml import etree

from . import document

# Never read: code, styles, embedded media and form controls.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option", "button",
    "input", "textarea", "object", "embed", "canvas", "video", "audio", "map", "math",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
    "thead", "tfoot", "figure", "figcaption", "hr", "address", "center", "details", "summary", "form",
    "fieldset", "body", "caption", "menu", "legend", "label",
})
# Ancestors whose presence is a feature, one bit each (in this order).
STRUCT_TAGS = ("nav", "footer", "header", "aside", "form", "figure", "table", "li", "article", "main", "blockquote")
STRUCT_BIT = {tag: 1 << i for i, tag in enumerate(STRUCT_TAGS)}
# Families of class/id words, one bit each (in this order): CMS vocabulary,
# not any site's. A class/id word (split at non-letters and camelCase humps,
# lowercased) is in a family when it contains one of its stems or is one of
# its whole words. Some stems are other languages' CMS words ("compartir",
# "publicidad", "Abowerbung", "boletin"); for comments only whole words
# ("postings", an Austrian paper's): their stems also name a post's taxonomy
# ("internet-estallido-comentarios" on an article).
CLASS_FAMILIES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "comment": (("comment", "disqus", "respond", "reply", "discussion"), frozenset({"posting", "postings"})),
    "related": (("related", "recommend", "popular", "trending", "teaser", "similar", "latest", "readnext"),
                frozenset({"more", "also", "next"})),
    "share": (("share", "social", "sharing", "follow", "compartir", "partilh", "condivid"), frozenset()),
    "nav": (("nav", "menu", "breadcrumb", "pagination", "pager"), frozenset({"skip"})),
    "footer": (("foot", "copyright", "legal", "colophon"), frozenset()),
    "ad": (("advert", "sponsor", "promo", "banner", "outbrain", "taboola", "dfp", "publicidad", "werbung", "pubblicit"),
           frozenset({"ad", "ads"})),
    "meta": (("meta", "byline", "author", "date", "time", "categor", "info"), frozenset({"tag", "tags"})),
    "sidebar": (("sidebar", "widget", "aside", "rail"), frozenset()),
    "media": (("caption", "credit", "figure", "media", "image", "photo", "gallery"), frozenset()),
    "modal": (("newsletter", "subscri", "signup", "cookie", "consent", "modal", "popup", "overlay", "paywall",
               "boletin"), frozenset()),
    "head": (("head", "title", "masthead", "hero"), frozenset({"top"})),
    "content": (("article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose", "rich",
                 "single"), frozenset()),
}
FAMILY_BIT = {name: 1 << i for i, name in enumerate(CLASS_FAMILIES)}
HIDDEN_BIT = 1 << len(CLASS_FAMILIES)  # hidden attribute or display:none style
CLASS_WORD = re.compile(r"[^A-Za-z]+|(?<=[a-z])(?=[A-Z])")
_STEM_FAMILY = {stem: name for name, (stems, _) in CLASS_FAMILIES.items() for stem in stems}
_STEMS = re.compile("|".join(sorted(_STEM_FAMILY, key=len, reverse=True)))
_WORD_FAMILY = {word: name for name, (_, words) in CLASS_FAMILIES.items() for word in words}
# How many nearest block ancestors count as "near", and how many are kept for grouping.
NEAR = 3
CHAIN = 6
# What a <br> puts in a block's text: a line separator, told apart from the
# source's own line breaks (white space, outside <pre>). Two or more in a
# row (only white space between) end a paragraph: "…다.<br><br>4일 …" is how
# <br>-separated bodies (Korean news, older CMSs) write paragraphs; the
# lines then hold an empty line there.
BR = "\u2028"
_PARAGRAPH_BREAK = re.compile("\u2028\\s*\u2028\\s*")  # (\s also takes the run's further <br>s)


class DomBlock(NamedTuple):
    """One line-broken run of text and where it sits."""

    lines: tuple[str, ...]
    tag: str  # tag of the block element holding the text
    links: int  # characters of link text
    elem: int  # number of that block element
    chain: tuple[int, ...]  # numbers of it and its nearest block ancestors, innermost first
    struct: int  # STRUCT_BIT of every ancestor
    near: int  # FAMILY_BIT (and HIDDEN_BIT) of the NEAR nearest block elements
    families: int  # the same over all ancestors
    row: int  # number of the enclosing table row, -1 outside tables
    in_link: bool  # the whole block sits inside a link
    text: str  # the lines joined by spaces (joined once: features read it often)


class DomPage(NamedTuple):
    blocks: list[DomBlock]
    ends: list[int]
    tags: list[str]  # tag of each block element, by number
    marks: list[int]  # FAMILY_BIT (and HIDDEN_BIT) of each block element's own class/id


def word_families(word: str) -> int:
    """FAMILY_BIT of one lowercased class/id word."""
    bits = FAMILY_BIT[_WORD_FAMILY[word]] if word in _WORD_FAMILY else 0
    for stem in _STEMS.findall(word):
        bits |= FAMILY_BIT[_STEM_FAMILY[stem]]
    return bits


def name_families(names: str, known: dict[str, int] | None = None) -> int:
    """FAMILY_BIT of a class/id string's words (``known``: the words worked out so far)."""
    known = {} if known is None else known
    bits = 0
    for word in CLASS_WORD.split(names):
        got = known.get(word)
        if got is None:
            got = known[word] = word_families(word.lower()) if word else 0
        bits |= got
    return bits


def own_names(elem: etree._Element) -> str:
    """An element's class and id, as one string of class/id words."""
    attributes = elem.attrib
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}"


class _Families:
    """Family bits of elements, with each class/id string worked out once a page."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.words: dict[str, int] = {}

    def __call__(self, elem: etree._Element) -> int:
        attributes = elem.attrib
        if not attributes:  # most block elements: nothing to read
            return 0
        names = own_names(elem)
        bits = self.seen.get(names)
        if bits is None:
            bits = self.seen[names] = name_families(names, self.words)
        if attributes.get("hidden") is not None or "none" in (attributes.get("style") or ""):
            bits |= HIDDEN_BIT
        return bits


def _lines(raw: str, code: bool = False) -> tuple[str, ...]:
    """The block's lines (a ``<br>`` ends one), white space collapsed as a
    browser collapses it; in ``<pre>`` (``code``) the source's line breaks
    end lines too, each keeps its indentation and blank lines inside are
    kept, one for a run."""
    if raw.isspace():
        return ()
    if code:
        raw = raw.replace(BR, "\n")
    elif BR in raw:
        parts = _PARAGRAPH_BREAK.split(raw)
        if len(parts) > 1:
            return _paragraphs(parts)
    if not raw.isascii():
        raw = document.without_zero_width(unicodedata.normalize("NFC", raw))
    if not code:
        return tuple(line for line in (" ".join(x.split()) for x in raw.split(BR)) if line)
    lines: list[str] = []
    for line in raw.strip("\n").split("\n"):
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return tuple(lines)


def _paragraphs(parts: list[str]) -> tuple[str, ...]:
    """The lines of the paragraphs ``parts``, an empty line between two."""
    lines: list[str] = []
    for part in parts:
        got = _lines(part)
        if got:
            lines += ("", *got) if lines else got
    return tuple(lines)


def _joined(lines: tuple[str, ...]) -> str:
    """The lines as one line of text (code's indentation and blank lines collapsed)."""
    return " ".join(" ".join(line.split()) for line in lines if line)


def page_blocks(tree: etree._Element) -> DomPage:
    """The text blocks of a parsed page's body (of the whole tree if it has none)."""
    return dom_blocks(next(tree.iter("body"), tree))


def dom_blocks(body: etree._Element) -> DomPage:
    """The page's text blocks in document order.

    One ``iterwalk`` over the tree (libxml2 steps from element to element;
    a Python recursion cost 5-10% more of this stage in the pipeline): an
    element's text is read at its start, its tail at its end, in the link
    state of what holds it.
    """
    blocks: list[DomBlock] = []
    ends: list[int] = []
    tags: list[str] = []
    marks: list[int] = []
    buf: list[str] = []
    links = 0  # characters of link text in buf
    link_depth = 0  # open <a> elements
    # open block elements: (number, tag, struct bits so far, its family bits, row, family bits so far)
    stack: list[tuple[int, str, int, int, int, int]] = []
    families = _Families()

    def flush(in_link: bool) -> None:
        nonlocal links
        raw = "".join(buf)
        buf.clear()
        lines = _lines(raw, stack[-1][1] == "pre") if stack else ()
        if lines:
            number, tag, struct, _, row, family_bits = stack[-1]
            near = 0
            for entry in stack[-NEAR:]:
                near |= entry[3]
            chain = tuple(entry[0] for entry in reversed(stack[-CHAIN:]))
            text = _joined(lines) if tag == "pre" or "" in lines else " ".join(lines)
            blocks.append(DomBlock(lines, tag, links, number, chain, struct, near, family_bits, row, in_link, text))
        links = 0

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, elem in walker:
        tag = elem.tag
        if tag in SKIP_TAGS or not isinstance(tag, str):
            if event == "start":
                walker.skip_subtree()  # (its end event still comes: its tail is read there)
                continue
        elif tag == "br":
            if event == "start":
                buf.append(BR)
                continue
        elif event == "start":
            if tag in BLOCK_TAGS:
                if buf:
                    flush(link_depth > 0)
                number = len(ends)
                ends.append(number)
                parent = stack[-1] if stack else (-1, "", 0, 0, -1, 0)
                own = families(elem)
                tags.append(tag)
                marks.append(own)
                row = number if tag == "tr" else parent[4]
                stack.append((number, tag, parent[2] | STRUCT_BIT.get(tag, 0), own, row, parent[5] | own))
            if tag == "a":
                link_depth += 1
            text = elem.text
            if text:
                buf.append(text)
                if link_depth:
                    links += len(text.strip())
            continue
        else:  # the end of an element read
            if tag == "a":
                link_depth -= 1
            if tag in BLOCK_TAGS:
                if buf:
                    flush(link_depth > 0)
                ends[stack.pop()[0]] = len(ends) - 1
        tail = elem.tail if elem is not body else None
        if tail:
            buf.append(tail)
            if link_depth:
                links += len(tail.strip())
    return DomPage(blocks, ends, tags, marks)
