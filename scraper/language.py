"""Language of a document: script first, then stop-word votes per language.

Cheap and dependency-free on purpose: it runs on every capture (the text path
targets >1,000 captures/s), and the stop-word lists it votes with are the same
per-language tables the cleaners use (``cleaners/phrases/<lang>.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

# Words looked at: enough for a stable vote, few enough to stay fast.
SAMPLE_WORDS = 1500
SAMPLE_CHARS = SAMPLE_WORDS * 8  # enough text for that many words in most languages
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
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_ANY_SCRIPT = re.compile("|".join(pattern.pattern for _, pattern in SCRIPTS))
_LETTER = re.compile(r"[^\W\d_]")


def _script_language(text: str) -> str | None:
    if not _ANY_SCRIPT.search(text):  # Latin-only text: no per-letter count needed
        return None
    letters = len(_LETTER.findall(text))
    if not letters:
        return None
    for lang, pattern in SCRIPTS:
        if len(pattern.findall(text)) / letters >= SCRIPT_MIN_SHARE:
            return lang
    return None


def detect_language(texts: Iterable[str], stopwords: Mapping[str, frozenset[str]]) -> str | None:
    """ISO 639-1 code of the texts' language, or None when the evidence is thin."""
    chunks: list[str] = []
    size = 0
    for text in texts:  # one regex pass over a joined sample, not one per line
        chunks.append(text)
        size += len(text) + 1
        if size >= SAMPLE_CHARS:
            break
    sample = _WORD.findall("\n".join(chunks).lower())[:SAMPLE_WORDS]
    joined = " ".join(sample)
    by_script = _script_language(joined)
    if by_script:
        return by_script
    if not sample:
        return None
    # Set intersections run in C: one per language instead of a Python loop
    # over every sampled word for every language.
    counts = Counter(sample)
    distinct = counts.keys()
    votes = {lang: sum(counts[w] for w in words & distinct) for lang, words in stopwords.items()}
    lang, hits = max(votes.items(), key=lambda kv: kv[1], default=(None, 0))
    if lang is None or hits < MIN_HITS or hits / len(sample) < MIN_SHARE:
        return None
    return lang
