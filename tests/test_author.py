"""The DOM author search: same answers as trafilatura's, on hand-made pages."""

from __future__ import annotations

import pytest

import scraper
from trafilatura.metadata import extract_author

from scraper.author import dom_author
from scraper.html import parse_html

BODY = "<p>The article itself, a paragraph of prose that no author search should ever return.</p>"

PAGES = {
    # tier 1 beats an earlier tier-3 element
    "tier order": ('<div class="post-writer">Desk Staff</div>'
                   '<span class="author-name">Maria Gonzalez</span>', "Maria Gonzalez"),
    "rel author link": ('<p>By <a rel="author" href="/u/jo">Jo Rivera</a></p>', "Jo Rivera"),
    "itemprop author": ('<div itemprop="author" itemscope><span itemprop="name">Lena Vogt</span></div>', "Lena Vogt"),
    "byline class": ('<p class="byline">Von Peter Schmidt</p>', "Peter Schmidt"),
    "data-component": ('<section data-component="Byline-block">Ana Silva</section>', "Ana Silva"),
    "author tag": ("<author>Kim Lee</author>", "Kim Lee"),
    # a comment list is never looked into; the article's byline further down wins
    "comments skipped": ('<div id="comments"><span class="author">Troll Commenter</span></div>'
                         '<div class="entry-author">Sam Green</div>', "Sam Green"),
    # a sidebar widget's author is not the article's
    "sidebar skipped": ('<aside><div class="widget sidebar"><p class="byline">Other Writer</p></div></aside>', None),
    # the date inside a byline box is cut out of its text, its tail kept
    "time cut": ('<div class="author">Ola Nordmann <time>12 May 2024</time></div>', "Ola Nordmann"),
    # too long to be a name: the next candidate is tried
    "too long": (f'<div class="author">{"x " * 70}</div><span class="byline">Ed Kay</span>', "Ed Kay"),
    "none": ('<div class="headline">Nothing here names anyone</div>', None),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_author_matches_trafilatura(name: str) -> None:
    markup, expected = PAGES[name]
    tree = parse_html(f"<html><head><title>T</title></head><body>{markup}{BODY}</body></html>")
    assert tree is not None
    assert dom_author(tree) == expected
    assert extract_author(tree) == expected  # the reference answer, same page


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # the block's children, run together, would read "Rhiannon Dale Health correspondent"
        ('<div class="byline-block"><time>12 September 2024</time><div class="contributor">'
         "<span>By Rhiannon Dale</span><span>Health correspondent, Eastmoor News</span></div></div>", "Rhiannon Dale"),
        # a name split over two elements has no child that names her: the whole text stands
        ('<div class="author"><span itemprop="givenName">Lena</span> <span itemprop="familyName">Vogt</span></div>',
         "Lena Vogt"),
        # a product's reviews are signed by readers, like comments
        ('<section id="reviews" class="reviews"><div class="review"><p class="review__author">Kim R. · Verified buyer</p>'
         '</div></section><span class="byline">Ed Kay</span>', "Ed Kay"),
        # text of the element's own beside a child: no block of parts, the whole text stands
        ('<p class="byline">By <a href="/u/jo">Jo Rivera</a></p>', "Jo Rivera"),
        # a theme's dot between the name and the date, either way round (not "Jane Doe ·")
        ('<p class="byline">By Jane Doe · 3 March 2026</p>', "Jane Doe"),
        ('<p class="byline">3 March 2026 • By Jane Doe</p>', "Jane Doe"),
        # a React site's byline component, named in a data attribute in any case; its role in a child of its own
        ('<div data-component="byline-block"><time>4 March 2026</time><span><span>Sarah Collins</span>'
         '<div>Transport correspondent</div></span></div>', "Sarah Collins"),
        ('<div data-testid="ArticleByline"><a href="/p/ng">Nina Gruber</a></div>', "Nina Gruber"),
        # a news site's "reporter" box, its label before the name (trafilatura keeps the word, drops the colon)
        ('<div class="reporter">Haber: Ayşe Demir</div>', "Ayşe Demir"),
        # a site's address is no name ("Przepisy Pl")
        ('<p class="author">Autor: przepisy.pl</p>', None),
        # an aside in brackets is where she filed from, not a second author ("Vernelles; Envoyée Spéciale")
        ('<span class="author__detail"><a href="/s/cd">Par <span class="author__name">Claire Dubois</span></a>'
         " (Vernelles, envoyée spéciale)</span>", "Par Claire Dubois"),
    ],
)
def test_an_author_block_of_parts_names_the_part_that_is_a_name(markup: str, expected: str) -> None:
    tree = parse_html(f"<html><head><title>T</title></head><body>{markup}{BODY}</body></html>")
    assert dom_author(tree) == expected


