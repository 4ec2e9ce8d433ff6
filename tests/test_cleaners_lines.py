"""Shape tests on single lines (cleaners/lines.py)."""

from __future__ import annotations

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.lines import ends_sentence, ends_with_ellipsis, fold_title, is_cjk, is_headline_like, is_prose


def test_fold_title_ignores_case_quotes_punctuation_and_ellipsis():
    assert fold_title("Japan’s Plan: Missiles!") == fold_title("japan's plan missiles")
    assert fold_title("Japan's Plan to Send…") == "japans plan to send"
    assert fold_title("A «quoted» word [...]") == "a quoted word"


def test_sentence_and_ellipsis_ends():
    assert ends_sentence("It rained.") and ends_sentence("“It rained,” she said.”") and ends_sentence("Why?")
    assert not ends_sentence("Budget Passes After Debate")
    assert ends_with_ellipsis("human develop…") and ends_with_ellipsis("more to come...") and ends_with_ellipsis("text [...]")
    assert not ends_with_ellipsis("The end.")


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the budget on Tuesday after a debate that lasted most of the night.",
        "Le conseil municipal a approuvé le budget mardi après un débat qui a duré toute la nuit.",
        "東京都は月曜日、新しい防災計画を発表した。計画では、首都直下地震に備えて避難所の数を増やし、食料の備蓄も見直す。",
    ],
)
def test_prose(text: str):
    assert is_prose(text)


@pytest.mark.parametrize(
    "text",
    ["Budget Passes After Debate", "Read more", "Share", "March 3, 2024",
     "Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort"],
)
def test_not_prose(text: str):
    assert not is_prose(text)


@pytest.mark.parametrize("text", ["Budget Passes After Debate", "Wärmepumpen-Absatz bricht um fast die Hälfte ein"])
def test_headline_like(text: str):
    assert is_headline_like(text)


@pytest.mark.parametrize(
    "text",
    ["Home", "4 min", "12 photos", "The council approved the budget.", "2024-03-03 10:15", "x" * 230 + " y"],
)
def test_not_headline_like(text: str):
    assert not is_headline_like(text)


def test_cjk():
    assert is_cjk("東京都は月曜日、新しい防災計画を発表した。")
    assert not is_cjk("Tokyo announced a new plan on Monday.")


@pytest.mark.parametrize(
    "text",
    ["a.", "a.\n", "“So.“", "So.»)", "a.)\n", "»", ")", "", "x...  ", "x....", "x[…] \t", "…\n\n", "No end", "6. Juli", "a.\n\n"],
)
def test_line_end_shortcuts_agree_with_their_regexes(text: str):
    from cleaners.lines import _ELLIPSIS_END, _SENTENCE_END

    assert ends_sentence(text) == bool(_SENTENCE_END.search(text))
    assert ends_with_ellipsis(text) == bool(_ELLIPSIS_END.search(text))


def test_a_signature_in_full_width_brackets_ends_no_sentence_of_its_own():
    from cleaners.lines import ends_sentence, unsigned

    assert unsigned("持続可能な仕組みを考えていきたい」と話している。（山田 花子）") == "持続可能な仕組みを考えていきたい」と話している。"
    assert ends_sentence("…と話している。（山田 花子）")
    assert unsigned("价格上涨（记者 王明）") == "价格上涨（记者 王明）"  # no stop before it: the sentence's own bracket
    assert unsigned("Camiseta negra y medias negras. (Oficial)") == "Camiseta negra y medias negras. (Oficial)"
