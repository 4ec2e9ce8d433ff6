"""The library API: import order, detection, purity across threads and processes."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import scraper
from conftest import ROOT, SEED
from scraper.errors import NoArticleError

HTML = (ROOT / "fixtures" / "h1-repeated-in-body" / "capture.html").read_bytes()


@pytest.mark.parametrize("first", ["cleaners", "cleaners.base", "scraper.document", "scraper.pipeline", "scraper"])
def test_any_module_can_be_imported_first(first: str):
    code = f"import {first}; import scraper; assert scraper.clean_text"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_clean_capture_detects_html_and_text():
    assert scraper.clean_capture(SEED.read_bytes()).capture == "text"
    assert scraper.clean_capture(HTML).capture == "html"
    assert scraper.clean_capture(HTML.decode("utf-8"), capture="text").capture == "text"


def test_clean_text_accepts_str_and_bytes_alike():
    assert scraper.clean_text(SEED.read_text("utf-8")).to_dict(False) == scraper.clean_text(SEED.read_bytes()).to_dict(False)


def test_url_is_recorded_and_not_invented():
    assert scraper.clean_text(SEED.read_bytes(), url="https://example.org/a").url == "https://example.org/a"
    assert scraper.clean_text(SEED.read_bytes()).url is None


def test_no_article_is_an_error_not_an_empty_article():
    with pytest.raises(NoArticleError):
        scraper.clean_text("Home\nNews\nSport\nContact\n")


def _seed_json(_: int) -> str:
    return scraper.clean_text(SEED.read_bytes()).to_json()


def test_same_result_from_many_threads():
    expected = _seed_json(0)
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(_seed_json, range(32))) == {expected}


def test_same_result_from_processes():
    expected = _seed_json(0)
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert set(pool.map(_seed_json, range(4))) == {expected}


def test_articles_are_immutable():
    article = scraper.clean_text(SEED.read_bytes())
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]


def test_word_count_counts_cjk_characters_and_other_words():
    from scraper.article import Article

    article = Article(title=None, paragraphs=("東京都は月曜日、新しい計画を発表した。", "Hello world, two words", "Mixed 日本 text"), capture="text")
    assert article.word_count == 17 + 4 + 4


GUIDE = """<html><head><title>Guide to night buses</title></head><body><article><h1>Guide to night buses</h1>
<p>The night bus network grew by two routes this spring, and the council has printed a guide to where they stop.</p>
<h2>Where they stop</h2><ul><li>At the station, every forty minutes from midnight.</li><li>At the hospital, every hour until five.</li></ul>
<blockquote><p>"We waited two years for this route," said a nurse who works nights at the hospital.</p></blockquote>
<p>The timetable is published as data too, for the apps that riders use to plan their trips home.</p>
<pre><code>curl https://example.org/timetable.json</code></pre></article></body></html>"""


@pytest.mark.parametrize("fast", [False, True])
def test_paragraph_kinds_shape_the_markdown(fast: bool):
    article = scraper.clean_html(GUIDE, fast=fast)
    assert article.to_dict()["paragraph_kinds"] == [
        "paragraph", "heading", "list_item", "list_item", "quote", "paragraph", "code"]
    md = article.to_markdown()
    assert "\n\n## Where they stop\n\n" in md
    assert "\n\n- At the station, every forty minutes from midnight.\n- At the hospital, every hour until five.\n\n" in md
    assert '\n\n> "We waited two years' in md
    assert "\n\n```\ncurl https://example.org/timetable.json\n```\n" in md


def test_the_markdown_byline_gives_the_day_of_a_published_time():
    from scraper.article import Article

    article = Article(title="T", paragraphs=("Text.",), capture="html", authors=("Jane Doe",), published="2026-03-04T10:15:00Z")
    assert "*Jane Doe · 2026-03-04*" in article.to_markdown()


def test_a_text_captures_lines_have_no_known_kind():
    article = scraper.clean_text(SEED.read_bytes())
    assert set(article.paragraph_kinds) == {"line"} and len(article.paragraph_kinds) == len(article.paragraphs)
    # Lines render as paragraphs, as before kinds were recorded.
    assert article.to_markdown().endswith("\n\n".join(article.paragraphs) + "\n")
