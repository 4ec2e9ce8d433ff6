"""Where a text copy's layout says which line is the headline.

The title finder (``headlines.py``) takes the headline-like line nearest the
body; some layouts put another line there, and say by their shape which one
the headline is: the capture prints the headline twice (a breadcrumb trail
ending in it, a player's copy, then the ``<h1>``), and a tabloid's headline
stands over its highlights and the byline.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from operator import attrgetter

from .base import Block
from .lines import fold_title

# A trail ending with the headline, copied as one line, stands at most this
# many lines above the headline's own line, which is at least this long.
TRAIL_TITLE_LINES = 2
TRAIL_TITLE_MIN_CHARS = 12
# A tabloid's headline stands over its highlights (bullet points copied
# without their marks): this many lines, each shorter than the headline,
# which is a long one.
MIN_HIGHLIGHTS, MAX_HIGHLIGHTS = 2, 5
HIGHLIGHTED_MIN_WORDS = 12
_INDEX = attrgetter("index")  # (blocks are in reading order: found by bisection)


def printed_twice(blocks: tuple[Block, ...], candidates: list[Block], headlines: list[Block]) -> Block | None:
    """The first copy of the last of ``headlines`` the capture prints twice
    above the body (a breadcrumb trail ending in it, a player's copy, then
    the h1), where the line nearest the body is printed once: the title,
    over a dek, a recipe's "Coût : bon marché" or a player's "Mute/Unmute … 1x …" row."""
    first = bisect_left(blocks, candidates[0].index, key=_INDEX)
    last = bisect_left(blocks, candidates[-1].index, key=_INDEX)
    near = [(b.index, fold_title(b.text)) for b in blocks[max(0, first - TRAIL_TITLE_LINES) : last + 1]]

    def copies(block: Block) -> int:
        key, at = fold_title(block.text), block.index
        # (A trail's end: a line above it, ending in a headline of some length.)
        trail = len(key) >= TRAIL_TITLE_MIN_CHARS
        return sum(line == key or (trail and i < at and line.endswith(key)) for i, line in near)

    twice = [b for b in headlines if copies(b) > 1]
    if not twice or copies(headlines[-1]) > 1:
        return None
    key = fold_title(twice[-1].text)
    copied = [b for b in candidates if fold_title(b.text) == key]
    return next((b for b in copied if not b.text.isupper()), copied[0])  # (not a theme's capitals)


def over_highlights(blocks: tuple[Block, ...], headlines: list[Block], dateline: Callable[[str], bool]) -> Block | None:
    """The headline over the highlights ending ``headlines``, over the byline:
    "Grandmother, 78, finds 140-year-old message in a bottle … - and
    discovers it was written by a relative" / "Margaret Pryce spotted the
    green glass bottle …" / "The rolled-up note inside was dated August
    1886 …" / "By JANE HOLLOWAY …" (consecutive lines; a list of teasers
    over the body has no byline under it: ``dateline`` tells one)."""
    at = bisect_left(blocks, headlines[-1].index + 1, key=_INDEX)
    if at == len(blocks) or not dateline(blocks[at].text):
        return None
    last = len(headlines) - 1
    for k in range(last - MIN_HIGHLIGHTS, max(-1, last - MAX_HIGHLIGHTS - 1), -1):
        head, run = headlines[k], headlines[k + 1 :]
        words = len(head.text.split())
        if (
            words >= HIGHLIGHTED_MIN_WORDS
            and all(b.index == a.index + 1 for a, b in zip(headlines[k:], run))
            and all(len(b.text.split()) < words for b in run)
        ):
            return head
    return None
