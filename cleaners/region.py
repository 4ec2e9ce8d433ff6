"""Region: keep the body of a text capture, drop the page around it.

A text capture is the whole page as lines: menus, teaser lists, footers and
comment threads around one run of article prose. No phrase table can list
all of that chrome, but its *shape* gives it away, whatever the language:

- prose lines are long, end like sentences, and are full of small function
  words (the page language's stop words, or lower-case words);
- chrome lines are short, link- or menu-like (URLs, ``|`` / ``»`` separators,
  lone labels), come in long runs of short lines, and repeat (menus printed
  twice, ``Reply`` under every comment);
- the article is the densest run of prose; what lies far from it is not.

Each kept line gets a score (positive for prose, negative for chrome). The
body is the run of lines with the highest total score (a maximum-sum
segment, so a few short lines inside the article, such as sub-headings,
list items or a caption, are kept when prose surrounds them). Everything
outside that run is dropped with the reason that fits it best. Runs on text
captures only; HTML captures get their body from trafilatura's tree.
"""

from __future__ import annotations

import re
from collections import Counter

from .base import Cleaner, Context, Verdict

# A line of at least this many words that reads like prose scores its words.
PROSE_MIN_WORDS = 10
# Shorter lines still count a little when they end like a sentence.
SENTENCE_MIN_WORDS = 4
SENTENCE_WEIGHT = 0.5
# One line scores at most this much (a huge paragraph should not carry a
# whole page of chrome into the body).
LINE_CAP = 100
# What a line that is not prose costs the run it sits in.
SHORT_PENALTY = 12.0
# Lines with link/menu marks, and short lines printed three or more times
# (menus repeated in the footer, "Reply" under each comment), cost more.
CHROME_PENALTY = 24.0
REPEAT_MIN = 3
REPEAT_MAX_WORDS = 6
# Share of lower-case words (or stop words) that makes a long line prose
# even without a sentence end.
LOWER_SHARE = 0.4
STOP_SHARE = 0.15
# Blank-line groups: a browser puts blank lines around <p> paragraphs, not
# between menu items or list entries. A short line alone in its group is a
# heading or a one-line paragraph and costs less; prose inside a crowded
# group (a list of teasers with excerpts) counts less.
ALONE_PENALTY = 4.0
CROWDED_GROUP = 6
CROWDED_WEIGHT = 0.5
# Growth of the cost along a run of chrome lines (see _grow_gaps).
GAP_GROWTH = 0.0
GAP_GROWTH_CAP = 4.0
# Choosing among runs: the first run with this share of the heaviest run's
# weight is the body; a neighbour run joins it when it weighs this share of
# the body and the gap between costs at most MERGE_GAP times its weight.
FIRST_SHARE = 0.5
MERGE_SHARE = 0.2
MERGE_GAP = 1.0
# CJK scripts: count characters, this many per "word".
CJK_CHARS_PER_WORD = 2

_SENTENCE_END = re.compile(r"""[.!?…。！？:;]["'”’»)\]]*$""")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LINKY = re.compile(
    r"https?://|www\.|\S@\S+\.\w|\s[|»›·•]\s|^[»›>•·|]|[»›]$|^©|\(c\)\s*\d{4}|^\W*$",
    re.I,
)
_WORDS = re.compile(r"[^\W\d_]+", re.U)


def _word_count(text: str) -> int:
    n = text.count(" ") + 1
    if n < 4 and len(text) > 12:
        cjk = len(_CJK.findall(text))
        if cjk > len(text) // 3:
            return cjk // CJK_CHARS_PER_WORD
    return n


def line_scores(
    texts: list[str], stopwords: frozenset[str] = frozenset(), groups: list[int] | None = None
) -> list[float]:
    """A score per line: its words if it reads like prose, a penalty if chrome."""
    folded = [t.casefold() for t in texts]
    sizes = Counter(groups) if groups else None
    counts = Counter(f for f, t in zip(folded, texts) if t.count(" ") < REPEAT_MAX_WORDS)
    scores: list[float] = []
    for k, (text, fold) in enumerate(zip(texts, folded)):
        words = _word_count(text)
        size = sizes[groups[k]] if sizes else 0
        if words < REPEAT_MAX_WORDS and counts[fold] >= REPEAT_MIN:
            scores.append(-CHROME_PENALTY)
            continue
        ends = _SENTENCE_END.search(text) is not None
        if words >= PROSE_MIN_WORDS:
            prose = ends
            if not prose:
                tokens = _WORDS.findall(text)
                if tokens:
                    lower = sum(1 for w in tokens if w[0].islower()) / len(tokens)
                    stop = sum(1 for w in tokens if w.casefold() in stopwords) / len(tokens) if stopwords else 0.0
                    prose = lower >= LOWER_SHARE or stop >= STOP_SHARE
            if prose:
                value = float(min(words, LINE_CAP))
                scores.append(value * CROWDED_WEIGHT if size >= CROWDED_GROUP else value)
                continue
        elif words >= SENTENCE_MIN_WORDS and ends and not _LINKY.search(text):
            scores.append(words * SENTENCE_WEIGHT)
            continue
        if _LINKY.search(text):
            scores.append(-CHROME_PENALTY)
        elif size == 1:
            scores.append(-ALONE_PENALTY)
        else:
            scores.append(-SHORT_PENALTY)
    return scores


