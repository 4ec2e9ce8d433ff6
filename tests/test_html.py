"""HTML → Document: block kinds, reading order, metadata, and the empty case."""

from __future__ import annotations

import html
import json

import pytest
from lxml import etree

import scraper
from scraper.document import BLOCK_KINDS
from scraper.errors import NoArticleError
from scraper.body_blocks import body_blocks
from scraper.html import parse_html, segment_html
from scraper.marked import marked_texts
from scraper.metadata import iso_date, language_code

FILLER = "This sentence is here so that the extractor sees a real paragraph of prose to keep."

PAGE = f"""<!DOCTYPE html>
<html lang="de-DE"><head><meta charset="utf-8">
<title>Ein Testartikel über Straßenbahnen</title>
<meta name="author" content="Anna Muster; Bernd Beispiel">
<meta property="og:site_name" content="Testzeitung">
<meta property="og:description" content="Kurzbeschreibung des Artikels.">
<meta property="og:image" content="https://example.org/bild.jpg">
<meta property="article:published_time" content="2024-03-05T08:15:00+01:00">
<meta property="article:modified_time" content="2024-03-06T10:00:00+01:00">
<meta property="article:section" content="Lokales">
<meta property="article:tag" content="Verkehr">
</head><body>
<nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav>
<article>
<h1>Ein Testartikel über Straßenbahnen</h1>
<p>Erster Absatz mit einem <a href="/x">Link</a> und Text. {FILLER}</p>
<ul><li>Punkt eins</li><li>Punkt zwei<ul><li>Unterpunkt</li></ul></li></ul>
<blockquote><p>Ein Zitat, das lang genug ist.</p></blockquote>
<pre><code>linie = 7
takt = 10</code></pre>
<table><tr><th>Linie</th><th>Takt</th></tr><tr><td>7</td><td>10 min</td></tr></table>
<p>Adresse<br>Hauptstraße 1</p>
<h2>Zwischen&shy;titel</h2>
<p>Letzter Absatz mit <code>inline</code> Code. {FILLER}</p>
</article>
<footer>Impressum</footer>
</body></html>"""


@pytest.fixture(scope="module")
def doc():
    return segment_html(PAGE, url="https://example.org/artikel.html")


def test_blocks_come_in_reading_order_with_kinds(doc):
    pairs = [(b.kind, b.text) for b in doc.blocks]
    assert pairs[0] == ("heading", "Ein Testartikel über Straßenbahnen")
    assert pairs[1][0] == "paragraph" and pairs[1][1].startswith("Erster Absatz mit einem Link und Text.")
    assert ("list_item", "Punkt eins") in pairs
    assert pairs.index(("list_item", "Punkt zwei")) + 1 == pairs.index(("list_item", "Unterpunkt"))
    assert ("quote", "Ein Zitat, das lang genug ist.") in pairs
    assert ("code", "linie = 7\ntakt = 10") in pairs
    assert ("table", "Linie | Takt") in pairs and ("table", "7 | 10 min") in pairs
    assert ("paragraph", "Adresse\nHauptstraße 1") in pairs  # <br> is a line break
    assert ("heading", "Zwischentitel") in pairs  # soft hyphen gone
    assert pairs[-1][1].startswith("Letzter Absatz mit inline Code.")  # inline code stays inline
    assert all(b.kind in BLOCK_KINDS for b in doc.blocks)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert "Impressum" not in " ".join(b.text for b in doc.blocks)


def test_list_items_share_a_group(doc):
    groups = {b.group for b in doc.blocks if b.kind == "list_item"}
    assert len(groups) == 1


def test_metadata_from_the_page(doc):
    meta = doc.meta
    assert meta.title == "Ein Testartikel über Straßenbahnen"
    assert meta.authors == ("Anna Muster", "Bernd Beispiel")
    assert meta.published == "2024-03-05T08:15:00+01:00"
    assert meta.modified == "2024-03-06T10:00:00+01:00"
    assert meta.section == "Lokales"
    assert meta.tags == ("Verkehr",)
    assert meta.language == "de"
    assert meta.site_name == "Testzeitung"
    assert meta.description == "Kurzbeschreibung des Artikels."
    assert meta.image == "https://example.org/bild.jpg"
    assert meta.url == "https://example.org/artikel.html"
    assert doc.capture == "html"


