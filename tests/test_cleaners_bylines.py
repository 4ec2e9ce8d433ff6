"""Bylines, datelines, reading time, section and tag lines (cleaners/bylines.py)."""

from __future__ import annotations

import pytest

import scraper
from cleaners.bylines import BARE_NAME_BELOW_TITLE, Byline
from cleaners.dates import is_time_only, parse_date, stated_day

import judging

HEADLINE = "Council Approves Budget After All-Night Debate"
PROSE = [
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
]


def judge(lines: list[str], language: str | None = None, title: str | None = None):  # type: ignore[no-untyped-def]
    return judging.judge(Byline(), lines, sep="\n\n", title=title, language=language, title_left=True)


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        ("By Jane Doe | March 3, 2024", "en", [("authors", "Jane Doe"), ("published", "2024-03-03")]),
        ("By Maria Lopez and Tom Reed", "en", [("authors", "Maria Lopez"), ("authors", "Tom Reed")]),
        ("Von Anna Schmidt, Jonas Weber", "de", [("authors", "Anna Schmidt"), ("authors", "Jonas Weber")]),
        ("Von David Hutzler, dpa", "de", [("authors", "David Hutzler")]),  # an agency, no co-author
        ("Par Claire Dubois (Vernelles, envoyée spéciale)", "fr", [("authors", "Claire Dubois")]),
        # Blogger's post footer, in the blog's language
        ("Eingestellt von Anna Brandt um 14:32", "de", [("authors", "Anna Brandt")]),
        ("Publicado por Lucía Martín en 9:15", "es", [("authors", "Lucía Martín")]),
        ("Gepost door Pieter de Vries op 21:40", "nl", [("authors", "Pieter de Vries")]),
        ("Penulis: Dewi Lestari | Editor: Rudi Hartono", "id", [("authors", "Dewi Lestari")]),  # the editor is no author
        ("Von Grant Tinsley, PhD", "de", [("authors", "Grant Tinsley")]),  # a degree
        # titles before the name (honorifics in the tables) name the person
        ("Von Dr. Jana Reinholz", "de", [("authors", "Jana Reinholz")]),
        ("Von Prof. Dr. Karl Meier", "de", [("authors", "Karl Meier")]),
        ("By Dr. Jane Doe and Tom Reed", "en", [("authors", "Jane Doe"), ("authors", "Tom Reed")]),
        ("Di Dott.ssa Maria Rossi", "it", [("authors", "Maria Rossi")]),
        ("Posted on April 12, 2023 by Jenny Walsh", "en", [("published", "2023-04-12"), ("authors", "Jenny Walsh")]),
        ("5 min read", "en", [("reading_time_minutes", 5)]),
        ("Updated: Jan 10, 2024", "en", [("modified", "2024-01-10")]),
        ("Tags: tomatoes, seedlings, spring", "en", [("tags", "tomatoes"), ("tags", "seedlings"), ("tags", "spring")]),
        ("Posted in Gardening", "en", [("section", "Gardening")]),
        ("Published in Quiet Compiler", "en", [("section", "Quiet Compiler")]),  # Medium's publication
        ("in Politics, World", "en", [("section", "Politics")]),
        ("Von Anna Schmidt und Jonas Weber", "de", [("authors", "Anna Schmidt"), ("authors", "Jonas Weber")]),
        ("03.03.2024, 14:32 Uhr", "de", [("published", "2024-03-03")]),
        ("Publiziert: 03.04.2020, 12:35 Uhr", "de", [("published", "2020-04-03")]),  # Swiss papers
        ("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", "de", [("authors", "Pamela Sladky"), ("published", "2022-01-27")]),
        # Divi's post meta: the categories between the date and the comment count
        ("Von Lena Vogt | 19. November 2026 | Allgemein, Tipps | 0 Kommentare", "de",
         [("authors", "Lena Vogt"), ("published", "2026-11-19")]),
        # the comment count run on after a reading time
        ("25.11.2026, 14:20 Uhr Lesezeit: 5 Min. 23 Kommentare", "de",
         [("published", "2026-11-25"), ("reading_time_minutes", 5)]),
        ("12.03.2024 – 14:32", "de", [("published", "2024-03-12")]),
        ("4 Min. Lesezeit", "de", [("reading_time_minutes", 4)]),
        ("Schlagwörter: Energiewende, Wärmepumpe", "de", [("tags", "Energiewende"), ("tags", "Wärmepumpe")]),
        ("Publié le 12 mars 2024 par Claire Martin", "fr", [("published", "2024-03-12"), ("authors", "Claire Martin")]),
        ("Temps de lecture : 5 min", "fr", [("reading_time_minutes", 5)]),
        ("Mis à jour le 13 mars 2024", "fr", [("modified", "2024-03-13")]),
        ("Por Lucía Fernández y Pablo Romero", "es", [("authors", "Lucía Fernández"), ("authors", "Pablo Romero")]),
        ("Publicado el 2 de abril de 2024", "es", [("published", "2024-04-02")]),
        ("Pubblicato il 12 marzo 2024", "it", [("published", "2024-03-12")]),
        ("3 min de leitura", "pt", [("reading_time_minutes", 3)]),
        ("Ten tekst przeczytasz w 3 minuty", "pl", [("reading_time_minutes", 3)]),
        ("Ten tekst przeczytasz w mniej niż minutę", "pl", []),
        ("Door Jan de Vries", "nl", [("authors", "Jan de Vries")]),
        # a day named from today with its clock time, then a reading time, run together
        ("Door Sanne de Boer Vandaag, 08:15 Leestijd: 3 min", "nl", [("authors", "Sanne de Boer"), ("reading_time_minutes", 3)]),
        ("Von Christian Thiele, 07 Dezember, 2022", "de", [("authors", "Christian Thiele"), ("published", "2022-12-07")]),
        # a name particle that is also a template's word ("par {author} le {date}")
        ("Par Julien Le Goff", "fr", [("authors", "Julien Le Goff")]),
        # the place it was filed from, or the desk, after the name: dropped with the line, not harvested
        ("Por Camila Antunes — São Paulo", "pt", [("authors", "Camila Antunes")]),
        ("By Jane Roe | Berlin", "en", [("authors", "Jane Roe")]),
        ("Autor: Katarzyna Nowak", "pl", [("authors", "Katarzyna Nowak")]),
        ("Opublikowano: 15.05.2024, 08:40", "pl", [("published", "2024-05-15")]),
        ("Автор: Анна Смирнова", "ru", [("authors", "Анна Смирнова")]),
        ("Опубликовано: 14 марта 2024, 09:15", "ru", [("published", "2024-03-14")]),
        ("Время чтения: 4 минуты", "ru", [("reading_time_minutes", 4)]),
        ("Метки: метро, транспорт", "ru", [("tags", "метро"), ("tags", "транспорт")]),
        ("发布时间：2024年3月14日 09:15", "zh", [("published", "2024-03-14")]),
        ("记者：王晓明", "zh", [("authors", "王晓明")]),
        ("2026-03-04 10:15 来源：钱塘晚报 作者：李文涛", "zh", [("published", "2026-03-04"), ("authors", "李文涛")]),
        ("责任编辑：周敏", "zh", []),  # the desk editor: chrome, no author
        ("Zugriffe: 312", "de", []),  # a view count (Joomla's "Hits"): chrome, nothing to keep
        ("12,408 views", "en", []),
        ("新华社记者 王晓明、李静", "zh", [("authors", "王晓明"), ("authors", "李静")]),
        # lines that read like sentences but are a template whole
        ("This entry was posted in Gardening. Bookmark the permalink.", "en", [("section", "Gardening")]),
        ("PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 9, 2023 at 6:00 p.m.", "en",
         [("published", "2023-11-08"), ("modified", "2023-11-09")]),
    ],
)
def test_drops_and_harvests_byline_lines(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    assert judge([line, *PROSE], language) == ([line], harvest)


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        # A name with no lead word, beside a date: the name was a link, "By" was never printed.
        ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", "de", [("published", "2022-02-04"), ("authors", "Uta Helkenberg")]),
        ("Staff Reporter | May 10, 2022", "en", [("published", "2022-05-10"), ("authors", "Staff Reporter")]),
        ("Tina Klostermeier 15.12.2022", "de", [("published", "2022-12-15"), ("authors", "Tina Klostermeier")]),
        ("1. Februar 2022 , Daniel Dillenburg", "de", [("published", "2022-02-01"), ("authors", "Daniel Dillenburg")]),
        # a list archive's sender: name, address, and the date as asctime prints it
        ("Maren Holt maren at holt.example | Tue Apr 14 09:41:27 UTC 2015", "en",
         [("published", "2015-04-14"), ("authors", "Maren Holt")]),
        # Hugo (PaperMod): reading time, word count and an edit link ride along ("byline_parts")
        ("January 27, 2026 · 5 min · 1012 words · Tomasz Wierzbicki | Suggest Changes", "en",
         [("published", "2026-01-27"), ("reading_time_minutes", 5), ("authors", "Tomasz Wierzbicki")]),
    ],
)
def test_a_bare_name_beside_a_date_under_the_headline_is_the_author(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    assert judge([HEADLINE, line, *PROSE], language, title=HEADLINE) == ([line], harvest)


def test_a_part_that_only_rides_on_a_byline_line_is_no_line_by_itself():
    # "4 min" alone, under "Listen to this article", is an audio player's length
    assert judge([HEADLINE, "Listen to this article", "4 min", *PROSE], "en", title=HEADLINE) == ([], [])


@pytest.mark.parametrize(
    "line",
    [
        "Managua, Nicaragua | 26.04.2022",  # a place and its country
        "FIT FOR FUN | 02.01.2023",  # capitals: a brand or a section label
        "Jane Roe | Tom Reed",  # names without a date: a menu, a credit
        "The Guardian 02/10/2020",  # a source: "the" is no part of a name
        "jane.doe@paper.example | 02.10.2020",  # an address alone names nobody
        "Ort Saarbrücken | Datum 28.01.2022",  # a label and its value
    ],
)
def test_no_bare_name_is_taken_without_a_date_or_from_a_place(line: str):
    _, harvest = judge([HEADLINE, line, *PROSE], "en", title=HEADLINE)
    assert not any(field == "authors" for field, _ in harvest)


def test_a_bare_name_beside_a_date_away_from_the_headline_is_no_author():
    # A teaser's or a tag line's: only right under the headline is a bare name the byline.
    lines = [HEADLINE, *["Menu"] * BARE_NAME_BELOW_TITLE, "Uta Helkenberg | 04.02.2022", *PROSE]
    _, harvest = judge(lines, "de", title=HEADLINE)
    assert not any(field == "authors" for field, _ in harvest)
    _, harvest = judge(["Uta Helkenberg | 04.02.2022", *PROSE], "de")  # no headline known
    assert not any(field == "authors" for field, _ in harvest)


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        # copied from pages where markup, not a separator, parted name and date
        ("By Luke Kemp 11 February 2020", "en", [("authors", "Luke Kemp"), ("published", "2020-02-11")]),
        ("By Amelie Marie Nishizawa Feb 8, 2020 5 min read", "en",
         [("authors", "Amelie Marie Nishizawa"), ("published", "2020-02-08"), ("reading_time_minutes", 5)]),
        ("By Tom Francis published 9 August 2012", "en", [("authors", "Tom Francis"), ("published", "2012-08-09")]),
        ("Von Jule Radeck Vom 3. Februar 2022", "de", [("authors", "Jule Radeck"), ("published", "2022-02-03")]),
        ("par Didier Roy, 21 juin 2018", "fr", [("authors", "Didier Roy"), ("published", "2018-06-21")]),
        ("Por Alberto Ávila 27 de agosto 2019", "es", [("authors", "Alberto Ávila"), ("published", "2019-08-27")]),
        # the theme's comment count after the date, run together too
        ("Por Nerea Salvatierra 14 noviembre, 2026 3 comentarios", "es",
         [("authors", "Nerea Salvatierra"), ("published", "2026-11-14")]),
        # a dateline's lead word between them, taken whole by "von {author} am {date}"
        ("von Diane Buckstegge Veröffentlicht am 1. Mai 2019", "de",
         [("published", "2019-05-01"), ("authors", "Diane Buckstegge")]),
    ],
)
def test_byline_run_together_with_its_date(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    assert judge([line, *PROSE], language) == ([line], harvest)


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        # the author's job, employer or place after a comma: no co-author, no date
        ("By Nada Tawfik, BBC News, New York", "en", [("authors", "Nada Tawfik")]),
        ("By Owen Pritchard, Local Democracy Reporter", "en", [("authors", "Owen Pritchard")]),
        ("Von Anna Schmidt, Korrespondentin in Rom", "de", [("authors", "Anna Schmidt")]),
        ("Von Jonas Weber, Politikredakteur", "de", [("authors", "Jonas Weber")]),
        ("Par Claire Martin, envoyée spéciale à Kiev", "fr", [("authors", "Claire Martin")]),
        # a contact after the name
        ("Por Mariano Martín mmartin@example.com", "es", [("authors", "Mariano Martín")]),
        ("By Jane Doe @janedoe", "en", [("authors", "Jane Doe")]),
        ("By Jane Doe (jane.doe@paper.example)", "en", [("authors", "Jane Doe")]),
        # ... or a part of its own beside the byline
        ("By Jane Doe | jane.doe@paper.example", "en", [("authors", "Jane Doe")]),
        ("By Jane Doe | E-Mail: jdoe@paper.example", "en", [("authors", "Jane Doe")]),
        ("By Tom Pyman for MailOnline", "en", [("authors", "Tom Pyman")]),
        # co-authors after a comma, where "by {author}, {date}" expected a date
        ("By Jane Doe, Tom Reed", "en", [("authors", "Jane Doe"), ("authors", "Tom Reed")]),
        ("by Bob Yirka , Phys.org", "en", [("authors", "Bob Yirka")]),
    ],
)
def test_byline_with_the_authors_role_or_contact(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    assert judge([line, *PROSE], language) == ([line], harvest)


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        ("Pubblicato il 19 Febbraio 2020 Ultima modifica 20 Febbraio 2020 12:02", "it",
         [("published", "2020-02-19"), ("modified", "2020-02-20")]),
        ("4 de maio de 2022, 05:34 h Atualizado em 5 de maio de 2022, 05:35", "pt",
         [("published", "2022-05-04"), ("modified", "2022-05-05")]),
        ("Veröffentlicht am 06.10.2023 (Letztes Update: 07.10.2023)", "de",
         [("published", "2023-10-06"), ("modified", "2023-10-07")]),
        ("07.03.2026 11:20 Aktualizacja: 07.03.2026 12:05", "pl",
         [("published", "2026-03-07"), ("modified", "2026-03-07")]),
        ("5 maart 2026, 18:42 Laatste update: 19:10", "nl", [("published", "2026-03-05")]),
        # a date and the reading time, run together (the reading time opens with its number)
        ("27.11.2026, 09:14 Uhr 3 Min. Lesezeit", "de", [("published", "2026-11-27"), ("reading_time_minutes", 3)]),
    ],
)
def test_dateline_and_its_update_run_together(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    assert judge([line, *PROSE], language) == ([line], harvest)


@pytest.mark.parametrize(
    "line",
    [
        "Powered by WordPress, News Theme",  # no byline phrase opens it
        "By WordPress, News Theme",  # one word is no author's name
        "By the time the editor arrived, the reporter had left.",
        "BY COURSE/MEAL:",  # a label over a recipe index's links
        "By the numbers:",
    ],
)
def test_no_byline_with_a_role_without_a_name(line: str):
    assert judge([line, *PROSE]) == ([], [])


def test_a_menu_of_byline_shaped_filters_names_no_author():
    menu = ["By Method", "By Product", "By Cuisine"]
    assert judge([*menu, *PROSE]) == (menu, [])
    assert judge(["By Pamela", *PROSE]) == (["By Pamela"], [("authors", "Pamela")])  # a lone one is a byline
    # the same name twice is one author's, not a menu
    assert judge(["By Pamela", "By Pamela", *PROSE])[1] == [("authors", "Pamela")] * 2


@pytest.mark.parametrize("line", ["By 2030 the city wants 40 new stations", "Von 1990 bis 2020 wuchs die Stadt um 12 Prozent"])
def test_a_sentence_with_numbers_is_no_run_together_byline(line: str):
    assert judge([line, *PROSE]) == ([], [])


@pytest.mark.parametrize(
    "line",
    [
        "By the time the polls closed, Smith had won easily.",
        "In 2019, the company lost money.",
        "In the middle of the day on Monday, the sky above São Paulo, Brazil went dark.",
        "On the other hand, prices rose faster than wages.",
        "Published reports said the deal was close.",
        "Von der Leyen sprach am Montag in Brüssel über die neue Strategie der Kommission.",
        "Par ailleurs, le gouvernement a annoncé de nouvelles mesures.",
        "Por la tarde, miles de personas salieron a la calle.",
        "In Aktion",
        "In 10 Schritten zum Hundeprofi",
        "tags relacionadas",
        "Vor 100 Jahren wurde die Stadt an der Mündung des Flusses gegründet",
        "Am Anfang herrschte Unklarheit",  # a heading whose words a dateline template would take
    ],
)
def test_keeps_sentences_that_start_like_bylines(line: str):
    assert judge([line, *PROSE]) == ([], [])


def test_comment_link_rides_along_on_a_byline_line():
    line = "Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort"
    assert judge([line, *PROSE], "de") == ([line], [("published", "2015-07-06"), ("authors", "Mark Hosak")])
    assert judge(["Leave a comment", *PROSE]) == ([], [])


@pytest.mark.parametrize("line", ["vor 4 Monaten", "2 hours ago", "il y a 3 jours", "hace 2 días"])
def test_relative_dates_are_dropped_with_no_date_invented(line: str):
    assert judge([line, *PROSE]) == ([line], [])


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        ("Updated 2 hours ago", "en", []),
        ("By Jane Doe | Updated 3 hours ago", "en", [("authors", "Jane Doe")]),
        ("Publicado em 27/11/2026 06h00 · Atualizado há 2 horas", "pt", [("published", "2026-11-27")]),
        ("Nov 26, 2026 Updated 3 hrs ago", "en", [("published", "2026-11-26")]),  # BLOX's dateline
        ("Aktualisiert vor 5 Minuten", "de", []),
    ],
)
def test_an_update_said_as_an_age_is_chrome_with_no_date(line: str, language: str, harvest: list):  # type: ignore[type-arg]
    """("updated {updated}" cannot read "2 hours ago" as a date: the age templates can.)"""
    assert judge([line, *PROSE], language) == ([line], harvest)


