"""What the extraction left out of an HTML page, as removals with a reason.

The cleaners report every block they drop; the main-content extraction
before them (trafilatura, or our block model) drops the rest of the page
without a word: the menu, the cookie banner, the comment thread. This stage
compares the page's own text blocks (``dom_blocks.py``) with what the
extraction kept and reports each block it did not keep, with a reason read
from where the block sits: "outside the main content (navigation)" for a
block inside ``<nav>`` or an element classed "menu". So an article's
``removed`` accounts for the whole page, not only for what the cleaners saw.

A block counts as kept when its text (white space aside) stands in the
extraction's text: what the extraction kept under other line breaks is not
reported, and a short block whose words happen to stand in a kept sentence
("Share") is not reported either (an under-report, never a false one).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .document import Block, one_line
from .dom_blocks import FAMILY_BIT, HIDDEN_BIT, STRUCT_BIT, DomBlock, DomPage

# What a block is, read from the nearest element around it that says: its
# class/id words (``dom_blocks.CLASS_FAMILIES``), first of these that one
# carries (a "prev-next-post-nav media-overlay" is navigation, not a modal),
# else its tag. A share bar inside a footer is a share bar.
FAMILY_REASONS = (
    ("comment", "comments"),
    ("share", "a share or follow bar"),
    ("related", "related or popular links"),
    ("nav", "navigation"),
    ("modal", "a cookie, newsletter or paywall box"),  # (before "ad": a "cookie-banner" is no advert)
    ("ad", "advertising"),
    ("footer", "the page footer"),
    ("sidebar", "a sidebar"),
    ("meta", "a byline, date or tag line"),
    ("media", "a caption or credit"),
)  # (not "head": its "title" marks every heading, the article's own too)
TAG_REASONS = {
    "nav": "navigation",
    "footer": "the page footer",
    "aside": "a sidebar",
    "form": "a form",
    "header": "the page header",
    "figcaption": "a caption or credit",
}
HIDDEN = "hidden on the page"
# A block mostly of link text, in nothing that says what it is: a list of links.
LINK_SHARE = 0.5
LINKS = "links"
# How far ahead of the page's place a kept block is looked for: a long page
# whose lines the extraction cut apart would otherwise be searched to its end
# for each of them.
LOOKAHEAD = 64
REASON = "outside the main content ({})"
# tuple.__new__ with every field: Unkept(...) adds a Python call a block.
_new_tuple = tuple.__new__
UNMARKED = "outside the main content"


class Unkept(NamedTuple):
    """A block of the page the extraction did not keep."""

    text: str
    reason: str
    before: int  # index of the kept block it stood before (len(blocks): after them all)


def left_out(page: DomPage, blocks: tuple[Block, ...], title: str | None) -> tuple[Unkept, ...]:
    """The blocks of ``page`` that ``blocks`` (the extraction) does not hold, in
    page order; the headline (``title``) is no removal: the article keeps it as its title."""
    kept = [one_line(b.text) for b in blocks]
    joined = " ".join(kept)
    headline = one_line(title).casefold() if title else None
    found: list[Unkept] = []
    at = 0  # the first kept block not yet seen on the page
    before = blocks[0].index if blocks else 0
    for block in page.blocks:
        text = block.text  # (on one line already: dom_blocks collapses white space)
        if text in joined:
            at = _next_kept(kept, text, at)
            before = blocks[at].index if at < len(blocks) else len(blocks)
        elif text and text.casefold() != headline:
            found.append(_new_tuple(Unkept, (text, reason(block, page), before)))
    return tuple(found)


def _next_kept(kept: list[str], text: str, at: int) -> int:
    """Where the page stands in the kept blocks after a kept ``text``: past the
    kept block holding it (searched from ``at`` on, LOOKAHEAD blocks at most;
    not found, as text the extraction cut over two blocks is: unmoved)."""
    for k in range(at, min(len(kept), at + LOOKAHEAD)):
        if text in kept[k]:
            return k + 1 if kept[k].endswith(text) else k
    return at


def reason(block: DomBlock, page: DomPage) -> str:
    """Why a block outside the main content is chrome: what the nearest
    element around it that says anything says."""
    marks, tags = page.marks, page.tags
    for number in block.chain:  # the block's own element first, then up
        said = _says(marks[number], tags[number])
        if said is not None:
            return said
    # Nothing near says: what the elements further up say, all together.
    said = _says(block.families, "")
    if said is None:
        said = next((REASON.format(w) for t, w in TAG_REASONS.items() if block.struct & STRUCT_BIT.get(t, 0)), None)
    if said is not None:
        return said
    links = block.in_link or block.links >= LINK_SHARE * len(block.text)
    return REASON.format(LINKS) if links else UNMARKED


@lru_cache(maxsize=4096)  # (a few hundred mark-and-tag pairs occur: each reason is worked out once a process)
def _says(marks: int, tag: str) -> str | None:
    """The reason one element's class/id words (``marks``), else its tag, give; None: they say nothing."""
    if marks & HIDDEN_BIT:
        return REASON.format(HIDDEN)
    what = next((what for name, what in FAMILY_REASONS if marks & FAMILY_BIT[name]), TAG_REASONS.get(tag))
    return REASON.format(what) if what is not None else None