def test_an_author_card_of_the_first_author_gives_way_to_the_byline_naming_both() -> None:
    markup = ('<span class="tnt-byline">By <a href="/u/mw">Marcus Whitfield</a> and <a href="/u/pn">Priya Nandakumar</a>'
              ' Courier staff writers</span>'
              '<div class="asset-author-card"><h5><a href="/u/mw">Marcus Whitfield</a></h5><p>City Hall reporter</p></div>')
    tree = parse_html(f"<html><head><title>T</title></head><body>{markup}{BODY}</body></html>")
    assert dom_author(tree) == "Marcus Whitfield; Priya Nandakumar"
    # (Not a tag line run on after the name: "DOTYCZY gazociąg Jamalski" names no one.)
    markup = ('<div class="news-author row"><div><span class="author-name">Daniel Czyżewski</span></div>'
              '<div class="news-tags"><strong>DOTYCZY: </strong><a>gazociąg Jamalski</a> <a>PGNIG SA</a></div></div>')
    tree = parse_html(f"<html><head><title>T</title></head><body>{markup}{BODY}</body></html>")
    assert dom_author(tree) == "Daniel Czyżewski"


ARTICLE = "".join(
    f"<p>Paragraph {n} of the story tells the council's budget plan in plain, complete sentences for readers.</p>"
    for n in range(6)
)


def _page(byline: str, marked: str) -> str:
    return (f"<html><head><title>Council budget</title></head><body>{marked}<article><h1>Council budget</h1>"
            f"{byline}{ARTICLE}</article></body></html>")


def test_byline_in_the_text_beats_an_author_classed_widget() -> None:
    # a label in an author-classed element ("Datum", a mascot's name) is a weaker
    # witness than the byline the article prints
    html = _page("<p>By Julie Mollins</p>", '<div class="author-box"><span class="author">Datum</span></div>')
    assert scraper.clean_html(html).authors == ("Julie Mollins",)


def test_author_classed_element_is_the_fallback() -> None:
    html = _page("", '<div class="entry-meta"><span class="author">Julie Mollins</span></div>')
    assert scraper.clean_html(html).authors == ("Julie Mollins",)


def test_declared_author_beats_both() -> None:
    html = _page("<p>By Julie Mollins</p>", '<span class="author">Someone Else</span>').replace(
        "<title>", '<meta name="author" content="Ann Declared"><title>')
    assert scraper.clean_html(html).authors == ("Ann Declared",)


SITE = ('<meta property="og:site_name" content="Kiln &amp; Current Ceramics">'
        '<meta name="author" content="Kiln &amp; Current Ceramics"><title>')


def test_a_declared_site_gives_way_to_the_person_an_author_element_names() -> None:
    # Squarespace declares the site as the author; the byline names the person.
    html = _page("", '<div class="blog-meta">Written by <a class="blog-author">Lena Ortiz</a></div>')
    assert scraper.clean_html(html.replace("<title>", SITE)).authors == ("Lena Ortiz",)


@pytest.mark.parametrize(
    "marked",
    [
        # a quote's author, in a sidebar box of quotes
        '<section class="box-zitiert"><blockquote><p>Ein Satz.</p><span class="zitat-author">Jan Fleischhauer</span></blockquote></section>',
        # a job, not a person
        '<span class="author">Deutscher Journalist</span>',
    ],
)
def test_a_declared_site_stands_where_no_person_is_named(marked: str) -> None:
    html = _page("", marked).replace("<title>", SITE)
    assert scraper.clean_html(html).authors == ("Kiln & Current Ceramics",)