def test_staff_byline_names_no_author():
    assert judge(["Staff report", *PROSE]) == (["Staff report"], [])


def test_time_only_update_is_dropped_without_a_date():
    assert judge(["Actualizado a las 13:20", *PROSE], "es") == (["Actualizado a las 13:20"], [])


def test_bare_date_after_the_body_is_no_publication_date():
    drops, harvest = judge([*PROSE, "March 1, 2024"])
    assert drops == ["March 1, 2024"] and harvest == []


@pytest.mark.parametrize("line", ["Termin: 29.02.2020, 19 Uhr", "Deadline: 15. März 2020", "ab 1. Januar 2024 gilt der neue Steuersatz."])
def test_labelled_date_or_sentence_in_the_body_is_kept(line: str):
    # An event's date or a deadline is a fact of the article, not its dateline.
    assert judge([*PROSE, line, *PROSE], "de") == ([], [])


@pytest.mark.parametrize("line", ["Contest 12:00 Uhr", "Hora 6:30 p.m."])
def test_a_schedule_line_in_the_body_is_kept(line: str):
    # A word before the time: a programme's entry, not a dateline's clock time.
    assert judge([*PROSE, line, *PROSE], "de") == ([], [])


def test_a_bare_clock_time_in_the_body_is_still_chrome():
    assert judge([*PROSE, "14:32 Uhr", *PROSE], "de") == (["14:32 Uhr"], [])


