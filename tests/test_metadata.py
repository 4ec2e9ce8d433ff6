"""HTML metadata: declared values only, JSON-LD included, nothing guessed."""

from __future__ import annotations

import json

import pytest

import scraper
from scraper.metadata import duration_minutes
from scraper.page_titles import clean_title, title_site, without_site


def page(jsonld: dict | list, head: str = "") -> str:
    body = "".join(
        f"<p>Paragraph {i} of the article tells the reader something worth keeping in the output, at length.</p>"
        for i in range(6)
    )
    return (
        f'<!doctype html><html lang="en"><head><title>Harbour Wall Repaired</title>{head}'
        f'<script type="application/ld+json">{json.dumps(jsonld)}</script></head>'
        f"<body><article><h1>Harbour Wall Repaired</h1>{body}</article></body></html>"
    )


NEWS = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour Wall Repaired",
    "datePublished": "2024-06-10T07:00:00Z",
    "dateModified": "2024-06-12T08:45:00Z",
    "keywords": ["harbour", "storms"],
    "timeRequired": "PT4M",
}


def test_jsonld_modified_keywords_and_stated_reading_time():
    article = scraper.clean_html(page(NEWS))
    assert article.published == "2024-06-10T07:00:00Z"  # the declared time, not the day alone
    assert article.modified == "2024-06-12T08:45:00Z"
    assert article.tags == ("harbour", "storms")
    assert article.reading_time_minutes == 4


def test_jsonld_inside_a_graph_and_keywords_as_a_string():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"}, {**NEWS, "keywords": "harbour, storms"}]}
    article = scraper.clean_html(page(graph))
    assert article.tags == ("harbour", "storms") and article.modified == "2024-06-12T08:45:00Z"


def test_modified_before_published_is_dropped_and_broken_jsonld_is_ignored():
    earlier = {**NEWS, "dateModified": "2020-01-01"}
    assert scraper.clean_html(page(earlier)).modified is None
    broken = page(NEWS).replace('"@type"', '"@type" oops')
    assert scraper.clean_html(broken).modified is None


@pytest.mark.parametrize(
    ("authors", "site", "expected"),
    [
        # the publisher listed among the authors, as itself or with a suffix or a desk's name
        (["Harbour Times", "Jane Roe"], "Harbour Times", ("Jane Roe",)),
        (["Harbour Times GmbH", "Jane Roe", "Tom Reed"], "Harbour Times", ("Jane Roe", "Tom Reed")),
        (["Redacción Harbour Times", "Jane Roe"], "Harbour Times", ("Jane Roe",)),
        # a person beside the site's name, a person the site is named after, the publisher alone
        (["Jane Roe kielbay", "Tom Reed"], "Kielbay", ("Jane Roe kielbay", "Tom Reed")),
        (["Jane Roe", "Tom Reed"], "Jane Roe Kitchen", ("Jane Roe", "Tom Reed")),
        (["Harbour Times"], "Harbour Times", ("Harbour Times",)),
    ],
)
def test_the_publisher_among_declared_authors_is_no_author(authors: list[str], site: str, expected: tuple[str, ...]):
    people = [{"@type": "Person", "name": name} for name in authors]
    jsonld = {**NEWS, "author": people, "publisher": {"@type": "Organization", "name": site}}
    assert scraper.clean_html(page(jsonld)).authors == expected


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("Jane", ("Jane Roe",)),  # a first name, a handle or a site's address: the byline says more
        ("harbourtimes.com", ("Jane Roe",)),
        ("Tom Reed", ("Tom Reed",)),  # a full name declared wins over the text
    ],
)
def test_a_one_word_declared_author_gives_way_to_the_byline(declared: str, expected: tuple[str, ...]):
    html = page({**NEWS, "author": {"@type": "Person", "name": declared}})
    html = html.replace("<h1>Harbour Wall Repaired</h1>", "<h1>Harbour Wall Repaired</h1><p>By Jane Roe</p>")
    assert scraper.clean_html(html).authors == expected


@pytest.mark.parametrize("kind", ["CollegeOrUniversity", ["Organization", "GovernmentOffice"], "Person"])
def test_a_byline_naming_an_office_names_all_of_it(kind: str | list[str]):
    # trafilatura reads "By Office of Communications" as "Office"; the page declares the office's name.
    html = page({**NEWS, "author": {"@type": kind, "name": "Office of Communications"}})
    byline = '<div class="byline">By Office of Communications</div>'
    html = html.replace("<h1>Harbour Wall Repaired</h1>", f"<h1>Harbour Wall Repaired</h1>{byline}")
    assert scraper.clean_html(html).authors == ("Office of Communications",)


def test_the_person_an_obituary_describes_is_no_author():
    # A funeral home's page declares the deceased; trafilatura read the Person as the author.
    subject = {"@context": "https://schema.org", "@type": "Person", "name": "Margaret Ellen Thornbury",
               "birthDate": "1941-03-03", "deathDate": "2026-11-16"}
    assert scraper.clean_html(page(subject)).authors == ()
    # Yoast's author profile may carry a birth date: the article names it as its author, by @id.
    profile = {"@type": "Person", "@id": "https://example.org/#/schema/person/1", "name": "Steven Salentin",
               "birthDate": "1994-01-17"}
    article = {**NEWS, "author": {"@id": "https://example.org/#/schema/person/1"}}
    graph = {"@context": "https://schema.org", "@graph": [article, profile]}
    assert scraper.clean_html(page(graph)).authors == ("Steven Salentin",)


