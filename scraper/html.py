"""HTML captures → Document: trafilatura's extracted tree cut into blocks.

trafilatura finds the main content and returns it as a small XML tree, cut
into :class:`Block` s in reading order by ``body_blocks.py``, so the cleaners
see HTML captures exactly like text captures, only with better kinds. The
page's own metadata (head, OpenGraph, JSON-LD) comes from ``metadata.py``:
trafilatura's metadata steps run on the same tree, plus a few head tags they
do not report (``<html lang>``, ``article:modified_time``, the declared
publication time, ``article:tag`` and ``rel="tag"`` links). Nothing is
guessed: a date from a copyright line or a site name made from the host
name stays None.

``Block.link_density`` stays 0.0 here: it needs trafilatura's
``include_links``, which changes what trafilatura keeps (see EXTRACT_OPTIONS).

The HTML is parsed once (``parse_html``): the lxml tree is handed to trafilatura (which copies
it before cleaning, so our metadata look-ups on it afterwards are safe).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.settings import use_config
from trafilatura.utils import is_dubious_html, repair_faulty_html

from .body_blocks import body_blocks, clean_lines
from .deep_trees import cap_depth
from .document import Block, Document, PageMeta
from .dom_blocks import page_blocks
from .extract import own_blocks
from .language import CJK_LANGUAGES
from .lead import with_lead
from .marked import marked_texts
from .qa import qa_blocks
from .metadata import declared_body, declared_metadata, page_meta
from .unkept import left_out

# A superscript footnote marker: a short bracketed mark ("[1]", "[1-2]", "[note 3]").
_FOOTNOTE_MARK = re.compile(r"^\s*\[[^\[\]]{1,20}\]\s*$")
# Markup inside a declared articleBody: any tag ends a paragraph.
_DECLARED_TAG = re.compile(r"<[^>]+>")


# lxml.html's default parser picks each element's Python class through a
# Python callback (form elements get their own classes), called every time
# trafilatura touches an element: ~7% of our HTML time. Every element as a
# plain HtmlElement is a lookup lxml does in C; trafilatura needs no form API.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
# Parsers are not shared between threads: one per thread, built on first use.
_PARSERS = threading.local()


def _parser() -> HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        # trafilatura's own parser settings (utils.HTML_PARSER), our class lookup;
        # huge_tree: a page nested deeper than 256 levels keeps its text (deep_trees.py).
        parser = HTMLParser(
            collect_ids=False, default_doctype=False, encoding="utf-8",
            remove_comments=True, remove_pis=True, huge_tree=True,
        )
        parser.set_element_class_lookup(_LOOKUP)
        _PARSERS.parser = parser
    return parser


def parse_html(html: str) -> HtmlElement | None:
    """The page as an lxml tree, or None when it is not HTML at all.

    Follows trafilatura's ``load_html`` (same repairs, same rejection of a
    non-HTML string that parses to a lone element) with the faster parser.
    """
    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree = None
    try:
        tree = fromstring(html, parser=_parser())
    except ValueError:  # a str with an XML encoding declaration: lxml wants bytes
        pass
    except etree.LxmlError:
        return None
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=_parser())
        except (etree.LxmlError, ValueError):
            return None
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    cap_depth(tree)
    # A <template>'s content is inert, never rendered (AMP's amp-mustache, Vue,
    # Handlebars): trafilatura kept its placeholders as text ("{{#topArticle}}").
    for template in list(tree.iter("template")):
        template.drop_tree()
    # A footnote's marker is no text of the sentence it follows: "tide fell.[1]",
    # "[a]", "[citation needed]" (Wikipedia and every MediaWiki; footnoted reports).
    for sup in [s for s in tree.iter("sup") if _FOOTNOTE_MARK.match(s.text_content())]:
        sup.drop_tree()
    # MediaWiki's "[edit | edit source]" links, which older skins print inside the heading ("History[edit]").
    if "mw-editsection" in html:  # (a scan of the string in C; the XPath walks every element)
        for edit in tree.xpath('//*[contains(@class, "mw-editsection")]'):
            edit.drop_tree()
    return tree


# Block elements whose tail, text loose in their container after them, is
# read as a paragraph of its own (see _wrap_loose_tails).
LOOSE_TAIL_TAGS = ("div", "figure", "table", "section", "aside", "blockquote", "ul", "ol")
# A container holds a <br>-separated body when this many <br> are followed by text.
BR_PARAGRAPHS = 2


def _wrap_loose_tails(tree: HtmlElement) -> None:
    """Put text that follows a block element loose in its container into a
    ``<p>`` of its own: a ``<br>``-separated article body with a photo
    ``<div>`` inside ("…<br><br><div class="photo">…</div>The next
    paragraph.<br><br>…", as Korean and older CMSs write bodies) lost the
    paragraph after the photo in trafilatura, which reads no tail of a
    block it skips. A browser renders that text as a block of its own too."""
    for elem in list(tree.iter(LOOSE_TAIL_TAGS)):
        tail = elem.tail
        if tail and not tail.isspace() and _after_break(elem) and _br_body(elem.getparent()):
            wrapper = elem.makeelement("p", {})
            wrapper.text = tail
            elem.tail = None
            elem.addnext(wrapper)


def _after_break(elem: HtmlElement) -> bool:
    """``elem`` stands between paragraphs, right after a ``<br>`` (a block
    inside a sentence, an ad's, leaves the sentence whole)."""
    previous = elem.getprevious()
    return previous is not None and previous.tag == "br" and (not previous.tail or previous.tail.isspace())


def _br_body(elem: HtmlElement | None) -> bool:
    """``elem`` holds text cut into paragraphs by ``<br>`` (BR_PARAGRAPHS of them at least)."""
    return elem is not None and sum(1 for child in elem.iterchildren("br") if child.tail and not child.tail.isspace()) >= BR_PARAGRAPHS


# Options handed to trafilatura; recall-leaning defaults like extract().
# Metadata is read by metadata.declared_metadata on the same tree.
EXTRACT_OPTIONS: dict[str, Any] = {
    "output_format": "python",
    "with_metadata": False,
    "include_comments": False,
    "include_tables": True,
    # include_links=True would give blocks a link density, but it changes what
    # trafilatura keeps (whole paragraphs lost on some pages): recall first.
    "include_links": False,
    "include_images": False,
    "include_formatting": False,
}
# trafilatura's precise default can keep only a tagline of a page whose
# article follows embedded tweets. Where what it keeps is this short, its
# favor_recall setting is asked too, and wins when it finds several times more.
THIN_CHARS = 300
RECALL_GAIN = 3
# trafilatura wants a body of 250 characters (min_extracted_size) before it
# trusts its main extractor, else it falls back to the whole <article> run
# together as one paragraph; in Japanese, Chinese or Korean 250 characters
# are a whole short article. For those pages a hundred will do.
DENSE_CONFIG = use_config()
DENSE_CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "100"
# htmldate's "extensive" search guesses dates from free text and copyright
# lines (many YYYY-01-01 inventions) and costs a third of our time; the
# dates pages declare (meta, JSON-LD, URL, <time>) are found without it.
DATE_OPTIONS: dict[str, Any] = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def trafilatura_blocks(
    tree: HtmlElement, url: str | None, description: str | None, language: str | None = None
) -> tuple[Block, ...]:
    """The body as trafilatura extracts it, with the lead recovered above it
    (``language``: the page's, for the size trafilatura wants of a body)."""
    # In place: the page's own blocks, cut before, read tails as a browser does.
    _wrap_loose_tails(tree)
    sized = {"config": DENSE_CONFIG} if language in CJK_LANGUAGES else {}
    result = _extraction(tree, url, **sized)
    if result is not None and len(result.text or "") < THIN_CHARS:
        recall = _extraction(tree, url, favor_recall=True, **sized)
        if recall is not None and len(recall.text or "") >= RECALL_GAIN * len(result.text or ""):
            result = recall
    if result is None or getattr(result, "body", None) is None:
        return ()
    blocks = body_blocks(result.body)
    if len(blocks) == 1:  # trafilatura's last resort, a declared articleBody, runs its paragraphs together
        declared = declared_blocks(tree)
        # (compared without white space: trafilatura 2.2 joins them with none)
        if declared is not None and _unspaced(" ".join(b.text for b in declared)) == _unspaced(blocks[0].text):
            blocks = declared
    return with_lead(tree, blocks, description, clean=clean_lines)


def _unspaced(text: str) -> str:
    return "".join(text.split())


def _extraction(tree: HtmlElement, url: str | None, **options: Any) -> Any:
    """trafilatura's extraction of the page (its Document), or None."""
    try:
        return trafilatura.bare_extraction(tree, url=url, **EXTRACT_OPTIONS, **options)
    except (ValueError, TypeError, etree.LxmlError):  # malformed trees deep in trafilatura
        return None


def segment_html(html: str, url: str | None = None, fast: bool = False) -> Document:
    """Cut an HTML page into content blocks plus the page's metadata.

    The trafilatura path by default. ``fast``: our own extraction
    (``extract.py``) first, the trafilatura path only where it is unsure
    (~1 page in 14). Either way a Q&A page marked up as one gives its
    question and answers (``qa.py``). When nothing finds main content the Document has no
    blocks (the pipeline turns that into NoArticleError); metadata is still
    filled.
    """
    return next(extractions(html, url, fast))


def extractions(html: str, url: str | None = None, fast: bool = False) -> Iterator[Document]:
    """The page's Documents from one parse, best choice first, each made only
    when asked for: the path's choice (``segment_html``); the other
    extraction's, for when that one held nothing article-like once cleaned (a
    sidebar of PHP warnings, a consent dialog: the block model's for the
    default path where it is sure of the page, trafilatura's for the fast
    path); then the text the page declares in JSON-LD (``articleBody``), for a
    page rendered in the browser. A page that does not parse gives one
    Document without blocks.
    """
    tree = parse_html(html)
    if tree is None:
        yield Document(blocks=(), capture="html", meta=PageMeta(url=url))
        return
    meta = page_meta(declared_metadata(tree, url, DATE_OPTIONS), tree, url)
    marked = marked_texts(tree)
    page = page_blocks(tree)  # the page's own blocks: the model reads them, and they tell what was left out
    own = own_blocks(tree, meta.title, page=page) if fast else None
    if own is not None:  # (the model, like trafilatura, reads a standfirst outside the body box as a sidebar)
        own = with_lead(tree, own, meta.description, clean=clean_lines, thorough=False)
    choices: list[Callable[[], tuple[Block, ...] | None]] = [
        lambda: trafilatura_blocks(tree, url, meta.description, meta.language),
        lambda: None if fast else own_blocks(tree, meta.title, page=page),  # the default path asks the model only now
    ]
    if own is not None:  # the fast path's model is sure: its choice first, trafilatura's next
        choices = [lambda: own, choices[0]]
    # A Q&A page: its question and answers, by its own markup (a scan of the
    # string first: the XPath walks every element, 0.35 ms a page).
    qa = qa_blocks(tree) if "/Question" in html else None
    if qa is not None:
        choices = [lambda: qa, *choices]
    for choose in (*choices, lambda: declared_blocks(tree)):
        blocks = choose()
        if blocks is not None:
            unkept = left_out(page, blocks, meta.title)
            yield Document(blocks=blocks, capture="html", meta=meta, marked=marked, unkept=unkept)


def declared_blocks(tree: HtmlElement) -> tuple[Block, ...] | None:
    """The page's JSON-LD ``articleBody`` cut into paragraphs (None: it declares none)."""
    body = declared_body(tree)
    if body is None:
        return None
    # Some pages declare it as HTML, escaped or not: its tags end paragraphs.
    text = _DECLARED_TAG.sub("\n", unescape(body))
    paragraphs = [p for p in map(clean_lines, text.splitlines()) if p]
    return tuple(Block(i, p, "paragraph", i) for i, p in enumerate(paragraphs)) or None
