"""Month-name datelines read without dateparser (cleaners/dates.py)."""

from __future__ import annotations

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.dates import dateparser_languages, named_month_date
from cleaners.phrasebook import default_phrasebook


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("4 de mayo de 2022", "es", "2022-05-04"),
        ("Viernes, 29 de abril de 2022 a las 10:15", "es", "2022-04-29"),
        ("mayo 11, 2022", "es", "2022-05-11"),
        ("6 DE MAYO DE 2022 05:30", "es", "2022-05-06"),
        ("28 kwietnia 2021, 06:29", "pl", "2021-04-28"),
        ("30 Settembre 2020", "it", "2020-09-30"),
        ("4 de maio de 2022 às 10:15", "pt", "2022-05-04"),
        ("14 марта 2024, 09:15", "ru", "2024-03-14"),
        ("Четверг, 14 марта 2024 в 09:15", "ru", "2024-03-14"),
        ("الأربعاء، 4 مارس 2026", "ar", "2026-03-04"),  # (Arabic's comma)
        # month names htmldate's fast parser misses
        ("4 maart 2026, 10:15", "nl", "2026-03-04"),
        ("woensdag 12 augustus 2021 om 10:15", "nl", "2021-08-12"),
        ("mercredi 4 août 2026 à 10h15", "fr", "2026-08-04"),
        # AP-style abbreviations, a time with its zone; a German dot after the day
        ("Sept. 4, 2026", "en", "2026-09-04"),
        ("Aug. 4, 2026 at 10:15 a.m. ET", "en", "2026-08-04"),
        ("4. Mrz. 2026", "de", "2026-03-04"),
        ("Mi, 4. März 2026, 10:15 Uhr", "de", "2026-03-04"),
        ("4 يوليو 2026 الساعة 10:15", "ar", "2026-07-04"),
        ("٤ مارس ٢٠٢٦", "ar", "2026-03-04"),  # Arabic-Indic digits
        ("31 de abril de 2022", "es", None),  # no such day: dateparser decides
        ("4 de mayo de 2022 25:00", "es", None),  # nor such a time
        ("04 de mayo 2022 a las 09:01 hrs.", "es", None),  # another shape
        ("4 de mayo de 2022", None, None),  # unknown language: every locale is dateparser's
        ("4 maja 2022", "en", None),
    ],
)
def test_common_shapes(text: str, language: str | None, expected: str | None):
    assert named_month_date(text, language) == expected


def _shapes(words: dict) -> list[str]:  # type: ignore[type-arg]
    of = words["of"][:1]
    days = [f"4 {name} 2021" for names in words["months"] for name in names]
    days += [f"29 {' '.join(of)} {names[0].upper()} {' '.join(of)} 2021".replace("  ", " ") for names in words["months"]]
    days += [f"{w}, 31 {words['months'][6][0]} 2021, 10:15" for w in words["weekdays"]]
    days += [f"{names[-1]} 14, 2021" for names in words["months"]]
    days += [f"14 {words['months'][1][0]} 2021 {at} 10:15" for at in words["at"]]
    return days


@pytest.mark.parametrize("language", sorted(default_phrasebook().dates))
def test_every_name_and_shape_reads_as_dateparser_reads_it(language: str):
    import dateparser

    # Read here, the same date; or left to dateparser ("mar, 31 julio": "mar"
    # is Tuesday and March), which must then be rare.
    settings = {"REQUIRE_PARTS": ["day", "month", "year"]}
    shapes = _shapes(default_phrasebook().dates[language])
    read = 0
    for text in shapes:
        found = dateparser.parse(text, languages=dateparser_languages([language, "en"]), settings=settings)
        mine = named_month_date(text, language)
        assert mine is None or mine == (found.date().isoformat() if found else None), text
        read += mine is not None
    assert read >= 0.9 * len(shapes)
