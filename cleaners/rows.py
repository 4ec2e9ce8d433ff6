"""Rows of chrome: chrome phrases copied as one line.

Copying a page as text drops the markup between a menu's items or a
toolbar's buttons, so a row reaches us as one line: ``Menü Springe zum
Inhalt``, ``Rezept drucken Bei Pinterest speichern``, ``Kommentarfeed |
Kommentare geschlossen | Trackback-URL``. No template lists every such
pairing, but each piece is a phrase of a chrome family on its own. A line
that cuts into such pieces, at its separators or else between its words, is
chrome as a whole.

Only pieces that open with a template's first word are tried, so nearly
every line is ruled out by a set look-up of its first word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import Cleaner, Context, Verdict
from .lines import COUNT, DOTS
from .phrase import says_only
from .phrasebook import LineMatches, PhraseBook, first_word_key

# Families whose phrases are page chrome wherever they stand. (Not bylines
# or credits, which carry metadata and have cleaners that cut rows of their
# own, nor teasers, whose wildcards would take a headline.)
ROW_FAMILIES = ("navigation", "share", "subscribe", "comments", "comment_headers", "ads", "cookies")
# Teaser phrases are buttons too where the whole piece is the phrase ("Artikel
# anhören Teilen": an audio player's button beside the share button), not
# where a wildcard or a field stands for words ("Read more: *" takes a headline).
WHOLE_PIECE_FAMILIES = ("teasers",)
# A row is a few buttons or links ("Teilen Pin it Mailen Drucken", "Partager cet
# article Partager sur Facebook Partager sur X Partager sur WhatsApp"), not a sentence.
MAX_ROW_WORDS = 16
MAX_ROW_PIECES = 6
_SEPARATOR = re.compile(rf"\s*[|{DOTS}]\s*")
_SENTENCE_END = (".", "!", "?")
# Counts over a row of buttons, their icons lost in the copy ("38 7 " of "38 7
# Restack Share"), or after it (an age rating: " 18+" of "Поиск Поддержать 18+").
_COUNTS = re.compile(rf"^(?:{COUNT} )+(?=[^\W\d])|(?<=[^\W\d]) \d\d?\+$")
# A lower-case letter, then a capitalised word: two buttons whose space the copy lost.
_GLUED = re.compile(r"([a-zß-öø-ÿ])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")


def _is_chrome(piece: str, matches: LineMatches) -> bool:
    found = matches.all(piece)
    if not found:
        return False
    if any(name in found for name in ROW_FAMILIES):
        return True
    whole = (found.get(name) for name in WHOLE_PIECE_FAMILIES)
    return any(m is not None and says_only(m, piece) for m in whole)


@lru_cache(maxsize=4)
def _openers(phrases: PhraseBook) -> frozenset[str]:
    """First words of the row families' templates (a piece opens with one)."""
    return frozenset().union(*(phrases.family(name).first_words() for name in ROW_FAMILIES + WHOLE_PIECE_FAMILIES))


def is_chrome_row(text: str, matches: LineMatches) -> bool:
    """``text`` is two or more chrome phrases in a row (see the module's docstring),
    also where the copy lost the space between two buttons ("Sign upSign in"),
    or with counts before or after them ("38 7 Restack Share": like and
    comment counts; "Поиск Поддержать 18+": an age rating)."""
    if not _row_sized(text):  # (most lines: a sentence or a paragraph)
        return False
    if _is_row(text, matches):
        return True
    if text[:1].isdigit() or text.endswith("+"):
        rest = _COUNTS.sub("", text)
        if rest != text:
            return _is_row(rest, matches) or (" " not in rest and _is_chrome(rest, matches))
    spaced = _GLUED.sub(r"\1 \2", text)
    return spaced != text and _row_sized(spaced) and _is_row(spaced, matches)


def _row_sized(text: str) -> bool:
    """Few enough words for a row of buttons, and no sentence's end."""
    return text.count(" ") < MAX_ROW_WORDS and not text.endswith(_SENTENCE_END)


def _is_row(text: str, matches: LineMatches) -> bool:
    """``text`` (row-sized) cuts into chrome phrases."""
    if " " not in text:
        return False
    openers = _openers(matches.phrases)
    if first_word_key(text.split(None, 1)[0]) not in openers:
        return False
    parts = [p for p in _SEPARATOR.split(text) if p]
    if len(parts) > 1:
        return len(parts) <= MAX_ROW_PIECES + 1 and all(_is_chrome(p, matches) for p in parts)
    words = text.split()
    # Cut at least once: a line that is one phrase is its family's to drop.
    return any(
        first_word_key(words[cut]) in openers
        and _is_chrome(" ".join(words[:cut]), matches)
        and _cuts(words, cut, MAX_ROW_PIECES - 1, openers, matches)
        for cut in range(len(words) - 1, 0, -1)
    )


def _cuts(words: list[str], start: int, left: int, openers: frozenset[str], matches: LineMatches) -> bool:
    """``words[start:]`` cut into at most ``left`` chrome phrases, each opening with an opener."""
    if start == len(words):
        return True
    if left == 0:
        return False
    for end in range(len(words), start, -1):  # the longest piece first
        if end < len(words) and first_word_key(words[end]) not in openers:
            continue
        if _is_chrome(" ".join(words[start:end]), matches) and _cuts(words, end, left - 1, openers, matches):
            return True
    return False


class ChromeRow(Cleaner):
    """Drop a line that is a row of chrome phrases run together.

    Removes ``Menü Springe zum Inhalt`` (navigation + navigation) and
    ``Rezept drucken Bei Pinterest speichern`` (share + share).
    """

    name = "chrome_row"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        for block in ctx.blocks:
            if is_chrome_row(block.text, ctx.matches):
                verdict.drop(block, "row of chrome phrases run together")
        return verdict
