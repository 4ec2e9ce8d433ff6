"""Train the block classifier of our own extraction (writes scraper/models/blocks.json).

    python -m benchmarks.train_blocks                 # dev corpus at ../shared/corpus
    python -m benchmarks.train_blocks --corpus PATH --check-halves

Labels come from the HTML side only, never from the scoring snippets: a DOM
block is body text when its lines are in what the trafilatura path
(``html.trafilatura_blocks``: trafilatura plus lead recovery) keeps for that
page. The model learns to reproduce that stage from the page's structure at
a fraction of its cost. ``--check-halves`` also trains on odd pages and
reports block agreement on even pages, and the reverse, before training the
shipped model on all pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from scraper.block_features import block_lengths, stage1, stage2
from scraper.block_model import MODEL_PATH, Stage, export_stage
from scraper.dom_blocks import DomPage, page_blocks
from scraper.html import DATE_OPTIONS, parse_html, trafilatura_blocks
from scraper.metadata import declared_metadata, page_meta

from .corpora import DevCorpus

# Boosting settings: small trees so inference stays a few numpy steps.
ITERATIONS = 100
MAX_DEPTH = 5
LEARNING_RATE = 0.15
FOLDS = 4
THRESHOLD = 0.5
# A block of this many characters or more counts when it occurs anywhere in the teacher's text.
SUBSTRING_CHARS = 40


class Example:
    """One page's blocks: stage-one features, lengths, labels."""

    def __init__(self, page: DomPage, features: np.ndarray, labels: np.ndarray) -> None:
        self.page = page
        self.features = features
        self.labels = labels
        self.lengths = block_lengths(page)


def labels(page: DomPage, teacher: tuple[str, ...]) -> np.ndarray:
    """1 for blocks whose lines (or table cells) the teacher kept, by characters."""
    atoms: set[str] = set()
    for text in teacher:
        for line in text.split("\n"):
            atoms.add(line)
            atoms.update(line.split(" | "))
    joined = "\n".join(teacher)

    def kept(line: str) -> bool:
        return line in atoms or (len(line) >= SUBSTRING_CHARS and line in joined)

    out = []
    for block in page.blocks:
        covered = sum(len(x) for x in block.lines if kept(x))
        out.append(kept(block.text) or covered >= 0.5 * sum(len(x) for x in block.lines))
    return np.array(out, dtype=np.int64)


def example(html: str, url: str | None) -> Example | None:
    tree = parse_html(html)
    if tree is None:
        return None
    meta = page_meta(declared_metadata(tree, url, DATE_OPTIONS), tree, url)
    page = page_blocks(tree)
    if not page.blocks:
        return None
    teacher = tuple(b.text for b in trafilatura_blocks(tree, url, meta.description))
    return Example(page, stage1(page, meta.title), labels(page, teacher))


def _classifier() -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=ITERATIONS, max_depth=MAX_DEPTH, learning_rate=LEARNING_RATE,
                                          random_state=0)


def _stage2_matrix(examples: list[Example], first: np.ndarray) -> np.ndarray:
    rows, at = [], 0
    for ex in examples:
        n = len(ex.labels)
        rows.append(np.hstack([ex.features, stage2(ex.page, first[at:at + n], ex.lengths)]))
        at += n
    return np.vstack(rows)


def train(examples: list[Example]) -> tuple[Any, Any]:
    """Stage one; stage two on stage one's out-of-fold probabilities."""
    from sklearn.model_selection import GroupKFold

    x = np.vstack([ex.features for ex in examples])
    y = np.concatenate([ex.labels for ex in examples])
    groups = np.concatenate([np.full(len(ex.labels), i) for i, ex in enumerate(examples)])
    out_of_fold = np.zeros(len(y))
    for fit, held in GroupKFold(FOLDS).split(x, y, groups):
        out_of_fold[held] = _classifier().fit(x[fit], y[fit]).predict_proba(x[held])[:, 1]
    first = _classifier().fit(x, y)
    second = _classifier().fit(_stage2_matrix(examples, out_of_fold), y)
    return first, second


def predict(first: Any, second: Any, ex: Example) -> np.ndarray:
    p1 = first.predict_proba(ex.features)[:, 1]
    return second.predict_proba(np.hstack([ex.features, stage2(ex.page, p1, ex.lengths)]))[:, 1]


def check_halves(examples: list[Example]) -> None:
    """Train on one half of the pages, report character-weighted agreement on the other."""
    halves = (examples[1::2], examples[0::2])
    for name, (fit, held) in zip(("odd->even", "even->odd"), (halves, halves[::-1])):
        first, second = train(fit)
        tp = fp = fn = 0.0
        for ex in held:
            keep = predict(first, second, ex) > THRESHOLD
            tp += ex.lengths[keep & (ex.labels == 1)].sum()
            fp += ex.lengths[keep & (ex.labels == 0)].sum()
            fn += ex.lengths[~keep & (ex.labels == 1)].sum()
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"{name}: characters agreeing with the teacher P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=None, help="dev corpus folder (default ../shared/corpus)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--check-halves", action="store_true")
    parser.add_argument("--out", default=str(MODEL_PATH))
    args = parser.parse_args(argv)
    try:
        pages = DevCorpus(args.corpus).pages(html=True, text=False, limit=args.limit)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    examples = [ex for ex in (example(p.html, p.url) for p in pages if p.html) if ex is not None]
    print(f"{len(examples)} pages, {sum(len(ex.labels) for ex in examples)} blocks")
    if args.check_halves:
        check_halves(examples)
    first, second = train(examples)
    probe = examples[:1]
    model = {
        "first": export_stage(first, probe[0].features.shape[1]),
        "second": export_stage(second, _stage2_matrix(probe, np.zeros(len(probe[0].labels))).shape[1]),
        "threshold": THRESHOLD,
        "trained": {"pages": len(examples), "iterations": ITERATIONS, "max_depth": MAX_DEPTH,
                    "teacher": "trafilatura path (html.trafilatura_blocks)"},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    Stage.from_json(model["first"])  # loads back
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
