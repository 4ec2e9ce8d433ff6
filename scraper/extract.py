"""Our own main-content extraction: DOM blocks kept by the block classifier.

``dom_blocks`` cuts the page into blocks, ``block_features`` describes them,
``block_model`` scores them in two stages, and the blocks above the model's
threshold become the Document's blocks (table cells of one row joined into
one ``table`` block, as the trafilatura path writes them). When the model is
unsure about the page (little text kept, or much of what it keeps scored
near the threshold) ``own_blocks`` returns None and the caller uses the
trafilatura path instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from lxml import etree

from .block_features import block_lengths, stage1, stage2
from .block_model import BlockModel, load_model
from .document import Block, preformatted_parts
from .dom_blocks import STRUCT_BIT, DomBlock, DomPage, page_blocks
from .page_titles import clean_title

KIND_BY_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list_item", "dt": "list_item", "dd": "list_item", "pre": "code", "blockquote": "quote",
    "td": "table", "th": "table",
}
# Cell separator of a table row block (as the trafilatura path writes rows).
CELL_SEPARATOR = " | "
# The page goes to the trafilatura path when fewer characters are kept, or
# when more than UNSURE_SHARE of the kept characters scored within UNSURE of
# the threshold (73 of the 990 dev pages with the shipped model). Each page
# sent costs trafilatura's whole cascade (~33 ms on these hard pages, against
# ~19 ms for the fast path's average page); 0.3 and 0.5 sent 124 pages for
# 0.0005 more F1 at ~6% more time (benchmarks/README.md).
MIN_KEPT_CHARS = 200
NAV_LINK_SHARE = 0.9
UNSURE = 0.15
UNSURE_SHARE = 0.35


class Scored(NamedTuple):
    page: DomPage
    probabilities: np.ndarray
    lengths: np.ndarray  # characters of each block


def score_blocks(
    tree: etree._Element, title: str | None, model: BlockModel | None = None, page: DomPage | None = None
) -> Scored:
    """Each DOM block of the page (``page``, if cut already) with its stage-two probability of being body text."""
    model = model or load_model()
    page = page or page_blocks(tree)
    lengths = block_lengths(page)
    if not page.blocks:
        return Scored(page, np.zeros(0), lengths)
    first = stage1(page, title, lengths)
    p1 = model.first.probabilities(first)
    second = np.hstack([first, stage2(page, p1, lengths)])
    return Scored(page, model.second.probabilities(second), lengths)


def _kind(tag: str, struct: int) -> str:
    kind = KIND_BY_TAG.get(tag, "paragraph")
    return "quote" if kind == "paragraph" and struct & STRUCT_BIT["blockquote"] else kind


def _row_scores(scored: Scored) -> np.ndarray:
    """Each block's probability, a table cell's replaced by its row's best:
    a row is kept whole when any cell is ("8,412" scores lower than "Wisbech North")."""
    rows = np.array([b.row for b in scored.page.blocks])
    probabilities = scored.probabilities.copy()
    cells = rows >= 0
    if cells.any():
        ids = rows[cells]
        best = np.zeros(ids.max() + 1)
        np.maximum.at(best, ids, probabilities[cells])
        probabilities[cells] = best[ids]
    return probabilities


def kept_blocks(scored: Scored, threshold: float) -> tuple[Block, ...]:
    """The blocks above ``threshold`` as Document blocks, in reading order."""
    nav = STRUCT_BIT["nav"]
    return as_blocks(block for block, p in zip(scored.page.blocks, _row_scores(scored))
                     if p > threshold and not (block.struct & nav and block.links >= NAV_LINK_SHARE * len(block.text)))


def as_blocks(blocks: Iterable[DomBlock]) -> tuple[Block, ...]:
    """DOM blocks as Document blocks, in order: kinds from their tags, a table
    row's cells joined, headings tidied, ``<pre>`` text cut where it runs as prose."""
    out: list[Block] = []
    last_row = -1
    for block in blocks:
        group = block.chain[1] if len(block.chain) > 1 else block.elem
        kind = _kind(block.tag, block.struct)
        if kind == "table" and block.row >= 0 and block.row == last_row and out:
            prev = out[-1]
            out[-1] = prev._replace(text=prev.text + CELL_SEPARATOR + block.text)
        else:
            text = block.text if kind == "table" else "\n".join(block.lines)
            if kind == "heading":
                text = clean_title(text) or ""
            density = round(min(1.0, block.links / max(1, len(block.text))), 3)
            # (an empty line: where a run of <br>s ended a paragraph, see dom_blocks.BR)
            parts = preformatted_parts(text) if kind == "code" else [(kind, p) for p in text.split("\n\n")]
            out += [Block(len(out) + i, part, kind_, group, density) for i, (kind_, part) in enumerate(parts) if part]
        last_row = block.row if kind == "table" else -1
    return tuple(out)


def own_blocks(
    tree: etree._Element, title: str | None, model: BlockModel | None = None, page: DomPage | None = None
) -> tuple[Block, ...] | None:
    """The page's body blocks by our own extraction (of ``page``, if cut
    already), or None when the model is unsure."""
    model = model or load_model()
    scored = score_blocks(tree, title, model, page)
    lengths = scored.lengths
    kept = float(lengths[scored.probabilities > model.threshold].sum())
    unsure = float(lengths[np.abs(scored.probabilities - model.threshold) < UNSURE].sum())
    if kept < MIN_KEPT_CHARS or unsure > UNSURE_SHARE * kept:
        return None
    return kept_blocks(scored, model.threshold)
