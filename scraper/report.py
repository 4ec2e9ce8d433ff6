"""The HTML report of a fixtures check: one self-contained page.

Inline CSS only, no scripts, no external assets (a Content-Security-Policy
meta forbids loading any), so the page can be attached to a CI run and opened
anywhere. Every piece of page text goes through :func:`html.escape`: captures
are untrusted web pages and may hold markup of their own.

Per changed fixture: the changed fields, the paragraphs side by side
(expected | actual, aligned so unchanged paragraphs share a row), the removed
blocks of each side with the cleaner that removed them, and the unified diff.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from .fixture_diff import SHOWN_ELSEWHERE, short
from .fixtures import CHANGED, ERROR, PASSED, FixtureResult, summary, write_atomic

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1em 2em; color: #1d1d1f; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1.2em 0 .4em; }
.summary { font-weight: 600; font-size: 1.1em; }
.status { display: inline-block; padding: 0 .5em; border-radius: 3px; font-size: .8em; font-weight: 600; }
.status.passed { background: #d6f5d6; } .status.changed { background: #ffe0b3; } .status.error { background: #ffc9c9; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ddd; padding: .3em .5em; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
th { background: #f4f4f4; }
td.del { background: #ffecec; } td.ins { background: #eaffea; } td.none { background: #fafafa; }
tr.same td { color: #555; } tr.fold td { color: #888; font-style: italic; text-align: center; background: #fafafa; }
ul.removed { list-style: none; padding: 0; margin: 0; } ul.removed li { margin: .2em 0; padding: .1em .3em; }
ul.removed li.gone { background: #ffecec; } ul.removed li.added { background: #eaffea; }
.cleaner { font: .8em monospace; background: #e8e8ff; border-radius: 3px; padding: 0 .4em; margin-inline-start: .4em; }
.reason { color: #666; font-size: .85em; margin-inline-start: .3em; }
pre.diff { background: #f8f8f8; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
pre.diff .d { color: #b00; } pre.diff .a { color: #070; } pre.diff .h { color: #07a; }
.message { color: #900; }
"""
# Unchanged paragraphs shown beside each change in the side-by-side view.
CONTEXT = 1
# No loads of any kind: the report must be readable offline and leak nothing.
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def anchor(name: str) -> str:
    """The element id of a fixture's section (names are already a safe charset)."""
    return "fixture-" + re.sub(r"[^A-Za-z0-9_-]", "_", name)


def _status(status: str) -> str:
    return f'<span class="status {_e(status)}">{_e(status)}</span>'


def _fields_table(result: FixtureResult) -> str:
    rows = []
    for change in result.changes:
        if change.field in SHOWN_ELSEWHERE:
            old = new = "(see below)"
        else:
            old, new = short(change.expected, 400), short(change.actual, 400)
        rows.append(f'<tr><th scope="row">{_e(change.field)}</th><td class="del">{_e(old)}</td><td class="ins">{_e(new)}</td></tr>')
    return (
        '<h3>Fields changed</h3><table class="fields"><colgroup><col style="width:14em"><col><col></colgroup>'
        "<tr><th>field</th><th>expected</th><th>actual</th></tr>" + "".join(rows) + "</table>"
    )


def _cell(text: str | None, css: str) -> str:
    if text is None:
        return '<td class="none"></td>'
    return f'<td class="{css}" dir="auto">{_e(text)}</td>'


def _unchanged_rows(texts: Sequence[str], first: bool, last: bool) -> Iterable[str]:
    """Unchanged paragraphs: only CONTEXT rows next to a change, the rest folded into one row."""
    head = [] if first else list(texts[:CONTEXT])
    tail = [] if last else list(texts[len(head):][-CONTEXT:])
    hidden = len(texts) - len(head) - len(tail)
    if hidden <= 1:  # folding a single row saves nothing
        head, tail, hidden = list(texts), [], 0
    for text in head:
        yield f'<tr class="same">{_cell(text, "same")}{_cell(text, "same")}</tr>'
    if hidden:
        label = f"… {hidden} unchanged paragraph{'s' if hidden != 1 else ''} …"
        yield f'<tr class="fold"><td colspan="2">{_e(label)}</td></tr>'
    for text in tail:
        yield f'<tr class="same">{_cell(text, "same")}{_cell(text, "same")}</tr>'


def _paragraph_rows(expected: Sequence[str], actual: Sequence[str]) -> Iterable[str]:
    """Rows of the side-by-side view: equal paragraphs share a row, changes face each other."""
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    opcodes = matcher.get_opcodes()
    for number, (op, a0, a1, b0, b1) in enumerate(opcodes):
        if op == "equal":
            yield from _unchanged_rows(expected[a0:a1], first=number == 0, last=number == len(opcodes) - 1)
            continue
        left, right = list(expected[a0:a1]), list(actual[b0:b1])
        for i in range(max(len(left), len(right))):
            old = left[i] if i < len(left) else None
            new = right[i] if i < len(right) else None
            yield f'<tr class="{_e(op)}">{_cell(old, "del")}{_cell(new, "ins")}</tr>'


