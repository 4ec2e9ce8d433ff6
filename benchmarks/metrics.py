"""The two scores the benchmark reports, written here so they are ours to test.

Snippet metric (the dev corpus, ``../shared/corpus``): every page lists
``with`` snippets (main content) and ``without`` snippets (boilerplate). A
``with`` snippet found verbatim in an extractor's output is a true positive,
else a false negative; a ``without`` snippet found is a false positive.
Precision, recall and F1 are taken over the totals of all pages (micro
average), the way the corpus' anchor figures were measured.

Shingle metric (corpora in the "article extraction benchmark" layout, with a
full expected ``articleBody``): tokens are ``\\w+`` runs, shingles are runs of
4 consecutive tokens, each page gets the precision and recall of its shingle
*sets*, those are averaged over pages and F1 is taken of the two averages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------- snippets


@dataclass
class SnippetResult:
    """One page's snippet outcome, with the snippets behind the counts."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    missed: list[str] = field(default_factory=list)  # ``with`` not found
    extra: list[str] = field(default_factory=list)  # ``without`` found

    @property
    def errors(self) -> int:
        return self.fn + self.fp


def score_snippets(output: str | None, with_: Sequence[str], without: Sequence[str]) -> SnippetResult:
    """Score one page's output against its snippets (``None`` = no output)."""
    text = output or ""
    result = SnippetResult()
    for snippet in with_:
        if snippet in text:
            result.tp += 1
        else:
            result.fn += 1
            result.missed.append(snippet)
    for snippet in without:
        if snippet in text:
            result.fp += 1
            result.extra.append(snippet)
        else:
            result.tn += 1
    return result


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def snippet_totals(results: Iterable[SnippetResult]) -> Scores:
    """Micro-averaged precision / recall / F1 over all pages' counts."""
    tp = fn = fp = 0
    for r in results:
        tp, fn, fp = tp + r.tp, fn + r.fn, fp + r.fp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Scores(precision, recall, f1(precision, recall))


# ---------------------------------------------------------------- shingles


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """The set of ``size``-token shingles of ``text``.

    A text shorter than ``size`` tokens (but not empty) is one shingle of all
    its tokens, so a very short expected body still counts.
    """
    toks = tokens(text)
    if not toks:
        return set()
    if len(toks) < size:
        return {tuple(toks)}
    return {tuple(toks[i:i + size]) for i in range(len(toks) - size + 1)}


def shingle_precision_recall(expected: str | None, predicted: str | None) -> tuple[float, float]:
    """One page's shingle-set precision and recall.

    Both empty: a perfect (1, 1). Nothing in common (including one side
    empty): (0, 0).
    """
    truth, pred = shingles(expected), shingles(predicted)
    if not truth and not pred:
        return 1.0, 1.0
    common = len(truth & pred)
    if not common:
        return 0.0, 0.0
    return common / len(pred), common / len(truth)


def shingle_totals(pairs: Iterable[tuple[float, float]]) -> Scores:
    """Average per-page precision and recall; F1 of the two averages."""
    pairs = list(pairs)
    if not pairs:
        return Scores(0.0, 0.0, 0.0)
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    return Scores(precision, recall, f1(precision, recall))
