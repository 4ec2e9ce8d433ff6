"""Pages nested deeper than libxml2's default limit keep all their text (scraper/deep_trees.py)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

import scraper
from scraper.deep_trees import MAX_DEPTH, cap_depth
from scraper.html import parse_html

SENTENCE = "The council met again on Tuesday evening and the members argued about the budget, says the clerk."


def _legacy_page(paragraphs: int) -> str:
    """An old editor's output: every paragraph opens a <font> it never closes,
    so each one nests a level deeper than the one before."""
    body = "".join(f'<p><font face="Verdana" size="2">{SENTENCE} Item {i}.' for i in range(paragraphs))
    return f"<html><head><title>Club news</title></head><body><h1>Club news</h1>{body}</body></html>"


def _depth(root: etree._Element) -> int:
    return max(sum(1 for _ in elem.iterancestors()) for elem in root.iter())


def _items(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"Item (\d+)\.", text)}


def test_unclosed_font_tags_keep_every_paragraph() -> None:
    # libxml2 alone stops at 256 levels: this page kept 127 of its 400 paragraphs.
    article = scraper.clean_html(_legacy_page(400))
    assert _items(article.text) == set(range(400))


def test_the_parsed_tree_holds_all_text_and_stops_at_the_cap() -> None:
    tree = parse_html(_legacy_page(400))
    assert tree is not None
    assert _items(tree.text_content()) == set(range(400))
    assert _depth(tree) <= MAX_DEPTH + 1


@pytest.mark.parametrize("fast", [False, True])
def test_very_deep_nesting_is_no_recursion_error(fast: bool) -> None:
    # 1,500 levels: under libxml2's huge_tree limit, past Python's recursion limit
    # for any walk that recursed once a level.
    html = "<html><body>" + "<div>" * 1500 + f"<p>{SENTENCE}</p>" * 12 + "</div>" * 1500 + "</body></html>"
    article = scraper.clean_html(html, fast=fast)
    assert SENTENCE in article.text


def test_flattening_keeps_text_in_reading_order() -> None:
    # Build the tree with the huge_tree parser alone, then cap it by hand.
    deep = "".join(f"<span>a{i} <b>b{i}</b> " for i in range(MAX_DEPTH + 40)) + "end" + "</span> c" * (MAX_DEPTH + 40)
    parser = etree.HTMLParser(huge_tree=True)
    root = etree.fromstring(f"<html><body><div>{deep}</div> after</body></html>", parser)
    assert _depth(root) > MAX_DEPTH
    before = "".join(root.itertext())
    cap_depth(root)
    assert "".join(root.itertext()) == before
    assert _depth(root) <= MAX_DEPTH + 1


def test_shallow_pages_are_left_as_they_are() -> None:
    html = "<html><body>" + "<div>" * 40 + f"<p>{SENTENCE}</p>" + "</div>" * 40 + "</body></html>"
    tree = parse_html(html)
    assert tree is not None
    before = etree.tostring(tree)
    cap_depth(tree)
    assert etree.tostring(tree) == before