def test_a_made_up_first_of_the_month_is_no_publication_date():
    # The lenient parser reads the year and month of a date range and adds day 1:
    # still a date line, but no date of the article's.
    line = "31. Dezember 2021-06. Januar 2022"
    assert judge([line, *PROSE], "de") == ([line], [])
    assert stated_day("1. Januar 2023", "2023-01-01") and stated_day("01.03.2024", "2024-03-01")
    assert not stated_day("17/11/201917/11/2019", "2019-11-01") and stated_day("17.11.2019", "2019-11-17")


def test_french_update_line_is_no_publication_date():
    line = "Article mis à jour le 7 janvier 2020."
    assert judge([line, *PROSE], "fr") == ([line], [("modified", "2020-01-07")])


def test_labelled_date_in_the_head_is_the_dateline():
    drops, harvest = judge(["Publiziert: 03.04.2020", *PROSE], "de")
    assert drops == ["Publiziert: 03.04.2020"] and harvest == [("published", "2020-04-03")]


def test_a_date_under_a_label_is_what_the_label_says_not_the_dateline():
    # "Video available until:" over a date: an expiry, no publication date (the line still goes).
    drops, harvest = judge(["Video verfügbar bis:", "14.10.2020 ∙ 14:00 Uhr", *PROSE], "de")
    assert "14.10.2020 ∙ 14:00 Uhr" in drops and not any(f == "published" for f, _ in harvest)
    # A dateline's own label on the line above, or a share button's colon, says nothing of the date.
    for label in ("Veröffentlicht:", "Teile:"):
        _, harvest = judge([label, "14.10.2020 ∙ 14:00 Uhr", *PROSE], "de")
        assert ("published", "2020-10-14") in harvest, label


