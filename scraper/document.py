"""Document: the capture cut into ordered blocks, plus what the page says of itself.

Text captures are cut into lines; a run of lines between blank lines is a
*group* (``Block.group``). A group of hard-wrapped lines (plain-text mail,
``fmt``-style files) is joined back into one paragraph block, and so is such a
run in an HTML ``<pre>`` of text (``preformatted_parts``). HTML captures get
their blocks from ``scraper.html`` (trafilatura's extracted tree); from here on
both paths are the same code.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .site_evidence import SiteTemplate
    from .unkept import Unkept

# A group is treated as hard-wrapped prose when its lines (but the last) are
# at least this long and rarely end a sentence: "fmt"-style text, not a list
# of short items or one-line-per-paragraph browser text.
WRAP_MIN_CHARS = 50
WRAP_MAX_CHARS = 100
WRAP_MAX_SENTENCE_ENDS = 0.5

BLOCK_KINDS = ("heading", "paragraph", "list_item", "quote", "table", "code", "line")

# Spaces other than " " that count as one (no-break, thin, ideographic, ...).
_ODD_SPACES = ("\t", "\u00a0", *map(chr, range(0x2000, 0x200C)), "\u202f", "\u205f", "\u3000")
_SPACE = re.compile("[ %s]+" % "".join(_ODD_SPACES))
_SPACE_RUN = re.compile("   *")  # two spaces or more
# Stands for a tab inside a text capture's line while spaces collapse: a
# browser copies a table row as its cells with tabs between them. (White
# space to str.strip, so a tab at a line's edge goes like a space.)
CELL_MARK = "\x1f"
_SENTENCE_END = re.compile(r"""[.!?:;…"'”’»)\]。！？]$""")
# Invisible characters that only break verbatim matching (soft hyphen, BOM, word joiner).
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\ufeff\u2060"), None)
# ... and zero-width spaces: markup puts them inside words as break hints, and
# text copied from the screen keeps them (as it keeps the soft hyphens).
ZERO_WIDTH = {**INVISIBLE, ord("\u200b"): None}
_ZERO_WIDTH_CHARS = tuple(map(chr, ZERO_WIDTH))


def without_zero_width(text: str) -> str:
    """``text`` without zero-width and invisible characters (``ZERO_WIDTH``)."""
    if any(map(text.__contains__, _ZERO_WIDTH_CHARS)):  # translate() is slow; few texts hold one
        return text.translate(ZERO_WIDTH)
    return text


def visible(text: str) -> str:
    """``text`` without invisible characters: "Mes\u00adsen\u00adger" reads "Messenger"."""
    return text.translate(INVISIBLE)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (incl. no-break and thin spaces) to one space."""
    return _SPACE.sub(" ", text).strip()


def one_line(text: str) -> str:
    """``text`` on one line: every run of white space, line breaks too, one space."""
    return " ".join(text.split())


_new_tuple = tuple.__new__


class Block(NamedTuple):
    """One unit of the page: a line or paragraph of text and what kind it is.

    (A named tuple, not a dataclass: a capture makes hundreds, and a tuple is
    built in half the time.)
    """

    index: int  # type: ignore[assignment]  # (the field shadows tuple.index, which mypy reports)
    text: str
    kind: str = "line"
    group: int = 0  # blank-line group (text) / parent container (html)
    link_density: float = 0.0  # share of the text inside links (html only)


@dataclass(frozen=True)
class PageMeta:
    """Metadata the page declares about itself (HTML head, JSON-LD, OpenGraph)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    url: str | None = None
    reading_time_minutes: int | None = None  # as the page states it
    # Names an author-classed element carries (``<span class="author">``) when
    # the head declares none: the fallback after a byline found in the text.
    marked_authors: tuple[str, ...] = ()


class Marked(NamedTuple):
    """What an HTML page's class names mark outside (or across) the extracted
    body: evidence cleaners may use, never part of the output (``marked.py``)."""

    # Short lines of page chrome outside the body (a theme's reading-time element).
    reading: tuple[str, ...] = ()
    # Text of the page's newsletter and sign-up boxes: a body line inside one is the box's.
    boxes: tuple[str, ...] = ()
    # Text of elements whose class names a paywall: a prompt, or the free part
    # of the article (the subscribe cleaner tells them apart by their words).
    paywalls: tuple[str, ...] = ()
    # Text of a forum post's profile and signature boxes, and of their lines.
    post_chrome: tuple[str, ...] = ()
    # The crumbs of each breadcrumb trail ("Startseite", "Aktuelles").
    trails: tuple[tuple[str, ...], ...] = ()
    # The links of the article's tag list.
    tags: tuple[str, ...] = ()
    # Short paragraphs set right, as a journalist's signature under the article is.
    signatures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """Ordered blocks of one capture plus the page's own metadata."""

    blocks: tuple[Block, ...]
    capture: str  # "html" | "text"
    meta: PageMeta = field(default_factory=PageMeta)
    marked: Marked = Marked()
    # Cross-page evidence: the template lines of the page's site, where a
    # batch of its pages was seen (``site_evidence.py``).
    site: SiteTemplate | None = None
    # What the HTML extraction left out of the page, with its reasons (``unkept.py``).
    unkept: tuple[Unkept, ...] = ()