def _body(data: dict[str, Any] | None) -> list[str]:
    """Paragraphs of one side; an error outcome shows as its one line."""
    if data is None:
        return []
    if "error" in data:
        return [f"[error: {data['error']}]"]
    return [str(p) for p in data.get("paragraphs") or []]


def _side_by_side(result: FixtureResult) -> str:
    expected, actual = result.expected or {}, result.actual or {}
    old_title, new_title = expected.get("title"), actual.get("title")
    css = ("same", "same") if old_title == new_title else ("del", "ins")
    titles = f'<tr class="title">{_cell(old_title, css[0])}{_cell(new_title, css[1])}</tr>'
    rows = "".join(_paragraph_rows(_body(result.expected), _body(result.actual)))
    return (
        '<h3>Paragraphs, side by side</h3><table class="side-by-side">'
        '<tr><th>expected</th><th>actual</th></tr>' + titles + rows + "</table>"
    )


def _removed_list(items: list[dict[str, Any]], marked: set[tuple[str, str, str]], css: str) -> str:
    if not items:
        return "<p>(none)</p>"
    lis = []
    for item in items:
        key = (item.get("text", ""), item.get("cleaner", ""), item.get("reason", ""))
        cls = f' class="{css}"' if key in marked else ""
        lis.append(
            f'<li{cls}><span dir="auto">{_e(item.get("text"))}</span>'
            f'<span class="cleaner" title="removed by">{_e(item.get("cleaner"))}</span>'
            f'<span class="reason">{_e(item.get("reason"))}</span></li>'
        )
    return '<ul class="removed">' + "".join(lis) + "</ul>"


def _removed(result: FixtureResult) -> str:
    gone = {(c.text, c.expected_cleaner or "", c.expected_reason) for c in result.removed_changes if c.expected_cleaner}
    added = {(c.text, c.actual_cleaner or "", c.reason) for c in result.removed_changes if c.actual_cleaner}
    old = list((result.expected or {}).get("removed") or [])
    new = list((result.actual or {}).get("removed") or [])
    return (
        "<h3>Removed blocks (with the cleaner that removed them)</h3>"
        '<table class="removed-blocks"><tr><th>expected</th><th>actual</th></tr>'
        f"<tr><td>{_removed_list(old, gone, 'gone')}</td><td>{_removed_list(new, added, 'added')}</td></tr></table>"
    )


def _diff(result: FixtureResult) -> str:
    if not result.diff:
        return ""
    lines = []
    for line in result.diff.splitlines():
        css = "h" if line.startswith(("@@", "---", "+++")) else "d" if line.startswith("-") else "a" if line.startswith("+") else ""
        lines.append(f'<span class="{css}">{_e(line)}</span>' if css else _e(line))
    return '<h3>Unified diff of the paragraphs</h3><pre class="diff">' + "\n".join(lines) + "</pre>"


def _section(result: FixtureResult) -> str:
    head = f'<section class="fixture {_e(result.status)}" id="{anchor(result.name)}"><h2>{_e(result.name)} {_status(result.status)}</h2>'
    if result.status == ERROR:
        return head + f'<p class="message">{_e(result.message)}</p></section>'
    return head + _fields_table(result) + _side_by_side(result) + _removed(result) + _diff(result) + "</section>"


def _index(results: Sequence[FixtureResult]) -> str:
    items = []
    for r in results:
        if r.status == PASSED:
            continue
        fields = f" — {_e(', '.join(r.fields))}" if r.status == CHANGED else f" — {_e(r.message)}"
        items.append(f'<li><a href="#{anchor(r.name)}">{_e(r.name)}</a> {_status(r.status)}{fields}</li>')
    passed = [r.name for r in results if r.status == PASSED]
    listing = f'<ul class="index">{"".join(items)}</ul>' if items else "<p>No fixture changed.</p>"
    passed_html = (
        f"<details><summary>{len(passed)} passed</summary><p>{_e(', '.join(passed))}</p></details>" if passed else ""
    )
    return listing + passed_html


def render_report(results: Sequence[FixtureResult], title: str = "Fixtures check") -> str:
    """The whole report page as one HTML string."""
    sections = "".join(_section(r) for r in results if r.status != PASSED)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1>"
        f'<p class="summary" id="summary">{_e(summary(results))}</p>'
        f"{_index(results)}{sections}</body></html>\n"
    )


def write_report(results: Sequence[FixtureResult], path: str | Path, title: str = "Fixtures check") -> None:
    """Write the report to ``path`` (atomically, like every fixture file)."""
    write_atomic(Path(path), render_report(results, title))
