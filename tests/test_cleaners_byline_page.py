"""A name on a line of its own beside the dateline (``byline_page.name_beside_dateline``)."""

from __future__ import annotations

import pytest

from cleaners.byline_page import BARE_NAME_BELOW_TITLE, declared_author_lines
from scraper.document import Block
from cleaners.bylines import Byline

import judging

HEADLINE = "City to Expand Night Bus Routes Next Year"
PROSE = [
    "The city said on Wednesday that it would add twelve night bus routes next year, doubling the service.",
    "Fares will stay at the level of ordinary daytime buses, the transport department said in a statement.",
]


def judge(lines: list[str], language: str = "en"):  # type: ignore[no-untyped-def]
    return judging.judge(Byline(), lines, sep="\n\n", title=lines[0], language=language, title_left=True)


@pytest.mark.parametrize(
    ("head", "language", "name"),
    [
        (["March 4, 2026", "Tom Reed", "3 min read"], "en", "Tom Reed"),  # under the dateline
        (["Tom Reed", "March 4, 2026"], "en", "Tom Reed"),  # over it
        (["Liam Foster", "November 2, 2023", "7 min read"], "en", "Liam Foster"),
        (["4. März 2026", "Uta Helkenberg"], "de", "Uta Helkenberg"),
        (["2026年3月4日 10:15", "山田 太郎", "3分で読めます"], "ja", "山田 太郎"),
        (["MARTA RUIZ GARCÍA", "Madrid - 27 nov 2026 - 07:15 CET"], "es", "Marta Ruiz García"),  # in capitals
    ],
)
def test_a_name_on_its_own_line_beside_the_dateline_is_the_author(head: list[str], language: str, name: str):
    headline = "東京都、来年度から夜間バスを拡充へ" if language == "ja" else HEADLINE
    dropped, harvest = judge([headline, *head, *PROSE], language)
    assert next(line for line in head if name in (line, line.title())) in dropped
    assert [value for field, value in harvest if field == "authors"] == [name]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Forum Moderator", "en"),  # a role ("roles" in the tables)
        ("Social Share", "en"),  # a row of buttons: a word of it is a share phrase
        ("Redaktion Stadtblatt", "de"),  # a desk
        ("Ni Mette Holm", "tl"),  # a byline whose lead word (Tagalog "ni": by) no table knows
    ],
)
def test_a_role_or_a_button_row_beside_the_dateline_is_no_author(line: str, language: str):
    _, harvest = judge([HEADLINE, "March 4, 2026", line, *PROSE], language)
    assert not any(field == "authors" for field, _ in harvest)


@pytest.mark.parametrize(
    "head",
    [
        ["Priya Venkataraman", "·", "Follow", "8 min read", "·", "March 4, 2026"],  # a blog platform's byline
        ["Jil Schuller", ",", "March 4, 2026"],  # a separator on a line of its own
        ["Priya Nandakumar", "Priya Nandakumar is a housing researcher", "Fri 6 Mar 2026 07.00 GMT"],  # who she is
    ],
)
def test_a_name_beside_the_dateline_across_separators_buttons_and_a_reading_time(head: list[str]):
    dropped, harvest = judge([HEADLINE, *head, *PROSE])
    assert head[0] in dropped
    assert [value for field, value in harvest if field == "authors"] == [head[0]]


def test_co_authors_with_their_jobs_over_the_dateline_are_all_authors():
    head = ["Helen Marlowe, Senior Lecturer in Rural Health, University of Northvale",
            "Tomas Okafor, Research Fellow, Eastbrook Institute of Public Health", "Published: November 27, 2026 6:12am GMT"]
    dropped, harvest = judge([HEADLINE, *head, *PROSE])
    assert sorted(dropped) == sorted(head)
    assert [value for field, value in harvest if field == "authors"] == ["Helen Marlowe", "Tomas Okafor"]


def test_a_caption_naming_a_person_and_a_job_is_no_author():
    caption = "Dmitry Muratov, periodista ruso y Premio Nobel de la Paz (REUTERS/Denis Balibouse)"
    dropped, harvest = judge([HEADLINE, "3 de Mayo de 2022", caption, *PROSE], "es")
    assert caption not in dropped and not [value for field, value in harvest if field == "authors"]


