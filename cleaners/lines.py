"""Shape tests on single lines, shared by the cleaners (no phrase tables here).

"Headline-like" and "prose-like" are judged from the line alone: length, word
count, how it ends. Kept in one place so every cleaner means the same thing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 220
PROSE_MIN_WORDS = 10
# CJK text has no spaces: count characters instead of words.
PROSE_MIN_CJK_CHARS = 40

# Closing quotes after the stop: German closes with “ („so.“), French with ».
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’“‘»«›‹)\]]*$""")
# A sentence ends inside the line: after a word, not after "6." in "6. Juli 2015".
# (The stop first, then the letters looked back at: re scans for the three
# stops in C instead of testing the look-behind at every character.)
_INNER_SENTENCE_END = re.compile(r"[.!?](?<=[^\W\d_]{2}[.!?])\s")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_ELLIPSES = ("…", "...", "[…]", "[...]")
_STOPS = ".!?…。！？"
# What may close a sentence after its stop: quotes (English ” ’ », German “ ‘,
# Danish and Swedish «, French and Swiss » ›) and brackets, full-width too.
CLOSING = "\"'”’“‘»«›‹)]）」』"
# A signature in full-width brackets after the last sentence ("… と話している。
# （山田 花子）", "…。（完）"): at most this many characters. (Latin brackets
# there are as often the article's: "… medias negras. (Oficial)".)
MAX_BRACKET_SIGNATURE_CHARS = 40
_FOLD_DROP = re.compile(r"[^\w\s]+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
# Bullets and middle dots themes print between a line's parts ("By Jane Doe • 5 min read");
# every separator pattern of the cleaners is built with these.
DOTS = "•·∙"
# A digit: dates, clock times and counts have one, most lines none (a one-class search is cheap).
DIGIT = re.compile(r"\d")
# A count as widgets print one ("214", "1,204", rounded "1.2K"): a regex piece.
COUNT = r"\d[\d.,]*[KkMm]?"
# Link- or menu-like marks (is_linky).
_EMAIL = re.compile(r"\S@\S+\.\w")
_COPYRIGHT = re.compile(r"\(c\)\s*\d{4}", re.I)
_LINK_STARTS = frozenset("»›>|©" + DOTS)
_LINK_ENDS = frozenset("»›")
_SEPARATOR = re.compile(rf" [|»›{DOTS}] ")
_ALNUM = re.compile(r"[^\W_]")
# Program code: a code mark, and symbols for at least this share of the
# non-space characters. A one-class search first: most lines hold none of
# these, and a search for ``\w\(`` at every position of every line is what
# would cost.
CODE_SYMBOL_SHARE = 0.1
_CODE_CHAR = re.compile(r"[={}\[\];<>(]")
_CODE_MARK = re.compile(r"[={}\[\];<>]|\w\(")
_CODE_STARTS = ("#", "$", "//")
_CODE_SYMBOL = re.compile(r"[=(){}\[\];<>_/.:\"'#$*+\-]")


def fold_title(text: str) -> str:
    """Fold a headline for comparison: case, quotes, punctuation, trailing ellipsis."""
    text = unicodedata.normalize("NFKC", text)
    if ends_with_ellipsis(text):
        text = _ELLIPSIS_END.sub("", text)
    text = _FOLD_DROP.sub(" ", text.casefold().replace("’", "").replace("'", ""))
    return " ".join(text.split())  # split() splits where \s+ does


def _end(text: str) -> str:
    """The end ``$`` sees: before one trailing line break too."""
    return text[:-1] if text.endswith("\n") else text


def ends_sentence(text: str) -> bool:
    # _SENTENCE_END.search, without a regex attempt at every full stop of a paragraph.
    end = unsigned(_end(text)).rstrip(CLOSING)
    return bool(end) and end[-1] in _STOPS


def unsigned(text: str) -> str:
    """``text`` without a signature in full-width brackets after its last
    sentence ("… と話している。（山田 花子）" ends "… と話している。")."""
    if not text.endswith("）"):
        return text
    opening = text.rfind("（")
    before = text[:opening].rstrip()
    end = before.rstrip(CLOSING)
    signed = opening > 0 and len(text) - opening <= MAX_BRACKET_SIGNATURE_CHARS
    return before if signed and end and end[-1] in _STOPS else text


def ends_with_ellipsis(text: str) -> bool:
    # _ELLIPSIS_END.search, without a regex attempt at every dot of a paragraph.
    return text.rstrip().endswith(_ELLIPSES)


def is_cjk(text: str) -> bool:
    if text.isascii() or _CJK.search(text, 0, 200) is None:  # (the count needs one at least)
        return False
    return len(_CJK.findall(text[:200])) >= min(10, len(text) // 3 + 1)


@lru_cache(maxsize=8192)  # every cleaner asks again about the same lines
def is_prose(text: str) -> bool:
    """A sentence or more of running text (not a menu item, not a headline)."""
    if len(text) < 2 * PROSE_MIN_WORDS - 1:  # too short for either test below: most lines
        return False
    if is_cjk(text):
        return len(text) >= PROSE_MIN_CJK_CHARS
    # split() with a cap: a paragraph is not cut into all its words to count ten.
    words = len(text.split(None, PROSE_MIN_WORDS - 1))
    return words >= PROSE_MIN_WORDS and (ends_sentence(text) or bool(_INNER_SENTENCE_END.search(text)))


def is_one_question(text: str) -> bool:
    """One sentence asking a question ("Bữa trưa học đường: đủ chất hay chỉ đủ no?"),
    as a headline may; not a paragraph ending in one."""
    return text.endswith("?") and _INNER_SENTENCE_END.search(text) is None


def inner_sentence_ends(text: str) -> int:
    """How many sentences end inside ``text``, not only at its end ("… since 2023. Jordan Pike, …": one)."""
    return len(_INNER_SENTENCE_END.findall(text))


@lru_cache(maxsize=8192)
def is_headline_like(text: str) -> bool:
    """A short line of words that does not end like a sentence."""
    if is_cjk(text):
        return 4 <= len(text) <= 80 and not text.endswith("。")
    words = text.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    # "4 min", "12 photos": a number and a unit are a widget, not a headline.
    if sum(1 for w in words if any(map(str.isalpha, w))) < HEADLINE_MIN_WORDS:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    return sum(map(str.isalpha, text)) >= len(text) * 0.6  # (map: the characters are tested in C)


def is_code_like(text: str) -> bool:
    """A line of program code: a code mark (``=``, braces, ``;``, a call
    ``f(``, a leading ``#`` / ``$`` / ``//``) and symbols for at least ``CODE_SYMBOL_SHARE`` of
    its non-space characters (``x = f(y)``, not ``Prices (incl. VAT)``)."""
    if _CODE_CHAR.search(text) is None or _CODE_MARK.search(text) is None:
        if not text.startswith(_CODE_STARTS):  # lines come stripped
            return False
    return len(_CODE_SYMBOL.findall(text)) >= CODE_SYMBOL_SHARE * (len(text) - text.count(" "))


def is_linky(text: str) -> bool:
    """Link- or menu-like marks: a URL or e-mail address, ``|`` / ``»``
    separators, a leading bullet or ``©``, no letters or digits at all."""
    if "://" in text or "www." in text or text[0] in _LINK_STARTS or text[-1] in _LINK_ENDS:
        return True
    if _SEPARATOR.search(text):
        return True
    if "@" in text and _EMAIL.search(text):
        return True
    if "(" in text and _COPYRIGHT.search(text):
        return True
    return is_symbols(text)


def is_symbols(text: str) -> bool:
    """No letter or digit in ``text`` ("--", "* * *", "×")."""
    return _ALNUM.search(text) is None
