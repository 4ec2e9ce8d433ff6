"""URL slugs: the words of a page's address that name its headline.

``https://example.org/2024/03/05/budget-passes-after-all-night-debate``
names "Budget Passes After All-Night Debate". Both sides are folded alike
(lower case, ASCII, "ß" as "ss", umlauts spelled out or not) before their
words are compared. ``headlines.py`` takes the line a slug names as the
title of a text capture.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple
from urllib.parse import urlsplit

# A line is the headline a slug names when it shares this many of the
# slug's words, this share of them, and is mostly made of them.
SLUG_MIN_WORDS = 3
SLUG_SHARE = 0.6
SLUG_LINE_SHARE = 0.5
# A slug shorter than its headline ("weekend-borgo-san-vitale" for "Weekend a
# Borgo San Vitale: cosa vedere e dove mangiare"): every slug word, and at
# least this share of the line's words (not a dek sentence that holds them all).
SLUG_COVER_LINE_SHARE = 1 / 3
_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")
# Letters NFKD does not take apart, as slugs spell them ("ß" -> "ss"); umlauts
# spelled out ("fuer" for "für") are ``_DIGRAPHS``.
_SPELLED = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d"}
_DIGRAPHS = re.compile(r"([aou])e")


class Slug(NamedTuple):
    """A URL's slug: its words, folded as the lines they are compared with will be."""

    words: frozenset[str]
    digraphs: bool  # the slug spells an umlaut out ("plaene"): lines fold theirs alike

    def fold(self, text: str) -> str:
        """``text`` folded as the slug's words are."""
        return slug_folded(text, self.digraphs)

    def names(self, text: str) -> bool:
        """``text`` (a line, not folded) is the headline the slug names."""
        return names_slug(self.fold(text), self.words)

    def covered_by(self, text: str) -> bool:
        """``text`` (a line, not folded) holds every word of the slug, which is a good part of it."""
        words = set(_slug_tokens(self.fold(text)))
        return self.words <= words and len(self.words) >= SLUG_COVER_LINE_SHARE * len(words)

    def held(self, text: str) -> frozenset[str]:
        """The slug's words that ``text`` (a line, not folded) holds."""
        return self.words.intersection(_slug_tokens(self.fold(text)))


def slug_folded(text: str, digraphs: bool = False) -> str:
    """``text`` in lower-case ASCII, accents folded ("Große Pläne" gives
    "grosse plane"); with ``digraphs``, umlauts spelled out fold alike
    ("plaene" gives "plane"; only needed when the slug spells one)."""
    text = text.lower()
    if not text.isascii():
        for char, spelled in _SPELLED.items():  # (translate() would copy the text char by char)
            if char in text:
                text = text.replace(char, spelled)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _DIGRAPHS.sub(r"\1", text) if digraphs else text


def _slug_tokens(text: str) -> list[str]:
    """The words of a ``slug_folded`` text, numbers left out."""
    return [w for w in _SLUG_SPLIT.split(text) if w and not w.isdigit()]


def slug_of(url: str | None) -> Slug | None:
    """The slug of the URL: its longest path segment of several words (None: no such segment)."""
    try:
        path = urlsplit(url).path if url else ""
    except ValueError:  # "http://[::1": no address to read a slug from
        return None
    segments = [_slug_tokens(slug_folded(seg.rsplit(".", 1)[0])) for seg in path.split("/")]
    best = max(segments, key=len, default=[])
    if len(best) < SLUG_MIN_WORDS:
        return None
    if any(_DIGRAPHS.search(w) for w in best):
        return Slug(frozenset(_DIGRAPHS.sub(r"\1", w) for w in best), True)
    return Slug(frozenset(best), False)


def slug_lines(lines: list[str], slug: Slug, common: frozenset[str]) -> list[int]:
    """Positions of the ``lines`` that name the slug: made mostly of its
    words, and of most of them. Substring searches over all lines at once
    find those holding enough of its words; only these are split into words."""
    folded = slug.fold("\n".join(lines))
    words = slug.words
    # A line naming the slug holds enough of its words, and so enough of its
    # rare ones: those are looked for (short and common words hit every line).
    rare = [w for w in words if len(w) > 3 and w not in common] or list(words)
    needed = max(1, SLUG_MIN_WORDS - (len(words) - len(rare)))
    found: dict[int, set[str]] = {}  # line start -> slug words in it
    for word in rare:  # one str.find a line that holds the word, in the text at once
        at = folded.find(word)
        while at >= 0:
            start = folded.rfind("\n", 0, at) + 1
            found.setdefault(start, set()).add(word)
            end = folded.find("\n", at)
            at = folded.find(word, end) if end >= 0 else -1
    named = []
    for start, held in sorted(found.items()):
        end = folded.find("\n", start)
        if len(held) >= needed and names_slug(folded[start:end if end >= 0 else None], words):
            named.append(folded.count("\n", 0, start))
    return named


def names_slug(folded: str, slug: frozenset[str]) -> bool:
    """A ``slug_folded`` line made mostly of the slug's words, and of most of them."""
    words = _slug_tokens(folded)
    shared = slug.intersection(words)
    return (
        len(shared) >= SLUG_MIN_WORDS
        and len(shared) >= SLUG_SHARE * len(slug)
        and len(shared) >= SLUG_LINE_SHARE * len(set(words))
    )