def test_a_name_beside_the_dateline_that_the_byline_below_names_too_is_dropped():
    lines = [HEADLINE, "Priya Venkataraman", "·", "March 4, 2026", *PROSE, "Written by Priya Venkataraman"]
    dropped, harvest = judge(lines)
    assert "Priya Venkataraman" in dropped
    assert [value for field, value in harvest if field == "authors"] == ["Priya Venkataraman"]


def test_categories_the_site_menu_lists_beside_the_dateline_are_no_author():
    # A Japanese blog theme prints the post's categories under the headline;
    # caseless names pass the capitals test, the menu row above tells them apart.
    headline = "ぬか漬けを始めて3か月、失敗から学んだ4つのこと"
    menu = "ホーム 料理 暮らし おでかけ このブログについて"
    lines = [menu, headline, "2026-03-04", "料理 暮らし", *PROSE]
    _, harvest = judging.judge(Byline(), lines, sep="\n\n", title=headline, language="ja", title_left=True)
    assert not any(field == "authors" for field, _ in harvest)
    # a dated line above the headline that names the author is no menu
    lines = ["21. Jan 2022 // Dominik Ricker", HEADLINE, "Dominik Ricker", "21. Jan 2022", *PROSE]
    _, harvest = judging.judge(Byline(), lines, sep="\n\n", title=HEADLINE, language="de", title_left=True)
    assert ("authors", "Dominik Ricker") in harvest


def test_no_name_is_taken_beside_an_undated_line_far_from_the_headline_or_when_a_byline_names_one():
    # beside a line that gives no date (a reading time alone)
    _, harvest = judge([HEADLINE, "Tom Reed", "3 min read", *PROSE])
    assert not any(field == "authors" for field, _ in harvest)
    # too far below the headline: a teaser's
    _, harvest = judge([HEADLINE, *["Menu"] * BARE_NAME_BELOW_TITLE, "March 4, 2026", "Tom Reed", *PROSE])
    assert not any(field == "authors" for field, _ in harvest)
    # a byline with a lead word names the author; a bare name beside its date is someone else
    dropped, harvest = judge([HEADLINE, "By Jane Doe | March 4, 2026", "Tom Reed", *PROSE])
    assert [value for field, value in harvest if field == "authors"] == ["Jane Doe"]
    assert "Tom Reed" not in dropped


@pytest.mark.parametrize(
    ("dateline", "language"),
    [
        ("Publiziert am 13. Januar 2014 von uriebe", "de"),  # a handle the name rules reject
        ("March 4, 2026 by admin3", "en"),
        ("4 mars 2026 par rédaction_web", "fr"),
    ],
)
def test_no_line_beside_a_dateline_with_its_own_author_slot_is_the_author(dateline: str, language: str):
    # The dateline says who wrote the post (in a handle): the line over it is the post's title.
    _, harvest = judge([HEADLINE, "Liebe Menschen Europas", dateline, *PROSE], language)
    assert not any(field == "authors" for field, _ in harvest)


@pytest.mark.parametrize(
    ("head", "language", "name"),
    [
        (["February 18, 2026", "—", "by", "Marta Ellison", "in", "Travel"], "en", "Marta Ellison"),  # a block theme
        (["Von", "Lena Brandt", "4. März 2026"], "de", "Lena Brandt"),
        # a template's lead words: Webflow's "Written by" / name / job / "Published on" / date
        (["Written by", "Marguerite Osei", "Controller in Residence", "Published on", "November 10, 2026"], "en",
         "Marguerite Osei"),
    ],
)
def test_a_lead_word_and_the_name_on_lines_of_their_own_are_the_byline(head: list[str], language: str, name: str):
    dropped, harvest = judge([HEADLINE, *head, *PROSE], language)
    assert {head[head.index(name) - 1], name} <= set(dropped)
    assert [value for field, value in harvest if field == "authors"] == [name]


def test_co_authors_on_lines_of_their_own_follow_a_conjunction():
    head = ["By", "David Brand", "and", "Ramsey Khalifeh", "Published Nov 8, 2023"]
    dropped, harvest = judge([HEADLINE, *head, *PROSE])
    assert set(head[:4]) <= set(dropped)
    assert [value for field, value in harvest if field == "authors"] == ["David Brand", "Ramsey Khalifeh"]


