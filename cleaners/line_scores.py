"""Line scores for the body-region finder (``region.py``): prose or chrome, by shape.

Each line of a text capture gets a score: its words (capped) when it reads
like prose (long, ending like a sentence, full of lower-case or stop
words); a penalty when it looks like chrome (short, link- or menu-like,
repeated). Lists of the article cost little: entries holding numbers or
mostly lower-case words, lines of program code. ``region.py`` finds the body
among runs of these scores; the constants were tuned with its own (see there).
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from .lines import CLOSING, DIGIT, is_code_like, is_linky, unsigned

# A line of at least this many words that reads like prose scores its words.
PROSE_MIN_WORDS = 12
# Shorter lines still count a little when they end like a sentence.
SENTENCE_MIN_WORDS = 4
SENTENCE_WEIGHT = 0.5
# One line scores at most this much (a huge paragraph should not carry a
# whole page of chrome into the body).
LINE_CAP = 100
# What a line that is not prose costs the run it sits in.
SHORT_PENALTY = 14.0
# Lines with link/menu marks, and short lines printed three or more times
# (menus repeated in the footer, "Reply" under each comment), cost more.
CHROME_PENALTY = 32.0
REPEAT_MIN = 3
REPEAT_MAX_WORDS = 6
# Share of lower-case words (or stop words) that makes a long line prose
# even without a sentence end.
LOWER_SHARE = 0.4
STOP_SHARE = 0.15
# A short line that reads like a list entry (a number, mostly lower-case
# words: ingredients, specifications), or a lone label between such entries
# ("Prep Time" / "10 minutes"), costs this instead; menus are runs of labels.
LIST_PENALTY = 7.0
# Blank-line groups: a browser puts blank lines around <p> paragraphs, not
# between menu items or list entries. A short line alone in its group is a
# heading or a one-line paragraph and costs less; prose inside a crowded
# group (a list of teasers with excerpts) counts less, unless it ends with a
# full stop rather than an ellipsis (the steps of a recipe card).
ALONE_PENALTY = 6.0
CROWDED_GROUP = 6
CROWDED_WEIGHT = 0.3
# A line of program code (``headers = {"user-agent": UA}``, ``# comment``,
# ``$ pip install x``) inside a technical article: symbols no menu or label
# carries, and many of them. It costs almost nothing, so a listing between
# two paragraphs does not cut the article in two.
CODE_PENALTY = 0.5
# CJK scripts: count characters, this many per "word".
CJK_CHARS_PER_WORD = 2

_END_CHARS = frozenset(".!?…。！？:;")
_CLOSERS = frozenset(CLOSING)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORDS = re.compile(r"[^\W\d_]+", re.U)
# The first letter of each of those words (their case is all some tests need).
_INITIALS = re.compile(r"(?<![^\W\d_])[^\W\d_]")


def _ends_sentence(text: str) -> bool:
    last = text[-1]
    if last in _CLOSERS and len(text) > 1:
        last = unsigned(text).rstrip(CLOSING)[-1:] or last
    return last in _END_CHARS


def _list_item_like(text: str) -> bool:
    """A short line that reads like a list entry of the article (``800 g ripe
    tomatoes, halved``, ``10 minutes``) rather than a menu label (``Politics``,
    ``Crime & Courts``): it holds a number, or mostly lower-case words."""
    if DIGIT.search(text):
        return True
    initials = _INITIALS.findall(text)
    return len(initials) >= 2 and sum(map(str.islower, initials)) * 2 > len(initials)


def _word_count(text: str) -> int:
    n = text.count(" ") + 1
    if n < 4 and len(text) > 12 and not text.isascii():
        cjk = len(_CJK.findall(text))
        if cjk > len(text) // 3:
            return cjk // CJK_CHARS_PER_WORD
    return n


def line_scores(
    texts: list[str], stopwords: frozenset[str] = frozenset(), groups: list[int] | None = None,
    rows: frozenset[int] = frozenset(),
) -> list[float]:
    """A score per line: its words if it reads like prose, a penalty if chrome.

    ``rows``: the positions of lines copied from a table (cells a tab
    apart): a row that is not prose is an entry of the article's table (a
    match's line-ups, a price list), not a menu label.
    """
    words = [_word_count(t) for t in texts]
    short = {k: t.casefold() for k, t in enumerate(texts) if words[k] < REPEAT_MAX_WORDS}
    counts = Counter(short.values())
    if groups:
        per_group = Counter(groups)
        sizes = [per_group[g] for g in groups]
    else:
        sizes = [0] * len(texts)
    scores: list[float] = []
    for k, text in enumerate(texts):
        n = words[k]
        if n < REPEAT_MAX_WORDS and counts[short[k]] >= REPEAT_MIN:
            scores.append(-CHROME_PENALTY)
            continue
        size = sizes[k]
        ends = _ends_sentence(text)
        if n >= PROSE_MIN_WORDS:
            prose = ends
            if not prose:
                tokens = _WORDS.findall(text)
                if tokens:
                    lower = sum(map(str.islower, map(itemgetter(0), tokens)))  # (in C: long lines hold many)
                    prose = lower >= LOWER_SHARE * len(tokens)
                    if not prose and stopwords:
                        stop = sum(map(stopwords.__contains__, map(str.casefold, tokens)))
                        prose = stop >= STOP_SHARE * len(tokens)
            if prose:
                value = float(min(n, LINE_CAP))
                if size >= CROWDED_GROUP and not (ends and text[-1] != "…" and not text.endswith("...")):
                    value *= CROWDED_WEIGHT
                scores.append(value)
                continue
        linky = is_linky(text)
        if n < PROSE_MIN_WORDS and n >= SENTENCE_MIN_WORDS and ends and not linky:
            scores.append(n * SENTENCE_WEIGHT)
            continue
        if linky:
            scores.append(-CHROME_PENALTY)
        elif size == 1:
            scores.append(-ALONE_PENALTY)
        elif k in rows or _list_item_like(text):
            scores.append(-LIST_PENALTY)
        else:
            scores.append(-SHORT_PENALTY)
    # A label between list entries ("Prep Time" / "10 minutes" / "Cook Time")
    # is part of the list; menus are runs of labels.
    label = [v == -SHORT_PENALTY for v in scores]
    for k, is_label in enumerate(label):
        if is_label and not (k > 0 and label[k - 1]) and not (k + 1 < len(label) and label[k + 1]):
            scores[k] = -LIST_PENALTY
    # Code lines are part of the article they illustrate, whatever shape
    # (short, repeated ``}``, a URL in a comment) made them chrome above.
    for k, value in enumerate(scores):
        if value < 0 and is_code_like(texts[k]):
            scores[k] = -CODE_PENALTY
    return scores