def test_no_reading_time_stated_means_an_estimate():
    article = scraper.clean_html(page({**NEWS, "timeRequired": None}))
    assert article.reading_time_minutes == 1  # six short paragraphs


@pytest.mark.parametrize(("value", "minutes"), [("PT4M", 4), ("PT1H5M", 65), ("PT90S", 2), ("P0D", None), ("4 minutes", None), (None, None)])
def test_duration_minutes(value, minutes):
    assert duration_minutes(value) == minutes


@pytest.mark.parametrize(
    ("value", "title"),
    [("Configuring retries¶", "Configuring retries"), ("Learning C#", "Learning C#"), ("  a \n title ", "a title"), ("", None)],
)
def test_clean_title(value, title):
    assert clean_title(value) == title


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Anglertalk mit Stephan Höferer - Fischerhütte | hejfish.com", None, "https://www.hejfish.com/a", "Anglertalk mit Stephan Höferer - Fischerhütte"),
        ("La perte des terres | DW | 23.05.2011", None, "https://www.dw.com/fr/a", "La perte des terres"),
        ("Bondy Blog - A Paris-8, un peu de tension", "Bondy Blog", "https://www.bondyblog.fr/a", "A Paris-8, un peu de tension"),
        # the declared name is the legal one (JSON-LD legalName), the title carries the brand
        ("Salt Lines Opens March 20 — Alder & Quay Arts", "Alder & Quay Arts Inc.", None, "Salt Lines Opens March 20"),
        ("Vorverkauf gestartet - Rhein-Neckar Löwen", "Rhein-Neckar Löwen GmbH", None, "Vorverkauf gestartet"),
        ("Studio Visit - Northwind", "Northwind Studios", None, "Studio Visit - Northwind"),  # no legal form: another name
        # a part that is no site name stays, and so does a title that is only the site's name
        ("Netzpolitik - Netz für alle", None, "https://example.org/a", "Netzpolitik - Netz für alle"),
        ("DW", None, "https://www.dw.com/", "DW"),
        ("Budget passes | DW", None, "http://[::1", "Budget passes | DW"),  # an address that does not parse
    ],
)
def test_title_without_the_sites_name(title, site, url, expected):  # type: ignore[no-untyped-def]
    assert without_site(title, site, url) == expected


def test_title_without_its_declared_author():
    # An opinion column's og:title names its author after the headline.
    title = "Britain’s new homes are built for investors | Priya Nandakumar"
    assert without_site(title, None, None, ("Priya Nandakumar",)) == "Britain’s new homes are built for investors"
    assert without_site(title, None, None, ("Jane Roe",)) == title


@pytest.mark.parametrize(
    ("element", "title", "url", "site"),
    [
        ("Observing Night Report - Hollow Hill Astronomical Society", "Observing Night Report", None, "Hollow Hill Astronomical Society"),
        ("Gala | Jean-Paul Delevoye démissionne", "Jean-Paul Delevoye démissionne", None, "Gala"),
        # Blogger's order, where the host names the blog too
        ("El huerto de la azotea: Cómo rescaté la compostera", "Cómo rescaté la compostera",
         "https://huertodelaazotea.blogspot.com/2024/03/x.html", "El huerto de la azotea"),
        ("Eurostat: Polska z najniższym bezrobociem", "Polska z najniższym bezrobociem", "https://dorzeczy.pl/a", None),
        ("Blog: Post title", "Post title", "http://[::1", None),  # an address that does not parse
        # no site: a page number, the headline alone, three parts, a sentence
        ("Windows Phone 7 - Seite 34", "Windows Phone 7", None, None),
        ("Observing Night Report", "Observing Night Report", None, None),
        ("A - B - C", "A", None, None),
        ("Budget passes - Read the full story. Subscribe", "Budget passes", None, None),
    ],
)
def test_the_site_name_a_title_element_gives(element, title, url, site):  # type: ignore[no-untyped-def]
    assert title_site(element, title, url) == site


BODY = "".join(f"<p>Paragraph {n} of the thread, written in complete sentences that say something.</p>" for n in range(4))


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # a forum's banner holds the site's name in the lone <h1>; the <title> names the topic first
        ('<title>Rear derailleur skipping - Wheelhouse Forum</title></head><body><div role="banner">'
         "<h1>Wheelhouse Forum</h1></div><div><h2>Rear derailleur skipping</h2>", "Rear derailleur skipping"),
        ('<title>Rear derailleur skipping | Wheelhouse Forum</title></head><body><header class="site-header">'
         "<h1>Wheelhouse Forum</h1></header><main><h2>Rear derailleur skipping</h2>", "Rear derailleur skipping"),
        # an article's own header holds its headline, whatever the <title> says around it
        ("<title>jungle.world - Das Imperialismus-Phantom</title></head><body><div role=\"main\">"
         '<div class="header-wrapper"><h1>Das Imperialismus-Phantom</h1></div>', "Das Imperialismus-Phantom"),
        ("<title>Site - Night buses</title></head><body><article><header><h1>Night buses</h1></header>",
         "Night buses"),
    ],
)
def test_a_site_name_in_the_banner_is_no_title(page: str, expected: str):
    html = f"<html><head>{page}{BODY}</body></html>"
    assert scraper.clean_html(html).title == expected
