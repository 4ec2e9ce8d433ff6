"""trafilatura's extracted tree → Blocks, in reading order.

trafilatura returns the main content as a small XML tree (``head``, ``p``,
``list/item``, ``quote``, ``code``, ``table/row/cell``). Each block-level
element becomes one :class:`Block`; text standing directly in a container
becomes a block of its own, so nothing trafilatura kept is lost. A ``<pre>``
of hard-wrapped text (a mailing-list message) becomes paragraphs, not code
(``document.preformatted_parts``).
"""

from __future__ import annotations

import unicodedata

from lxml import etree

from cleaners.lines import is_prose

from .document import INVISIBLE, Block, normalize_space, preformatted_parts
from .extract import CELL_SEPARATOR
from .page_titles import clean_title

# trafilatura element → block kind. Container elements (list, quote, table)
# are walked into; these are the ones whose text forms one block.
KIND_BY_TAG = {
    "head": "heading",
    "p": "paragraph",
    "item": "list_item",
    "code": "code",
    "row": "table",
}
# Containers whose children are blocks; the kind they impose on plain ``p``
# children (a paragraph inside a blockquote is a quote).
CONTAINERS = {"list": None, "quote": "quote", "div": None, "body": None}
# Elements that become blocks of their own even when nested in a paragraph or
# item (``code`` is not one: inside a paragraph it is inline code).
BLOCK_TAGS = frozenset(set(KIND_BY_TAG) - {"code"} | set(CONTAINERS) | {"table"})
# Raw HTML elements left inside trafilatura's output whose text needs spacing.
SPACED_TAGS = frozenset({"tr", "td", "th", "li", "ul", "ol", "div", "dd", "dt", "cell"})


def clean_lines(text: str) -> str:
    """NFC, collapsed spaces per line, blank lines dropped (lines kept for <br>)."""
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    lines = (normalize_space(x) for x in text.split("\n"))
    return "\n".join(x for x in lines if x)


# A paragraph block of this many prose lines is a <br>-separated body, each line a paragraph.
BR_BODY_LINES = 4


def _inline_text(elem: etree._Element, links: list[int]) -> str:
    """Text of an element's inline content; ``<lb>`` is a line break.

    ``links`` collects the length of text inside ``<ref>`` for link density.
    Block-level children (a nested list in an item) are skipped: they become
    blocks of their own. Raw HTML table cells trafilatura sometimes leaves
    inside a paragraph are spaced apart so their words do not run together.
    """
    parts: list[str] = [_flat(elem.text)]
    for child in elem:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif _item_paragraph(child):
            # The item's text (a list item, not a paragraph): a line of its own
            # after the item's text, not cut from what follows it (trafilatura
            # 2.2 closed an item's <p> at inline code, the sentence going on after).
            before = "\n" if "".join(parts).strip() else ""
            parts.append(f"{before}{_inline_text(child, links)} ")
        elif tag in BLOCK_TAGS:
            parts.append(" ")
        elif tag:
            inner = _inline_text(child, links)
            if tag == "ref":
                links.append(len(normalize_space(inner)))
            parts.append(f" {inner} " if tag in SPACED_TAGS else inner)
        parts.append(_flat(child.tail))
    return "".join(parts)


def _item_paragraph(elem: etree._Element) -> bool:
    """A ``<p>`` right inside a list item: the item's own text, not a block of its own."""
    parent = elem.getparent()
    return elem.tag == "p" and parent is not None and parent.tag == "item"


def _flat(text: str | None) -> str:
    """Source line breaks are just white space; only ``<lb>`` breaks a line."""
    return text.replace("\r", " ").replace("\n", " ") if text else ""


def _code_text(elem: etree._Element) -> str:
    """Code keeps its line structure; only trailing blank lines go."""
    text = "".join(elem.itertext())
    return unicodedata.normalize("NFC", text).translate(INVISIBLE).strip("\n").rstrip()


def _preformatted_text(elem: etree._Element) -> list[tuple[str, str]] | None:
    """The blocks of a ``<pre>`` of text that trafilatura made a ``<quote>``
    (it makes one of every ``<pre>`` that does not look like code), else None.
    Its blank lines tell: a real quote's text has none that show."""
    text = elem.text or ""
    if len(elem) or "\n\n" not in text:
        return None
    parts = preformatted_parts(_code_text(elem))
    return None if parts[0][0] == "code" and len(parts) == 1 else parts