@pytest.mark.parametrize(
    "stamp",
    [
        '<time datetime="2024-02-14T19:05:00+00:00" itemprop="datePublished">14 February 2024</time>',  # Joomla
        "<abbr class='published' itemprop='datePublished' title='2024-02-14T19:05:00+00:00'>19:05</abbr>",  # Blogger
    ],
)
def test_a_microdata_timestamp_gives_the_time_of_publication(stamp: str):
    body = "".join(f"<p>Paragraph {i} of the report, with enough words in it to be kept as prose.</p>" for i in range(4))
    html = f"<html><head><title>Night report</title></head><body><article><h1>Night report</h1>{stamp}{body}</article></body></html>"
    assert segment_html(html).meta.published == "2024-02-14T19:05:00+00:00"


def test_a_comments_time_is_no_date_of_the_article():
    # WordPress prints each comment's <time>; the article here declares no date.
    comment = '<li class="comment"><div class="comment-metadata"><time datetime="2024-03-04T09:17:42+01:00">4 marzo</time></div><p>Bello!</p></li>'
    page = f"<html><body><article><h1>Weekend</h1><p>{FILLER} {FILLER}</p><p>{FILLER}</p></article><ol class='comment-list'>{comment}</ol></body></html>"
    assert segment_html(page).meta.published is None
    dated = page.replace("<h1>Weekend</h1>", '<h1>Weekend</h1><time datetime="2024-03-03T08:00:00+01:00">3 marzo</time>')
    tree_page = segment_html(dated)
    assert tree_page.meta.published is not None and tree_page.meta.published.startswith("2024-03-03")


def test_no_guessed_site_name_or_date():
    page = f"<html><body><article><p>{FILLER} {FILLER}</p><p>{FILLER}</p></article><footer>© 2021 Someone</footer></body></html>"
    meta = segment_html(page, url="https://www.example.net/a").meta
    assert meta.site_name is None  # not the host name
    assert meta.published is None  # not the copyright year


def test_text_inside_containers_and_between_blocks_is_kept():
    # trafilatura's tree of a <blockquote> without a <p>, and text between two paragraphs
    # (built by hand: trafilatura 2.2 runs a page this small together into one paragraph)
    body = etree.fromstring(
        f"<body><p>{FILLER}</p><quote>Bare quote text without a paragraph.</quote>Text between.<p>{FILLER}</p></body>"
    )
    kinds = {b.text: b.kind for b in body_blocks(body)}
    assert kinds == {FILLER: "paragraph", "Bare quote text without a paragraph.": "quote", "Text between.": "paragraph"}


def test_source_line_breaks_are_spaces():
    page = f"<html><body><article><p>{FILLER}\nwrapped in\nthe source.</p><p>{FILLER}</p></article></body></html>"
    texts = [b.text for b in segment_html(page).blocks]
    assert any("wrapped in the source." in t for t in texts)


@pytest.mark.parametrize("fast", [False, True])
def test_a_paragraph_after_a_photo_in_a_br_separated_body_is_kept(fast: bool):
    # Korean and older CMSs write a body as text cut by <br><br>, a photo <div> between
    # paragraphs: the paragraph after it is the <div>'s tail, which trafilatura skipped.
    paragraphs = [f"Paragraph {n} of the story. {FILLER}" for n in range(5)]
    photo = '<div class="photo"><figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure></div>'
    body = "<br><br>\n".join(paragraphs[:3]) + "<br><br>\n" + photo + "\n" + "<br><br>\n".join(paragraphs[3:])
    page = f"<html><body><h1>Night openings</h1><div class='article_body'>{body}</div></body></html>"
    text = scraper.clean_html(page, fast=fast).text
    assert all(p in text for p in paragraphs)
    if fast:  # (the fast path cuts its own blocks as a browser does, at every block)
        return
    # a block inside a sentence (no <br> before it: an ad's) leaves trafilatura's sentence one paragraph
    page = page.replace("<br><br>\n" + photo + "\n", " The council opened " + photo + " the new pool. ")
    assert any("The council opened the new pool." in " ".join(p.split()) for p in scraper.clean_html(page, fast=fast).paragraphs)


