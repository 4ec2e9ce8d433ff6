"""Dates in datelines: ``parse_date`` reads a dateline fragment to an ISO date.

Cheapest reader first: numeric dates (``2024-03-03``, ``03.03.2024, 14:32
Uhr``) by regex; English, German, French and Dutch month names by
htmldate's fast parser (it misses Dutch "maart" and "augustus", French
"août", "Sept. 4": the tables' month names read those); the common shapes
of other languages here (below); dateparser, slow, for the rest.
``is_time_only`` tells a clock time with no day ("Updated 5:12 PM EST"):
chrome beside a date, but no date.

Spanish, Italian, Portuguese, Polish, Russian, Arabic, Turkish, Indonesian,
Swedish, Danish, Norwegian, Finnish, Czech, Hungarian, Romanian and Greek
month names go to dateparser, which takes milliseconds a call
(and a tenth of a second to load each language the first time). The common
dateline shapes are read here in microseconds: ``4 de mayo de 2022``,
``Viernes, 29 de abril de 2022 a las 10:15``, ``28 kwietnia 2021, 06:29``,
``30 settembre 2020``, ``mayo 11, 2022``, ``4. März 2026, 10:15 Uhr``,
``Aug. 4, 2026 at 10:15 a.m. ET``. Any other shape, or an impossible date
or time, is left to dateparser. The words are data
(``phrases/<lang>.json``, ``dates``: ``months``, ``weekdays``, ``of`` as in
"4 de mayo", ``at`` as in "a las 10:15", ``clock`` as in "10:15h", ``days``
as in "Vandaag, 08:15"); the tests check every name and shape against dateparser.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from htmldate.extractors import custom_parse  # a dependency of trafilatura

from .phrasebook import default_phrasebook

# Only strings with a year-like number or a numeric date reach the date parser
# (it is slow, and "Monday" alone is no publication date).
_DATE_HINT = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
DATE_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "ar", "tr", "id", "sv", "cs", "da", "no",
    "fi", "hu", "ro", "el",
)
# dateparser's name for a language where it is not the tables' ISO 639-1
# code: Norwegian is Bokmål ("nb") to dateparser.
DATEPARSER_LOCALES = {"no": "nb"}
# Month names htmldate knows: no dateparser for these, but the names it
# misses ("maart", "augustus", "août") are read from the tables' ``dates``.
FAST_DATE_LANGUAGES = frozenset({"en", "de", "fr", "nl"})
EARLIEST_DATE = datetime.datetime(1990, 1, 1)  # no web page is older
LATEST_DATE = datetime.datetime(2100, 1, 1)
# "12.03.2024" is day-first wherever dots separate a numeric date.
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Day, month and year in numbers: "12/03/2024", "2024-03-12".
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}[./-]\d{1,2}[./-]\d{1,2}\b")
# Numeric dates parsed without dateparser (the common case, and exact).
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC_LEAD = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}\b|\d{4}-\d{2}-\d{2}")
# A clock time may follow, after a word for "at" (German "um", Danish and
# Norwegian "kl.", Finnish "klo") or a dash, and end in "Uhr", "hrs." or "h".
_DOTTED_FULL = re.compile(
    r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})"
    r"(?:,?\s*(?:um\s+|kl\.?\s*|klo\s+|-\s*|–\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:uhr|hrs?\.?|h))?)?$",
    re.I,
)
# A publication date names its day: "Juli 2009", "© 2021" never reach dateparser.
_DAY_NUMBER = re.compile(r"(?<![\d:])\b(?:0?[1-9]|[12]\d|3[01])\b(?!:\d)")
# A dateline fragment is a few words; dateparser is slow on anything longer.
MAX_DATE_WORDS = 8
# "Actualizado a las 13:20", "Updated 5:12 PM EST": a time with no date in it.
_TIME_ONLY = re.compile(
    r"^[^\d$€£¥%]{0,12}?(\d{1,2})(:|\.|\s?h\s?)(\d{2})(\s*(?:[ap]\.?\s?m\.?|uhr|h))?(\s+[A-Z]{2,4})?$", re.I
)
# The first of a month, as a dateline writes it ("1. Januar", "01/03/2024", "March 1st").
_FIRST_DAY = re.compile(r"(?<!\d)0?1(?!\d)")
# Leading little words a template may leave on its date ("el 2 de abril", "am 3. März").
_LEAD_WORD = re.compile(r"^[^\W\d]{1,3}\s+")
# A clock time, and its zone, before the date: "6:02 a.m. ET Nov. 27, 2026" (US papers).
_LEAD_CLOCK = re.compile(r"^\d{1,2}[:.]\d\d\s*(?:[ap]\.\s?m\.|[ap]m|[AP]M)?\s*(?:[A-Z]{2,4}\s+)?(?=[^\W\d])")
_ORDINAL_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)\b", re.I)
# C's asctime, as mail archives and ``date`` print it: "Tue Apr 14 09:41:27 UTC 2015"
# (the year after the clock, where no other reader looks for it).
_ASCTIME = re.compile(r"^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,5})?\s+(\d{4})$")
# Chinese, Japanese and Korean write the date in numbers with unit signs:
# "2024年3月14日", "2024年3月14日（木）09:15", "2024년 3월 14일 오후 3:15",
# the time too: "2026年3月9日 10時00分".
_CJK_DATE = re.compile(
    r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
    r"(?:\s*[(（][^)）]{1,3}[)）])?(?:\s*(?:[上下]午|오[전후])?\s*"
    r"(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*[時时시](?:\s*\d{1,2}\s*[分분])?))?$"
)
_MONTH_ABBREVIATIONS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _names(words: list[str]) -> str:
    """An alternation of ``words``, longest first, their spaces any white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _month_names(languages: tuple[str, ...]) -> re.Pattern[str]:
    """Any month name of ``languages`` as a word: a date dateparser can read
    with its day, month and year names one, unless it is numeric."""
    tables = default_phrasebook().dates
    names = [name for lang in languages for month in tables.get(lang, {}).get("months", ()) for name in month]
    return re.compile(rf"\b(?:{_names(names)})\b", re.I)


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
    # (German writes a dot after the day, "4. März 2026"; abbreviations take one: "Sept. 4, 2026".)
    day_first = rf"(?P<day>\d{{1,2}})\.?{of}\s+(?P<month>{month})\.?{after_month}\s+(?P<year>\d{{4}})"
    month_first = rf"(?P<month2>{month})\.?\s+(?P<day2>\d{{1,2}}),\s+(?P<year2>\d{{4}})"
    # A clock time after the date: "2022 10:15", "2022, 10:15", "2022 - 10:15", "2022 a las 10:15", "2022 à 10h15".
    joins = "|".join([",", r"\s+-", *(rf"\s+(?:{_names([w])})" for w in words["at"])])
    mark = rf"(?:\s?(?:{_names(words['clock'])}))?" if words.get("clock") else ""  # "10:15h", "10:15 Uhr", "10:15 a.m."
    zone = r"(?:\s+[A-Z]{2,4})?"  # "10:15 ET", "10:15 CET", "10:15 WIB"
    time = rf"(?:(?:{joins})?\s+(?P<hour>\d{{1,2}})[:h](?P<minute>\d{{2}}){mark}{zone})?"  # ("10:15", French "10h15")
    return re.compile(rf"^{weekday}(?:{day_first}|{month_first}){time}$", re.I), month_of


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """The tables' words for a day named from today (``dates``: ``days``), every language."""
    return frozenset(w for words in default_phrasebook().dates.values() for w in words.get("days", ()))