def test_authors_listed_under_a_label_each_over_their_job_are_the_byline():
    head = ["Published: March 5, 2026", "Authors", "Amara Osei", "Senior Lecturer in Urban Climate, University of Eastbridge",
            "Rhys Calloway", "PhD Candidate in Geography, University of Eastbridge"]
    dropped, harvest = judge([HEADLINE, *head, *PROSE])
    assert set(head[1:]) <= set(dropped)
    assert [value for field, value in harvest if field == "authors"] == ["Amara Osei", "Rhys Calloway"]


def test_the_job_line_of_the_last_listed_author_goes_with_the_byline_but_prose_stops_it():
    head = ["Autoren", "Lena Brandt", "Redakteurin, Ressort Wirtschaft"]
    dropped, harvest = judge([HEADLINE, *head, *PROSE], "de")
    assert set(head) <= set(dropped) and not set(PROSE) & set(dropped)
    assert [value for field, value in harvest if field == "authors"] == ["Lena Brandt"]


def test_a_lead_word_alone_before_no_name_or_far_below_the_headline_names_nobody():
    _, harvest = judge([HEADLINE, "by", "the numbers", *PROSE])
    assert not any(field == "authors" for field, _ in harvest)
    _, harvest = judge([HEADLINE, *["Menu"] * BARE_NAME_BELOW_TITLE, "by", "Marta Ellison", *PROSE])
    assert not any(field == "authors" for field, _ in harvest)


MORE_PROSE = [
    "Night buses will run every twenty minutes on the busiest routes and every forty minutes elsewhere, the city said.",
    "Drivers' unions said they would hire more staff before the new routes start, and talks begin next month.",
]


def test_a_teaser_inside_the_body_neither_ends_it_nor_signs_it():
    # "See also" / a teaser's headline / its byline, and the article goes on: the
    # teaser's author is nobody's here, and the sign-off after the last paragraph is the author.
    lines = [HEADLINE, *PROSE, "See also:", "Tram line extended to the airport", "By Tom Reed", *MORE_PROSE, "Author: Jane Doe"]
    dropped, harvest = judge(lines)
    assert {"By Tom Reed", "Author: Jane Doe"} <= set(dropped)
    assert [value for field, value in harvest if field == "authors"] == ["Jane Doe"]


def test_a_line_of_the_declared_author_and_a_role_run_on_is_a_byline():
    lines = ["Sarah CollinsTransport correspondent", "Sarah Collins", "Sarah Collins, Deputy Editor", *PROSE,
             "Sarah Collins wrote the first draft of the plan in 2019, long before the council approved it."]
    blocks = tuple(Block(i, text, "paragraph", i) for i, text in enumerate(lines))
    found = declared_author_lines(blocks, ("Sarah Collins",), ("correspondent", "editor"), set())
    assert [b.text for b in found] == lines[:3]  # (in the body, or in a sentence, the name stays)
    assert declared_author_lines(blocks, ("Collins",), ("correspondent",), set()) == []  # one word: a handle
    assert declared_author_lines(blocks[:1], ("Sarah Collins",), ("correspondent",), {0}) == []  # dropped already


def test_a_post_footer_under_the_related_posts_files_the_post():
    lines = [HEADLINE, "March 4, 2026 by Ellen Price 4 Comments", *PROSE, "Related", "Blood orange marmalade",
             "February 12, 2026", "Posted in Desserts Tagged crumble, ginger, rhubarb", "Leave a Reply"]
    dropped, harvest = judge(lines)
    assert "Posted in Desserts Tagged crumble, ginger, rhubarb" in dropped
    assert ("section", "Desserts") in harvest and ("tags", "rhubarb") in harvest
    assert ("authors", "Ellen Price") in harvest and ("published", "2026-03-04") in harvest  # (the entry meta, comment count run on)
    assert "February 12, 2026" not in dropped  # a teaser's date in the tail is no byline


def test_a_name_and_job_beside_the_dateline_names_the_author():
    dropped, harvest = judge([HEADLINE, "Helen Pidd North of England editor", "Wed 4 Mar 2026 10.15 GMT", *PROSE])
    assert "Helen Pidd North of England editor" in dropped
    assert [value for field, value in harvest if field == "authors"] == ["Helen Pidd"]