@pytest.mark.parametrize(
    ("marked", "author"),
    [
        ('<span class="author">Par Stefan Häne</span>', "Stefan Häne"),
        ('<div class="author-link"><a class="author">View all posts by Daniel Lemire</a></div>', "Daniel Lemire"),
    ],
)
def test_an_author_element_worded_as_a_byline_names_the_author(marked: str, author: str) -> None:
    assert scraper.clean_html(_page("", marked)).authors == (author,)


def test_a_declared_author_worded_as_a_byline_names_the_author() -> None:
    html = _page("", "").replace("<title>", '<meta name="author" content="Por Alberto Ávila"><title>')
    assert scraper.clean_html(html).authors == ("Alberto Ávila",)


@pytest.mark.parametrize("declared", ["Dr. Sebastian Brüggemann", "Prof. Dr. Sebastian Brüggemann"])
def test_a_declared_authors_titles_are_left_out_as_a_bylines_are(declared: str) -> None:
    html = _page("", "").replace("<title>", f'<meta name="author" content="{declared}"><title>')
    assert scraper.clean_html(html).authors == ("Sebastian Brüggemann",)


def test_an_author_element_holding_a_sentence_or_a_placeholder_names_nobody() -> None:
    bio = '<span class="author">Martin is a full-stack engineer with a decade of Python behind him</span>'
    assert scraper.clean_html(_page("", bio)).authors == ()
    assert scraper.clean_html(_page("", '<span class="author">Admin</span>')).authors == ()
    # labels an author search picks up beside the name it looked for
    for label in ("Name", "Posted", "Autor", "Zvg"):
        assert scraper.clean_html(_page("", f'<span class="author">{label}</span>')).authors == ()
    html = _page("", "").replace("<title>", '<meta name="author" content="Unbenannt"><title>')
    assert scraper.clean_html(html).authors == ()


@pytest.mark.parametrize(
    ("declared", "authors"),
    [
        # a place after the publisher, a degree after the name: no authors
        ("Stadtblatt Online, Hamburg, Germany", ("Stadtblatt Online",)),
        ("Grant Miller, Ph.D.", ("Grant Miller",)),
        # an organisation's "und" and its dots stay; co-authors are still two
        ("Verein für Kirche und Leben e. V.", ("Verein für Kirche und Leben e. V.",)),
        ("Jane Doe and Tom Reed", ("Jane Doe", "Tom Reed")),
        ("Markus M. Haefliger, London, Beat Bumbacher", ("Markus M. Haefliger", "Beat Bumbacher")),
        ("Jane Doe; Tom Reed", ("Jane Doe", "Tom Reed")),
        # a site's domain as the page wrote it
        ("stadtblatt.de", ("stadtblatt.de",)),
        # a handle: trafilatura's tidied form
        ("michael.andrusio", ("Michael Andrusio",)),
        # a site's web address names nobody; a profile link its handle
        ("www.stadtblatt.de", ()),
        ("https://www.stadtblatt.de/", ()),
        ("facebook.com/jane.roe", ("Jane Roe",)),
        # a rights notice names nobody (trafilatura's "Co KG" neither)
        ("Copyright Stadtblatt Verlag GmbH & Co. KG - all rights reserved", ()),
        # the author search's label, its colon lost to trafilatura
        ("Autor: Jane Roe", ("Jane Roe",)),
        ("Auteur Anna Kubišta", ("Anna Kubišta",)),
    ],
)
def test_declared_authors_are_cut_where_names_end(declared: str, authors: tuple[str, ...]) -> None:
    html = _page("", "").replace("<title>", f'<meta name="author" content="{declared}"><title>')
    assert scraper.clean_html(html).authors == authors


def test_a_json_ld_author_escaped_twice_is_read_whole() -> None:
    jsonld = '{"@context": "https://schema.org", "@type": "NewsArticle", "author": {"@type": "Person", "name": "Redacci&oacute;n Diario Sur"}}'
    html = _page("", "").replace("<title>", f'<script type="application/ld+json">{jsonld}</script><title>')
    assert scraper.clean_html(html).authors == ("Redacción Diario Sur",)
