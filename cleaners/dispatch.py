"""Which phrase families could match a line: one cheap look-up for all of them.

Most lines of a page are no chrome phrase of any family, yet every family
has hundreds of templates. Each template therefore gets one *key*, a
necessary condition a folded line must meet before its regex can match:

- it opens with a literal word:      the line's first word is that word
  (``"view all comments"``: first word ``view``), or starts with it when a
  field is glued on (``"©{credit}"``);
- else it closes with one:           the line's last word is that word
  (``"{minutes} min read"``: ``read``), or ends with it (``"*/getty images"``,
  and ``"* says"``: after ``*`` the space is optional);
- else:                              the line contains its longest stretch of
  literal words (``"* il y a un *"``: ``il y a un``), and opens with a digit
  if the template opens with a number field; with no literal at all, any line.

A family is a candidate for a line when one of its templates' keys holds;
only candidates run their regexes. The keys are necessary, never
sufficient, so the answer is exactly what trying every family would give.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

_FIELD = re.compile(r"\{(\w+)\}|\*|\s+")
NUMERIC_FIELDS = frozenset({"count", "minutes"})
_NONE: frozenset[str] = frozenset()

# Case-insensitive comparison as re.IGNORECASE makes it, per character.
# str.lower() alone misses the pairs re also equates (CPython's
# re/_casefix.py: dotless i, long s, Greek symbol forms, final sigma) and
# turns "İ" into two characters; these map them first.
_BEFORE_LOWER = str.maketrans({
    "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u00b5": "\u03bc", "\u0345": "\u03b9", "\u1fbe": "\u03b9",
    "\u1fd3": "\u0390", "\u1fe3": "\u03b0", "\u03d0": "\u03b2", "\u03f5": "\u03b5", "\u03d1": "\u03b8",
    "\u03f0": "\u03ba", "\u03d6": "\u03c0", "\u03f1": "\u03c1", "\u03d5": "\u03c6", "\u1c80": "\u0432",
    "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441", "\u1c84": "\u0442", "\u1c85": "\u0442",
    "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b", "\u1e9b": "\u1e61", "\ufb05": "\ufb06",
})
_AFTER_LOWER = str.maketrans({"\u03c2": "\u03c3"})  # lower() picks final sigma by context
_SPECIAL = re.compile("[%s\u03a3\u03c2]" % re.escape("".join(chr(c) for c in _BEFORE_LOWER)))


def caseless(text: str) -> str:
    """``text`` with every character replaced by its re.IGNORECASE class representative."""
    if _SPECIAL.search(text) is None:  # nearly every line: translate() is slow
        return text.lower()
    return text.translate(_BEFORE_LOWER).lower().translate(_AFTER_LOWER)


def _elements(template: str) -> list[tuple[str, str]]:
    """A template as ``(kind, value)``: ``lit``, ``ws``, ``num`` / ``field`` (name), ``star``."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _FIELD.finditer(template):
        if m.start() > pos:
            out.append(("lit", template[pos:m.start()]))
        if m.group(1):
            out.append(("num" if m.group(1) in NUMERIC_FIELDS else "field", m.group(1)))
        else:
            out.append(("star" if m.group(0) == "*" else "ws", m.group(0)))
        pos = m.end()
    if pos < len(template):
        out.append(("lit", template[pos:]))
    return out


def _longest_run(parts: list[tuple[str, str]]) -> str:
    """The longest stretch of literal words a matching line must contain verbatim.

    Words joined by white space count together ("il y a un"); a space after
    ``*`` is optional (``\\s*``) and so is no part of the stretch.
    """
    runs: list[str] = []
    current = ""
    for k, (kind, value) in enumerate(parts):
        if kind == "lit":
            current += value
        elif kind == "ws" and (current or (k > 0 and parts[k - 1][0] != "star")):
            current += " "
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    return caseless(max(runs, key=len))


def template_key(template: str) -> tuple[str, str]:
    """The necessary condition of one template (see the module docstring)."""
    parts = _elements(template)
    if not parts:
        return ("any", "")
    kind, value = parts[0]
    if kind == "lit":
        whole = len(parts) == 1 or parts[1][0] == "ws"  # a space follows: a whole word
        return ("first" if whole else "prefix", caseless(value))
    kind, value = parts[-1]
    if kind == "lit":
        # After "*" a space is optional ("* says" matches "Ramsays"): a suffix only.
        whole = parts[-2][0] == "ws" and (len(parts) < 3 or parts[-3][0] != "star")
        return ("last" if whole else "suffix", caseless(value))
    run = _longest_run(parts)
    if parts[0][0] == "num":
        return ("digit", run)
    return ("contains", run) if run.strip() else ("any", "")


