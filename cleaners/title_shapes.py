"""What a headline looks like: the line shapes the title finder (``headlines.py``) accepts or passes over.

Shapes only, no position: a link row or a trail ("Home » Recipes"), a caption
with its credit, a list of terms, a label and a value ("Lästid: 3 min"), a
short name ("Liam Foster"), a dek under a headline in title case.
"""

from __future__ import annotations

import re
from collections.abc import Container

from .credits import END_CREDIT, is_slash_credit
from .dates import is_month_name
from .names import looks_like_name, strict_name

# "Home » Recipes » Soups", "News | Local": a trail or a menu row, not a headline.
_TRAIL = re.compile(r"\s[>»›|/]+\s")
_URL = re.compile(r"https?://|www\.", re.I)
# A caption carries its credit: "… den Unterstützern. Bild: dpa", "© Getty Images".
# (Not the end of a compound: "„Blue Marble“-Foto: ICON simuliert …" is a headline.)
_CREDIT = re.compile(r"(?<!-)\b(?:foto|fotos|bild|photo|photos|image|credit|crédit|quelle|source|fuente|fonte)\s?:|©", re.I)
# Day, month and year: "23.01.2020", "17. September 2019", "September 17, 2019".
FULL_DATE = re.compile(
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}\.?\s+[^\W\d]{3,}\.?\s+(?:19|20)\d\d\b|\b[^\W\d]{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)
# A clock time as datelines write it: "Vandaag, 08:15", "um 10:15", "10:15 Uhr", "5:12 p.m."
# (not "John 3:16", "3:10 to Yuma").
CLOCK_TIME = re.compile(r"(?:,|\b(?:um|at|à|o|om|alle|às|a las))\s+\d{1,2}:\d{2}\b|\b\d{1,2}:\d{2}\s*(?:uhr|h|[ap]\.?m\.?)(?!\w)", re.I)
_DASHES = re.compile(r"\s[–—-]\s")
# Shapes no headline has; the one a headline the URL names may have (a date).
# A photo's credit on a line of its own: the photographer and the outlet
# joined by a slash ("Daniel Okafor/Public Radio North", "Evan Vucci/AP").
_NOT_TITLE_SLUGGED = (_TRAIL, _URL, _CREDIT, END_CREDIT)
_NOT_TITLE = (*_NOT_TITLE_SLUGGED, FULL_DATE, CLOCK_TIME)
_BAD_STARTS = ("…", "...", "<", "←", "‹", "›", ">", "→", "|", "[", "★", "☆")  # (stars: a rating)
_BAD_ENDS = ("→", ">", "›", "←", ",", ":", "|")
# A headline in title case: this share of its longer words capitalised (a dek
# under it in sentence case: less than half of that).
TITLE_CASE_SHARE = 0.8
# A line of fewer words over one of at least twice as many is a kicker or
# a menu's label over the headline ("MENU r1 Triângulo Mineiro", "Billing &
# Invoicing Operations"), not a headline over its dek ("Nachhaltig leben"
# over "Alternativen zur Konsumgesellschaft" is one).
KICKER_MAX_WORDS = 5
KICKER_TIMES = 2
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# A line of at most this many capitalised words may be a name, not a headline.
SHORT_NAME_WORDS = 3
# "Lästid: 3 min", "Tác giả: Nguyễn Văn An": a label, then a number with a
# short unit or a person's name, is a reading time or a byline (in a
# language no table knows), not a headline ("Exclusive: Apple to buy Beats",
# "Garden: 3 Expert Tips", "Diversity: Revolution im Reallabor").
_LABELLED = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?:\s+(\S.*)$")  # (a label of one or two words)
_COUNTED = re.compile(r"^\d+(?:[.,]\d+)?\s*[^\W\d]{0,6}\.?$")
# "Politik, Kultur, Sport": this many comma-separated items of at most TERM_WORDS words.
TERM_LIST_ITEMS = 3
TERM_WORDS = 3


def title_shaped(text: str, stopwords: Container[str], slugged: bool = False) -> bool:
    """Not a link row or a fragment: no trail separators, URL, arrow, or dangling end.

    Rejects ``Home » Recipes``, ``← vorheriger Beitrag``, ``<Alle Shops``,
    ``… den Autor``, ``via heise online https://…``, ``Kommunikation – Rollen – Sex``,
    a caption cut at a comma or carrying its credit, a label ending in a colon,
    a tag list (``backup, docker``), a forum post's meta line (``mkoenig Mar 4 1``),
    a meta line with a full date (``Ehrenamt Jugendverbände 23.01.2020``) or
    a dateline's clock time (``Door Sanne de Boer Vandaag, 08:15``), unless
    ``slugged``: the URL names the line ("Bericht zur Coronalage vom 22.04.2020 – …").
    ``stopwords``: the tables' (a credit's outlet holds none).
    """
    shapes = _NOT_TITLE_SLUGGED if slugged else _NOT_TITLE
    if any(p.search(text) for p in shapes) or len(_DASHES.findall(text)) >= 2:
        return False
    if is_term_list(text) or is_post_meta(text) or is_slash_credit(text, stopwords):
        return False
    return not text.startswith(_BAD_STARTS) and not text.endswith(_BAD_ENDS)


def is_post_meta(text: str) -> bool:
    """A forum post's meta line: its author's handle, a day with no year and
    the post's number (``mkoenig Mar 4 1``, Discourse's)."""
    words = text.split()
    return (3 <= len(words) <= 4 and is_month_name(words[1]) and words[2].isdigit() and len(words[2]) <= 2
            and all(w.isdigit() for w in words[3:]))


def is_term_list(text: str) -> bool:
    """Categories or tags: ``Aus den Ländern, Blog, sonstiges, Termine``,
    three or more comma-separated items of a word or two; two will do in
    lower case (``backup, docker``: a forum topic's tags)."""
    items = text.split(", ")
    enough = len(items) >= TERM_LIST_ITEMS or (len(items) > 1 and text.islower())
    return enough and all(len(item.split()) <= TERM_WORDS for item in items)


def is_dek(above: str, below: str, adjacent: bool) -> bool:
    """Headline, then right under it a dek (standfirst) with no full stop:
    longer, or in sentence case under a headline in title case ("Why Our Team
    Stopped Writing Design Docs" over "Short decision records beat long documents")."""
    title_over_sentence = capitalised_share(above) >= TITLE_CASE_SHARE > capitalised_share(below) * 2
    words_above, words_below = len(above.split()), len(below.split())
    kicker = words_above < KICKER_MAX_WORDS and words_below >= KICKER_TIMES * words_above
    return adjacent and not kicker and (len(below) > len(above) or title_over_sentence)


def capitalised_share(text: str) -> float:
    """Share of the words of four letters or more that open with a capital."""
    words = _LONG_WORD.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def is_short_name(text: str) -> bool:
    """A few capitalised words: a byline's name or a label ("Liam Foster", "Climate Change")."""
    return len(text.split()) <= SHORT_NAME_WORDS and looks_like_name(text)


def is_labelled_value(text: str) -> bool:
    """A label and a number with its unit, or a person's name (``_LABELLED``)."""
    m = _LABELLED.match(text)
    if m is None:
        return False
    value = m.group(1)
    named = 2 <= len(value.split()) <= SHORT_NAME_WORDS and not value.isupper() and strict_name(value) and looks_like_name(value)
    return named or _COUNTED.match(value) is not None
