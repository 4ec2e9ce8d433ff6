"""Author bio boxes and bio sentences below the article (cleaners/bios.py)."""

from __future__ import annotations

import pytest

from cleaners.bios import AuthorBio

from judging import drops

STORY = (
    "The council approved the budget on Tuesday after a debate that lasted most of the night.",
    "Opposition members said the plan relied on optimistic forecasts for tax revenue next year.",
    "The mayor said the first projects would start in spring, once the contracts were signed.",
)


def bio_drops(*lines: str, language: str | None = "en") -> list[str]:
    return drops(AuthorBio(), *lines, language=language)


@pytest.mark.parametrize(
    ("header", "bio", "language"),
    [
        ("About Jane Roe", "Jane is our science editor. Before joining the paper she covered courts for ten years.", "en"),
        ("About the author", "Jane Roe has covered the city council since the flood of 2013 and lives by the river.", "en"),
        ("Jane Roe", "Jane Roe is a senior reporter covering energy and the environment from the Brussels bureau.", "en"),
        ("Jana Rossi", "Ich bin Jana, und hier im Blog schreibe ich über Brot, Kuchen und alles, was dazwischen liegt.", "de"),
        ("Über den Autor", "Jan Rossi lebt in Köln und hat zwei Bücher über die Geschichte der Stadt geschrieben.", "de"),
        # a WordPress theme's author box: name and post count
        ("Über Luisa Holm 257 Artikel", "Seit 2010 als Journalistin tätig und hat 2017 ihr erstes Buch veröffentlicht.", "de"),
        ("Jeanne Roux", "Jeanne Roux est journaliste au service économie et suit les questions d'énergie depuis 2015.", "fr"),
        # no role word, but the box names its author twice
        ("Inga Buller", "Inga Buller ist Head of Social & Community bei CHIP. Sonst verkauft sie alte Kameras.", "de"),
        ("Alice Wu", "Alice Wu fell down the rabbit hole of politics aged 12, when she ran her first campaign.", "en"),
        # or by the first name and "is" (Squarespace's author box)
        ("Lena Ortiz", "Lena is the programs and communications coordinator at Alder & Quay Arts.", "en"),
        # a food blog's greeting over its author box
        ("Hi, I'm Hannah!", "I cook from a hundred-year-old farmhouse in the hills with two kids and a very old dog.", "en"),
    ],
)
def test_drops_a_bio_box_below_the_article(header: str, bio: str, language: str):
    assert bio_drops(*STORY, header, bio, language=language) == [header, bio]


@pytest.mark.parametrize("bio", [
    "Jane Roe is a senior writer covering energy for the paper's business desk.",
    "Jane Roe is Head of Social & Community at the paper. When she is not online, she tests kitchen gadgets.",
    # closing on a book's title, in italics, with no full stop
    "Priya Nandakumar is a housing researcher at the Northfold Institute and the author of Keys and Ledgers: Who Owns the New Britain",
])
def test_drops_a_bio_sentence_below_the_article(bio: str):
    assert bio_drops(*STORY, bio) == [bio]
    # A teaser's excerpt and the site's self-description may follow it.
    tail = ("The paper's new energy newsletter goes out every Friday morning with the week's news.",
            "Example Times is where the city reads about itself, every day since the year 1851.")
    assert bio_drops(*STORY, bio, *tail) == [bio]


@pytest.mark.parametrize(
    ("bio", "language"),
    [
        ("Hej! 👋 Ich bin Christoph, leidenschaftlicher Angler und Autor dieses Artikels.", "de"),
        ("Hi, I'm Kathrin, a mum of three who cooks for a crowd every single weekend.", "en"),
    ],
)
def test_drops_an_author_introducing_themself_below_the_article(bio: str, language: str):
    assert bio_drops(*STORY, bio, language=language) == [bio]


def test_keeps_a_first_person_sentence_that_names_no_one_or_goes_on():
    # no name before a comma; and the story going on below it
    assert bio_drops(*STORY, "I'm not sure the council will keep to the plan, the mayor said.") == []
    assert bio_drops(*STORY, "Hi, I'm Kathrin, and I was in the chamber for the vote.", *STORY) == []


def test_keeps_a_name_heading_a_section_of_the_article():
    # The story goes on below the name: a section, not a bio box.
    section = ("Jane Roe", "Jane Roe is a reporter who was in the chamber when the vote came, she said.")
    assert bio_drops(*STORY, *section, *STORY) == []


def test_keeps_names_over_paragraphs_in_a_list_of_people():
    people = (
        "Jane Roe", "Jane Roe is an author whose first novel sold a million copies in its first year.",
        "John Doe", "John Doe is a writer and director who won two awards for his latest film last spring.",
    )
    assert bio_drops(*STORY, *people) == []


def test_drops_a_bio_under_a_header_naming_no_one_above_the_article():
    bio = "Moritz Gathmann leitet das Ressort Berliner Republik. Er studierte Russistik und Geschichte in Berlin."
    assert bio_drops("Autoreninfo", bio, *STORY, language="de") == ["Autoreninfo", bio]
    bio = "Jane is our science editor and has written for the paper for years."
    assert bio_drops("About the author", bio, *STORY) == ["About the author", bio]


def test_keeps_a_heading_that_is_no_name_and_a_bio_above_the_article():
    assert bio_drops(*STORY, "Zum Hintergrund:", "Der Tag erinnert an eine Erklärung von Journalisten aus dem Jahr 1991.", language="de") == []
    assert bio_drops("About Jane Roe", "Jane is our science editor and has written for the paper for years.", *STORY) == []
