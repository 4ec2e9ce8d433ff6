"""Authors: the ones a page declares, re-read where trafilatura's split
mangles them, and the one it names in its markup when it declares none.

trafilatura cuts a declared author at every comma and conjunction and reads
only numeric HTML entities: "SPIEGEL ONLINE, Hamburg, Germany" becomes three
authors, "Kirche und Leben" two, "Redacci&oacute;n Diario" three pieces of
one word. ``declared_authors`` finds the page's own value that trafilatura
read (the meta tags and JSON-LD it reads) and cuts it where a person's name
ends instead: at ";" or "|", at commas and conjunctions only between names
of two words or more; a place, a degree or an agency after a comma is left
out ("Grant Tinsley, Ph.D." names Grant Tinsley).

The markup's author:

Same search as trafilatura's ``extract_author`` (three tiers of author-ish
elements, the first with a short text wins; comment lists, sidebars, dates,
figures and the like are never looked into), done without its costs: it deep
copies the whole tree and runs three XPaths whose regex tests call back into
Python for every element, ~9 ms a page, a quarter of our HTML time. Here one
pass over the elements picks the few candidates with a regex on class and id,
the tiers are decided on those alone, and excluded regions are skipped, not
cut out of a copy (~1 ms). tests/test_author.py checks the answers against
trafilatura's own on hand-made pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from lxml import etree
from trafilatura.json_metadata import normalize_authors

from cleaners.lines import DOTS
from cleaners.names import CONJUNCTION, capital, is_rights_notice, looks_like_name, without_asides

from .document import normalize_space

# The words of a name, compared case-folded: "Condé Nast" is ("condé", "nast").
_WORD = re.compile(r"\w+")
# Several authors in one declared value: "Jane Doe; Tom Reed", "A | B".
AUTHOR_LIST = re.compile(r"\s*[;|]\s*")
_TAG = re.compile(r"<[^>]+>")
# Parts of one value: a name, then a place, a role or another name.
_PARTS = re.compile(r",|\s+[-–—]\s+")
# Co-authors joined by a word (any case: "Glen Owen And Brendan Carlin").
_CONJOINED = re.compile(CONJUNCTION.pattern, re.IGNORECASE)
_QUOTES = "'\"‘’“”"
# Addresses, not names: e-mail, "[at]", web links and paths ("facebook.com/x").
_ADDRESS = re.compile(r"@|\[at\]|https?:|www\.|\.\w+/")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,4}")
# A web address for an author: a site ("www.example.de") or a profile
# ("facebook.com/jane.roe", group 1 its last path segment, the handle).
_LINK = re.compile(r"(?:https?://|www\.)[^\s/]+/?|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/(?:[^\s]*/)?([^\s/]+)/?", re.I)

# Candidates: elements whose class or id could satisfy a tier's regex below
# (a superset, decided exactly by _tier), or that carry one of the rarer
# attributes the tiers test (itemprop, rel, data-component, data-testid). A Python pass with this regex is ~6× faster than
# one XPath of contains() tests, which libxml2 evaluates slowly.
MAYBE = re.compile(
    r"uthor|yline|byl|BBL|username|screenname|writer|channel-name|zuozhe|bianji|xiaobian"
    r"|submitted-by|posted-by|journalist-name|reporter|muhabir"
)

# Tier 1, specific: (tags, exact attribute values, class regex).
SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
SPECIFIC_VALUES = (("rel", "author"), ("id", "author"), ("class", "author"), ("itemprop", "author name"),
                   ("data-testid", "AuthorCard"), ("data-testid", "AuthorURL"))
SPECIFIC_CLASS = re.compile(r"author-?name|AuthorName|authorName")
# Tier 2, almost generic.
GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
GENERIC_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
GENERIC_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
# ("reporter", Turkish "muhabir": news sites of Korea, Turkey, Indonesia name their byline so.)
GENERIC_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name|reporter|muhabir")
# Tier 3, last resort: any element.
LAST_ID = re.compile(r"[Aa]uthor")
LAST_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")

# Regions never looked into: comment lists, sidebars, titles, dates, quotes,
# print and share bars, category lists, figures and <time>.
EXCLUDED_TAGS = frozenset({"a", "div", "section", "span"})
# (A blockquote's author is the person quoted, or a tweet's.)
EXCLUDED_ALWAYS = frozenset({"time", "figure", "blockquote"})
EXCLUDED_VALUES = (("id", "comments"), ("class", "comments"), ("class", "title"), ("class", "date"))
# (Beyond trafilatura's own list: a product's reviews, like comments, are signed by readers.)
EXCLUDED_ID = re.compile(r"^comments|comment-?list|ProductReviews|^reviews")
EXCLUDED_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|^reviews|sidebar|is-hidden|quote|[Zz]itat|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
# A one-word label before the name ("Haber: Ayşe Demir", "Text: Jana Roe"):
# trafilatura drops the colon and keeps the word as a name's.
_LEAD_LABEL = re.compile(r"^\s*\w+:\s+")
# What sets a byline's parts apart ("By Jane Doe · 3 March 2026").
_PART_SEPARATOR = re.compile(rf"\s+[{DOTS}|]\s+")
# The author's text must be longer than this and shorter than MAX_CHARS.
MIN_CHARS = 2
MAX_CHARS = 120


def _tier(elem: etree._Element) -> int | None:
    """1, 2 or 3 for the first tier whose rule the element meets, else None."""
    tag = elem.tag
    get = elem.get
    cls, ident, itemprop = get("class"), get("id"), get("itemprop")
    if tag == "author" or (tag in SPECIFIC_TAGS and (
            any(get(k) == v for k, v in SPECIFIC_VALUES) or (cls is not None and SPECIFIC_CLASS.search(cls)))):
        return 1
    if tag in GENERIC_TAGS and (
            cls in GENERIC_CLASSES or "author" in (itemprop or "")
            or (ident is not None and GENERIC_ID.search(ident)) or (cls is not None and GENERIC_CLASS.search(cls))):
        return 2
    # (data-* names in any case: React sites write "byline-block", "ArticleByline")
    if ("byline" in (get("data-component") or "").lower() or "byline" in (get("data-testid") or "").lower()
            or "author" in (itemprop or "")
            or (ident is not None and LAST_ID.search(ident)) or (cls is not None and LAST_CLASS.search(cls))):
        return 3
    return None


def _excluded(elem: etree._Element) -> bool:
    tag = elem.tag
    if tag in EXCLUDED_ALWAYS:
        return True
    if tag not in EXCLUDED_TAGS:
        return False
    get = elem.get
    cls, ident = get("class"), get("id")
    return (any(get(k) == v for k, v in EXCLUDED_VALUES)
            or (ident is not None and EXCLUDED_ID.search(ident) is not None)
            or (cls is not None and EXCLUDED_CLASS.search(cls) is not None)
            or "Figure" in (get("data-component") or ""))


def _visible_text(elem: etree._Element) -> Iterator[str]:
    """The element's text without excluded descendants (their tails stay)."""
    if elem.text:
        yield elem.text
    for child in elem:
        if isinstance(child.tag, str) and not _excluded(child):
            yield from _visible_text(child)
        if child.tail:
            yield child.tail