def test_site_header_date_above_the_title_is_no_publication_date():
    title = "City Council Approves Plan to Rebuild Riverside Park"
    drops, harvest = judge(["Wednesday, May 15, 2024", title, "May 14, 2024", *PROSE], title=title)
    assert drops == ["Wednesday, May 15, 2024", "May 14, 2024"]
    assert harvest == [("published", "2024-05-14")]


def test_a_byline_naming_its_author_over_the_headline_dates_the_article() -> None:
    # Squarespace prints "Written by … <date>" and the categories over the title.
    title = "Five Things to Do Before You Ride Through Your First Winter"
    lines = ["Written by Tess Okafor November 27, 2026", "Maintenance, Commuting", title, *PROSE]
    drops, harvest = judge(lines, "en", title=title)
    assert drops[0] == lines[0] and ("authors", "Tess Okafor") in harvest and ("published", "2026-11-27") in harvest
    # A date there with no author is still the site header's "today"; below, a dateline wins.
    assert ("published", "2026-11-27") not in judge(["November 27, 2026", "Home", title, *PROSE], "en", title=title)[1]
    _, harvest = judge([lines[0], "Maintenance", title, "November 20, 2026", *PROSE], "en", title=title)
    assert [v for f, v in harvest if f == "published"] == ["2026-11-20"]


