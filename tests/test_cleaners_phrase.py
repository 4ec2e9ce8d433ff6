"""PhraseCleaner, the keyword-sentence cleaners, and the plausibility checks on harvested fields (cleaners/phrase.py)."""

from __future__ import annotations

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.base import Context, Verdict
from cleaners.names import names_role
from cleaners.phrase import PhraseCleaner, harvest_fields, wildcard_words
from cleaners.phrasebook import PhraseBook, PhraseMatch, default_phrasebook
from scraper.document import segment_text


def match(template: str, fields: dict[str, str]) -> PhraseMatch:
    return PhraseMatch("bylines", template, fields)


def harvested(m: PhraseMatch) -> tuple[bool, list[tuple[str, object]]]:
    verdict = Verdict()
    ok = harvest_fields(m, verdict)
    return ok, [(h.field, h.value) for h in verdict.harvest]


def test_authors_split_on_and_und_et_y():
    assert harvested(match("by {author}", {"author": "Anna Schmidt und Jonas Weber"})) == (
        True, [("authors", "Anna Schmidt"), ("authors", "Jonas Weber")])
    assert harvested(match("por {author}", {"author": "Lucía Fernández y Pablo Romero"}))[1][1] == ("authors", "Pablo Romero")


def book_authors(raw: str) -> list[object] | None:
    """The authors ``by {author}`` harvests from ``raw`` with the shipped tables (None: rejected)."""
    verdict = Verdict()
    if not harvest_fields(match("by {author}", {"author": raw}), verdict, default_phrasebook()):
        return None
    return [h.value for h in verdict.harvest]


def test_a_role_after_the_names_is_no_co_author():
    assert book_authors("Anna Schmidt, Korrespondentin in Rom") == ["Anna Schmidt"]
    assert book_authors("Jane Doe, Tom Reed, Fox News") == ["Jane Doe", "Tom Reed"]
    assert book_authors("Jane Doe, Tom Reed") == ["Jane Doe", "Tom Reed"]  # no role: two authors
    roles = default_phrasebook().roles
    assert names_role("Local Democracy Reporter", roles) and not names_role("New York", roles)


def test_a_placeholder_names_nobody_but_is_still_a_byline():
    assert book_authors("Unknown") == []
    assert book_authors("admin") == []


@pytest.mark.parametrize("raw", ["Menschen und Mäusen", "Bits und Bytes", "Sarajevo zum Flächenbrand", "Tunis nach Teheran"])
def test_headings_are_no_names(raw: str):
    assert book_authors(raw) is None


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        # the names joined, then the broadcaster they work for (not a third author)
        ("Volkmar Kabisch und Benedikt Strunz, NDR", ["Volkmar Kabisch", "Benedikt Strunz"]),
        ("Anna Schmidt und AFP", ["Anna Schmidt", "AFP"]),  # an agency's acronym is a co-author
        ("Fanny Guénon des Mesnards", ["Fanny Guénon des Mesnards"]),
        ("Jan de Vries", ["Jan de Vries"]),
    ],
)
def test_names_with_particles_and_agencies(raw: str, names: list[str]):
    assert book_authors(raw) == names


def test_implausible_author_rejects_the_whole_match():
    assert harvested(match("by {author}", {"author": "the time the polls closed, Smith won"})) == (False, [])


def test_minutes_must_be_a_plausible_reading_time():
    assert harvested(match("{minutes} min read", {"minutes": "5"})) == (True, [("reading_time_minutes", 5)])
    assert harvested(match("{minutes} min read", {"minutes": "0"}))[0] is False
    assert harvested(match("{minutes} min read", {"minutes": "2024"}))[0] is False


def test_tags_and_section():
    assert harvested(match("tags: {tag}", {"tag": "#climate, energy"})) == (True, [("tags", "climate"), ("tags", "energy")])
    assert harvested(match("posted in {section}", {"section": "Politics, World"})) == (True, [("section", "Politics")])
    assert harvested(match("in {section}", {"section": "2019, the company lost money"})) == (False, [])


def test_wildcard_words_counts_what_the_star_stood_for():
    m = PhraseMatch("credits", "photo: *", {})
    assert wildcard_words(m, "Photo: Alex Kim/Reuters") == 2
    assert wildcard_words(m, "Photo: a new way of seeing, the artist said in the interview yesterday") == 12
    assert wildcard_words(PhraseMatch("share", "share", {}), "Share") == 0
    # French sets « : » apart with spaces: marks, not words
    m = PhraseMatch("teasers", "à lire aussi *", {})
    assert wildcard_words(m, "À lire aussi Valcrème ferme : « un coup de massue »") == 6


class _Credits(PhraseCleaner):
    name = "test_credits"
    family = "credits"


def test_phrase_cleaner_drops_matches_and_caps_wildcards():
    book = PhraseBook({"xx": {"families": {"credits": ["photo: *"]}}})
    doc = segment_text("Photo: Alex Kim/Reuters\nPhoto: a new way of seeing, the artist said in the interview yesterday.")
    verdict = _Credits().judge(Context(doc, doc.blocks, book))
    assert [d.index for d in verdict.drops] == [0]
    assert verdict.drops[0].reason == "credits phrase 'photo: *'"