def _candidates(tree: etree._Element) -> Iterator[etree._Element]:
    """Elements worth a _tier test, in document order."""
    for elem in tree.iter(etree.Element):
        get = elem.get
        cls, ident = get("class"), get("id")
        if ((cls is not None and MAYBE.search(cls)) or (ident is not None and MAYBE.search(ident))
                or get("itemprop") is not None or get("rel") is not None or get("data-component") is not None
                or get("data-testid") is not None or elem.tag == "author"):
            yield elem


def dom_author(tree: etree._Element) -> str | None:
    """The first author-ish element's short text, by tier then document order."""
    found: dict[int, list[etree._Element]] = {1: [], 2: [], 3: []}
    for elem in _candidates(tree):
        tier = _tier(elem)
        if tier is not None and not any(_excluded(e) for e in elem.iterancestors()) and not _excluded(elem):
            found[tier].append(elem)
    ranked = [elem for tier in (1, 2, 3) for elem in found[tier]]
    for k, elem in enumerate(ranked):
        text = _text(elem)
        if MIN_CHARS < len(text) < MAX_CHARS:
            named = _named_part(elem) or _first_named(text)
            return _co_authored(named, ranked[k + 1:]) if named else None
    return None


def _text(elem: etree._Element) -> str:
    return " ".join(" ".join(_visible_text(elem)).split())


