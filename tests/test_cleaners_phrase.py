"""PhraseCleaner and the plausibility checks on harvested fields (cleaners/phrase.py)."""

from __future__ import annotations

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.base import Context, Verdict
from cleaners.phrase import (
    PhraseCleaner,
    harvest_fields,
    looks_like_label,
    looks_like_name,
    names_role,
    tidy_name,
    wildcard_words,
)
from cleaners.phrasebook import PhraseBook, PhraseMatch, default_phrasebook
from scraper.document import segment_text


# Scripts without letter case have no capitals to judge by: "王晓明", "佐藤 美咲", "محمد أحمد".
@pytest.mark.parametrize("value", ["Desk Writer", "Marie-Claire d'Arc", "Jan de Vries", "Lucía Fernández", "AFP", "王晓明", "佐藤 美咲", "محمد أحمد", "Анна Смирнова"])
def test_names(value: str):
    assert looks_like_name(value)


# (Chinese names are two to four Han characters: "说了很多话但是没有人听" is a clause.)
@pytest.mark.parametrize("value", ["the time the polls closed", "Jane Doe. She said", "Room 101", "jane@example.com", "", "说了很多话但是没有人听"])
def test_not_names(value: str):
    assert not looks_like_name(value)


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("TANJA KARRASCH", "Tanja Karrasch"),  # a theme's capitals, copied from the screen
        ("HANS-PETER O'BRIEN", "Hans-Peter O'Brien"),
        ("LOUIS XIV", "Louis XIV"),
        ("Mat\u00adthi\u00adas Lauerer", "Matthias Lauerer"),  # soft hyphens
        ("Olivier Minot Olivier Minot", "Olivier Minot"),  # printed twice
        ("Ali Ali", "Ali Ali"),
        ("NDR", "NDR"),  # an agency's letters
        ("Jane  Doe", "Jane Doe"),
    ],
)
def test_tidy_name(raw: str, tidy: str):
    assert tidy_name(raw) == tidy


def test_the_article_tidies_harvested_names_and_the_headline():
    capture = "\n\n".join([
        "Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum",
        "Von TANJA KARRASCH",
        *[f"Der Satz Nummer {n} erzählt, was die Ermittler in diesem Fall herausgefunden haben und warum." for n in range(4)],
    ])
    article = scraper.clean_text(capture)
    assert article.title == "Messengerdienste sind kein rechtsfreier Raum"
    assert article.authors == ("Tanja Karrasch",)


def test_labels():
    assert looks_like_label("World") and looks_like_label("Politik & Wirtschaft") and looks_like_label("U.S.")
    assert looks_like_label("U.S. Politics") and not looks_like_label("Ends here. Then more")
    assert not looks_like_label("2019, the company lost money")
    assert not looks_like_label("the end of the story as we know it today")
    assert not looks_like_label("tomatoes") and looks_like_label("tomatoes", capitalised=False)


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
        ("Volkmar Kabisch und Benedikt Strunz, NDR", ["Volkmar Kabisch", "Benedikt Strunz", "NDR"]),
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


class _Credits(PhraseCleaner):
    name = "test_credits"
    family = "credits"


def test_phrase_cleaner_drops_matches_and_caps_wildcards():
    book = PhraseBook({"xx": {"families": {"credits": ["photo: *"]}}})
    doc = segment_text("Photo: Alex Kim/Reuters\nPhoto: a new way of seeing, the artist said in the interview yesterday.")
    verdict = _Credits().judge(Context(doc, doc.blocks, book))
    assert [d.index for d in verdict.drops] == [0]
    assert verdict.drops[0].reason == "credits phrase 'photo: *'"
