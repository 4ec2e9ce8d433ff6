"""Numbers describing each DOM block, for the block classifier (``block_model.py``).

Stage one sees the block itself (length, link share, punctuation, tag),
what holds it (structural tags, class/id word families near and far) and
where it sits relative to the page's densest prose container (the
readability-style "best candidate"). Stage two adds what stage one thought
of the neighbours and of each ancestor's blocks, so a lone short line inside
a body of prose and a lone long line inside a link list are told apart.
Column order is the model's contract: change it and retrain.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .dom_blocks import CHAIN, CLASS_FAMILIES, STRUCT_TAGS, DomPage

# Block tags with a column of their own; every other tag shares the last one.
TAG_COLUMNS = ("p", "h1", "h2", "h3", "h4", "li", "td", "th", "pre", "blockquote", "dd", "figcaption")
TAG_INDEX = {tag: i for i, tag in enumerate(TAG_COLUMNS)}
SENTENCE_END = frozenset('.!?"”»)。！？:')
# A block counts for the best container when it is prose-sized and mostly not links.
CANDIDATE_CHARS = 25
CANDIDATE_MAX_LINKS = 0.5
NEIGHBOURS = (-2, -1, 1, 2)
STAGE2_NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
FAMILY_COUNT = len(CLASS_FAMILIES) + 1  # + hidden


def block_lengths(page: DomPage) -> np.ndarray:
    """Characters of each block's text."""
    return np.array([len(b.text) for b in page.blocks], dtype=np.float64)


def _bits(values: np.ndarray, count: int) -> np.ndarray:
    """(n, count) 0/1 columns of the low ``count`` bits of ``values``."""
    return ((values[:, None] >> np.arange(count)) & 1).astype(np.float64)


def _shifted(column: np.ndarray, offset: int) -> np.ndarray:
    """``column`` moved by ``offset`` rows (the neighbour's value), 0 past the ends."""
    out = np.zeros_like(column)
    if offset > 0:
        out[:-offset] = column[offset:]
    else:
        out[-offset:] = column[:offset]
    return out


def best_container(page: DomPage, lengths: np.ndarray, link_share: np.ndarray, commas: np.ndarray) -> tuple[int, float]:
    """(number, score) of the block element holding the most prose (readability's rule:
    each prose block scores its own element fully and the parent half)."""
    scores = np.zeros(len(page.ends) + 1)
    prose = (lengths >= CANDIDATE_CHARS) & (link_share <= CANDIDATE_MAX_LINKS)
    points = 1 + commas + np.minimum(lengths // 100, 3)
    for i in np.flatnonzero(prose):
        chain = page.blocks[i].chain
        scores[chain[0]] += points[i]
        if len(chain) > 1:
            scores[chain[1]] += points[i] / 2
    best = int(scores.argmax())
    return best, float(scores[best])


def _text_columns(page: DomPage, lengths: np.ndarray, link_share: np.ndarray, commas: np.ndarray,
                  title: str | None) -> list[Any]:
    """What the block's own text says: size, links, punctuation, case, repetition."""
    texts = [b.text for b in page.blocks]
    words = [t.split() for t in texts]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    wanted = (title or "").strip().lower()
    return [
        np.log1p(lengths), link_share, link_share > 0.5, np.log1p([len(w) for w in words]),
        [t[-1] in SENTENCE_END for t in texts], commas,
        np.minimum([t.count(".") for t in texts], 8),
        [sum(map(t.count, "0123456789")) for t in texts] / lengths,
        lengths < 20, lengths < 50, lengths > 150,
        [b.in_link for b in page.blocks],
        [sum(1 for x in w if x[:1].islower()) / len(w) for w in words],
        [sum(map(len, w)) / len(w) for w in words],
        [counts[t] > 1 for t in texts], [t.count("|") > 1 for t in texts], [t[:1].islower() for t in texts],
        [bool(wanted) and t.lower() == wanted for t in texts],
    ]


def _place_columns(page: DomPage, lengths: np.ndarray, link_share: np.ndarray,
                   commas: np.ndarray) -> tuple[list[Any], np.ndarray]:
    """Where the block sits against the best container, and its neighbours; also ``inside``."""
    n = len(page.blocks)
    best, best_score = best_container(page, lengths, link_share, commas)
    elems = np.array([b.elem for b in page.blocks])
    inside = (elems >= best) & (elems <= page.ends[best]) if best < len(page.ends) else np.zeros(n, bool)
    where = np.flatnonzero(inside)
    first, last = (where[0], where[-1]) if len(where) else (0, 0)
    position = np.arange(n)
    columns: list[Any] = [
        inside, elems == best, position < first, position > last,
        np.where(position < first, (first - position) / n, 0), np.where(position > last, (position - last) / n, 0),
        position / n, np.full(n, np.log1p(best_score)),
    ]
    for offset in NEIGHBOURS:
        columns += [_shifted(np.log1p(lengths), offset), _shifted(link_share, offset), _shifted(inside * 1.0, offset)]
    return columns, inside


def stage1(page: DomPage, title: str | None, lengths: np.ndarray | None = None) -> np.ndarray:
    """The stage-one feature matrix, one row per block (``lengths``: block_lengths, if known)."""
    blocks = page.blocks
    lengths = block_lengths(page) if lengths is None else lengths
    link_share = np.minimum(1.0, np.array([b.links for b in blocks]) / lengths)
    commas = np.minimum(np.array([b.text.count(",") for b in blocks], dtype=np.float64), 5)
    place, inside = _place_columns(page, lengths, link_share, commas)
    columns = _text_columns(page, lengths, link_share, commas, title) + place
    matrix = np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
    tags = np.zeros((len(blocks), len(TAG_COLUMNS) + 1))
    tags[np.arange(len(blocks)), [TAG_INDEX.get(b.tag, len(TAG_COLUMNS)) for b in blocks]] = 1
    struct = _bits(np.array([b.struct for b in blocks]), len(STRUCT_TAGS))
    near = _bits(np.array([b.near for b in blocks]), FAMILY_COUNT)
    families = _bits(np.array([b.families for b in blocks]), FAMILY_COUNT)
    return np.hstack([matrix, tags, struct, near, families, near * inside[:, None]])


def stage2(page: DomPage, first: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Stage-two extra columns from stage one's probabilities ``first``."""
    columns = [first] + [_shifted(first, o) for o in STAGE2_NEIGHBOURS]
    chains = np.full((len(page.blocks), CHAIN), -1)
    for i, b in enumerate(page.blocks):
        chains[i, : len(b.chain)] = b.chain
    size = len(page.ends) + 1
    for level in range(CHAIN):
        ids = chains[:, level]
        has = ids >= 0
        ids = np.where(has, ids, size - 1)
        weight = np.bincount(ids, weights=lengths, minlength=size)
        mass = np.bincount(ids, weights=first * lengths, minlength=size)
        count = np.bincount(ids, minlength=size)
        columns += [np.where(has, mass[ids] / np.maximum(weight[ids], 1), 0),
                    np.where(has, np.log1p(weight[ids]), 0), np.where(has, count[ids] > 1, 0)]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
