"""HTML captures → Document: trafilatura's extracted tree cut into blocks.

trafilatura finds the main content and returns it as a small XML tree
(``head``, ``p``, ``list/item``, ``quote``, ``code``, ``table/row/cell``).
Each block-level element of that tree becomes one :class:`Block` in reading
order, so the cleaners see HTML captures exactly like text captures, only with
better kinds. The page's own metadata (head, OpenGraph, JSON-LD) comes from
trafilatura's metadata pass plus a few head tags it does not report
(``<html lang>``, ``article:modified_time``).

The HTML is parsed once: the lxml tree is handed to trafilatura (which copies
it before cleaning, so our metadata look-ups on it afterwards are safe).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from .document import Block, Document, PageMeta, normalize_space

# trafilatura element → block kind. Container elements (list, quote, table)
# are walked into; these are the ones whose text forms one block.
KIND_BY_TAG = {
    "head": "heading",
    "p": "paragraph",
    "item": "list_item",
    "code": "code",
    "row": "table",
}
# Containers whose children are blocks; the kind they impose on plain ``p``
# children (a paragraph inside a blockquote is a quote).
CONTAINERS = {"list": None, "quote": "quote", "table": None, "div": None, "body": None}
# Inline markup whose text belongs to the enclosing block.
INLINE_TAGS = {"hi", "ref", "del", "span", "graphic", "lb"}
# Cell separator of a table row block (matches trafilatura's text output).
CELL_SEPARATOR = " | "
# Dates we accept as ISO 8601 (date, optionally with time).
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# A language tag whose primary subtag is an ISO 639-1 code ("de-DE" → "de").
LANG_TAG = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
# Head tags holding the modified date; trafilatura reports only one date.
MODIFIED_XPATH = (
    '//meta[@property="article:modified_time" or @property="og:updated_time" '
    'or @name="last-modified" or @itemprop="dateModified"]/@content'
)
LANG_XPATH = (
    '/html/@lang | /html/@xml:lang | //meta[@http-equiv="content-language" '
    'or @http-equiv="Content-Language"]/@content | //meta[@property="og:locale"]/@content'
)
# Options handed to trafilatura; recall-leaning defaults like extract().
EXTRACT_OPTIONS: dict[str, Any] = {
    "output_format": "python",
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_links": True,  # keeps <ref> so blocks get a link density
    "include_images": False,
    "include_formatting": False,
}


def _clean(text: str) -> str:
    """NFC, collapsed spaces per line, blank lines dropped (lines kept for <br>)."""
    lines = (normalize_space(x) for x in unicodedata.normalize("NFC", text).split("\n"))
    return "\n".join(x for x in lines if x)


def _inline_text(elem: etree._Element, links: list[int]) -> str:
    """Text of an element's inline content; ``<lb>`` is a line break.

    ``links`` collects the length of text inside ``<ref>`` for link density.
    Block-level children (a nested list in an item) are skipped: they become
    blocks of their own.
    """
    parts: list[str] = [elem.text or ""]
    for child in elem:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag in KIND_BY_TAG or tag in CONTAINERS:
            parts.append(" ")
        else:
            inner = _inline_text(child, links)
            if tag == "ref":
                links.append(len(normalize_space(inner)))
            parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _code_text(elem: etree._Element) -> str:
    """Code keeps its line structure; only trailing blank lines go."""
    text = "".join(elem.itertext())
    return unicodedata.normalize("NFC", text).strip("\n").rstrip()


class _Walker:
    """Collects blocks from trafilatura's body in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, text: str, kind: str, group: int, links: list[int]) -> None:
        if not text:
            return
        density = min(1.0, sum(links) / max(1, len(text.replace("\n", " "))))
        self.blocks.append(Block(len(self.blocks), text, kind, group, round(density, 3)))

    def walk(self, elem: etree._Element, group: int, inherited: str | None) -> None:
        for child in elem:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "table":
                self.table(child, group)
            elif tag in CONTAINERS:
                self.walk(child, group, CONTAINERS[tag] or inherited)
            elif tag == "code":
                self.add(_code_text(child), "code", group, [])
            elif tag in KIND_BY_TAG:
                links: list[int] = []
                kind = KIND_BY_TAG[tag]
                if kind == "paragraph" and inherited:
                    kind = inherited
                self.add(_clean(_inline_text(child, links)), kind, group, links)
                # an item may hold a nested list: its items follow the parent item
                for sub in child:
                    if isinstance(sub.tag, str) and (sub.tag in CONTAINERS or sub.tag in KIND_BY_TAG):
                        self.walk(_Wrapper(sub), group, inherited)
            elif tag and tag not in INLINE_TAGS:
                # unknown block-ish element: keep its text rather than lose it
                links = []
                self.add(_clean(_inline_text(child, links)), "paragraph", group, links)
            elif tag == "" or tag in INLINE_TAGS:
                # stray inline text directly under the body
                links = []
                text = _clean(_inline_text(child, links) if tag else "")
                self.add(text, "paragraph", group, links)

    def table(self, table: etree._Element, group: int) -> None:
        for row in table.iter("row"):
            cells = [_clean(" ".join(c.itertext())).replace("\n", " ") for c in row.iter("cell")]
            text = CELL_SEPARATOR.join(c for c in cells if c)
            links = [len(normalize_space("".join(r.itertext()))) for r in row.iter("ref")]
            self.add(text, "table", group, links)


