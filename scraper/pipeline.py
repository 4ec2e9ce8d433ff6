"""Run cleaners over a Document, apply their verdicts, assemble the Article.

Each cleaner sees only the blocks the earlier ones kept. Every drop becomes a
``Removal`` (text, cleaner name, reason) in the article; harvested metadata
fills the fields the page did not declare itself (declared values win: a
JSON-LD author beats a guess from a "Load More By" widget). Authors: the
declared ones (unless each is one word, a handle or a site, and the text
has a byline; or each is the site's own name, and a byline or an
author-classed element names people), else a byline found in the text, else
what an author-classed element says (its labels, "Datum", a site name, are
the noisiest witness).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter

from cleaners.base import LIST_FIELDS, Cleaner, Context, Verdict
from cleaners.lines import is_prose
from cleaners.names import capital, declared_author, looks_like_label, looks_like_name, names_role, tidy_name
from cleaners.phrasebook import LineMatches, PhraseBook

from .article import Article, FetchInfo, Removal
from .author import names_publisher
from .document import Document, PageMeta, visible
from .errors import NoArticleError
from .language import CJK_LANGUAGES, detect_language
from .version import extractor_info

# tuple.__new__ with every field: Removal(...) adds a Python call a drop.
_new_tuple = tuple.__new__
# Who took what the HTML extraction left out of the page (``unkept.py``), in ``removed``.
EXTRACTION = "extraction"
# Reading speed used to estimate reading time when the page states none.
WORDS_PER_MINUTE = 230
# Languages written without spaces: estimate reading time from characters.
CHARS_PER_MINUTE_CJK = 500
# What is left must read like an article: one block of running prose, or at
# least this many words (a list-only page such as a recipe card). A few menu
# words that no cleaner recognised are no article.
MIN_ARTICLE_WORDS = 40


@dataclass
class _Harvested:
    """Metadata collected from cleaners' harvests, first value wins."""

    scalars: dict[str, str | int] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)

    def add(self, verdict: Verdict) -> None:
        for item in verdict.harvest:
            if item.field in LIST_FIELDS:
                values = self.lists.setdefault(item.field, [])
                if str(item.value) not in values:
                    values.append(str(item.value))
            else:
                self.scalars.setdefault(item.field, item.value)


def _reading_time(paragraphs: Sequence[str], language: str | None) -> int:
    if language in CJK_LANGUAGES:
        return max(1, math.ceil(sum(len(p) for p in paragraphs) / CHARS_PER_MINUTE_CJK))
    return max(1, math.ceil(sum(len(p.split()) for p in paragraphs) / WORDS_PER_MINUTE))


def _named(values: tuple[str, ...], phrases: PhraseBook, strict: bool = False) -> tuple[str, ...]:
    """Declared author names as names: "Par Stefan Häne" in a meta tag names
    Stefan Häne, "admin" nobody. ``strict`` (what an author-classed element
    says, the noisiest witness): a value must also look like a name, not a
    bio sentence ("Martin is a full-stack engineer") or a label."""
    names = (declared_author(v, phrases) for v in values)
    return tuple(dict.fromkeys(n for n in names if n and (not strict or looks_like_name(n))))


def _labels(tags: tuple[str, ...]) -> tuple[str, ...]:
    """A tag list's links that read as tags: short labels, not "Angle Left Back to blog"."""
    return tuple(t for t in tags if looks_like_label(t, capitalised=False))


def _site_named(meta: PageMeta) -> bool:
    """Every declared author is the site itself (Squarespace declares "Kiln & Current Ceramics")."""
    return bool(meta.authors) and all(names_publisher(a, (meta.site_name,)) for a in meta.authors)


def _marked(meta: PageMeta, phrases: PhraseBook) -> tuple[str, ...]:
    """What an author-classed element names, as names; where it would stand
    in for a declared site (``assemble``), only those that are people."""
    names = _named(meta.marked_authors, phrases, strict=True)
    return tuple(n for n in names if _person(n, phrases)) if _site_named(meta) else names


def _person(name: str, phrases: PhraseBook) -> bool:
    """A person's name for sure: two words or more, each capitalised, one of
    three letters or more, no job or employer ("Deutscher Journalist", "Top
    Solar News"), no initials alone ("D E")."""
    words = name.split()
    return (
        len(words) > 1 and all(map(capital, words)) and any(len(w) > 2 for w in words)
        and looks_like_name(name) and not names_role(name, phrases.roles)
    )


