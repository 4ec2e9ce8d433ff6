"""Pages nested deeper than libxml2 keeps by default, read the way a browser reads them.

A legacy page that never closes its ``<font>``, ``<b>`` or ``<div>`` tags
nests one level deeper with every paragraph. libxml2 stops at 256 levels and
silently drops everything below: the tail of such an article vanished with
no error (one test page kept 127 of its 400 paragraphs). ``html.parse_html``
parses with ``huge_tree`` (libxml2's limit becomes 2,048 levels) and then
calls ``cap_depth``: as browsers do past 512 open elements, whatever lies
below ``MAX_DEPTH`` becomes a row of siblings under the element at that
depth, text in reading order. The recursive walks downstream (ours and
trafilatura's) then never go deeper than they did before, far from Python's
recursion limit. A page under ``MAX_DEPTH`` is left untouched; the check
costs one XPath evaluation (about 0.2 ms a page).
"""

from __future__ import annotations

from lxml import etree

# Levels below the root element kept as they are: under libxml2's default
# limit, so every page it parsed whole before parses to the same tree now.
MAX_DEPTH = 250
# The elements standing exactly MAX_DEPTH levels below the root.
_AT_CAP = etree.XPath("/*" + "/*" * MAX_DEPTH)


def cap_depth(root: etree._Element) -> None:
    """Flatten, in place, every subtree that starts ``MAX_DEPTH`` levels below ``root``."""
    for cap in _AT_CAP(root):
        _flatten(cap)


def _flatten(cap: etree._Element) -> None:
    """Make all descendants of ``cap`` its children, in document order.

    Each element keeps its own text; the text that followed its end tag
    (its tail, and the tails of ancestors closing at the same point) follows
    the last element opened before that end tag, so the text reads as before.
    """
    pieces: list[tuple[etree._Element, str | None, list[str]]] = []
    for event, elem in etree.iterwalk(cap, events=("start", "end")):
        if elem is cap:
            continue
        if event == "start":
            pieces.append((elem, elem.text, []))
        elif elem.tail:
            pieces[-1][2].append(elem.tail)
    for elem, _, _ in reversed(pieces):  # deepest last in reading order: detach from the bottom up
        parent = elem.getparent()
        if parent is not None:
            parent.remove(elem)
    for elem, text, tails in pieces:
        elem.text = text
        elem.tail = "".join(tails) or None
        cap.append(elem)