def test_dates_run_together_read_as_prose_by_their_dots_are_a_dateline() -> None:
    # "kl. 07.30": the abbreviation's dot reads as a sentence's end.
    title = "Svømmehallen lukker i et år"
    line = "27. november 2026 kl. 07.30 Opdateret 27. november 2026 kl. 11.05"
    drops, harvest = judge([title, "Af Mette Kjærgaard", line, *PROSE], "da", title=title)
    assert line in drops and ("published", "2026-11-27") in harvest and ("modified", "2026-11-27") in harvest


def test_a_job_after_the_byline_is_no_second_name() -> None:
    title = "Water main break floods downtown Millbrook Falls"
    lines = [title, "By Dana Whitcomb | Staff Reporter", "Published 6:02 a.m. ET Nov. 27, 2026 | Updated 9:40 a.m. ET Nov. 27, 2026", *PROSE]
    drops, harvest = judge(lines, "en", title=title)
    assert drops == lines[1:3] and ("authors", "Dana Whitcomb") in harvest and ("published", "2026-11-27") in harvest


def test_co_authors_on_a_line_of_their_own_over_the_date() -> None:
    title = "Ep. 41: Why Your Town's Water Bill Keeps Going Up"
    lines = [title, "Maya Okafor and Dev Ramaswamy", "Nov 27, 2026", *PROSE]
    drops, harvest = judge(lines, "en", title=title)
    assert sorted(drops) == sorted(lines[1:3]) and [v for f, v in harvest if f == "authors"] == ["Maya Okafor", "Dev Ramaswamy"]


def test_a_chinese_portals_source_author_and_date_line() -> None:
    title = "青澜市首条有轨电车线路今日起试运营"
    line = "来源：青澜日报 作者：林晓蔓 2026-11-27 09:30 字号：大 中 小"
    drops, harvest = judge([title, line, *PROSE], "zh", title=title)
    assert drops == [line] and ("authors", "林晓蔓") in harvest and ("published", "2026-11-27") in harvest


def test_finnish_hungarian_romanian_greek_bylines() -> None:
    title = "Kaupunki avaa uuden uimahallin"
    for line, language, author in [
        ("Teksti: Aino Repo", "fi", "Aino Repo"), ("Szerző: Kovács Anna", "hu", "Kovács Anna"),
        ("Publicat de Andrei Popescu", "ro", "Andrei Popescu"), ("Γράφει: Ελένη Σταυροπούλου", "el", "Ελένη Σταυροπούλου"),
    ]:
        drops, harvest = judge([title, line, *PROSE], language, title=title)
        assert drops == [line] and ("authors", author) in harvest, line


