"""The seed capture: the project's first acceptance case."""

from __future__ import annotations

import json

import scraper
from conftest import ROOT, SEED

EXPECTED_REMOVED = {
    "5 min read": "byline",
    "japan's plan to send patriot missiles to ukraine angers russia": "duplicate_headline",
    "Keep Reading": "teaser_link",
    "Load More By Desk Writer": "teaser_link",
    "Load More In World": "teaser_link",
    "Subscribe": "subscribe",
    "Notify of": "comments",
    "guest": "comments",
    "0 Comments": "comments",
    "Oldest": "comments",
    "Newest Most Voted": "comments",
    "Inline Feedbacks": "comments",
    "View all comments": "comments",
    "Check Also": "teaser_box",
    "UAE Tops the World in 223 Global Competitiveness Indicators": "teaser_box",
}


def test_seed_article_fields():
    article = scraper.clean_file(str(SEED))
    assert article.title == "Japan\u2019s Plan to Send Patriot Missiles to Ukraine Angers Russia"
    assert article.authors == ("Desk Writer",)
    assert article.section == "World"
    assert article.reading_time_minutes == 5
    assert article.language == "en"
    assert article.capture == "text"
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].startswith("Russia on Monday warned Japan")
    assert article.paragraphs[-1].endswith("providing it with military aid.")
    assert article.text == "\n\n".join(article.paragraphs)


def test_seed_removes_all_sixteen_boilerplate_lines_with_their_cleaner():
    removed = scraper.clean_file(str(SEED)).removed
    assert len(removed) == 16
    by_text = {r.text: r.cleaner for r in removed}
    for text, cleaner in EXPECTED_REMOVED.items():
        assert by_text[text] == cleaner, text
    excerpt = [r for r in removed if r.text.startswith("Thanks to its clever management")]
    assert excerpt and excerpt[0].cleaner == "teaser_box" and excerpt[0].text.endswith("\u2026")
    assert all(r.reason for r in removed)


def test_seed_matches_its_expected_json():
    expected = json.loads((ROOT / "fixtures" / "seed" / "expected.json").read_text("utf-8"))
    article = scraper.clean_capture(SEED.read_bytes(), content_type="text/plain; charset=utf-8")
    assert article.to_dict(volatile=False) == expected
