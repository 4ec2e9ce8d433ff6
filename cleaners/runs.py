"""Maximal scoring runs of a sequence of line scores (used by ``region``).

Kept apart from the line features: the algorithm knows nothing of pages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def best_run(scores: list[float]) -> tuple[int, int]:
    """``(start, end)`` (inclusive) of the maximum-sum run; ``(0, -1)`` if none is positive."""
    best, cur, start = 0.0, 0.0, 0
    span = (0, -1)
    for i, value in enumerate(scores):
        if cur <= 0:
            cur, start = 0.0, i
        cur += value
        if cur > best:
            best, span = cur, (start, i)
    return span


def runs(scores: list[float]) -> list[tuple[float, int, int]]:
    """All maximal scoring runs, in order: ``(sum, start, end)``.

    The heaviest run, then the heaviest of what lies left and right of it,
    and so on (Ruzzo & Tompa's linear-time algorithm for all maximal scoring
    subsequences).
    """
    starts: list[int] = []
    ends: list[int] = []
    lows: list[float] = []  # cumulative score before the run
    highs: list[float] = []  # cumulative score at its end
    total = 0.0
    for i, value in enumerate(scores):
        before = total
        total += value
        if value <= 0:
            continue
        s, low, high = i, before, total
        while True:
            j = len(lows) - 1
            while j >= 0 and lows[j] >= low:
                j -= 1
            if j < 0 or highs[j] >= high:
                break
            # run j can be extended to cover the new run: merge them
            s, low = starts[j], lows[j]
            del starts[j:], ends[j:], lows[j:], highs[j:]
        starts.append(s)
        ends.append(i)
        lows.append(low)
        highs.append(high)
    return [(h - lo, a, b) for a, b, lo, h in zip(starts, ends, lows, highs)]


def spaced(scores: list[float], gaps: list[int], min_gap: int, cost: float) -> tuple[list[float], list[int]]:
    """``scores`` with a line of ``-cost * n`` put back before each line that
    ``n = gaps[k] >= min_gap`` removed lines stood before; and where each of
    the original lines now stands."""
    out: list[float] = []
    at: list[int] = []
    for score, gap in zip(scores, gaps):
        if gap >= min_gap:
            out.append(-cost * gap)
        at.append(len(out))
        out.append(score)
    return out, at


def unspaced(at: list[int], start: int, end: int) -> tuple[int, int]:
    """The original lines (``at`` from ``spaced``) inside the spaced span ``start..end``."""
    return bisect_left(at, start), bisect_right(at, end) - 1
