"""ChromeRow: chrome phrases copied as one line (cleaners/rows.py)."""

from __future__ import annotations

import pytest

from cleaners.phrasebook import LineMatches, default_phrasebook
from cleaners.rows import ChromeRow, is_chrome_row

import judging


def dropped(*lines: str) -> list[str]:
    return judging.judge(ChromeRow(), lines)[0]


@pytest.mark.parametrize(
    "line",
    [
        "Impressum | Datenschutz",  # a footer's links, separators kept
        "AGB · Impressum · Kontakt",
        "Rezept drucken Bei Pinterest speichern",  # two buttons, no separator left
        "Print Recipe Pin Recipe",
        "Anmelden Registrieren",
        "Search for: Search",  # a search box's label and its button
        "Share on Facebook Share on Twitter",
        "Je m'abonne Je me connecte",
        "Teilen Pin it Mailen Drucken",  # four buttons
        "Sign upSign in",  # two buttons whose space the copy lost
        "ShareTweet",
        "Partager cet article Partager sur Facebook Partager sur X Partager sur WhatsApp",  # twelve words
        "Artikel anhören Teilen",  # an audio player's button (a teaser phrase, whole) beside the share button
        "Listen to this article Share",
        "38 7 Restack Share",  # like and comment counts over the buttons, their icons lost
        "214 Share",
        "Поиск Поддержать 18+",  # a Russian site's age rating after its buttons
    ],
)
def test_rows_of_chrome_phrases_are_dropped(line: str) -> None:
    assert dropped(line) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Impressum",  # one phrase: its family's cleaner takes it, with that reason
        "Kontakt zur Redaktion der Zeitung",  # a piece that is no phrase
        "Home Office bleibt für viele Beschäftigte die Regel",
        "Teilen Sie uns Ihre Meinung mit.",  # a sentence
        "Share your story with our readers",
        "Menu of the day: soup, fish, and a tart",
        "Share your iPhone photos with TikTok",  # case joins in brand names: no row
        "Read more: Flood defences fail Share",  # a teaser phrase's wildcard holding a headline
        "2 Share prices fell",  # a number before words that are no row
        "Top 10",  # a count after a button's word: a heading's
    ],
)
def test_headings_sentences_and_single_phrases_are_kept(line: str) -> None:
    assert dropped(line) == []


def test_is_chrome_row_cuts_only_before_a_phrase_opener() -> None:
    matches = LineMatches(default_phrasebook())
    assert is_chrome_row("Menü Suche", matches)
    assert not is_chrome_row("Die Suche nach dem Menü", matches)
