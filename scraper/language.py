"""Language of a document: script first, then stop-word votes per language.

Cheap and dependency-free on purpose: it runs on every capture (the text path
targets >1,000 captures/s), and the stop-word lists it votes with are the same
per-language tables the cleaners use (``cleaners/phrases/<lang>.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from cleaners.lines import DOTS

# Words looked at: enough for a stable vote, few enough to stay fast.
SAMPLE_WORDS = 700
SAMPLE_CHARS = SAMPLE_WORDS * 8  # enough text for that many words in most languages
# The sample is drawn from lines this long when they hold at least
# PROSE_MIN_CHARS in all: menus and buttons at the top of a capture ("Home",
# "Login", brand names) say little about the language and dilute the vote.
PROSE_LINE_CHARS = 60
PROSE_MIN_CHARS = 400
# A language needs this many stop-word hits, and this share of the words.
MIN_HITS = 4
MIN_SHARE = 0.08

# Scripts that name a language by themselves (checked on letters, not words).
SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese even among kanji
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
SCRIPT_MIN_SHARE = 0.2
# Languages whose text packs more into a character (written without spaces,
# or in syllable blocks): reading time and extraction sizes count characters apart.
CJK_LANGUAGES = frozenset({"ja", "zh", "ko", "th"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_ANY_SCRIPT = re.compile("[%s]" % "".join(pattern.pattern[1:-1] for _, pattern in SCRIPTS))  # one class: one test a letter
# Edge marks of a white-space token that are no word characters: stripping
# them never changes which words _WORD finds in it.
_TOKEN_EDGES = ".,;:!?\"'()[]«»“”‘’…-–—/|*" + DOTS


def _script_language(joined: str) -> str | None:
    """The language a script names, for ``joined``: words of ``_WORD`` joined by spaces."""
    if _latin1(joined) or not _ANY_SCRIPT.search(joined):  # Latin-only text: no per-letter count needed
        return None
    # Every character of such a word is a letter but its one apostrophe:
    # the letters are counted without a findall over the text.
    letters = len(joined) - joined.count(" ") - joined.count("'")
    if not letters:
        return None
    for lang, pattern in SCRIPTS:
        if len(pattern.findall(joined)) / letters >= SCRIPT_MIN_SHARE:
            return lang
    return None


def _latin1(text: str) -> bool:
    """All of ``text`` below U+0100 (no script of SCRIPTS): told without a regex scan."""
    try:
        text.encode("latin-1")  # a copy, far cheaper than testing letter by letter
    except UnicodeEncodeError:
        return False
    return True


def _words(text: str, limit: int | None = None) -> list[str]:
    """``_WORD.findall(text)[:limit]``, with the regex only for tokens that are not plain words.

    Words never span white space, so the tokens can be taken one by one; most
    are letters only, perhaps with a comma or quote at the edge. Tokens are
    taken in batches of as many as words are still wanted (a token gives no
    word, or one, rarely more), so the tail of a long sample is never split.
    """
    tokens = text.split()
    wanted = len(tokens) if limit is None else limit
    words: list[str] = []
    pos = 0
    while len(words) < wanted and pos < len(tokens):
        batch = tokens[pos:pos + wanted - len(words)]
        pos += len(batch)
        for token in batch:
            if not token.isalpha():
                token = token.strip(_TOKEN_EDGES)
                if not token.isalpha():
                    words.extend(_WORD.findall(token))
                    continue
            words.append(token)
    return words[:limit]


def detect_language(
    texts: Iterable[str], stopwords: Mapping[str, frozenset[str]], any_stopword: frozenset[str] | None = None
) -> str | None:
    """ISO 639-1 code of the texts' language, or None when the evidence is thin.

    ``any_stopword``: the union of ``stopwords`` (built here when not given).
    """
    lines = list(texts)
    # Each long line once: a line printed many times (a repeated notice, a
    # server warning per widget) is the page's chrome, not its language.
    prose = list(dict.fromkeys(text for text in lines if len(text) >= PROSE_LINE_CHARS))
    if sum(map(len, prose)) >= PROSE_MIN_CHARS:
        lines = prose
    chunks: list[str] = []
    size = 0
    for text in lines:  # one regex pass over a joined sample, not one per line
        chunks.append(text)
        size += len(text) + 1
        if size >= SAMPLE_CHARS:
            break
    text = "\n".join(chunks).lower()
    sample = _words(text, SAMPLE_WORDS)
    # The words are characters of the text: Latin-1 text has none of SCRIPTS,
    # and the words need not be joined to be told so.
    by_script = None if _latin1(text) else _script_language(" ".join(sample))
    if by_script:
        return by_script
    if not sample:
        return None
    # Set intersections run in C: one per language instead of a Python loop
    # over every sampled word for every language.
    if any_stopword is None:
        any_stopword = frozenset().union(*stopwords.values())
    # Only stop words are voted with: the others are left out in C, before counting.
    counts = Counter(filter(any_stopword.__contains__, sample))
    distinct = set(counts)  # frozenset & set walks the smaller one; & dict keys copies them
    votes = {lang: sum(map(counts.__getitem__, words & distinct)) for lang, words in stopwords.items()}
    lang, hits = max(votes.items(), key=lambda kv: kv[1], default=(None, 0))
    if lang is None or hits < MIN_HITS or hits / len(sample) < MIN_SHARE:
        return None
    return lang