class _Wrapper:
    """Iterates over one element, so ``walk`` can treat it as a container child."""

    def __init__(self, elem: etree._Element) -> None:
        self.elem = elem

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter([self.elem])


def body_blocks(body: etree._Element) -> tuple[Block, ...]:
    """Blocks of trafilatura's extracted body, in reading order.

    ``group`` numbers the top-level element a block came from, so the items of
    one list or the rows of one table share a group.
    """
    walker = _Walker()
    for number, child in enumerate(body):
        walker.walk(_Wrapper(child), number, None)
    return tuple(walker.blocks)


def iso_date(value: str | None) -> str | None:
    """``value`` if it is an ISO 8601 date(-time), else None (never guessed)."""
    if not value:
        return None
    value = value.strip()
    return value if ISO_DATE.match(value) else None


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a language tag (``"de-DE"`` → ``"de"``), else None."""
    if not value:
        return None
    match = LANG_TAG.match(value)
    return match.group(1).lower() if match else None


def _split_authors(value: str | None) -> tuple[str, ...]:
    # trafilatura joins several authors with "; "
    if not value:
        return ()
    names = [normalize_space(x) for x in value.split(";")]
    return tuple(dict.fromkeys(n for n in names if n))


def _dedupe(values: list[str]) -> tuple[str, ...]:
    cleaned = (normalize_space(v) for v in values if v)
    return tuple(dict.fromkeys(v for v in cleaned if v))


def _first(tree: HtmlElement, xpath: str) -> list[str]:
    try:
        return [str(x) for x in tree.xpath(xpath, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})]
    except etree.XPathError:
        return []


def page_meta(result: Any, tree: HtmlElement, url: str | None) -> PageMeta:
    """PageMeta from trafilatura's metadata plus head tags it leaves out."""
    categories = list(getattr(result, "categories", None) or [])
    tags = list(getattr(result, "tags", None) or [])
    language = language_code(getattr(result, "language", None))
    if language is None:
        language = next(filter(None, map(language_code, _first(tree, LANG_XPATH))), None)
    modified = next(filter(None, map(iso_date, _first(tree, MODIFIED_XPATH))), None)
    published = iso_date(getattr(result, "date", None))
    if modified and published and modified[:10] < published[:10]:
        modified = None  # a "modified" before publication is a template artefact
    return PageMeta(
        title=normalize_space(result.title) if getattr(result, "title", None) else None,
        authors=_split_authors(getattr(result, "author", None)),
        published=published,
        modified=modified,
        section=normalize_space(categories[0]) if categories else None,
        tags=_dedupe(tags + categories[1:]),
        language=language,
        site_name=normalize_space(result.sitename) if getattr(result, "sitename", None) else None,
        description=normalize_space(result.description) if getattr(result, "description", None) else None,
        image=getattr(result, "image", None) or None,
        url=getattr(result, "url", None) or url,
    )


def segment_html(html: str, url: str | None = None) -> Document:
    """Cut an HTML page into content blocks plus the page's metadata.

    When trafilatura finds no main content the Document has no blocks (the
    pipeline turns that into NoArticleError); metadata is still filled.
    """
    tree = load_html(html)
    if tree is None:
        return Document(blocks=(), capture="html", meta=PageMeta(url=url))
    try:
        result = trafilatura.bare_extraction(tree, url=url, **EXTRACT_OPTIONS)
    except (ValueError, TypeError, etree.LxmlError):  # malformed trees deep in trafilatura
        result = None
    if result is None or getattr(result, "body", None) is None:
        return Document(blocks=(), capture="html", meta=PageMeta(url=url))
    return Document(blocks=body_blocks(result.body), capture="html", meta=page_meta(result, tree, url))
