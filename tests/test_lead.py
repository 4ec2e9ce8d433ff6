"""Lead recovery: the standfirst above the body joins the article, chrome does not."""

from __future__ import annotations

from scraper.document import Block
from scraper.html import parse_html
from scraper.lead import find_lead, with_lead

BODY = (
    "The council approved the new tram line on Monday evening after two years of public consultation "
    "and a long debate about its route through the old town."
)
SECOND = "Construction starts in April and the first trams are due to run in the autumn of 2026."
LEAD = "Six kilometres of track, nine stops and a bridge: the city finally gets its second tram line."


def page(above: str, head: str = "") -> str:
    return (
        f"<html><head><title>Tram</title>{head}</head><body><header><h1>Tram line approved</h1></header>"
        f"{above}<article><div class='body'><p>{BODY}</p><p>{SECOND}</p></div></article>"
        "<footer><p>Copyright 2024 City News. All rights reserved by the owners.</p></footer></body></html>"
    )


def blocks(*texts: str) -> tuple[Block, ...]:
    return tuple(Block(i, t, "paragraph", i) for i, t in enumerate(texts))


def lead_of(html: str, description: str | None = None) -> str | None:
    found = find_lead(parse_html(html), blocks(BODY, SECOND), description)
    return found[1] if found else None


def test_a_lead_named_by_its_class_is_found() -> None:
    assert lead_of(page(f"<p class='article-teaser'>{LEAD}</p>")) == LEAD
    assert lead_of(page(f"<div class='c-article__intro'><p>{LEAD}</p></div>")) == LEAD
    assert lead_of(page(f"<div class='story-lead'><p><strong>{LEAD}</strong></p></div>")) == LEAD


def test_french_and_spanish_theme_words_name_a_lead() -> None:
    assert lead_of(page(f"<p class='article__chapo'>{LEAD}</p>")) == LEAD
    assert lead_of(page(f"<h2 class='bajada'>{LEAD}</h2>")) == LEAD


def test_a_paragraph_repeating_the_declared_description_is_the_lead() -> None:
    html = page(f"<p class='x1'>{LEAD}</p>", head=f"<meta name='description' content='{LEAD}'>")
    assert lead_of(html, LEAD) == LEAD
    assert lead_of(html, None) is None  # without the description nothing names it


def test_it_goes_right_before_the_first_body_paragraph() -> None:
    html = page(f"<p class='standfirst'>{LEAD}</p>")
    kept = (Block(0, "Tram line approved", "heading", 0), *blocks(BODY, SECOND))
    kept = tuple(Block(i, b.text, b.kind, i) for i, b in enumerate(kept))
    result = with_lead(parse_html(html), kept, None)
    assert [b.text for b in result] == ["Tram line approved", LEAD, BODY, SECOND]
    assert [b.index for b in result] == [0, 1, 2, 3]
    assert result[1].kind == "paragraph"


def test_a_teaser_list_repeating_its_class_is_no_lead() -> None:
    teasers = "".join(f"<div class='teaser-text'><p>{LEAD} Part {n}.</p></div>" for n in range(3))
    assert lead_of(page(teasers)) is None


def test_author_boxes_captions_and_ads_are_no_lead() -> None:
    bio = "Jane Doe covers transport and city politics for the paper and has reported from the town hall since 2015."
    assert lead_of(page(f"<div class='author-bio summary'><p>{bio}</p></div>")) is None
    assert lead_of(page(f"<figure><figcaption class='intro'>{LEAD}</figcaption></figure>")) is None
    assert lead_of(page(f"<div class='lead-ad'><script>var slot = 1;</script>{LEAD}</div>")) is None


def test_labels_link_teasers_and_text_already_kept_are_no_lead() -> None:
    assert lead_of(page("<p class='intro'>Tram news</p>")) is None  # a label, not prose
    assert lead_of(page(f"<a href='/other'><p class='intro'>{LEAD}</p></a>")) is None
    assert lead_of(page(f"<p class='intro'><a href='/x'>{LEAD}</a></p>")) is None
    assert lead_of(page(f"<p class='intro'>{BODY}</p>")) is None  # already the body's


def test_text_below_the_body_is_never_the_lead() -> None:
    html = page("").replace("</article>", f"</article><p class='summary'>{LEAD}</p>")
    assert lead_of(html) is None


def test_without_a_body_paragraph_nothing_is_added() -> None:
    tree = parse_html(page(f"<p class='intro'>{LEAD}</p>"))
    short = (Block(0, "Short line", "paragraph", 0),)
    assert with_lead(tree, short, None) == short


def test_a_caption_or_banner_repeating_the_description_is_no_lead() -> None:
    head = f"<meta name='description' content='{LEAD}'>"
    slides = f"<ul class='slides'><li><p class='flex-caption'>{LEAD}</p></li></ul>"
    assert lead_of(page(slides, head=head), LEAD) is None
    assert lead_of(page(f"<div class='title-banner-cta'>{LEAD}</div>", head=head), LEAD) is None


def test_a_subtitle_inside_the_headline_and_hidden_taglines_are_no_lead() -> None:
    html = page("").replace("Tram line approved</h1>", f"Tram line approved <small class='subtitle'>{LEAD}</small></h1>")
    assert lead_of(html) is None
    assert lead_of(page(f"<div class='navbar-header'><p class='lead element-invisible'>{LEAD}</p></div>")) is None


def test_soft_hyphens_in_the_markup_do_not_hide_the_body() -> None:
    # The blocks come cleaned (no soft hyphens); the markup still has them.
    hyphenated = BODY.replace("approved", "ap\u00adproved").replace("consultation", "con\u00adsul\u00adta\u00adtion")
    html = page(f"<p class='intro'>{LEAD}</p>").replace(BODY, hyphenated)
    assert lead_of(html) == LEAD
    below = page("").replace(BODY, hyphenated).replace("</article>", f"</article><p class='summary'>{LEAD}</p>")
    assert lead_of(below) is None  # the body is found, so nothing below it is looked at
    kept_already = page(f"<p class='intro'>{hyphenated}</p>")
    assert lead_of(kept_already) is None


def test_the_lead_text_is_cleaned_like_the_other_blocks() -> None:
    hyphenated = LEAD.replace("kilometres", "kilo\u00admetres")
    html = page(f"<p class='standfirst'>{hyphenated}</p>")
    result = with_lead(parse_html(html), blocks(BODY, SECOND), None, clean=lambda t: t.replace("\u00ad", ""))
    assert result[0].text == LEAD


def test_a_hidden_element_repeating_the_description_is_no_lead() -> None:
    # A newsletter's preheader: the description again, in a span no reader sees.
    for style in ("display:none; font-size:0px; max-height:0px", "visibility: hidden"):
        assert lead_of(page(f"<span style='{style}'>{LEAD}</span>"), description=LEAD) is None
        assert lead_of(page(f"<div style='{style}'><p>{LEAD}</p></div>"), description=LEAD) is None
    assert lead_of(page(f"<p style='color: grey'>{LEAD}</p>"), description=LEAD) == LEAD


def test_not_thorough_skips_the_walk_where_the_body_holds_the_description() -> None:
    html = page(f"<p class='article-teaser'>{LEAD}</p>")
    found = find_lead(parse_html(html), blocks(BODY, SECOND), BODY, thorough=False)
    assert found is None  # (the fast path: the body already holds what the page declares as its summary)
    assert find_lead(parse_html(html), blocks(BODY, SECOND), BODY) == (0, LEAD)
    assert find_lead(parse_html(html), blocks(BODY, SECOND), None, thorough=False) == (0, LEAD)
