"""How a fixture's output differs from its expected.json, and how to say it.

Kept apart from ``scraper.fixtures`` (storage) and ``scraper.report`` (HTML):
the same comparison feeds the CLI text, the pytest failure message and the
HTML report, so all three always tell the same story.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fixtures import FixtureResult

# Fields whose change is shown by the paragraph diff / removal list instead
# of printing both (long) values.
SHOWN_ELSEWHERE = frozenset({"paragraphs", "text", "removed"})
# Longest value printed for one changed field on the terminal.
MAX_VALUE_CHARS = 160
# Lines of context around each changed paragraph in the unified diff.
DIFF_CONTEXT = 1


@dataclass(frozen=True)
class FieldChange:
    """One top-level field whose value differs (``None`` side: field absent)."""

    field: str
    expected: Any
    actual: Any


@dataclass(frozen=True)
class RemovedChange:
    """A removed block that appeared, disappeared or changed cleaner.

    ``expected_cleaner`` None: newly removed; ``actual_cleaner`` None: no
    longer removed (it is back in the body, or gone from the capture).
    """

    text: str
    expected_cleaner: str | None
    actual_cleaner: str | None
    reason: str = ""  # the actual reason (empty when no longer removed)
    expected_reason: str = ""

    @property
    def kind(self) -> str:
        """``added``, ``gone``, ``moved`` (another cleaner now) or ``reason`` (same cleaner, new reason)."""
        if self.expected_cleaner is None:
            return "added"
        if self.actual_cleaner is None:
            return "gone"
        return "moved" if self.expected_cleaner != self.actual_cleaner else "reason"


def _outcome(data: dict[str, Any]) -> str:
    return f"error: {data['error']}" if "error" in data else "article"


def field_changes(expected: dict[str, Any], actual: dict[str, Any]) -> list[FieldChange]:
    """Top-level fields that differ, in the article's field order.

    An error outcome on either side is one change, ``outcome``, rather than
    every article field listed against nothing.
    """
    if "error" in expected or "error" in actual:
        changes = [FieldChange("outcome", _outcome(expected), _outcome(actual))]
        return changes if changes[0].expected != changes[0].actual else []
    keys = list(dict.fromkeys([*actual, *expected]))
    return [FieldChange(k, expected.get(k), actual.get(k)) for k in keys if expected.get(k) != actual.get(k)]


def paragraph_diff(name: str, expected: dict[str, Any], actual: dict[str, Any]) -> str:
    """Unified diff of the paragraphs (``-`` expected only, ``+`` new), one paragraph a line."""
    lines = difflib.unified_diff(
        list(expected.get("paragraphs") or []),
        list(actual.get("paragraphs") or []),
        fromfile=f"{name}/expected.json",
        tofile=f"{name} (actual)",
        n=DIFF_CONTEXT,
        lineterm="",
    )
    return "\n".join(lines)


def removed_changes(expected: dict[str, Any], actual: dict[str, Any]) -> list[RemovedChange]:
    """Removed blocks that differ: newly removed, no longer removed, or same text with another cleaner or reason."""
    def triples(data: dict[str, Any]) -> Counter[tuple[str, str, str]]:
        return Counter((r["text"], r["cleaner"], r.get("reason", "")) for r in data.get("removed") or [])

    old, new = triples(expected), triples(actual)
    gone = list((old - new).elements())
    changes: list[RemovedChange] = []
    for text, cleaner, reason in (new - old).elements():
        # the same block in both: prefer the pairing that kept the cleaner (only the reason moved)
        candidates = [g for g in gone if g[0] == text]
        previous = next((g for g in candidates if g[1] == cleaner), candidates[0] if candidates else None)
        if previous is not None:
            gone.remove(previous)
        changes.append(
            RemovedChange(text, previous[1] if previous else None, cleaner, reason, previous[2] if previous else "")
        )
    changes.extend(RemovedChange(text, cleaner, None, "", reason) for text, cleaner, reason in gone)
    return changes


def compare(
    name: str, expected: dict[str, Any], actual: dict[str, Any]
) -> tuple[tuple[FieldChange, ...], str, tuple[RemovedChange, ...]]:
    """Field changes, paragraph diff and removal changes between two outputs."""
    return (
        tuple(field_changes(expected, actual)),
        paragraph_diff(name, expected, actual),
        tuple(removed_changes(expected, actual)),
    )


def short(value: Any, limit: int = MAX_VALUE_CHARS) -> str:
    """A value as compact JSON, cut to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _removed_line(change: RemovedChange) -> str:
    text = short(change.text, 100)
    if change.kind == "added":
        return f"    + {text} now removed by {change.actual_cleaner}"
    if change.kind == "gone":
        return f"    - {text} no longer removed (was: {change.expected_cleaner})"
    if change.kind == "reason":
        return f"    ~ {text} {change.actual_cleaner} reason now {short(change.reason, 80)} (was: {short(change.expected_reason, 80)})"
    return f"    ~ {text} now removed by {change.actual_cleaner} (was: {change.expected_cleaner})"


def describe_result(result: FixtureResult) -> str:
    """The terminal / pytest text for one result; passed fixtures are one line."""
    if result.status == "passed":
        return f"PASSED {result.name}"
    if result.status == "error":
        return f"ERROR {result.name}: {result.message}"
    lines = [f"CHANGED {result.name}", f"  fields changed: {', '.join(result.fields)}"]
    for change in result.changes:
        if change.field not in SHOWN_ELSEWHERE:
            lines.append(f"  {change.field}: {short(change.expected)} -> {short(change.actual)}")
    if result.removed_changes:
        lines.append("  removed blocks:")
        lines.extend(_removed_line(c) for c in result.removed_changes)
    if result.diff:
        lines.append("  paragraphs (unified diff, - expected, + actual):")
        lines.extend(f"    {line}" for line in result.diff.splitlines())
    return "\n".join(lines)
