"""PhraseCleaner: the shared shape of every table-driven cleaner.

A subclass names its phrase ``family``; every kept block whose whole text
matches one of the family's templates (``phrases/<lang>.json``) is dropped with
the template as its reason. Captured template fields (``{author}``,
``{section}``, ``{minutes}`` ...) are harvested through ``HARVEST_FIELDS``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from .base import Cleaner, Context, Verdict
from .phrasebook import PhraseMatch

# Template field -> Article field it fills.
HARVEST_FIELDS = {
    "author": "authors",
    "section": "section",
    "minutes": "reading_time_minutes",
    "tag": "tags",
}
# A harvested name must look like one: a few words, no sentence in it.
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# A section label is shorter still, and never a sentence.
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
_SENTENCE = re.compile(r"[.!?;,]\s|[.!?]$")
_NOT_NAME = re.compile(r"[.!?;:]\s|[\d@#]|https?:", re.I)


def looks_like_name(value: str) -> bool:
    """True for "Desk Writer", "Marie-Claire d'Arc"; False for "the way it was"."""
    words = value.split()
    if not words or len(words) > MAX_NAME_WORDS or len(value) > MAX_NAME_CHARS or _NOT_NAME.search(value):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(1, (len(words) + 1) // 2)


def looks_like_label(value: str) -> bool:
    """True for a section label ("World", "U.S. Politics"); False for a sentence."""
    words = value.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and len(value) <= MAX_LABEL_CHARS and not _SENTENCE.search(value)


def harvest_fields(match: PhraseMatch, verdict: Verdict) -> bool:
    """Harvest a match's fields into ``verdict``; False when a field is implausible."""
    values: list[tuple[str, str | int]] = []
    for name, raw in match.fields.items():
        target = HARVEST_FIELDS.get(name)
        if target is None:
            continue
        if name == "author":
            names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b)\s*", raw) if n.strip()]
            if not names or not all(looks_like_name(n) for n in names):
                return False
            values.extend((target, n) for n in names)
        elif name == "minutes":
            values.append((target, int(re.sub(r"\D", "", raw) or 0)))
        elif name == "tag":
            values.extend((target, t.strip()) for t in raw.split(",") if t.strip())
        elif name == "section":
            if not looks_like_label(raw):
                return False
            values.append((target, raw.strip()))
        else:
            values.append((target, raw.strip()))
    for target, value in values:
        verdict.take(target, value)
    return True


class PhraseCleaner(Cleaner):
    """Drop blocks that are exactly a phrase of ``family``; harvest captured fields."""

    family: ClassVar[str]

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        family = ctx.phrases.family(self.family)
        for block in ctx.blocks:
            match = family.match(block.text)
            if match is not None and harvest_fields(match, verdict):
                verdict.drop(block, f"{self.family} phrase '{match.template}'")
        return verdict