@pytest.mark.parametrize("fast", [False, True])
def test_each_paragraph_of_a_br_separated_body_is_a_paragraph(fast: bool):
    # A Blogger post: text cut by <br><br> (trafilatura keeps one break of the two).
    paragraphs = [f"Paragraph {n} of the post. {FILLER}" for n in range(5)]
    page = f"<html><body><h1>Quince jelly</h1><div class='post-body'>{'<br><br>'.join(paragraphs)}</div></body></html>"
    assert list(scraper.clean_html(page, fast=fast).paragraphs) == paragraphs
    # a poem's lines, cut by single <br>, stay one block
    poem = "Roses are red<br>violets are blue<br>quinces are yellow<br>and so are you"
    page = f"<html><body><h1>Quince jelly</h1><div class='post-body'><p>{FILLER}</p><p>{poem}</p><p>{FILLER}</p></div></body></html>"
    assert sum("violets are blue" in p for p in scraper.clean_html(page, fast=fast).paragraphs) <= 1


@pytest.mark.parametrize("fast", [False, True])
def test_template_content_is_never_text(fast: bool):
    # An AMP page's amp-mustache template inside the article: a browser never renders it.
    paragraphs = [f"Step {n}: {FILLER}" for n in range(3)]
    page = f"""<html><body><article><h1>Mandarin cake</h1><p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>
    <template type="amp-mustache">{{{{^steps}}}} No step-by-step guide for this recipe yet. Write the first! {{{{/steps}}}}</template>
    <p>{paragraphs[2]}</p></article></body></html>"""
    text = scraper.clean_html(page, fast=fast).text
    assert "{{" not in text and "step-by-step guide" not in text
    assert all(p in text for p in paragraphs)


