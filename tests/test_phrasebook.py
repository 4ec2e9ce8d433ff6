"""Phrase tables as data and their compiled matcher (cleaners/phrasebook.py, cleaners/phrases/*.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import scraper  # noqa: F401  (imports the package in the order the pipeline needs)
from cleaners.phrasebook import MAX_CHROME_CHARS, Family, LineMatches, PhraseBook, default_phrasebook, fold, literal_chars

PHRASES = Path(__file__).resolve().parents[1] / "cleaners" / "phrases"
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "fi", "hu", "ro", "el")
FAMILIES = (
    "subscribe", "comments", "comment_headers", "comment_entries", "teasers", "teaser_headers",
    "bylines", "share", "cookies", "navigation", "ads", "credits", "breadcrumb_roots",
)


def table(lang: str) -> dict:  # type: ignore[type-arg]
    return json.loads((PHRASES / f"{lang}.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_stopwords_and_every_family(lang: str):
    data = table(lang)
    assert data["language"] == lang
    assert 100 <= len(data["stopwords"]) <= 220
    assert all(w == w.lower() and " " not in w for w in data["stopwords"])
    for family in FAMILIES:
        assert data["families"].get(family), f"{lang}: no {family}"


@pytest.mark.parametrize("lang", [*LANGUAGES, "ja", "zh", "ar", "ko", "tr", "id", "vi"])
def test_templates_are_folded_like_the_lines_they_match(lang: str):
    # A template with edge punctuation ("read more »") could never match a folded line.
    for family, templates in table(lang)["families"].items():
        for template in templates:
            bare = template.replace("*", "x").replace("{", "x").replace("}", "x")
            assert fold(bare) == bare, f"{lang}/{family}: {template!r}"
            assert template == template.lower()
            # "İ".lower() is "i" and a combining dot, which no line matches: re.IGNORECASE equates "İ" with "i".
            assert "i\u0307" not in template, f"{lang}/{family}: {template!r}"


def test_a_turkish_dotted_capital_i_matches_the_templates_plain_i():
    book = default_phrasebook()
    assert book.match("teaser_headers", "İlgili Haberler") is not None
    assert book.match_all("İlgili Haberler").keys() >= {"teaser_headers"}  # (the dispatch, too)
    assert book.match("teasers", "İlgili Haberler Zeytinyağı ihracatında yeni dönem: Dökme satışa kota geliyor") is not None


def test_fold():
    assert fold("  — Read More » ") == "Read More"
    assert fold("Don’t miss") == "Don't miss"
    assert fold("«Lire aussi»") == "Lire aussi"
    assert fold("Ｓｈａｒｅ") == "Share"  # NFKC: full-width letters
    assert fold("Share\u00a0this") == "Share this"


def test_family_plain_words_match_whole_lines_only_and_ignore_case():
    family = Family("share", ["share this article"])
    assert family.match("SHARE THIS ARTICLE") is not None
    assert family.match("Share this article with a friend") is None
    assert family.match("Please share this article") is None


def test_family_captures_and_numbers():
    family = Family("bylines", ["load more by {author}", "{minutes} min read", "{count} comments"])
    m = family.match("Load More By Desk Writer")
    assert m is not None and m.template == "load more by {author}" and m.fields == {"author": "Desk Writer"}
    assert family.match("12 min read").fields == {"minutes": "12"}  # type: ignore[union-attr]
    assert family.match("1,234 Comments").fields == {"count": "1,234"}  # type: ignore[union-attr]
    assert family.match("1.2k comments").fields == {"count": "1.2k"}  # type: ignore[union-attr]  # (rounded)
    assert family.match("many min read") is None


def test_family_wildcard():
    family = Family("credits", ["photo: *", "*/getty images"])
    assert family.match("Photo: Jane Roe/AP").template == "photo: *"  # type: ignore[union-attr]
    assert family.match("Jane Roe/Getty Images").template == "*/getty images"  # type: ignore[union-attr]
    assert family.match("Photography: a history") is None


def test_family_reports_the_first_template_that_matched():
    family = Family("x", ["posted in {section}", "posted on {date}", "posted {date}"])
    assert family.match("Posted on March 3, 2024").template == "posted on {date}"  # type: ignore[union-attr]
    assert family.match("Posted in Politics").fields == {"section": "Politics"}  # type: ignore[union-attr]
    assert Family("x", ["posted {date}", "posted on {date}"]).match("Posted on May 1").template == "posted {date}"  # type: ignore[union-attr]


def test_a_family_first_used_from_many_threads_answers_as_one_used_alone():
    # Each group of templates is compiled on first use; threads racing to it
    # must read the same matches and fields as a family used in one thread.
    from concurrent.futures import ThreadPoolExecutor

    templates = default_phrasebook().family("bylines").templates
    lines = ["By Jane Doe | March 3, 2024", "Von Anna Schmidt", "5 min read", "Publié le 3 mars 2024 par Luc Martin",
             "Updated 10:42 a.m. ET Nov. 27, 2026", "Share this article", "Actualizado: 27/11/2026"] * 20

    def answers(family: Family) -> list[tuple[str, dict[str, str]] | None]:
        return [(m.template, m.fields) if (m := family.match(line)) else None for line in lines]

    alone = answers(Family("bylines", templates))
    shared = Family("bylines", templates)
    with ThreadPoolExecutor(8) as pool:
        raced = list(pool.map(lambda _: answers(shared), range(8)))
    assert all(r == alone for r in raced)
    assert sum(a is not None for a in alone) >= 5 * 20


@pytest.mark.parametrize("lang", [*LANGUAGES, "ja", "zh", "ar", "ko", "tr", "id", "vi"])
def test_tables_put_the_most_literal_template_first(lang: str):
    # The first matching template wins: "posted in {section}" before "posted {date}".
    for family, templates in table(lang)["families"].items():
        literal = [literal_chars(t) for t in templates]
        assert literal == sorted(literal, reverse=True), f"{lang}/{family}"


def test_long_lines_are_never_chrome():
    family = Family("share", ["share *"])
    assert family.match("Share " + "x" * MAX_CHROME_CHARS) is None


def test_languages_are_merged_per_family():
    book = PhraseBook({"en": {"families": {"share": ["share"]}}, "de": {"families": {"share": ["teilen"]}, "stopwords": ["und"]}})
    assert book.match("share", "Teilen") and book.match("share", "Share")
    assert book.stopwords["de"] == frozenset({"und"})
    with pytest.raises(KeyError):
        book.family("nope")


def test_merged_families_try_the_most_literal_template_first_whatever_the_order_read():
    es = {"families": {"bylines": ["publicado el {date} por {author}", "publicado {date}"]}}
    pt = {"families": {"bylines": ["publicado {date}"]}}
    line = "Publicado el 14 de febrero de 2026 por María Fernanda Ruiz"
    for tables in ({"pt": pt, "es": es}, {"es": es, "pt": pt}):
        match = PhraseBook(tables).match("bylines", line)
        assert match is not None and match.fields == {"date": "14 de febrero de 2026", "author": "María Fernanda Ruiz"}


def test_default_phrasebook_holds_all_languages():
    book = default_phrasebook()
    assert set(LANGUAGES) <= set(book.languages)
    assert book.match("subscribe", "Jetzt abonnieren") and book.match("teasers", "Lire la suite")


def test_fold_strips_pictographs_at_the_edges_only():
    assert fold("📲 Participe do canal") == "Participe do canal"
    assert fold("Keep Reading 🚀") == "Keep Reading"
    assert fold("👍🏽 Like") == "Like"  # (a skin-tone modifier is a pictograph too)
    assert fold("Café ☕ time") == "Café ☕ time"


def test_fold_strips_spanish_inverted_marks():
    assert fold("¡Suscríbete ahora!") == "Suscríbete ahora"
    assert fold("¿Ya eres suscriptor?") == "Ya eres suscriptor"


def _sample(template: str, field: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: "12" if m.group(1) in ("count", "minutes") else field, template).replace("*", field)


def test_dispatch_gives_the_answers_of_every_family_tried_in_turn():
    # The combined dispatch only skips families that cannot match: for lines
    # built from every template (and near misses), the same matches.
    book = default_phrasebook()
    lines = {"Budget Passes After All-Night Debate", "By Jane Doe | March 3, 2024", "Ramsays", "Standby", "x" * 200}
    for family in book.names:
        for template in book.family(family).templates:
            lines.update({_sample(template, "Jane Roe"), _sample(template, "x").upper(), _sample(template, "")})
            lines.add(_sample(template, "Jane") + " more")
    for line in lines:
        expected = {f: book.match(f, line) for f in book.names}
        assert dict(book.match_all(line)) == {f: m for f, m in expected.items() if m}, line


def test_lines_dispatched_together_get_the_answers_of_lines_dispatched_alone():
    # match_each finds the "contains" stretches in all lines joined: no line
    # may gain or lose a family by its neighbours.
    book = default_phrasebook()
    lines = ["Vor 3 Tagen", "il y a un an", "Share", "x" * 200, "", "Foto: dpa / picture alliance / Jane Roe"]
    for family in ("bylines", "teasers", "credits"):
        lines += [_sample(t, "Jane Roe") for t in book.family(family).templates]
    assert book.match_each(lines) == [book.match_all(line) for line in lines]


def test_every_keyword_holds_one_of_its_list_anchors():
    # Keywords.find runs its regex only on text holding an anchor: each
    # keyword's literal stem must hold one, or a match could be missed.
    book = default_phrasebook()
    for lang in LANGUAGES:
        for name, words in table(lang).get("keywords", {}).items():
            anchors = book.keywords(name)._anchors
            for word in words:
                if word[:1].isalnum():
                    stem = word[:-1] if word.endswith("*") else word
                    assert any(a in stem for a in anchors), (name, word, anchors)


def test_caseless_equates_what_re_ignorecase_equates():
    # Every template character: each character re.IGNORECASE takes for it folds alike.
    from cleaners.dispatch import caseless

    everything = "".join(chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000)
    book = default_phrasebook()
    chars = {c for family in book.names for t in book.family(family).templates for c in t}
    chars |= set("sikµσ")
    for char in chars:
        for twin in re.findall(re.escape(char), everything, re.I):
            assert caseless(twin) == caseless(char), (char, twin)
    assert caseless("ΟΔΟΣ") == caseless("οδοσ") and caseless("İNDİR") == "indir"


def test_line_matches_remember_the_answers_of_the_book():
    book = default_phrasebook()
    lines = LineMatches(book, ["Share", "Budget Passes", "Read more"])
    assert lines.match("share", "Share") == book.match("share", "Share")
    assert lines.match("share", "Teilen") is not None  # any text, not only the document's lines
    assert dict(lines.hits("teasers")) == {"Read more": book.match("teasers", "Read more")}
    assert lines.hits("cookies") == {}
    with pytest.raises(KeyError):
        lines.hits("nope")
    with pytest.raises(KeyError):
        lines.match("nope", "Share")


def test_fold_is_nfkc_quotes_and_collapsed_space():
    import unicodedata

    from cleaners.phrasebook import _EDGE, _QUOTES

    def reference(line: str) -> str:
        text = unicodedata.normalize("NFKC", line).translate(_QUOTES)
        return re.sub(r"\s+", " ", text).strip(_EDGE)

    for line in ("`Tis ``so''", " \u2003Ｓｈａｒｅ\u00a0 this ", "«Lire aussi»\t…", "ﬁn\u2028de", "plain words", " — "):
        assert fold(line) == reference(line), line


def test_single_word_lookup_agrees_with_the_regexes():
    book = default_phrasebook()
    words = ["Facebook", "TWITTER", "E-Mail", "«Teilen»", "Ｓｈａｒｅ", "Sharing", "12", "", "|", "Budget", "Tweet"]
    for name in book.names:
        family = book.family(name)
        for word in words + [t for t in family.templates if " " not in t][:40]:
            assert family.matches_word(word) == (family.match(word) is not None), (name, word)
    assert book.family("share")._words is not None  # the set look-up is what the share rows use


def test_keywords_match_from_a_word_start_with_optional_endings():
    book = PhraseBook({"de": {"keywords": {"subscribe": ["abonnier*", "postfach"]}}})
    found = book.keywords("subscribe")
    assert found is not None
    assert found.find("Jetzt Newsletter abonnieren und informiert bleiben.") == 17
    assert found.find("Direkt in dein Postfach!") == 15
    assert found.find("Postfächer") == -1  # no "*": the word ends there
    assert found.find("deabonnieren") == -1  # from a word start only
    assert book.keywords("bios") is None
    marks = PhraseBook({"en": {"keywords": {"notices": ["©", "all rights reserved"]}}}).keywords("notices")
    assert marks is not None and marks.find("Text ©2020 Jane Roe") == 5 and marks.find("ALL RIGHTS RESERVED.") == 0


def test_keywords_of_a_known_language_are_its_own_and_english_ones():
    book = PhraseBook({
        "en": {"keywords": {"subscribe": ["newsletter*"]}},
        "de": {"keywords": {"subscribe": ["abonnier*"]}},
        "fr": {"keywords": {"subscribe": ["abonnez*"]}},
    })
    german = book.keywords("subscribe", language="de")
    assert german is not None
    assert german.find("Jetzt abonnieren!") == 6
    assert german.find("Unser Newsletter kommt freitags.") == 6  # an untranslated widget's English
    assert german.find("Abonnez-vous à la lettre") == -1  # French says nothing on a German page
    # A language the tables do not know, or none: every language's lists.
    for unknown in ("sk", None):
        anywhere = book.keywords("subscribe", language=unknown)
        assert anywhere is not None and anywhere.find("Abonnez-vous") == 0
    assert book.keywords("subscribe", language="de") is german  # compiled once


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_keywords_in_lower_case(lang: str):
    for name in ("subscribe", "notices", "bio", "bio_self", "bio_copula"):
        words = table(lang)["keywords"][name]
        assert words and all(w == w.lower() and w.strip() == w for w in words), f"{lang}/{name}"


def test_keywords_of_marks_only_find_the_marks_and_nothing_else():
    from cleaners.keywords import Keywords

    marks = Keywords(["©"])
    assert marks.find("plain text") == -1 and marks.find("Photo © AP") == 6
    assert not marks.fullmatch("plain")


def test_keywords_of_unspaced_scripts_are_found_inside_a_sentence():
    from cleaners.keywords import Keywords

    # Japanese writes no space before "Cookie": no word start to anchor at.
    words = Keywords(["cookieを使用", "newsletter*"])
    assert words.find("当サイトでは広告配信のためにCookieを使用しています。") == 14
    assert words.find("Get our newsletters") == 8 and words.find("クッキーは使いません") == -1
