"""Datelines with month names that htmldate's fast parser does not read.

Spanish, Italian, Portuguese and Polish month names go to dateparser, which
takes milliseconds a call (and a tenth of a second to load each language the
first time). The common dateline shapes are read here in microseconds:
``4 de mayo de 2022``, ``Viernes, 29 de abril de 2022 a las 10:15``,
``28 kwietnia 2021, 06:29``, ``30 settembre 2020``, ``mayo 11, 2022``. Any
other shape, or an impossible date or time, is left to dateparser. The
words are data (``phrases/<lang>.json``, ``dates``: ``months``, ``weekdays``,
``of`` as in "4 de mayo", ``at`` as in "a las 10:15", ``clock`` as in
"10:15h"); the tests check every name and shape against dateparser.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from .phrasebook import default_phrasebook


def _names(words: list[str]) -> str:
    """An alternation of ``words``, longest first, their spaces any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _grammar(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """The dateline regex of ``language`` and its month numbers (None: no names for it)."""
    words = default_phrasebook().dates.get(language)
    if not words:
        return None
    month_of = {name: number for number, names in enumerate(words["months"], 1) for name in names}
    month = _names(list(month_of))
    # A weekday abbreviation that is also a month ("mar") reads as the month.
    weekdays = [w for w in words["weekdays"] if w not in month_of]
    weekday = rf"(?:(?:{_names(weekdays)})\.?,?\s+)?" if weekdays else ""
    # "4 de mayo de 2022", "4 mayo, 2022": the words of the language only.
    of = rf"(?:\s+(?:{_names(words['of'])}))?" if words["of"] else ""
    after_month = rf"(?:,|\s+(?:{_names(words['of'])}))?" if words["of"] else ",?"
    day_first = rf"(?P<day>\d{{1,2}}){of}\s+(?P<month>{month})\.?{after_month}\s+(?P<year>\d{{4}})"
    month_first = rf"(?P<month2>{month})\s+(?P<day2>\d{{1,2}}),\s+(?P<year2>\d{{4}})"
    # A clock time after the date: "2022 10:15", "2022, 10:15", "2022 - 10:15", "2022 a las 10:15".
    joins = "|".join([",", r"\s+-", *(rf"\s+(?:{_names([w])})" for w in words["at"])])
    mark = rf"(?:{_names(words['clock'])})?" if words.get("clock") else ""  # "10:15h"
    time = rf"(?:(?:{joins})?\s+(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}}){mark})?"
    return re.compile(rf"^{weekday}(?:{day_first}|{month_first}){time}$", re.I), month_of


def named_month_date(text: str, language: str | None) -> str | None:
    """ISO date of a dateline like ``4 de mayo de 2022`` in ``language``; None: ask dateparser."""
    grammar = _grammar(language) if language else None
    if grammar is None:
        return None
    regex, month_of = grammar
    m = regex.match(" ".join(text.split()))
    if m is None:
        return None
    day, name, year = (m.group("day"), m.group("month"), m.group("year")) if m.group("day") else (
        m.group("day2"), m.group("month2"), m.group("year2"))
    month = month_of.get(name.lower())
    if month is None or (m.group("hour") and (int(m.group("hour")) > 23 or int(m.group("minute")) > 59)):
        return None
    try:
        return datetime.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None