def single_words(templates: Iterable[str]) -> frozenset[str] | None:
    """The words (caseless) that a space-free line must be to match one of ``templates``.

    None when a template with a field or ``*`` could match such a line too
    (``"©{credit}"``); a template with a required space (``"share {count}"``,
    ``"photo: *"``) never can.
    """
    words: set[str] = set()
    for template in templates:
        parts = _elements(template)
        if len(parts) == 1 and parts[0][0] == "lit":
            words.add(caseless(parts[0][1]))
        elif not any(kind == "ws" and (k == 0 or parts[k - 1][0] != "star") for k, (kind, _) in enumerate(parts)):
            return None
    return frozenset(words)


_Edge = tuple[tuple[str, ...], tuple[tuple[str, frozenset[str]], ...]]


def _by_edge(keyed: dict[str, set[str]], edge: int) -> dict[str, _Edge]:
    """Keys grouped by their first (``edge`` 0) or last (-1) character: the
    group's keys as a tuple (one str.startswith / endswith call says whether
    any fits, in C) and each key with its families."""
    grouped: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for key, families in sorted(keyed.items()):
        grouped.setdefault(key[edge], []).append((key, frozenset(families)))
    return {char: (tuple(k for k, _ in pairs), tuple(pairs)) for char, pairs in grouped.items()}


class Dispatch:
    """For a folded line, the families whose templates could match it."""

    def __init__(self, families: dict[str, Iterable[str]]) -> None:
        keyed: dict[str, dict[str, set[str]]] = {}
        for family, templates in families.items():
            for template in templates:
                kind, value = template_key(template)
                keyed.setdefault(kind, {}).setdefault(value, set()).add(family)
        self._first = {k: frozenset(f) for k, f in keyed.get("first", {}).items()}
        self._last = {k: frozenset(f) for k, f in keyed.get("last", {}).items()}
        self._any = frozenset().union(*keyed.get("any", {}).values())
        # Prefixes, suffixes: grouped by the character they open or close
        # with, so a line tries only those its own first or last character allows.
        self._prefix = _by_edge(keyed.get("prefix", {}), 0)
        self._suffix = _by_edge(keyed.get("suffix", {}), -1)
        # Stretches inside the line: looked for in all lines at once (few lines hold one).
        self._contains = sorted((k, frozenset(f)) for k, f in keyed.get("contains", {}).items())
        # A line holds a stretch when it holds one of these ("vor einem " holds "vor ").
        self._gates = tuple(k for k, _ in self._contains if not any(g != k and g in k for g, _ in self._contains))
        self._digit = sorted((k, frozenset(f)) for k, f in keyed.get("digit", {}).items())

    def candidates(self, folded: str) -> frozenset[str]:
        """Families that may match ``folded`` (a ``fold``-ed, non-empty line)."""
        return self.candidates_each([folded])[0]

    def candidates_each(self, folded: Sequence[str]) -> list[frozenset[str]]:
        """``candidates`` of each of ``folded`` (a document's lines: one pass for the stretches)."""
        lows = [f.lower() if f.isascii() else caseless(f) for f in folded]
        stretched = self._stretched(lows)
        first, last, prefix, suffix, digit = self._first, self._last, self._prefix, self._suffix, self._digit
        out: list[frozenset[str]] = []
        # One loop, look-ups inline: this runs for every short line of a page.
        for i, low in enumerate(lows):
            found = first.get(low.partition(" ")[0], _NONE)
            more = last.get(low.rpartition(" ")[2])
            if more is not None:
                found = found | more
            edge = prefix.get(low[0])
            if edge is not None and low.startswith(edge[0]):
                found = found.union(*(f for k, f in edge[1] if low.startswith(k)))
            edge = suffix.get(low[-1])
            if edge is not None and low.endswith(edge[0]):
                found = found.union(*(f for k, f in edge[1] if low.endswith(k)))
            if i in stretched:
                found = found.union(*(f for k, f in self._contains if k in low))
            if digit and low[0].isdigit():
                found = found.union(*(f for k, f in digit if k in low))
            out.append(found | self._any if self._any else found)
        return out

    def _stretched(self, lows: list[str]) -> set[int]:
        """Positions in ``lows`` of the lines holding a ``contains`` stretch.

        One ``str.find`` pass per stretch over the lines joined, instead of
        a regex search of every line (stretches hold no line break).
        """
        if len(lows) == 1:  # a part of a line, asked about alone: no join
            return {0} if any(map(lows[0].__contains__, self._gates)) else set()
        joined = "\n".join(lows)
        starts = list(accumulate((len(low) + 1 for low in lows), initial=0))
        found: set[int] = set()
        for key in self._gates:
            at = joined.find(key)
            while at >= 0:
                line = bisect_right(starts, at) - 1
                found.add(line)
                at = joined.find(key, starts[line + 1])
        return found
