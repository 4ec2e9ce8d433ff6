"""MailSignature: a mail's signature under its "-- " delimiter (cleaners/mail.py)."""

from __future__ import annotations

from pathlib import Path

import scraper
from cleaners.mail import MailSignature

import judging

TEXT = (
    "The tide-table cache has been a directory of pickled files since the first release, "
    "and a cold start now spends most of its time opening small files."
)


def dropped(*groups: str) -> list[str]:
    return judging.judge(MailSignature(), groups, sep="\n\n")[0]


def test_the_signature_under_its_delimiter_is_dropped():
    assert dropped(TEXT, "Thanks,\nMaren", "-- \nMaren Holt\nTidewater maintainer\n+44 20 7946 0018") == [
        "--", "Maren Holt", "Tidewater maintainer", "+44 20 7946 0018",
    ]


def test_dashes_that_open_no_signature_stay():
    # No message above; five lines under it; prose under it; dashes with text of their own.
    assert dropped("-- \nMaren Holt", TEXT) == []
    assert dropped(TEXT, "-- \nMaren Holt\nMaintainer\nTidewater\nPort Office\nHarbour Road") == []
    assert dropped(TEXT, "--\n" + TEXT) == []
    assert dropped(TEXT, "-- Maren") == []
    # the delimiter alone in its group: nothing under it to drop
    assert dropped(TEXT, "--", "Maren Holt") == []


def test_a_list_archive_message_cleans_to_its_text(tmp_path: Path):
    # Mailman's pipermail page: the message in a <pre>, hard-wrapped (which
    # trafilatura hands over as a <quote> here; the fixture
    # pipermail-message has the page whole, sender line and all).
    body = "\n\n".join([
        "Hello everyone,",
        "The tide-table cache has been a directory of pickled files since the first\n"
        "release. It was fine for a handful of harbours, but the station list has\n"
        "grown past nine hundred entries and cold starts are slow.",
        "Thanks,\nMaren",
        "-- \nMaren Holt\nTidewater maintainer",
    ])
    html = (
        "<html><head><title>[Tide] Cache</title></head><body><h1>[Tide] Cache</h1>"
        "<b>Maren Holt</b> <a href='mailto:x'>maren at holt.example</a><br><i>Tue Apr 14 09:41:27 UTC 2015</i>"
        f"<hr><pre>{body}</pre><hr></body></html>"
    )
    article = scraper.clean_html(html)
    assert article.paragraphs[1].startswith("The tide-table cache has been a directory of pickled files since the first release.")
    assert article.paragraphs[-2:] == ("Thanks,", "Maren")
    assert [r.cleaner for r in article.removed if r.text.startswith(("--", "Tidewater"))] == ["mail_signature"] * 2
