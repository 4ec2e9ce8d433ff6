"""The block classifier: two stages of boosted trees, shipped as data.

``models/blocks.json`` holds gradient-boosted trees trained by
``benchmarks/train_blocks.py`` (labels from the HTML side only: what our
trafilatura-based extraction kept). Each stage is a sum of small trees over
the feature columns of ``block_features``; a block's probability of being
body text is the logistic of that sum. Trees are evaluated for all blocks at
once with numpy, one tree level per step.

The model is read once per process into read-only arrays (no state changes
after loading), so threads and processes can share it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

MODEL_PATH = Path(__file__).with_name("models") / "blocks.json"


class Stage(NamedTuple):
    """One boosted ensemble as complete binary trees of one depth.

    sklearn's trees end at leaves of any depth; each is stored here as a
    complete tree whose nodes below an early leaf always go left (threshold
    +inf) to a copy of its value. Every block then takes exactly ``depth``
    steps, so all trees and blocks advance together in a few numpy gathers.
    """

    baseline: float
    feature: np.ndarray  # (trees, 2**depth - 1) column tested at each inner node
    threshold: np.ndarray  # go right when the value is above it
    value: np.ndarray  # (trees, 2**depth) leaf values
    depth: int
    columns: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Stage:
        depth = int(data["depth"])
        trees = len(data["feature"])
        inner = 2**depth - 1
        feature = np.zeros((trees, inner), dtype=np.int64)
        threshold = np.full((trees, inner), np.inf)
        value = np.zeros((trees, inner + 1))
        for t in range(trees):
            stack = [(0, 0)]  # (sklearn node, position in the complete tree)
            while stack:
                node, pos = stack.pop()
                if data["leaf"][t][node]:
                    while pos < inner:  # the left-most leaf below: where +inf thresholds lead
                        pos = 2 * pos + 1
                    value[t, pos - inner] = data["value"][t][node]
                    continue
                feature[t, pos] = data["feature"][t][node]
                threshold[t, pos] = data["threshold"][t][node]
                stack += [(data["left"][t][node], 2 * pos + 1), (data["right"][t][node], 2 * pos + 2)]
        for array in (feature, threshold, value):
            array.setflags(write=False)
        return cls(float(data["baseline"]), feature, threshold, value, depth, int(data["columns"]))

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Raw score (log-odds) of each row of ``matrix``."""
        trees, inner = self.feature.shape
        blocks = matrix.shape[0]
        by_column = np.ascontiguousarray(matrix.T).ravel()  # column-major: one gather per step
        offsets = (np.arange(trees) * inner)[:, None]
        rows = np.arange(blocks)[None, :]
        node = np.zeros((trees, blocks), dtype=np.int64)
        feature, threshold = self.feature.ravel(), self.threshold.ravel()
        for _ in range(self.depth):
            at = offsets + node
            right = by_column.take(feature.take(at) * blocks + rows) > threshold.take(at)
            node = 2 * node + 1 + right
        leaves = (np.arange(trees) * (inner + 1))[:, None] + node - inner
        return self.baseline + self.value.ravel().take(leaves).sum(axis=0)

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        # A very negative score overflows exp() to inf: the probability is then
        # 0.0, which is right, and the RuntimeWarning would reach a caller's stderr.
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-self.scores(matrix)))


class BlockModel(NamedTuple):
    first: Stage
    second: Stage
    threshold: float  # keep a block when its stage-two probability is above this
    trained: dict[str, Any]  # how and on what it was trained (for the record)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> BlockModel:
    """The shipped model (read once; immutable afterwards)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return BlockModel(Stage.from_json(data["first"]), Stage.from_json(data["second"]),
                      float(data["threshold"]), data.get("trained", {}))


def export_stage(classifier: Any, columns: int) -> dict[str, Any]:
    """A fitted sklearn HistGradientBoostingClassifier (binary) as Stage JSON.

    Training-time only (reads sklearn's fitted predictors)."""
    trees = [predictors[0].nodes for predictors in classifier._predictors]  # noqa: SLF001 - no public export
    width = max(len(t) for t in trees)

    def padded(field: str, fill: float) -> list[list[Any]]:
        return [list(t[field].tolist()) + [fill] * (width - len(t)) for t in trees]

    return {
        "baseline": float(np.ravel(classifier._baseline_prediction)[0]),  # noqa: SLF001
        "feature": padded("feature_idx", 0),
        "threshold": padded("num_threshold", 0.0),
        "left": padded("left", 0),
        "right": padded("right", 0),
        "leaf": [[bool(x) for x in row] for row in padded("is_leaf", 1)],
        "value": padded("value", 0.0),
        "depth": int(max(t["depth"].max() for t in trees)),
        "columns": columns,
    }