def test_an_article_a_broken_sidebar_swallowed_is_still_found():
    # Two sidebar widgets never close their <div>: the article ends up inside
    # <aside class="sidebar">, which trafilatura's precise default leaves out
    # whole (it kept the header's tagline, 52 characters); its recall setting finds it.
    paragraphs = [f"Paragraph {n}: users can now record a short video and upload it to their stories, and longer clips are cut into parts." for n in range(4)]
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="description" content="Your daily touchpoint for the digital industry."><title>App tests video notes</title></head>
    <body><div class="site-main"><header><a href="/">Logo</a><div class="header-text">Your daily touchpoint for the digital industry.</div></header>
    <aside class="sidebar"><div class="sidebar-sticky">
    <div id="nav_menu-6" class="widget"><ul><li><a href="/seo">SEO</a></li><li><a href="/ads">Ads</a></li></ul>
    <div id="nav_menu-7" class="widget"><ul><li><a href="/jobs">Jobs</a></li></ul>
    <div class="main-content"><article><h1>App tests video notes for stories</h1>
    <div class="article-content">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div></article></div>
    </aside></div></body></html>"""
    article = scraper.clean_html(page)
    assert all(p in article.paragraphs for p in paragraphs)


def test_nothing_article_like_gives_no_blocks_and_no_article_error():
    page = "<html><head><title>Login</title></head><body><form><input name=q></form></body></html>"
    assert segment_html(page).blocks == ()
    with pytest.raises(NoArticleError):
        scraper.clean_html(page)


def test_iso_dates_and_language_codes():
    assert iso_date("2024-01-02") == "2024-01-02"
    assert iso_date("2024-01-02T03:04:05Z") == "2024-01-02T03:04:05Z"
    assert iso_date("02.01.2024") is None
    assert iso_date(None) is None
    # digits of another script are digits (the Article schema wants ASCII ones)
    assert iso_date("২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০") == "2020-08-29T10:46:06+01:00"
    assert language_code("de-DE") == "de"
    assert language_code("en_US") == "en"
    assert language_code("deu") is None
    # Bokmål and Nynorsk are Norwegian to the tables and to the text captures' guess
    assert language_code("nb-NO") == language_code("nn") == language_code("no") == "no"


def test_clean_html_bytes_use_meta_charset():
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1", "replace")
    article = scraper.clean_html(page, url="https://example.org/artikel.html")
    assert article.title == "Ein Testartikel über Straßenbahnen"
    assert article.capture == "html"


def test_blocks_inside_stray_wrappers_are_not_lost():
    # trafilatura sometimes returns layout-table debris: a <cell> with no row
    body = etree.fromstring(
        "<body><div><cell><p>One<lb/>Two</p><list><item>Item</item></list></cell>tail text</div>"
        "<row><cell><p>In a layout row</p></cell></row></body>"
    )
    pairs = [(b.kind, b.text) for b in body_blocks(body)]
    assert pairs == [
        ("paragraph", "One\nTwo"),
        ("list_item", "Item"),
        ("paragraph", "tail text"),
        ("paragraph", "In a layout row"),
    ]


def test_a_list_items_paragraphs_are_its_own_text_in_reading_order():
    # trafilatura 2.2 closes an item's <p> at inline code: the sentence goes on after it
    body = etree.fromstring(
        "<body><list><item><p>responses with status</p><code>429</code> or <code>503</code>;</item>"
        "<item>100 % Arabica<p>Composition</p></item>"
        "<item><p>1.</p><p>Shear NH, Spielberg SP.</p><list><item>nested</item></list></item></list></body>"
    )
    assert [(b.kind, b.text) for b in body_blocks(body)] == [
        ("list_item", "responses with status 429 or 503;"),
        ("list_item", "100 % Arabica\nComposition"),
        ("list_item", "1.\nShear NH, Spielberg SP."),
        ("list_item", "nested"),
    ]


def test_sign_up_boxes_are_named_by_their_class_or_id():
    boxes = [
        '<p class="newsletter-promo"><a href="/signup/">Get the Daily Edition by email</a>\n\t<a>Free Sign Up</a></p>',
        '<div class="newsletter-form__wrapper"><p>Sign up to get the best content of the week.</p></div>',
        '<aside id="inline-optin"><p>Our morning email breaks down the key stories.</p></aside>',
        '<form class="subscribe-widget">Subscribe to our podcast</form>',
        '<div class="abo-box"><p>Lokaljournalismus ist wertvoll.</p></div>',
        '<div class="about-author"><p>Jane writes about cities.</p></div>',  # "about" names no "abo"
        '<div class="follow-block"><p>Follow Eastmoor News on Facebook.</p></div>',
        '<div class="follow-up"><p>Our follow-up report, a week later.</p></div>',  # no box
        # a call to action (HubSpot's embed); "octal", "dictation" name none
        '<div class="hs-cta-embed"><p class="cta-banner__title">The Field Service Billing Playbook</p></div>',
        '<div class="octal-table"><p>Permissions are written in octal.</p></div>',
    ]
    body = "".join(f"<p>Body paragraph {i} has enough words in it to be kept as the article text here.</p>" for i in range(5))
    # A paywalled article in a "subscriber" wrapper is no box: far too long.
    html = f'<html><body><article class="subscriber-content">{"".join(boxes)}{body * 4}</article></body></html>'
    found = marked_texts(parse_html(html)).boxes
    assert found == (
        "Get the Daily Edition by email Free Sign Up",
        "Sign up to get the best content of the week.",
        "Our morning email breaks down the key stories.",
        "Subscribe to our podcast",
        "Lokaljournalismus ist wertvoll.",
        "Follow Eastmoor News on Facebook.",
        "The Field Service Billing Playbook",
    )


def test_a_forum_posts_profile_and_signature_are_marked_with_their_lines():
    html = (
        '<html><body><div class="post"><dl class="postprofile"><dt>hillclimber_jo</dt><dd>Regular</dd>'
        '<dd><strong>Posts:</strong> 214</dd></dl><div class="content">A post of the thread.</div>'
        '<div class="signature">Steel tourer, gravel bike</div></div></body></html>'
    )
    assert marked_texts(parse_html(html)).post_chrome == (
        "hillclimber_joRegularPosts: 214", "hillclimber_jo", "Regular", "Posts: 214", "Steel tourer, gravel bike"
    )


@pytest.mark.parametrize("fast", [False, True])
def test_a_signature_set_right_under_the_article_names_its_author(fast: bool):
    # VnExpress signs its articles so, with no author in the page's metadata
    paragraphs = "".join(f"<p>Đoạn văn thứ {i} của bài báo kể về nông dân trồng cà phê hữu cơ ở Tây Nguyên. {FILLER}</p>" for i in range(4))
    signature = '<p style="text-align:right;"><strong>Nguyễn Minh Anh</strong></p>'
    html = f"<html><body><article><h1>Cà phê hữu cơ</h1>{paragraphs}{signature}</article></body></html>"
    assert marked_texts(parse_html(html)).signatures == ("Nguyễn Minh Anh",)
    article = scraper.clean_html(html, fast=fast)
    assert article.authors == ("Nguyễn Minh Anh",) and "Nguyễn Minh Anh" not in article.paragraphs
    # initials or a press office's mark are dropped, and name no author
    article = scraper.clean_html(html.replace("Nguyễn Minh Anh", "PM DJV/fh"), fast=fast)
    assert article.authors == () and "PM DJV/fh" not in article.paragraphs


def test_footnote_markers_and_edit_links_are_no_text():
    paragraphs = "".join(
        f"<p>Paragraph {i} of the article says something worth citing about the mill.<sup class=\"reference\">"
        f"<a href=\"#cite-{i}\">[{i}]</a></sup> Its area is 40 m<sup>2</sup>.</p>" for i in range(1, 4)
    )
    section = '<h2>History<span class="mw-editsection">[<a href="?action=edit">edit</a>]</span></h2>'
    html = f"<html><head><title>The mill</title></head><body><article><h1>The mill</h1>{paragraphs}{section}{paragraphs}</article></body></html>"
    article = scraper.clean_html(html)
    assert article.paragraphs[0] == "Paragraph 1 of the article says something worth citing about the mill. Its area is 40 m2."
    assert "[edit]" not in article.paragraphs and "History" in article.paragraphs


def test_the_articles_tag_list_gives_the_tags_a_sidebars_does_not():
    body = "".join(f"<p>Paragraph {i} of the article, with enough words in it to be kept as prose.</p>" for i in range(4))
    html = (
        '<html><head><title>Jupiter night</title></head><body class="has-sidebar-right"><article><h1>Jupiter night</h1>'
        f'{body}<footer class="entry-footer"><ul class="tags"><li><a href="/tag/jupiter">Jupiter</a></li>'
        '<li><a href="/tag/night">#Observing Nights</a></li></ul></footer></article>'
        '<aside><ul class="post-tags"><li><a href="/tag/a">Popular tag</a></li></ul></aside></body></html>'
    )  # (not trafilatura's div.tags: its own search would take that one, first)
    assert marked_texts(parse_html(html)).tags == ("Jupiter", "Observing Nights")
    assert scraper.clean_html(html).tags == ("Jupiter", "Observing Nights")
    sidebar_only = html.replace('class="tags"><li>', 'class="tag-cloud"><li>', 1)
    assert marked_texts(parse_html(sidebar_only)).tags == ()


def test_breadcrumb_elements_give_their_crumbs_once():
    html = (
        '<html><body><nav class="breadcrumb"><ol class="breadcrumb__list">'
        '<li class="breadcrumb__item"><a href="/">Startseite</a></li>'
        '<li class="breadcrumb__item"><a href="/aktuelles">Aktuelles</a></li></ol></nav>'
        '<div id="breadcrumbs"><a href="/">Home</a> › <a href="/packs">Packs</a> › <span>Trailhead 28L</span></div>'
        '<div class="breadcrumb">Home</div>'  # one crumb: no trail
        "</body></html>"
    )
    assert marked_texts(parse_html(html)).trails == (("Startseite", "Aktuelles"), ("Home", "Packs", "Trailhead 28L"))


def test_the_section_of_a_page_that_declares_none_is_its_breadcrumbs():
    body = "".join(f"<p>Paragraph {i} of the article, with enough words in it to be kept as prose.</p>" for i in range(4))
    html = (
        '<html><head><title>Water main works</title></head><body><nav class="breadcrumb"><ul>'
        '<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/local">Local</a></li>'
        f"<li>Water main works</li></ul></nav><article><h1>Water main works</h1>{body}</article></body></html>"
    )
    assert scraper.clean_html(html).section == "Local"  # the first crumb past the roots "Home" and "News"
    declared = html.replace("<title>", '<meta property="article:section" content="Stadt"><title>')
    assert scraper.clean_html(declared).section == "Stadt"  # what the page declares wins
    # a label before the trail, and the site's own name as its first crumb, are no section
    trail = '<div class="breadcrumbs">Sie sind hier: <a href="/">MDR.DE</a> › <a href="/n">Nachrichten</a> › <a href="/n/s">Sachsen</a></div>'
    labelled = html.replace(html[html.index("<nav"):html.index("</nav>") + 6], trail)
    assert scraper.clean_html(labelled, url="https://www.mdr.de/nachrichten/sachsen/wasser-100.html").section == "Sachsen"


def test_a_byline_element_outside_the_body_gives_its_reading_time():
    html = (
        '<html><body><div class="articolo-firma">di <span class="autore">Giulia Ferraris</span> · '
        "<time>21 maggio 2024</time> · Lettura: 3 min</div><article>"
        + "".join(f"<p>Il paragrafo {i} racconta la storia con abbastanza parole per essere tenuto.</p>" for i in range(5))
        + "</article></body></html>"
    )
    assert marked_texts(parse_html(html)).reading == ("di Giulia Ferraris · 21 maggio 2024 · Lettura: 3 min",)


def test_chrome_lines_hold_the_themes_reading_time_not_the_body():
    html = (
        '<html><body><header><span class="byline-reading-time">&bull; 6 min read</span>'
        '<nav class="breadcrumbs"><a>Home</a></nav></header><article>'
        + "".join(f"<p>Body paragraph {i} has enough words in it to be kept as the article text here.</p>" for i in range(5))
        + '</article><aside><span class="post-card-meta-length">4 min read</span></aside></body></html>'
    )
    document = segment_html(html)
    assert document.marked.reading == ("• 6 min read",)
    assert not any("min read" in b.text for b in document.blocks)


# A page that renders its text in the browser: the HTML holds a mount point
# with the lead picture's caption (all trafilatura finds), the article is
# declared in JSON-LD only.
DECLARED_PARAGRAPHS = (
    "The harbour board approved the new ferry timetable on Tuesday after two months of consultation with islanders.",
    "From April, the first boat leaves at six in the morning, half an hour earlier than now, and the last one at eleven.",
    "Commuters had asked for the change for years, the board's chair said, and the operator has hired four more crew.",
)


def _rendered_page(body: str) -> str:
    jsonld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferries to run earlier from April",
        "author": {"@type": "Person", "name": "Ines Moreau"}, "articleBody": body,
    })
    return (
        '<html><head><title>Ferries to run earlier from April</title>'
        f'<script type="application/ld+json">{jsonld}</script></head>'
        '<body><div id="__next"><figure><img src="/ferry.jpg"><figcaption>The ferry at the harbour in March.'
        ' Photo: Ines Moreau</figcaption></figure></div><script src="/_next/static/app.js"></script></body></html>'
    )


@pytest.mark.parametrize("fast", [False, True])
def test_an_article_declared_only_in_json_ld_is_read_from_there(fast: bool) -> None:
    article = scraper.clean_html(_rendered_page("\n".join(DECLARED_PARAGRAPHS)), fast=fast)
    assert article.paragraphs == DECLARED_PARAGRAPHS
    assert article.authors == ("Ines Moreau",)


def test_a_declared_body_in_markup_is_cut_at_its_tags() -> None:
    body = "".join(f"<p>{p}</p>" for p in DECLARED_PARAGRAPHS)
    assert scraper.clean_html(_rendered_page(html.escape(body))).paragraphs == DECLARED_PARAGRAPHS


def test_a_declared_teaser_is_no_article() -> None:
    with pytest.raises(NoArticleError):
        scraper.clean_html(_rendered_page("Ferries will run earlier from April."))