def test_a_dateline_opening_with_the_place_it_was_filed_from() -> None:
    title = "Halcones remonta ante Sierra Alta y se mete a semifinales"
    lines = [title, "Por Rodrigo Villaseñor", "Ciudad de México / 27.11.2026 22:40 hrs.", *PROSE]
    drops, harvest = judge(lines, "es", title=title)
    assert drops == lines[1:3] and ("published", "2026-11-27") in harvest
    # Its date counts only where no other line gives one: above, a print header's "now".
    title = "Studie zeigt: Zwei Lebensmittel helfen gegen soziale Ängste"
    lines = [title, "FIT FOR FUN — 02.01.23 09:51", "von Mathilda Trausch Veröffentlicht: 26.12.2022", *PROSE]
    _, harvest = judge(lines, "de", title=title)
    assert ("published", "2022-12-26") in harvest and ("published", "2023-01-02") not in harvest
    # A place alone, or with no date beside it, is no dateline.
    assert judge([title, "Ciudad de México / Monterrey", *PROSE], "es", title=title)[0] == []


def test_a_date_and_the_categories_under_the_headline_date_the_article() -> None:
    # TYPO3's news extension: the date, then the post's categories, with no separator.
    title = "Herbstmeister nach Derbysieg: Erste Mannschaft schlägt TuS Haldenbrück 3:1"
    line = "27.11.2026 Fußball Erste Mannschaft, Kreisliga A"
    assert judge([title, line, *PROSE], "de", title=title) == ([line], [("published", "2026-11-27")])
    iso = "2026-11-27 Fußball Erste Mannschaft, Kreisliga A"  # (an ISO date: a numeric date as dates.py reads one)
    assert judge([title, iso, *PROSE], "de", title=title) == ([iso], [("published", "2026-11-27")])
    # Further down, the same shape lists teasers: not the article's date.
    teaser = "24.11.2026 Jahreshauptversammlung 2027: Einladung und Tagesordnung"
    assert judge([title, *PROSE, "Weitere Meldungen", teaser], "de", title=title)[1] == []


def test_the_byline_nearest_the_headline_names_the_authors():
    # A "Latest" menu above the article signs each teaser: those lines are
    # bylines too (dropped), but their names are not the article's authors.
    title = "City Council Approves Plan to Rebuild Riverside Park"
    menu = ["Why the Subway Is Late Again", "By Ross Barkan", "A Night at the Opera", "By John Teufel"]
    drops, harvest = judge([*menu, title, "By R.C. Baker", *PROSE], title=title)
    assert drops == ["By Ross Barkan", "By John Teufel", "By R.C. Baker"]
    assert harvest == [("authors", "R.C. Baker")]


def test_bylines_in_the_tail_after_the_body_are_left_alone():
    # A related-posts box names other articles' authors.
    drops, harvest = judge([*PROSE, "Related Posts", "Another Story About Budgets", "By Jane Roe"])
    assert drops == [] and harvest == []


def test_parse_date():
    assert parse_date("March 3, 2024 at 5:12 pm") == "2024-03-03"
    assert parse_date("12.03.2024 – 14:32") == "2024-03-12"  # dotted dates are day first
    assert parse_date("el 2 de abril de 2024", "es") == "2024-04-02"
    assert parse_date("Monday") is None
    assert parse_date("Jun 18th 2018", "en") == "2018-06-18" and parse_date("Thursday, November 9th 2023") == "2023-11-09"
    assert parse_date("19.10.19, 12:00 Uhr") == "2019-10-19" == parse_date("19.10.2019 22:40 hrs.")  # (Mexico's "horas")
    assert parse_date("27.11.2026 klo 9.14", "fi") == "2026-11-27" == parse_date("27.11.2026 kl. 11.05", "da")
    assert parse_date("6:02 a.m. ET Nov. 27, 2026") == "2026-11-27" == parse_date("6:02 PM EST November 27, 2026")
    assert parse_date("05.11.23 - 16:10 von Walter Keutgen zu") is None
    assert parse_date("2024-03-03T10:15:00+01:00") == "2024-03-03"
    # asctime, as mail archives print it, in any page language; no month, no date
    assert parse_date("Tue Apr 14 09:41:27 UTC 2015", "de") == "2015-04-14" == parse_date("Apr 14 09:41 2015")
    assert parse_date("Tue Abc 14 09:41:27 UTC 2015") is None and parse_date("Tue Feb 30 09:41:27 2015") is None
    # Chinese, Japanese, Korean: numbers with unit signs, a weekday or a time after them
    assert parse_date("2024年3月14日", "zh") == "2024-03-14" == parse_date("2024年03月14日（木）09:15", "ja")
    assert parse_date("2024년 3월 14일 오후 3:15") == "2024-03-14" and parse_date("2024年13月14日") is None
    assert parse_date("2026年3月9日 10時00分") == "2026-03-09" == parse_date("2026년 3월 9일 오전 10시 5분")
    assert parse_date("6. března 2026 10:24", "cs") == "2026-03-06" and parse_date("6 maj 2026", "sv") == "2026-05-06"
    assert is_time_only("las 13:20") and is_time_only("5:12 PM EST") and not is_time_only("the 13:20 train")
    assert not is_time_only("$89.00") and not is_time_only("€ 12.50") and not is_time_only("45.99")
    assert not is_time_only("Preis: 12.50") and is_time_only("14.30 Uhr") and is_time_only("10h15")


