"""Keywords: words that give a sentence away as chrome, found anywhere in it.

The phrase tables' ``keywords`` lists (``"newsletter*"``, ``"affiliate
link*"``, ``"©"``) name what a cookie notice, a newsletter pitch or an
author's bio says somewhere in a sentence, where no whole-line template can
reach. ``PhraseBook.keywords`` compiles them once per set of lists searched
together, of the page's language and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ANCHOR_CHARS", "Keywords"]


def _keyword(word: str) -> str:
    """One keyword's regex, from a word start."""
    stem = word[:-1] if word.endswith("*") else word
    end = r"\w*" if word.endswith("*") else (r"\b" if stem[-1:].isalnum() else "")
    return re.escape(stem) + end


# Letters of scripts written without spaces between words (Chinese, Japanese):
# "ためにCookieを使用" has no word start before "Cookie", so a keyword holding
# one is looked for as plain text, like a mark.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _plain(word: str) -> bool:
    """``word`` is looked for as plain text: a mark ("©") or a keyword of an unspaced script."""
    return not word[:1].isalnum() or _UNSPACED.search(word) is not None


# Length of the pieces keywords may share as anchors ("affilia" for
# "affiliate link*", "affiliate commission", "affiliate-link*").
ANCHOR_CHARS = 7


def _anchors(words: Iterable[str]) -> tuple[str, ...]:
    """Strings one of which a text holds wherever one of ``words`` (keywords) matches.

    Each keyword's literal stem holds one of them. Of two such sets, the one
    with fewer strings (each is a scan of every line looked at): each stem's
    longest word, or pieces several stems share.
    """
    stems = {w[:-1] if w.endswith("*") else w for w in words}
    pieces = {max(stem.split(" "), key=len) for stem in stems}
    longest = tuple(sorted(p for p in pieces if not any(q != p and q in p for q in pieces)))
    return min(longest, _shared_pieces(stems), key=len)


def _shared_pieces(stems: set[str]) -> tuple[str, ...]:
    """Pieces of ANCHOR_CHARS characters (a shorter stem whole), each chosen
    to be held by as many of the stems not yet covered as possible."""
    left, chosen = set(stems), []
    while left:
        pieces = sorted({s[i:i + ANCHOR_CHARS] for s in left for i in range(max(1, len(s) - ANCHOR_CHARS + 1))})
        best = max(pieces, key=lambda p: (sum(p in s for s in left), len(p)))
        chosen.append(best)
        left = {s for s in left if best not in s}
    return tuple(chosen)


class Keywords:
    """Any of a list of words, searched for anywhere in a line, case-blind.

    Each word matches from a word start; a trailing ``*`` lets it go on
    ("abonnier*": "abonnieren"). The line is lower-cased once and searched
    case-sensitively: three times faster than ``re.I`` on a paragraph.
    """

    def __init__(self, words: list[str]) -> None:
        # Marks that are no word ("©") are looked for as plain text: one regex
        # branch without a word start would be tried at every character.
        self._marks = tuple(sorted({w.rstrip("*") for w in words if _plain(w)}))
        listed = {w for w in words if not _plain(w)}
        branches = sorted({_keyword(w) for w in listed})
        # (No words, only marks: an empty alternation would match everywhere.)
        self._regex = re.compile(r"\b(?:%s)" % "|".join(branches)) if branches else None
        self._anchors = _anchors(listed)

    def find(self, text: str) -> int:
        """Where the first keyword starts in ``text`` (lower-cased), -1 if none."""
        lower = text.lower()
        found = None
        # The regex tries its branches at every word start of a paragraph;
        # the anchors rule out nearly every line first, in C.
        if self._regex is not None and any(map(lower.__contains__, self._anchors)):
            found = self._regex.search(lower)
        if found is not None:
            return found.start()
        return min((at for at in (lower.find(mark) for mark in self._marks) if at >= 0), default=-1)

    def fullmatch(self, word: str) -> bool:
        return self._regex is not None and self._regex.fullmatch(word.lower()) is not None
