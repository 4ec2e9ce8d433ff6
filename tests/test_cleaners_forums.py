"""PostChrome: a forum post's profile and signature lines (cleaners/forums.py)."""

from __future__ import annotations

import scraper
from cleaners.base import Context
from cleaners.forums import PostChrome
from cleaners.phrasebook import default_phrasebook
from scraper.document import Block, Document, Marked

POST = "Fitted a new chain last weekend and since then it skips on the three smallest sprockets."
LINES = ("hillclimber_jo", "Regular", "Posts: 214", POST, "2019 steel tourer, 2022 gravel bike, too many spare parts")


def test_profile_and_signature_lines_are_dropped():
    profile = "hillclimber_jo Regular Posts: 214"
    chrome = (profile, "hillclimber_jo", "Regular", "Posts: 214", LINES[4])  # boxes and their lines (marked.py)
    blocks = tuple(Block(i, text, "paragraph", i) for i, text in enumerate(LINES))
    verdict = PostChrome().judge(Context(Document(blocks, "html", marked=Marked(post_chrome=chrome)), blocks, default_phrasebook(), None))
    assert [d.index for d in verdict.drops] == [0, 1, 2, 4]
    # A short line a box holds only inside a longer line of its own is no line of the box.
    chrome = ("Ferrous Regular member since 2019",)
    verdict = PostChrome().judge(Context(Document(blocks, "html", marked=Marked(post_chrome=chrome)), blocks, default_phrasebook(), None))
    assert verdict.drops == []


def test_a_phpbb_thread_cleans_to_its_posts():
    # The fixture forum-thread holds the whole page (banner, profiles, signatures, "Who is online").
    from pathlib import Path

    capture = Path(__file__).parent.parent / "fixtures" / "forum-thread" / "capture.html"
    article = scraper.clean_html(capture.read_bytes())
    assert article.title == "Rear derailleur skipping under load after new chain"
    assert len(article.paragraphs) == 4 and all(len(p) > 100 for p in article.paragraphs)
    assert {r.cleaner for r in article.removed} >= {"post_chrome", "duplicate_headline", "navigation"}