def test_end_to_end_byline_metadata():
    text = "\n\n".join(["Budget Passes After All-Night Debate", "By Jane Doe | March 3, 2024", "3 min read", *PROSE])
    article = scraper.clean_text(text)
    assert article.title == "Budget Passes After All-Night Debate"
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-03-03"
    assert article.reading_time_minutes == 3
    assert list(article.paragraphs) == PROSE


def test_reading_time_stated_in_page_chrome_outside_the_body():
    from cleaners.bylines import stated_minutes
    from cleaners.phrasebook import default_phrasebook

    bylines = default_phrasebook().family("bylines")
    assert stated_minutes(("Jahrgang 2019", "• 6 min read"), bylines) == 6
    assert stated_minutes(("Lesezeit: 3 Minuten",), bylines) == 3
    assert stated_minutes(("Ausgabe: 43",), bylines) is None
    html = (
        '<html><body><span class="reading-time">Lecture 3 min.</span><article>'
        + "".join(f"<p>Le paragraphe {i} raconte une histoire assez longue pour rester dans le texte.</p>" for i in range(4))
        + "</article></body></html>"
    )
    assert scraper.clean_html(html).reading_time_minutes == 3


BODY = (
    "Engineers finished repairing the old harbour wall on Friday, two weeks before the storm season begins.\n\n"
    "The council said the work cost less than planned because most of the old stone could be reused."
)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Danielle Okoro in Calgary and Marcus Hale in Edmonton; Editing by Priya Natarajan",
        "— With files from Ben Cartwright",
        "The Associated Press contributed to this report.",
        "Mit Material von dpa und AFP",
        "Con información de EFE y Reuters",
        "Avec AFP",
    ],
)
def test_contributor_lines_are_dropped_and_name_no_author(line: str):
    text = f"Harbour wall repaired before the storms\n\n{BODY}\n\n{line}\n"
    article = scraper.clean_text(text)
    assert [(r.text, r.cleaner) for r in article.removed if r.text == line] == [(line, "contributors")]
    assert article.authors == ()


@pytest.mark.parametrize(
    "line",
    [
        "Avec ses trois enfants, elle a quitté la ville en 2019 pour s'installer à Lyon, près de sa sœur.",
        "Reporting by the council found that the wall had been neglected for a decade before it collapsed.",
    ],
)
def test_sentences_that_open_like_a_credit_line_stay(line: str):
    article = scraper.clean_text(f"Harbour wall repaired before the storms\n\n{BODY}\n\n{line}\n")
    assert line in article.paragraphs


def test_a_date_right_above_the_headline_is_its_dateline() -> None:
    # Themes print the date over the title; the site header's "today" stands
    # further up, above the menu: dropped, but no publication date.
    title = "Budget passes after all-night debate"
    lines = ["Tuesday, 5 March 2024", "Home", "Politics", "March 3, 2024", title, *PROSE]
    dropped, harvest = judge(lines, "en", title=title)
    assert dropped == ["Tuesday, 5 March 2024", "March 3, 2024"]
    assert harvest == [("published", "2024-03-03")]


def test_a_run_of_byline_lines_right_above_the_headline_dates_it() -> None:
    # Wix prints the date, the reading time and the update over the title.
    title = "Why Our Winter Glaze Batch Came Out Green"
    lines = ["Tuesday, 5 March 2024", "Home", "Ellie Brannigan", "Nov 12, 2026", "4 min read", "Updated: Nov 14, 2026",
             title, *PROSE]
    dropped, harvest = judge(lines, "en", title=title)
    assert dropped == ["Tuesday, 5 March 2024", "Nov 12, 2026", "4 min read", "Updated: Nov 14, 2026"]
    assert sorted(harvest) == [("modified", "2026-11-14"), ("published", "2026-11-12"), ("reading_time_minutes", 4)]
    # The name over them is not taken: there it is as often a category ("Editors Pick").


def test_a_sidebars_prose_above_the_headline_does_not_end_the_head() -> None:
    # Teasers above the headline read like paragraphs; the dateline under the
    # headline still opens the article.
    title = "Budget passes after all-night debate"
    teasers = [f"{s} The story continues on the next page, with pictures." for s in ("Floods hit the valley.", "Schools reopen.")]
    lines = [*teasers, title, "March 3, 2024", *PROSE]
    assert judge(lines, "en", title=title) == (["March 3, 2024"], [("published", "2024-03-03")])


def test_a_dateline_with_seconds_and_a_label_is_read() -> None:
    lines = ["Erschienen am: 01.11.2023", "Letzte Änderung: 31.10.2023 - 14:49:39", *PROSE]
    assert judge(lines, "de") == (lines[:2], [("published", "2023-11-01"), ("modified", "2023-10-31")])


