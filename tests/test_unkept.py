"""What the HTML extraction left out of a page is reported too (scraper/unkept.py)."""

from __future__ import annotations

import pytest

import scraper
from scraper.document import Block
from scraper.dom_blocks import page_blocks
from scraper.html import parse_html
from scraper.unkept import UNMARKED, left_out

PAGE = """<!doctype html><html lang="en"><head><title>Harbour wall repaired before winter storms | Coast News</title></head>
<body><header class="site-header"><a href="/">Coast News</a><nav class="main-menu"><ul><li><a href="/world">World</a></li>
<li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>
<main><article><h1 class="entry-title">Harbour wall repaired before winter storms</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>Workers finished repairing the harbour wall on Friday, two weeks before the first winter storms are expected to reach the coast.</p>
<p>The wall was damaged in January when waves broke over it and washed away part of the road behind, closing the harbour for a month.</p>
<p>The council said the repair cost 1.2 million pounds, most of it paid by a national fund for coastal defences.</p>
<p>Fishermen welcomed the work but said the harbour still needs a second wall to protect boats moored inside during storms.</p>
</article>
<aside class="related-posts"><h2 class="section-title">Related stories</h2><ul><li><a href="/a">Storm closes coast road</a></li>
<li><a href="/b">New ferry timetable</a></li></ul></aside>
<section id="comments" class="comments-area"><h2>3 comments</h2><p>Great news for the town!</p></section>
<div style="display:none">Preview text for the mail client</div>
</main><footer class="site-footer"><p>© 2026 Coast News. All rights reserved.</p></footer></body></html>"""


def by_text(fast: bool = False) -> dict[str, tuple[str, str]]:
    article = scraper.clean_html(PAGE, fast=fast)
    return {r.text: (r.cleaner, r.reason) for r in article.removed}


@pytest.mark.parametrize("fast", [False, True])
def test_every_block_the_extraction_left_out_is_reported_with_what_it_was(fast: bool) -> None:
    removed = by_text(fast)
    expected = {
        "World": "navigation",
        "Sport": "navigation",
        "We use cookies to improve your experience. Accept all?": "a cookie, newsletter or paywall box",
        "Share on Facebook Share on X": "a share or follow bar",
        "Related stories": "related or popular links",  # (its "section-title" says nothing: the box does)
        "New ferry timetable": "related or popular links",
        "Great news for the town!": "comments",
        "Preview text for the mail client": "hidden on the page",
        "© 2026 Coast News. All rights reserved.": "the page footer",
    }
    for text, what in expected.items():
        assert removed[text] == ("extraction", f"outside the main content ({what})"), text


def test_kept_text_and_the_headline_are_no_removals() -> None:
    article = scraper.clean_html(PAGE)
    removed = [r.text for r in article.removed]
    assert not set(article.paragraphs) & set(removed)
    # The headline is the article's title: trafilatura leaving it out of the body is no removal.
    assert article.title == "Harbour wall repaired before winter storms"
    assert all(r.cleaner != "extraction" or r.text != article.title for r in article.removed)


def test_removals_stand_in_page_order_among_the_cleaners_removals() -> None:
    html = PAGE.replace("<p>Workers", "<p>Advertisement</p><p>Workers")  # a label a cleaner drops, in the body
    removed = [(r.cleaner, r.text) for r in scraper.clean_html(html).removed]
    cookie = removed.index(("extraction", "We use cookies to improve your experience. Accept all?"))
    label = next(k for k, (cleaner, text) in enumerate(removed) if text == "Advertisement")
    related = removed.index(("extraction", "Related stories"))
    assert removed[label][0] != "extraction" and cookie < label < related


def test_a_text_capture_has_no_extraction_removals() -> None:
    capture = "\n".join(["Harbour wall repaired", *[f"Sentence {n} says what the workers did to the harbour wall this week." for n in range(5)]])
    assert all(r.cleaner != "extraction" for r in scraper.clean_text(capture).removed)


def test_left_out_places_each_block_before_the_kept_block_it_stood_above() -> None:
    tree = parse_html("<body><nav>Home</nav><p>First kept paragraph.</p><div>Between</div><p>Second kept.</p><div>After all</div></body>")
    assert tree is not None
    kept = (Block(0, "First kept paragraph.", "paragraph"), Block(1, "Second kept.", "paragraph"))
    found = left_out(page_blocks(tree), kept, None)
    assert [(u.text, u.before) for u in found] == [("Home", 0), ("Between", 1), ("After all", 2)]
    assert found[0].reason == "outside the main content (navigation)" and found[1].reason == UNMARKED