def _grow_gaps(scores: list[float]) -> list[float]:
    """Make each run of chrome lines cost more the longer it gets.

    Inside an article, gaps between prose lines are one or two lines (a
    heading, a caption); menus, teaser lists and comment headers are long
    runs. The ``j``-th line of a run costs ``min(j, GAP_GROWTH_CAP)`` times
    its own penalty, so a long run cuts the body where a short one is bridged.
    """
    out: list[float] = []
    run = 0
    for value in scores:
        if value < 0:
            run += 1
            out.append(value * min(1 + (run - 1) * GAP_GROWTH, GAP_GROWTH_CAP))
        else:
            run = 0
            out.append(value)
    return out


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


def runs(scores: list[float], lo: int = 0, hi: int | None = None) -> list[tuple[float, int, int]]:
    """Disjoint positive runs: the best run of ``scores[lo:hi]``, then the best
    of what lies left and right of it, recursively. ``(sum, start, end)``."""
    hi = len(scores) if hi is None else hi
    out: list[tuple[float, int, int]] = []
    stack = [(lo, hi)]
    while stack:
        a, b = stack.pop()
        if b - a <= 0:
            continue
        start, end = best_run(scores[a:b])
        if end < start:
            continue
        start, end = start + a, end + a
        out.append((sum(scores[start:end + 1]), start, end))
        stack.append((a, start))
        stack.append((end + 1, b))
    return sorted(out, key=lambda r: r[1])


def choose_region(scores: list[float]) -> tuple[int, int]:
    """The body among the runs: the first run nearly as heavy as the heaviest
    (comment threads and cookie texts come *after* the article), grown over
    close neighbours that carry real weight."""
    found = runs(scores)
    if not found:
        return (0, -1)
    top = max(r[0] for r in found)
    k = next(i for i, r in enumerate(found) if r[0] >= FIRST_SHARE * top)
    mass, start, end = found[k]
    for j in range(k + 1, len(found)):  # grow downwards
        m, s, e = found[j]
        gap = -sum(scores[end + 1:s])
        if m >= MERGE_SHARE * mass and gap <= MERGE_GAP * m:
            end = e
        else:
            break
    for j in range(k - 1, -1, -1):  # and upwards
        m, s, e = found[j]
        gap = -sum(scores[e + 1:start])
        if m >= MERGE_SHARE * mass and gap <= MERGE_GAP * m:
            start = s
        else:
            break
    return start, end


def body_region(
    texts: list[str], stopwords: frozenset[str] = frozenset(), groups: list[int] | None = None
) -> tuple[int, int]:
    """The inclusive line span of the article body among ``texts``."""
    return choose_region(_grow_gaps(line_scores(texts, stopwords, groups)))


class BodyRegion(Cleaner):
    """Drop the lines of a text capture that lie outside the article body.

    Menus above (``Home`` / ``Traktoren`` / ``Kontakt``…), teaser lists and
    footers below, a comment thread after the article: all outside the
    densest run of prose, all dropped.
    """

    name = "region"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        blocks = ctx.blocks
        if ctx.capture != "text" or not blocks:
            return verdict
        stopwords = ctx.phrases.stopwords.get(ctx.language or "", frozenset())
        texts = [b.text for b in blocks]
        start, end = body_region(texts, stopwords, [b.group for b in blocks])
        if end < start:  # no prose anywhere: leave the capture as it is
            return verdict
        for i, block in enumerate(blocks):
            if i < start:
                verdict.drop(block, "above the article body (outside the densest run of prose)")
            elif i > end:
                verdict.drop(block, "below the article body (outside the densest run of prose)")
        return verdict
