"""Page metadata of HTML captures: what the page declares about itself.

trafilatura's metadata steps (title, date, site name, categories and tags,
description, image) run one by one here: the licence search (unused) is
skipped, and the category/tag XPaths run only when a link could match. The
author an author-classed element names (``author.py``: trafilatura's search
done in one pass) is kept apart as the last witness (``marked_authors``).
Added to what trafilatura reports: ``<html lang>``, declared publication and
modification timestamps, ``article:tag``/``rel="tag"``, and from JSON-LD
``dateModified``, ``keywords`` and ``timeRequired`` (the stated reading
time). A title loses the site's name at its edge (``page_titles.py``). Nothing
is guessed: a date from a copyright line or a site name made from the host
name stays None.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import metadata as traf_meta
from trafilatura.settings import Document as TrafDocument
from trafilatura.utils import line_processing

from .author import declared_authors, dom_author, names_publisher, split_joined, within_name, without_publisher
from .document import PageMeta, normalize_space
from .dom_blocks import FAMILY_BIT, name_families, own_names
from .page_titles import clean_title, page_title, title_site, without_site

# Dates we accept as ISO 8601 (date, optionally with time).
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", re.ASCII)
# A language tag whose primary subtag is an ISO 639-1 code ("de-DE" → "de").
LANG_TAG = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
# Head tags holding the modified date; trafilatura reports only one date.
MODIFIED_XPATH = (
    '//meta[@property="article:modified_time" or @property="og:updated_time" '
    'or @name="last-modified" or @itemprop="dateModified"]/@content'
)
# Tags the page declares when trafilatura reports none: OpenGraph article:tag
# and rel="tag" links (WordPress and most blog engines); not the keywords meta,
# which is mostly SEO filler.
TAGS_XPATH = '//meta[@property="article:tag"]/@content | //a[@rel="tag"]//text()'
MAX_TAG_CHARS = 40
# A declared articleBody shorter than this is a teaser, not the article.
MIN_DECLARED_BODY_CHARS = 200
# Declared publication timestamps: when one agrees with trafilatura's date
# (which it reports without the time), the full timestamp is kept.
PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @name="pubdate" '
    'or @itemprop="datePublished"]/@content'
    # microdata on the element itself: Joomla's <time datetime>, Blogger's <abbr title>
    ' | //time[@itemprop="datePublished"]/@datetime | //abbr[@itemprop="datePublished"]/@title'
)
LANG_XPATH = (
    '/html/@lang | /html/@xml:lang | //meta[@http-equiv="content-language" '
    'or @http-equiv="Content-Language"]/@content | //meta[@property="og:locale"]/@content'
)
# schema.org types whose JSON-LD describes the article itself.
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "TechArticle",
    "ScholarlyArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "Recipe",
})
JSONLD_XPATH = '//script[@type="application/ld+json"]/text()'
# Norwegian pages declare Bokmål ("nb-NO") or Nynorsk ("nn"): one language
# to the phrase tables and dates (``no``), and what a text capture's guess says.
MACROLANGUAGES = {"nb": "no", "nn": "no"}
# ISO 8601 duration of schema.org timeRequired ("PT4M", "PT1H5M").
DURATION = re.compile(r"^P(?:\d+D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", re.I)


def iso_date(value: str | None) -> str | None:
    """``value`` if it is an ISO 8601 date(-time), else None (never guessed).
    Digits of other scripts are read as theirs: "২০২০-০৮-২৯" is 2020-08-29."""
    if not value:
        return None
    value = value.strip()
    if not value.isascii():
        value = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in value)
    return value if ISO_DATE.match(value) else None


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a language tag (``"de-DE"`` → ``"de"``), else None;
    a written standard of a language as the language (``MACROLANGUAGES``)."""
    if not value:
        return None
    match = LANG_TAG.match(value)
    if not match:
        return None
    code = match.group(1).lower()
    return MACROLANGUAGES.get(code, code)


def _author_values(tree: HtmlElement, jsonld: list[dict[str, Any]]) -> Iterator[str]:
    """The author strings the page declares where trafilatura reads them:
    its author meta tags, then the names in its JSON-LD objects."""
    names = traf_meta.METANAME_AUTHOR | traf_meta.OG_AUTHOR | traf_meta.PROPERTY_AUTHOR
    for elem in tree.iterfind(".//meta"):
        if (elem.get("name") or elem.get("property") or "").lower() in names and elem.get("content"):
            yield elem.get("content")
    for author in _jsonld_authors(jsonld):
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str):
            yield name


def _jsonld_authors(jsonld: list[dict[str, Any]]) -> Iterator[Any]:
    for item in jsonld:
        authors = item.get("author")
        yield from authors if isinstance(authors, list) else [authors]


def _is_person(item: dict[str, Any]) -> bool:
    """A JSON-LD object typed "Person" (untyped: a person too, as schema.org's examples write authors)."""
    kinds = item.get("@type") or "Person"
    return "Person" in (kinds if isinstance(kinds, list) else [kinds])