class _Walker:
    """Collects blocks from trafilatura's body in document order.

    Text may sit directly in a container (``<quote>text</quote>``, text
    between two paragraphs of the body): such runs of inline content become
    blocks of their own, so nothing trafilatura kept is lost.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, text: str, kind: str, group: int, links: list[int]) -> None:
        if kind == "heading":
            text = clean_title(text) or ""
        if not text:
            return
        density = min(1.0, sum(links) / max(1, len(text.replace("\n", " "))))
        for part in _paragraphs(text) if kind == "paragraph" else (text,):
            self.blocks.append(Block(len(self.blocks), part, kind, group, round(density, 3)))

    def container(self, elem: etree._Element, group: int, kind: str, top: bool = False) -> None:
        """Walk a container: block children recursively, inline runs as ``kind`` blocks.

        ``top`` (the body): every top-level element starts a new group.
        """
        pending: list[str] = [_flat(elem.text)]
        links: list[int] = []
        for child in elem:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in KIND_BY_TAG or tag in BLOCK_TAGS or (tag and _nested_blocks(child)):
                group = self.next_group() if top else group
                self.add(clean_lines("".join(pending)), kind, group, links)
                pending, links = [], []
                group = self.next_group() if top else group
                if tag in KIND_BY_TAG or tag in BLOCK_TAGS:
                    self.element(child, group, kind)
                else:  # a stray wrapper (a <cell> without a row) holding blocks
                    self.container(child, group, kind)
            elif tag == "lb":
                pending.append("\n")
            elif tag:
                inner = _inline_text(child, links)
                if tag == "ref":
                    links.append(len(normalize_space(inner)))
                pending.append(inner)
            pending.append(_flat(child.tail))
        group = self.next_group() if top else group
        self.add(clean_lines("".join(pending)), kind, group, links)

    def next_group(self) -> int:
        """A fresh group number: one past the last block's."""
        return self.blocks[-1].group + 1 if self.blocks else 0

    def element(self, elem: etree._Element, group: int, inherited: str) -> None:
        """One block-level element: a block, or a container walked into."""
        tag = elem.tag
        if tag == "table":
            for row in elem.iter("row"):
                self.row(row, group)
        elif tag == "row":
            self.row(elem, group)
        elif tag == "code":
            for kind, text in preformatted_parts(_code_text(elem)):
                self.add(text, kind, group, [])
        elif tag == "quote" and (parts := _preformatted_text(elem)):
            for kind, text in parts:
                self.add(text, kind, group, [])
        elif tag in CONTAINERS:
            self.container(elem, group, CONTAINERS[tag] or inherited)
        else:
            links: list[int] = []
            kind = KIND_BY_TAG[tag]
            if kind == "paragraph" and inherited != "paragraph":
                kind = inherited  # a paragraph inside a quote is a quote
            self.add(clean_lines(_inline_text(elem, links)), kind, group, links)
            # a nested list in an item (or a stray block in a paragraph) follows it
            for sub in _nested_blocks(elem):
                self.element(sub, group, inherited)

    def row(self, row: etree._Element, group: int) -> None:
        """A table row: one ``table`` block of its cells, or, for a layout
        table whose cells hold paragraphs and lists, the cells' own blocks."""
        cells = [c for c in row if c.tag == "cell"]
        if any(True for c in cells for _ in _nested_blocks(c)):
            for cell in cells:
                self.container(cell, group, "paragraph")
            return
        texts = [clean_lines(" ".join(c.itertext())).replace("\n", " ") for c in cells]
        self.add(CELL_SEPARATOR.join(t for t in texts if t), "table", group, [])


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a body whose line breaks were ``<br><br>`` (a
    Blogger post's: trafilatura keeps one break of the two): BR_BODY_LINES
    lines at least, every one a sentence or more of prose. Lines of verse or
    of an address stay one block, and so does a short box ("Über Nordex SE"
    over two or three lines: the bio cleaner takes the block whole)."""
    lines = text.split("\n")
    return lines if len(lines) >= BR_BODY_LINES and all(map(is_prose, lines)) else [text]


def _nested_blocks(elem: etree._Element) -> list[etree._Element]:
    """The outermost block-level descendants of an element (skipped inline)."""
    found: list[etree._Element] = []
    for child in elem:
        if not isinstance(child.tag, str):
            continue
        if _item_paragraph(child):
            found.extend(_nested_blocks(child))
        elif child.tag in BLOCK_TAGS:
            found.append(child)
        else:
            found.extend(_nested_blocks(child))
    return found


def body_blocks(body: etree._Element) -> tuple[Block, ...]:
    """Blocks of trafilatura's extracted body, in reading order.

    ``group`` numbers the top-level element a block came from, so the items of
    one list or the rows of one table share a group.
    """
    walker = _Walker()
    walker.container(body, 0, "paragraph", top=True)
    return tuple(walker.blocks)
