"""Bylines, datelines and reading time: chrome that carries metadata.

A byline line is cut at its separators (``|``, ``•``, ``·``, `` — ``) and
every part must be a known byline phrase (``bylines`` family: "by {author}",
"{minutes} min read", "updated {date}", a bare date ...). The line is then
dropped and its parts harvested into ``authors``, ``published``,
``reading_time_minutes`` and ``section``: never silently lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import Cleaner, Context, Verdict
from .phrase import harvest_fields
from .phrasebook import MAX_CHROME_CHARS

_SEPARATORS = re.compile(r"\s+[|•·—–/]\s+|\s*[|•·]\s*")
# Only strings with a year-like number or a numeric date reach the date parser
# (it is slow, and "Monday" alone is no publication date).
_DATE_HINT = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


@lru_cache(maxsize=4096)
def parse_date(text: str, language: str | None = None) -> str | None:
    """ISO 8601 date (``YYYY-MM-DD``) of a dateline fragment, or None."""
    if not _DATE_HINT.search(text):
        return None
    import dateparser  # slow to import; most captures never need it

    languages = [language] if language in DATE_LANGUAGES else []
    languages += [lang for lang in DATE_LANGUAGES if lang not in languages]
    found = dateparser.parse(text, languages=languages, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date().isoformat() if found else None


class Byline(Cleaner):
    """Drop byline/dateline/reading-time lines, harvesting what they say.

    Removes ``5 min read`` (reading_time_minutes 5) and
    ``By Jane Doe | March 3, 2024`` (authors ["Jane Doe"], published 2024-03-03).
    """

    name = "byline"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        family = ctx.phrases.family("bylines")
        for block in ctx.blocks:
            if len(block.text) > MAX_CHROME_CHARS:
                continue
            found = Verdict()
            parts = [p for p in _SEPARATORS.split(block.text) if p.strip()]
            if parts and all(self._part(p, family, ctx.language, found) for p in parts):
                verdict.drop(block, "byline/dateline: " + ", ".join(f"{h.field}={h.value}" for h in found.harvest))
                verdict.harvest.extend(found.harvest)
        return verdict

    @staticmethod
    def _part(part: str, family, language: str | None, found: Verdict) -> bool:  # type: ignore[no-untyped-def]
        match = family.match(part)
        if match is None:
            date = parse_date(part.strip(), language) if len(part) < 60 else None
            if date:
                found.take("published", date)
            return date is not None
        if "date" in match.fields:
            date = parse_date(match.fields["date"], language)
            if date is None:
                return False
            found.take("published", date)
        return harvest_fields(match, found)