def is_month_name(word: str) -> bool:
    """A month's name or abbreviation in any table ("Mar", "März", "mars")."""
    return _month_names(DATE_LANGUAGES).fullmatch(word.rstrip(".,")) is not None


def is_day_word(word: str) -> bool:
    """"Vandaag,", "Heute", "Yesterday": a day named from today, which a
    dateline gives with a clock time ("Vandaag, 08:15"); it dates nothing."""
    return word.rstrip(",").lower() in _day_words()


def named_month_date(text: str, language: str | None) -> str | None:
    """ISO date of a dateline like ``4 de mayo de 2022`` in ``language``; None: ask dateparser."""
    grammar = _grammar(language) if language else None
    if grammar is None:
        return None
    regex, month_of = grammar
    m = regex.match(" ".join(text.replace("،", ",").split()))  # (Arabic's comma is a comma)
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


def stated_day(text: str, date: str) -> bool:
    """``date`` (ISO, parsed from ``text``) has a day the text states. The
    lenient parser completes a year and month it finds with day 1 ("31.
    Dezember 2021-06. Januar 2022" reads 2021-06-01): the line is a date
    line still, but it gives no publication date."""
    return not date.endswith("-01") or _FIRST_DAY.search(text) is not None


def is_time_only(text: str) -> bool:
    """True for "las 13:20" or "5:12 PM EST": a clock time, no day ("$89.00" is a price)."""
    m = _TIME_ONLY.match(text.strip())
    if m is None or int(m.group(1)) > 23 or int(m.group(3)) > 59:
        return False
    # "12.50" is a price or a score unless a unit says it is a time ("06.00 GMT", "14.30 Uhr").
    return m.group(2) != "." or bool(m.group(4) or m.group(5))