def _co_authored(named: str, others: list[etree._Element]) -> str:
    """``named``, or the names of a later element that names them and more:
    an author card shows the first of two authors ("Marcus Whitfield"), the
    byline both ("By Marcus Whitfield and Priya Nandakumar")."""
    first = split_joined(named)
    if not first:
        return named
    for elem in others:
        text = _text(elem)
        if first[0] in text and len(text) < MAX_CHARS:
            more = split_joined(_named_part(elem) or _first_named(text))
            if len(more) > len(first) and set(first) <= set(more) and all(map(_capitalised_person, more)):
                return "; ".join(more)
    return named


def _first_named(text: str) -> str | None:
    """The author an author element's text names, of its parts a theme sets
    apart with a dot or a bar: "By Jane Doe · 3 March 2026" names Jane Doe,
    and so does "3 March 2026 · By Jane Doe" (trafilatura's reading cuts at
    a bar but not at a dot, and gives up at a date first). A one-word label
    before the name is no part of it ("Haber: Ayşe Demir")."""
    parts = (_LEAD_LABEL.sub("", part) for part in _PART_SEPARATOR.split(without_asides(text)))
    # (A site's address is no name: "Autor: przepisy.pl" would read "Przepisy Pl".)
    return next(filter(None, (normalize_authors(None, part) for part in parts if not _DOMAIN.fullmatch(part.strip()))), None)


def _named_part(elem: etree._Element) -> str | None:
    """The children of ``elem`` that name a person by themselves, where
    ``elem`` holds several, joined as trafilatura joins authors ("A; B"):
    "Rhiannon Dale" of ``<span>By Rhiannon Dale</span><span>Health
    correspondent, Eastmoor News</span>``, which run together would read
    "Rhiannon Dale Health correspondent". (A name split over a given-name and
    a family-name element has no such child: the whole text stands.)"""
    children = [c for c in elem if isinstance(c.tag, str) and not _excluded(c)]
    parts = [(c, text) for c in children if (text := " ".join(" ".join(_visible_text(c)).split()))]
    loose = (elem.text or "") + "".join(c.tail or "" for c in elem)
    if len(parts) == 1 and not loose.strip():  # a wrapper: look inside
        return _named_part(parts[0][0])
    if len(parts) < 2:
        return None
    names = [n for n in (normalize_authors(None, without_asides(text)) for _, text in parts) if n and ";" not in n and _person(n)]
    # (A name ends in a capitalised word: "Rezept von" is a label over the name.)
    return "; ".join(dict.fromkeys(n for n in names if not n.split()[-1].islower())) or None


def declared_authors(joined: str | None, values: Iterable[str]) -> tuple[str, ...]:
    """The authors of trafilatura's ``joined`` ("A; B"), from the page's own
    value where trafilatura read one of ``values`` (the declared strings):
    cut where names end, not at every comma (see the module docstring).
    trafilatura's own answer stands where the value is a handle or an e-mail
    address ("michael.andrusio", "info@example.org"): it tidies those better.
    A site's address names nobody ("www.example.de", not "Www Example De"), a
    profile link its handle ("facebook.com/jane.roe": "Jane Roe", not also
    "Facebook Com"); a rights notice nobody."""
    if not joined:
        return ()
    values = tuple(values)
    # "Copyright Example GmbH & Co. KG" where an author was declared: nobody, not "Co KG".
    notices = [v for v in values if v and is_rights_notice(v)]
    for value in values:
        if value and normalize_authors(None, value) == joined:
            if value in notices:
                return ()
            link = _LINK.fullmatch(value.strip())
            if link is not None:  # a site or a profile: the profile's handle names the author
                return split_joined(normalize_authors(None, link.group(1) or "") or None)
            names = _names(value)
            if names and not any(map(_untidy, names)):
                return names
            break
    noticed = {n for v in notices for n in split_joined(normalize_authors(None, v))}
    return tuple(n for n in split_joined(joined) if n not in noticed)