def _organization_authors(jsonld: list[dict[str, Any]]) -> tuple[str, ...]:
    """The names of the JSON-LD authors typed as no person ("Organization",
    "CollegeOrUniversity"): an office that signs the page's news."""
    return tuple(
        a["name"] for a in _jsonld_authors(jsonld)
        if isinstance(a, dict) and isinstance(a.get("name"), str) and not _is_person(a)
    )


def _described_people(objects: list[dict[str, Any]]) -> frozenset[str]:
    """The names of the JSON-LD persons the page describes, with a birth or a
    death date, that no object names as its author: an obituary's or a
    profile's subject, whom trafilatura reads as the author of a page that
    declares no other (``{"@type": "Person", "name": "Margaret Ellen
    Thornbury", "deathDate": "2026-11-16"}``). (Yoast's author profile may
    carry a birth date too; the article then names it, by @id or by name.)"""
    named = [a for a in _jsonld_authors(objects) if isinstance(a, dict)]
    authors = {v for a in named for v in (a.get("@id"), a.get("name")) if isinstance(v, str)}
    return frozenset(
        o["name"] for o in objects
        if isinstance(o.get("name"), str) and ("birthDate" in o or "deathDate" in o) and _is_person(o)
        and o["name"] not in authors and not (isinstance(o.get("@id"), str) and o["@id"] in authors)
    )


def _dedupe(values: list[str]) -> tuple[str, ...]:
    cleaned = (normalize_space(v) for v in values if v)
    return tuple(dict.fromkeys(v for v in cleaned if v))


def _declared_site_name(result: Any, url: str | None) -> str | None:
    """The site name the page declares; trafilatura's fallback to the URL's
    host name is a guess, and guesses are left out (unknown stays None)."""
    name = normalize_space(getattr(result, "sitename", None) or "").lower()
    if not name:
        return None
    hosts = {(getattr(result, "hostname", None) or "").lower()}
    for address in (url, getattr(result, "url", None)):
        if address:
            parts = urlsplit(address)
            hosts |= {parts.netloc.lower(), (parts.hostname or "").lower()}
    hosts |= {h.removeprefix("www.") for h in hosts}
    if name in hosts or name.removeprefix("www.") in hosts:
        return None
    return normalize_space(result.sitename)


def _first(tree: HtmlElement, xpath: str) -> list[str]:
    try:
        return [str(x) for x in tree.xpath(xpath, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})]
    except etree.XPathError:
        return []


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included."""
    for raw in _first(tree, JSONLD_XPATH):
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # broken JSON-LD is common; it declares nothing
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                yield item


def _article_jsonld(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for item in objects:
        types = item.get("@type")
        if set(types if isinstance(types, list) else [types]) & ARTICLE_TYPES:
            return item
    return {}


def _marked_authors(tree: HtmlElement, publishers: tuple[str | None, ...], offices: tuple[str, ...]) -> tuple[str, ...]:
    """The author-classed element's names, less the publisher; a part of an
    office the page declares as its author stands for the whole office
    (trafilatura reads "By Office of Communications" as "Office")."""
    names = without_publisher(split_joined(dom_author(tree)), publishers)
    return tuple(dict.fromkeys(next((o for o in offices if within_name(n, o)), n) for n in names))


def _publisher(jsonld: dict[str, Any]) -> str | None:
    """The name of the article's JSON-LD ``publisher``, if it gives one."""
    publisher = jsonld.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    name = publisher.get("name") if isinstance(publisher, dict) else publisher
    return name if isinstance(name, str) else None


def declared_body(tree: HtmlElement) -> str | None:
    """The article text the page declares in JSON-LD (``articleBody``), if a
    paragraph's worth: a page that renders its text in the browser ships it
    there and nowhere else in its HTML."""
    body = _article_jsonld(list(_jsonld_objects(tree))).get("articleBody")
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body)
    return body if isinstance(body, str) and len(body.strip()) >= MIN_DECLARED_BODY_CHARS else None


def _keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [k for k in (normalize_space(str(x)) for x in items) if k and len(k) <= MAX_TAG_CHARS]