def is_numeric_date(text: str) -> bool:
    """``text`` is a date in numbers alone: "27.11.2026", "2026-11-27", "27/11/26"."""
    return _NUMERIC_DATE.fullmatch(text) is not None


def parse_date(text: str, language: str | None = None) -> str | None:
    """ISO 8601 date (``YYYY-MM-DD``) of a dateline fragment, or None.

    Templates merged from several languages may leave an article or a
    preposition in front ("el 2 de abril de 2024"), and US papers put the
    time first ("6:02 a.m. ET Nov. 27, 2026"): retried without it.
    """
    found = _parse_date(text, language)
    for lead in (_LEAD_WORD, _LEAD_CLOCK):
        if found is not None:
            break
        stripped = lead.sub("", text, count=1)
        if stripped != text:
            found = _parse_date(stripped, language)
    return found


def _numeric_date(text: str) -> str | None:
    """``2024-03-03[T10:15...]``, ``03.03.2024[, 14:32 Uhr]``, asctime's
    ``Tue Apr 14 09:41:27 UTC 2015`` and ``2024年3月14日 09:15`` without dateparser."""
    m = _ISO_DATE.match(text)
    if m:
        year, month, day = m.groups()
    elif m := _DOTTED_FULL.match(text):
        day, month, year = m.groups()
        if len(year) == 2:
            year = "20" + year  # "19.10.19, 12:00 Uhr"
    elif (m := _ASCTIME.match(text)) and m.group(1).lower() in _MONTH_ABBREVIATIONS:
        month, day, year = _MONTH_ABBREVIATIONS[m.group(1).lower()], m.group(2), m.group(3)
    elif m := _CJK_DATE.match(text):
        year, month, day = m.groups()
    else:
        return None
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_date(text: str, language: str | None = None) -> str | None:
    # No parser here knows English ordinals: "Jun 18th 2018" is read as "Jun 18 2018".
    if language in (None, "en"):
        text = _ORDINAL_DAY.sub(r"\1", text)
    if _CJK_DATE.match(text.strip()):  # (its digits touch letters: no word boundary for the hints below)
        return _numeric_date(text.strip())
    if not _DATE_HINT.search(text) or not _DAY_NUMBER.search(text) or len(text.split()) > MAX_DATE_WORDS:
        return None
    numeric = _numeric_date(text.strip())
    if numeric or _NUMERIC_LEAD.match(text.strip()) or "@" in text:
        # A numeric date with more after it ("05.11.23 - 16:10 von Walter zu")
        # or a tweet's signature is a comment's or an embed's, never a dateline.
        return numeric
    # htmldate's regex parser reads English, German, French and Dutch month
    # names in microseconds; dateparser (milliseconds) only for the rest.
    found_fast = custom_parse(text, "%Y-%m-%d", EARLIEST_DATE, LATEST_DATE)
    if found_fast:
        return found_fast
    if language is not None and language not in DATE_LANGUAGES:
        return None  # pages in other scripts: dateparser would try every locale and fail
    named = named_month_date(text, language)  # the common shapes, without dateparser
    if named or language in FAST_DATE_LANGUAGES:
        return named
    import dateparser  # slow to import; most captures never need it

    # Each candidate locale costs dateparser milliseconds: the page's language
    # and English, or all of them when the language is unknown.
    if language in DATE_LANGUAGES:
        languages = list(dict.fromkeys([language, "en"]))
    else:
        languages = list(DATE_LANGUAGES)
    if not _NUMERIC_DATE.search(text) and not _month_names(tuple(languages)).search(text):
        return None  # no month, by name or number: dateparser would fail, slowly
    settings: dict[str, Any] = {"REQUIRE_PARTS": ["day", "month", "year"]}
    if _DOTTED_DATE.search(text):
        settings["DATE_ORDER"] = "DMY"
    found = dateparser.parse(text, languages=dateparser_languages(languages), settings=settings)
    return found.date().isoformat() if found else None


def dateparser_languages(languages: list[str]) -> list[str]:
    """``languages`` as dateparser names them (``DATEPARSER_LOCALES``)."""
    return [DATEPARSER_LOCALES.get(language, language) for language in languages]