def without_publisher(authors: tuple[str, ...], publishers: Iterable[str | None]) -> tuple[str, ...]:
    """``authors`` less the ones that name the publisher, where a person is
    left: "Frankfurter Allgemeine Zeitung GmbH, Benjamin Fischer" on the site
    "Frankfurter Allgemeine Zeitung" names Benjamin Fischer. An author names
    the publisher when it holds all the publisher's words in a row and, the
    rest, no person's name ("Redacción Trome" on "Trome"; not "Daniel
    Hentschel ebrosia" on "Ebrosia"); nor when it stands inside the
    publisher's name (Jane Roe writes on "Jane Roe's Kitchen")."""
    people = tuple(a for a in authors if not names_publisher(a, publishers))
    return people if people and len(people) < len(authors) else authors


def names_publisher(author: str, publishers: Iterable[str | None]) -> bool:
    """``author`` names one of ``publishers`` (see ``without_publisher``)."""
    return any(_names_publisher(author, n) for n in (_words(p) for p in publishers if p) if n)


def within_name(part: str, name: str) -> bool:
    """The words of ``part`` stand in a row in ``name``, case-blind ("Office" in "Office of Communications")."""
    words, whole = _words(part), _words(name)
    return bool(words) and any(whole[i : i + len(words)] == words for i in range(len(whole) - len(words) + 1))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def _names_publisher(author: str, publisher: tuple[str, ...]) -> bool:
    words = _WORD.findall(author)
    folded = [w.casefold() for w in words]
    size = len(publisher)
    for i in range(len(words) - size + 1):
        if tuple(folded[i : i + size]) == publisher:
            rest = words[:i] + words[i + size :]
            return len(rest) < 2 or not looks_like_name(" ".join(rest))
    return False


def split_joined(joined: str | None) -> tuple[str, ...]:
    """trafilatura's authors, which it joins with "; ", one by one."""
    return tuple(dict.fromkeys(n for n in (normalize_space(x) for x in (joined or "").split(";")) if n))


def _names(value: str) -> tuple[str, ...]:
    """The names in one declared value, cut where names end (module docstring)."""
    if "\\u" in value:  # a JSON escape left in the value ("Luis \\u00c1vila"), as trafilatura decodes it
        value = value.encode().decode("unicode_escape", errors="ignore")
    text = normalize_space(_TAG.sub(" ", html.unescape(html.unescape(value))))  # JSON-LD may escape twice
    names: list[str] = []
    for piece in AUTHOR_LIST.split(text.strip(_QUOTES)):
        parts = [p.strip(_QUOTES + " ") for p in _PARTS.split(piece) if p.strip(_QUOTES + " ")]
        # "SPIEGEL ONLINE, Hamburg, Germany", "Markus M. Haefliger, London, Beat
        # Bumbacher": after a name, the other names; a place, a degree, an agency go.
        parts = parts[:1] + [p for p in parts[1:] if _person(p)] if parts and _person(parts[0]) else parts[:1]
        for part in parts:
            people = [p.strip() for p in _CONJOINED.split(part) if p.strip()]
            names.extend(people if len(people) > 1 and all(map(_person, people)) else [part])
    return tuple(dict.fromkeys(names))


def _person(text: str) -> bool:
    """A person's name of two words or more ("Tom Reed", "Markus M. Haefliger";
    not "Hamburg", "Ph.D.", "news service reports")."""
    words = text.split()
    return (
        len(words) > 1
        and looks_like_name(text, initials=True)
        and all(any(c.isalpha() for c in w) for w in words)  # not ". V." of "e. V."
    )


def _capitalised_person(text: str) -> bool:
    """A person's name (``_person``) with every word capitalised: "Priya
    Nandakumar", not a tag line run on after a name ("DOTYCZY gazociąg …")."""
    return _person(text) and all(map(capital, text.split()))


def _untidy(name: str) -> bool:
    """A handle ("mady", "michael.andrusio"), an e-mail or web address: no
    name as the page wrote it (a site's domain, "tagesschau.de", is one)."""
    return bool(_ADDRESS.search(name)) or (name.islower() and " " not in name and not _DOMAIN.fullmatch(name))