def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    # Two lines give no wrap width to judge by: a long headline over its byline
    # or first sentence looks the same. Join them only when the second line
    # goes on with a sentence (starts lower-case), as a wrapped line does.
    if len(lines) == 2 and not lines[1][:1].islower():
        return False
    body = lines[:-1]
    if any(not (WRAP_MIN_CHARS <= len(x) <= WRAP_MAX_CHARS) for x in body):
        return False
    ends = sum(1 for x in body if _SENTENCE_END.search(x))
    return ends / len(body) <= WRAP_MAX_SENTENCE_ENDS


# A ``<pre>`` holding text, not code (a mail in a list archive, a plain-text
# file shown as a page), is mostly made of hard-wrapped, unindented lines of
# words: at least this share of its characters; in those lines, letters make
# at least this share of the characters that are no space (code is dense in
# symbols).
PROSE_PRE_SHARE = 0.6
PROSE_PRE_LETTERS = 0.85


def preformatted_parts(text: str) -> list[tuple[str, str]]:
    """A ``<pre>`` block's text as (kind, text) blocks.

    Code stays one ``code`` block, blank lines and indentation kept. Text
    that was only hard-wrapped (a mailing-list message) becomes paragraphs:
    each wrapped run of lines joined, each other line a paragraph of its own,
    an indented run (a quoted snippet of code) a ``code`` block.
    """
    groups = _blank_line_groups(line.rstrip() for line in text.splitlines())  # indentation kept
    wrapped = [_is_prose_run(g) for g in groups]
    chars = [sum(map(len, g)) for g in groups]
    if not any(wrapped) or sum(c for c, w in zip(chars, wrapped) if w) < PROSE_PRE_SHARE * sum(chars):
        return [("code", text)]
    parts: list[tuple[str, str]] = []
    for group, prose in zip(groups, wrapped):
        if prose:
            parts.append(("paragraph", " ".join(line.strip() for line in group)))
        elif all(line[:1].isspace() for line in group):
            parts.append(("code", textwrap.dedent("\n".join(group))))
        else:
            parts += [("paragraph", " ".join(line.split())) for line in group]
    return parts


def _is_prose_run(lines: list[str]) -> bool:
    """Hard-wrapped lines of words, none indented."""
    if any(line[:1].isspace() for line in lines) or not _is_hard_wrapped(lines):
        return False
    joined = "".join(lines)
    return sum(map(str.isalpha, joined)) >= PROSE_PRE_LETTERS * (len(joined) - joined.count(" "))


def _collapse_space(text: str) -> str:
    """``_SPACE.sub(" ", text)`` without its regex scan (most texts hold few odd spaces)."""
    for char in _ODD_SPACES:
        if char in text:
            text = text.replace(char, " ")
    return _SPACE_RUN.sub(" ", text)  # (re searches for its literal "  " prefix: fast where there is none)


def _groups(text: str) -> list[list[str]]:
    # Normalised once for the whole text, not line by line: the same lines
    # (no line break composes with its neighbours, and _SPACE holds none).
    text = unicodedata.normalize("NFC", text)
    text = without_zero_width(text)  # (before spaces collapse: a zero-width space is none)
    if "\t" in text:  # a table's cells, as a browser copies a row: kept apart until the line is cut
        text = text.replace("\t", CELL_MARK)
    text = _collapse_space(text)
    return _blank_line_groups(raw.strip() for raw in text.splitlines())


def _blank_line_groups(lines: Iterable[str]) -> list[list[str]]:
    """Runs of non-empty lines between empty ones (a line of spaces comes stripped to one)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def segment_text(text: str, url: str | None = None) -> Document:
    """Cut a plain-text capture into line blocks (hard-wrapped groups joined).

    ``url``: where the text was copied from (its path may name the headline).
    """
    blocks: list[Block] = []
    for number, lines in enumerate(_groups(text)):
        parts = [" ".join(lines)] if _is_hard_wrapped(lines) else lines
        for part in parts:
            kind = "line"
            if CELL_MARK in part:  # (its edges went with the line's white space)
                part, kind = _collapse_space(part.replace(CELL_MARK, " ")), "table"
            # tuple.__new__ with every field: Block(...) adds a Python call a line.
            blocks.append(_new_tuple(Block, (len(blocks), part, kind, number, 0.0)))
    return Document(blocks=tuple(blocks), capture="text", meta=PageMeta(url=url) if url else PageMeta())