def run_cleaners(
    document: Document, cleaners: Sequence[Cleaner], phrases: PhraseBook
) -> tuple[Document, list[Removal], _Harvested, str | None]:
    """Apply the cleaners in order; return kept document, removals, harvest, language."""
    meta = document.meta
    if meta.authors or meta.marked_authors:
        meta = replace(meta, authors=_named(meta.authors, phrases), marked_authors=_marked(meta, phrases))
    language = meta.language or detect_language((b.text for b in document.blocks), phrases.stopwords, phrases.any_stopword)
    kept = {b.index: b for b in document.blocks}
    # What the extraction left out comes first, each just before the kept block it stood above.
    removed: list[tuple[float, Removal]] = [
        (u.before - 0.5, _new_tuple(Removal, (u.text, EXTRACTION, u.reason))) for u in document.unkept
    ]
    harvested = _Harvested()
    matches = LineMatches(phrases, (b.text for b in document.blocks))  # every cleaner asks about the same lines
    blocks = document.blocks
    for cleaner in cleaners:
        title = meta.title or harvested.scalars.get("title")
        if len(blocks) != len(kept):  # only the drops of the last cleaner make a new tuple
            blocks = tuple(kept.values())
        ctx = Context(document, blocks, phrases, str(title) if title else None, language, matches)
        verdict = cleaner.judge(ctx)
        if verdict.title_block is not None and "title" not in harvested.scalars:
            kept.pop(verdict.title_block, None)
        # Comprehensions, not a loop: the region cleaner drops a hundred lines a capture.
        gone = [(index, kept.pop(index, None), reason) for index, reason in verdict.drops]
        removed += [(i, _new_tuple(Removal, (b.text, cleaner.name, why))) for i, b, why in gone if b is not None]
        harvested.add(verdict)
    kept_doc = Document(tuple(kept.values()), document.capture, meta, document.marked)
    # Report removals in reading order, whichever cleaner took them.
    return kept_doc, [r for _, r in sorted(removed, key=itemgetter(0))], harvested, language


def assemble(
    kept: Document,
    removed: list[Removal],
    harvested: _Harvested,
    language: str | None,
    *,
    source: str | None = None,
    url: str | None = None,
    fetch: FetchInfo | None = None,
) -> Article:
    """Build the Article from kept blocks, declared metadata and harvest."""
    meta: PageMeta = kept.meta
    paragraphs = tuple(b.text for b in kept.blocks)
    if not any(is_prose(p) for p in paragraphs) and sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise NoArticleError("nothing article-like found in the capture")
    got = harvested.scalars

    def pick(name: str) -> str | None:
        value = getattr(meta, name) or got.get(name)
        return str(value) if value not in (None, "") else None

    stated = meta.reading_time_minutes or got.get("reading_time_minutes")
    title = pick("title")
    bylined = tuple(harvested.lists.get("authors", ()))
    # Declared names of one word each are handles, first names or sites ("Nils",
    # "tagesschau.de"): a byline in the text naming people says more. Declared
    # names that are all the site's own: so do the people an author-classed
    # element names ("Written by Lena Ortiz" where Squarespace declares the site).
    weak = bylined and all(" " not in a for a in meta.authors) or _site_named(meta) and (bylined or meta.marked_authors)
    declared = () if weak else meta.authors
    authors = declared or bylined or meta.marked_authors
    return Article(
        title=visible(title) if title else None,
        paragraphs=paragraphs,
        paragraph_kinds=tuple(b.kind for b in kept.blocks),
        capture=kept.capture,
        url=url or meta.url,
        source=source,
        authors=tuple(dict.fromkeys(tidy_name(a) for a in authors)),
        published=pick("published"),
        modified=pick("modified"),
        section=pick("section"),
        tags=meta.tags or tuple(harvested.lists.get("tags", ())) or _labels(kept.marked.tags),
        language=language,
        site_name=pick("site_name"),
        description=meta.description,
        image=meta.image,
        reading_time_minutes=int(stated) if stated is not None else _reading_time(paragraphs, language),
        removed=tuple(removed),
        extractor=extractor_info(),
        fetch=fetch,
    )


def run(
    document: Document,
    cleaners: Sequence[Cleaner],
    phrases: PhraseBook,
    *,
    source: str | None = None,
    url: str | None = None,
    fetch: FetchInfo | None = None,
) -> Article:
    """Clean a segmented document into an Article (NoArticleError if nothing is left)."""
    kept, removed, harvested, language = run_cleaners(document, cleaners, phrases)
    return assemble(kept, removed, harvested, language, source=source, url=url, fetch=fetch)
