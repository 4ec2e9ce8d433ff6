"""Cross-page evidence: a site's template lines, learned from its pages, and the cleaner that drops them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import scraper
from cleaners.base import Context
from cleaners.phrasebook import default_phrasebook
from cleaners.template import TemplateLine
from scraper.capture import Capture
from scraper.document import segment_text
from scraper.site_evidence import (
    MAX_PAGES_PER_SITE, MIN_PAGES, PRUNE_EVERY, SiteEvidence, SiteTemplate, file_site, page_lines, site_of,
)

PITCH = "Join 5,000 gardeners who get our weekly notes from the plot."


Page = tuple[str | None, frozenset[str]]


def page(site: str | None, *lines: str) -> Page:
    return site, frozenset(lines)


def evidence_of(pages: list[Page]) -> SiteEvidence:
    evidence = SiteEvidence()
    for site, lines in pages:
        evidence.add(site, lines)
    return evidence


def test_a_line_on_half_the_pages_and_on_four_is_template() -> None:
    pages = [page("pantry.example", PITCH, "About", f"own line {n}") for n in range(6)]
    pages += [page("pantry.example", "Rare widget", f"own line x{n}") for n in range(3)]  # 3 of 9 pages
    template = evidence_of(pages).template("pantry.example")
    assert template is not None and template.pages == 9
    assert template.holds(PITCH) == 6 and template.holds("About") == 6
    assert template.holds("Rare widget") == 0  # under half of the pages
    assert template.holds("own line 1") == 0


def test_a_site_seen_too_few_times_has_no_template() -> None:
    evidence = evidence_of([page("tiny.example", PITCH, f"line {n}") for n in range(MIN_PAGES - 1)])
    assert evidence.template("tiny.example") is None
    assert evidence.template(None) is None and evidence.templates() == {}


def test_copies_of_one_page_count_once() -> None:
    # An article given twice (the same URL twice, or print and web copies with the same text)
    # must not make its own paragraphs template.
    article = page("news.example", "Headline", "The council voted on Tuesday.", "Menu")
    others = [page("news.example", f"Other headline {n}", "Menu") for n in range(3)]
    evidence = evidence_of([article, article, article, *others])
    template = evidence.template("news.example")
    assert template is not None and template.pages == 4
    assert template.holds("The council voted on Tuesday.") == 0 and template.holds("Menu") == 4


def test_pages_without_a_site_or_lines_are_not_counted() -> None:
    evidence = evidence_of([page(None, PITCH)] * 5 + [page("a.example")] * 5)
    assert evidence.templates() == {}


def test_the_site_is_the_host_else_the_folder(tmp_path: Path) -> None:
    assert site_of("https://www.pantry.example/2024/beans", None) == "pantry.example"
    assert site_of(None, str(tmp_path / "captures" / "p1.txt")) == f"folder:{(tmp_path / 'captures').resolve()}"
    assert site_of(None, None) is None


def test_page_lines_of_a_text_capture_are_its_segmented_lines() -> None:
    assert page_lines(Capture.from_text("Home   |  News\n\nA headline\n")) == {"Home | News", "A headline"}


def test_page_lines_of_html_are_the_whole_pages_blocks() -> None:
    html = """<html><body><nav><a href="/">Home</a> <a href="/garden">Garden</a></nav>
    <article><h1>Growing beans</h1><p>Beans like a warm   bed.</p></article>
    <footer><p>© 2024 Pantry Notes</p></footer></body></html>"""
    assert {"Home Garden", "Growing beans", "Beans like a warm bed.", "© 2024 Pantry Notes"} <= page_lines(Capture.from_text(html))


def test_lines_seen_once_are_forgotten_as_pages_come_but_the_template_stays() -> None:
    evidence = evidence_of([page("big.example", PITCH, f"article line {n}") for n in range(PRUNE_EVERY * 3)])
    counts = evidence._lines["big.example"]  # noqa: SLF001 - the bound on memory is the point
    assert counts[PITCH] == PRUNE_EVERY * 3 and len(counts) == 1


def test_the_cleaner_drops_template_lines_with_their_evidence() -> None:
    document = segment_text("A headline\n\nThe council voted on Tuesday to close the old bridge.\n\n" + PITCH + "\n")
    site = SiteTemplate("pantry.example", 12, {PITCH: 9})
    verdict = TemplateLine().judge(Context(replace(document, site=site), document.blocks, default_phrasebook()))
    assert [(document.blocks[d.index].text, d.reason) for d in verdict.drops] == [
        (PITCH, "on 9 of 12 pages read from pantry.example")
    ]


def test_without_evidence_the_cleaner_drops_nothing() -> None:
    document = segment_text(PITCH + "\n")
    assert TemplateLine().judge(Context(document, document.blocks, default_phrasebook())).drops == []


@pytest.mark.parametrize("kind", ["text", "html"])
def test_clean_functions_take_a_site_template(kind: str) -> None:
    body = (
        "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found "
        "cracks in two of its arches. Cyclists and walkers will still be able to cross."
    )
    site = SiteTemplate("news.example", 8, {PITCH: 8})
    if kind == "text":
        article = scraper.clean_text(f"Bridge to close\n\n{body}\n\n{PITCH}\n", site=site)
    else:
        html = f"<html><body><article><h1>Bridge to close</h1><p>{body}</p><p>{body}</p><p>{PITCH}</p></article></body></html>"
        article = scraper.clean_html(html, site=site)
    assert PITCH not in article.paragraphs
    assert [r.cleaner for r in article.removed if r.text == PITCH] == ["site_template"]


def test_a_big_sites_first_pages_are_enough() -> None:
    evidence = evidence_of([page("big.example", PITCH, f"article line {n}") for n in range(MAX_PAGES_PER_SITE + 30)])
    template = evidence.template("big.example")
    assert template is not None and template.pages == MAX_PAGES_PER_SITE and template.holds(PITCH) == MAX_PAGES_PER_SITE


def test_a_file_under_a_folder_given_belongs_to_that_folder_or_to_the_host_its_mirror_names(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    assert file_site(str(crawl / "2024" / "05" / "story.html"), str(crawl)) == f"folder:{crawl.resolve()}"
    # wget -m and HTTrack write a site under a folder named by its host
    mirror = tmp_path / "mirror"
    assert file_site(str(mirror / "www.example.com" / "news" / "a.html"), str(mirror)) == "example.com"
    assert file_site(str(mirror / "blog.example.co.uk" / "index.html"), str(mirror)) == "blog.example.co.uk"
    assert file_site(str(mirror / "notes v2" / "a.html"), str(mirror)) == f"folder:{mirror.resolve()}"
    # a file named by itself: its own folder
    assert file_site(str(crawl / "2024" / "story.html")) == f"folder:{(crawl / '2024').resolve()}"