@pytest.mark.parametrize(
    ("line", "language", "harvest"),
    [
        # Copying lost the space between the lead word and the linked name.
        ("ByAlex Bozarjian", "en", [("authors", "Alex Bozarjian")]),
        ("Geschrieben vonElisa Marvena", "de", [("authors", "Elisa Marvena")]),
        ("PorRodolfo Costa", "es", [("authors", "Rodolfo Costa")]),
    ],
)
def test_a_byline_glued_to_its_name_is_read(line: str, language: str, harvest: list) -> None:  # type: ignore[type-arg]
    assert judge([line, *PROSE], language) == ([line], harvest)


def test_a_name_before_posted_on_and_the_date_is_the_author() -> None:
    line = "Odile Ferrante Posted on Nov 21, 2026"
    dropped, harvest = judge([line, *PROSE], "en")
    assert dropped == [line] and sorted(harvest) == [("authors", "Odile Ferrante"), ("published", "2026-11-21")]


def test_a_guest_featured_beside_the_host_is_no_author() -> None:
    line = "Hosted by Declan Marsh, featuring Ruth Okonkwo-Hale"
    assert judge([line, *PROSE], "en") == ([line], [("authors", "Declan Marsh")])


def test_tags_copied_without_separators_leave_unharvested() -> None:
    # Where one tag ends is lost: the line goes, no tag is made up; a stop word makes it a phrase.
    assert judge([*PROSE, "Tagi: powódź Orlenice straż pożarna Zarzecze"], "pl") == (
        ["Tagi: powódź Orlenice straż pożarna Zarzecze"], [])
    assert judge([*PROSE, "Tags: the way we were and the road ahead"], "en") == ([], [])


def test_two_authors_a_date_and_an_update_run_together_are_read() -> None:
    # Newspack's byline copied as one line; "{date} updated {updated}" must not start inside the names.
    line = "By Keisha Morland and Tomás Elridge November 25, 2026 Updated 4:10 p.m."
    assert judge([line, *PROSE], "en") == (
        [line], [("authors", "Keisha Morland"), ("authors", "Tomás Elridge"), ("published", "2026-11-25")]
    )


def test_a_finnish_reporter_s_byline_is_read() -> None:
    assert judge(["Toimittaja Eveliina Koskinen", *PROSE], "fi") == (
        ["Toimittaja Eveliina Koskinen"], [("authors", "Eveliina Koskinen")])


def test_a_jannah_byline_with_its_e_mail_buttons_label_is_read() -> None:
    # The author, the screen-reader label of the e-mail icon, the date (the update glued on is not read).
    line = "Priya Castellanos Send an email November 24, 2026Last Updated: November 25, 2026"
    assert judge([line, *PROSE], "en") == ([line], [("published", "2026-11-24"), ("authors", "Priya Castellanos")])


@pytest.mark.parametrize("line", ["DIGITAL ECONOMY", "Bystander Effect", "PARTEI DER VERNUNFT", "Disclaimer"])
def test_capitals_and_words_that_open_like_a_lead_are_no_glued_byline(line: str) -> None:
    from cleaners.names import unglued
    from cleaners.phrasebook import default_phrasebook

    assert unglued(line, default_phrasebook().family("bylines")) == line


@pytest.mark.parametrize(
    ("byline", "author", "date"),
    [
        ("By Jane Doe<br>jdoe@paper.example<br>March 3, 2024", "Jane Doe", "2024-03-03"),
        ("<b>Maren Holt</b> <a href='mailto:x'>maren at holt.example</a><br><i>Tue Apr 14 09:41:27 UTC 2015</i>",
         "Maren Holt", "2015-04-14"),  # pipermail's sender line
    ],
)
def test_byline_parts_on_lines_of_one_paragraph(byline: str, author: str, date: str):
    # An HTML byline whose parts a <br> split: one block, one line each.
    article = scraper.clean_html(
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1><p>{byline}</p>"
        + "".join(f"<p>{p} {p}</p>" for p in PROSE) + "</article></body></html>"
    )
    assert article.authors == (author,) and article.published == date
    assert not any(author in p for p in article.paragraphs)


def test_a_photo_caption_ending_in_its_credit_does_not_end_the_head():
    # Headline, photo caption, the lead, then the dateline: the caption is no paragraph of the article.
    caption = "The council chamber on Tuesday night, shortly before the final vote was taken. Photo: Erik Sandberg"
    lead = "The council approved next year's budget after a debate that went on until two in the morning."
    _, harvest = judge([HEADLINE, caption, lead, "March 6, 2026", *PROSE], "en", title=HEADLINE)
    assert ("published", "2026-03-06") in harvest


def test_a_run_together_byline_keeps_the_whole_name_before_a_numeric_date():
    # The word before the date is the name's last, not a month: "Oberländer", not "Feb".
    line = "Von Katrin Oberländer 05.03.2026, 17:30 Uhr Lesezeit: 3 Min."
    _, harvest = judge([line, *PROSE], "de")
    assert ("authors", "Katrin Oberländer") in harvest and ("published", "2026-03-05") in harvest