def duration_minutes(value: Any) -> int | None:
    """Minutes of an ISO 8601 duration (``"PT4M"`` → 4), else None."""
    match = DURATION.match(str(value or "").strip())
    if not match or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(x or 0) for x in match.groups())
    return -(-(hours * 3600 + minutes * 60 + seconds) // 60) or None  # whole minutes, rounded up


# trafilatura's category/tag search keeps only links whose address matches
# these (its own pattern); with no such link on the page its six XPaths over
# the whole tree (~1.2 ms each kind) can only come back empty.
CATSTAG_HREF = {kind: re.compile("/" + kind.rstrip("y") + "(?:y|ies|s)?/") for kind in ("category", "tag")}
SECTION_XPATH = './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'


def _catstags(kind: str, tree: HtmlElement, hrefs: list[str]) -> list[str]:
    """trafilatura's ``extract_catstags``, skipped when no link could match."""
    if any(CATSTAG_HREF[kind].search(h) for h in hrefs):
        return list(traf_meta.extract_catstags(kind, tree))
    if kind != "category":
        return []
    # its fallback for categories: the declared section
    sections = (line_processing(e.get("content")) for e in tree.xpath(SECTION_XPATH))
    return [x for x in dict.fromkeys(sections) if x]


def _comment_times(tree: HtmlElement) -> list[HtmlElement]:
    """The ``<time datetime>`` elements inside a comment thread (an ancestor's
    class/id words of the "comment" family: ``comment-metadata``, ``disqus``)."""
    comment = FAMILY_BIT["comment"]
    known: dict[str, int] = {}
    return [
        elem for elem in tree.iter("time")
        if elem.get("datetime") and any(name_families(own_names(a), known) & comment for a in elem.iterancestors())
    ]


def declared_metadata(tree: HtmlElement, url: str | None, date_params: dict[str, Any]) -> TrafDocument:
    """trafilatura's ``extract_metadata`` steps, in its order, on the parsed page.

    Differences: no DOM author search (``page_meta`` runs ``dom_author``
    and keeps its answer apart, as a fallback) and no licence search.
    ``date_params`` go to htmldate.
    """
    meta = traf_meta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single word is a handle or a site, not a name (trafilatura's rule)
    try:
        meta = traf_meta.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on odd data; it then declares nothing
        pass
    meta.title = meta.title or traf_meta.extract_title(tree)
    meta.url = meta.url or traf_meta.extract_url(tree, url)
    if meta.url:
        meta.hostname = traf_meta.extract_domain(meta.url, fast=True)
    # A comment's <time datetime> dates the comment, yet htmldate, where the
    # page declares no date, takes the earliest <time> it sees: hidden from it.
    hidden = [(elem, elem.attrib.pop("datetime")) for elem in _comment_times(tree)]
    try:
        meta.date = find_date(tree, url=meta.url, **date_params)
    finally:
        for elem, value in hidden:
            elem.set("datetime", value)
    meta.sitename = meta.sitename or traf_meta.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    # (trafilatura's last resort, a site name from the URL's host, is a guess: left out)
    hrefs = tree.xpath("//a/@href") if not (meta.categories and meta.tags) else []
    meta.categories = meta.categories or _catstags("category", tree, hrefs)
    meta.tags = meta.tags or _catstags("tag", tree, hrefs)
    meta.clean_and_trim()
    return meta


def page_meta(result: Any, tree: HtmlElement, url: str | None) -> PageMeta:
    """PageMeta from trafilatura's metadata plus head tags it leaves out."""
    categories = list(getattr(result, "categories", None) or [])
    tags = list(getattr(result, "tags", None) or [])
    if not tags:
        tags = [t for t in _first(tree, TAGS_XPATH) if len(t.strip()) <= MAX_TAG_CHARS]
    language = language_code(getattr(result, "language", None))
    if language is None:
        language = next(filter(None, map(language_code, _first(tree, LANG_XPATH))), None)
    objects = list(_jsonld_objects(tree))  # read once: the article's fields, then its authors
    jsonld = _article_jsonld(objects)
    if not tags:
        tags = _keywords(jsonld.get("keywords"))
    declared_modified = _first(tree, MODIFIED_XPATH) + [str(jsonld.get("dateModified") or "")]
    modified = next(filter(None, map(iso_date, declared_modified)), None)
    published = iso_date(getattr(result, "date", None))
    if published:
        declared = (iso_date(x) for x in [*_first(tree, PUBLISHED_XPATH), str(jsonld.get("datePublished") or "")])
        published = next((x for x in declared if x and x[:10] == published), published)
    if modified and published and modified[:10] < published[:10]:
        modified = None  # a "modified" before publication is a template artefact
    publishers = (getattr(result, "sitename", None), _publisher(jsonld))
    authors = without_publisher(declared_authors(getattr(result, "author", None), _author_values(tree, objects)), publishers)
    subjects = _described_people(objects)
    authors = tuple(a for a in authors if a not in subjects)
    # The author-classed element is asked where nothing was declared, or only
    # the publisher (Squarespace declares the site: "Written by Lena Ortiz" says who).
    ask_dom = not getattr(result, "author", None) or all(names_publisher(a, publishers) for a in authors)
    element = clean_title(tree.findtext(".//title"))  # the <title> element's text
    headline = clean_title(getattr(result, "title", None))
    title = page_title(without_site(headline, getattr(result, "sitename", None), url, authors), element, tree, url)
    return PageMeta(
        title=title,
        authors=authors,
        published=published,
        modified=modified,
        section=normalize_space(categories[0]) if categories else None,
        tags=_dedupe(tags + categories[1:]),
        language=language,
        site_name=_declared_site_name(result, url) or title_site(element, title, url),
        description=normalize_space(result.description) if getattr(result, "description", None) else None,
        image=getattr(result, "image", None) or None,
        url=getattr(result, "url", None) or url,
        reading_time_minutes=duration_minutes(jsonld.get("timeRequired")),
        marked_authors=_marked_authors(tree, publishers, _organization_authors(objects)) if ask_dom else (),
    )


