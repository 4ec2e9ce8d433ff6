"""Reading names and labels: is a harvested value a person's name, a section's label?

The judgements every cleaner that harvests an author, a section or a tag
shares (and the pipeline, for the authors a page declares): "Desk Writer"
and "Marie-Claire d'Arc" look like names, "the way it was" does not;
"Politik & Wirtschaft" is a label, "In 2019, the company lost money" is not;
"ByJ.R. Stone" gets its space back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from scraper.document import visible

from .phrasebook import Family, LineMatches, PhraseBook

# A harvested name must look like one: a few words, no sentence in it.
MAX_NAME_WORDS = 6
# A job after a name ("North of England editor"): a few words.
MAX_ROLE_WORDS = 4
# A job set apart by commas may say more ("Senior Lecturer in Rural Health, University of …").
MAX_SET_APART_ROLE_WORDS = 8
MAX_NAME_CHARS = 60
# A regnal number keeps its capitals when a name in capitals is tidied ("Louis XIV").
_ROMAN = re.compile(r"^[IVX]+\.?$")
# (A dot after a lone capital ends an initial: "R.C. Baker", "J. K. Rowling".
# A "+" or a hyphen ending a word is a button's: "Yazı Boyutu A- A+", the text size.)
_NOT_NAME = re.compile(r"(?<!\b[A-Z])\.\s|[!?;:]\s|[\d@#+]|\w-(?!\w)|(?i:https?:)")
_NOT_INITIALED_NAME = re.compile(r"[!?;:]\s|[\d@#+]|\w-(?!\w)|https?:", re.I)
# A section or tag is a short label ("World", "Politik & Wirtschaft"), never a
# clause: "In 2019, the company lost money." is not the section "2019, ...".
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
# (A dot after a capital is an abbreviation: "U.S.", "U.S. Politics".)
_NOT_LABEL = re.compile(r"(?<![A-Z])\.(?:\s|$)|[!?;:,]\s|[!?;,:]$|\d{3,}|https?:|@")
# A web address for an author, raw or as trafilatura tidies it ("Www Example De").
_WEB_ADDRESS = re.compile(r"^(?:https?:|www\b)|\w\.\w+/", re.I)
# A rights notice for an author: "Copyright Example GmbH", "© Example".
_RIGHTS = ("copyright", "©", "(c) ")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|、|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\boch\b|\bog\b)\s*")
# Chinese names are two to four Han characters: a longer run is a clause.
# Japanese ones mix in kana, up to six characters a part ("長谷川 健太郎",
# "さくらももこ"; a foreign name's parts are kept apart by "・"): a run of
# seven kanji and kana is a clause ("来年度から夜間バスを拡充へ").
_HAN_CLAUSE = re.compile(r"[\u4e00-\u9fff]{5}|[\u3040-\u30fa\u30fc\u4e00-\u9fff]{7}")
# Names joined by a conjunction are co-authors ("Jane Doe, Tom Reed and Ann
# Lee"); commas alone ending in one word add an affiliation, a place or a
# degree ("Markus Balser, Berlin", "David Hutzler, dpa", "Grant Tinsley, PhD").
# An aside in brackets (without_asides).
_ASIDE = re.compile(r"\s*\([^()]*(?:\)|$)")
CONJUNCTION = re.compile(r"&|\b(?:and|und|et|y|e|en|i|och|og)\b")
_WORD_EDGES = ".,;:()\"'"
# Lower-case words a person's name may hold.
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "des", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "ter", "ten", "y", "zu"}
)


def looks_like_name(value: str, initials: bool = False) -> bool:
    """True for "Desk Writer", "Marie-Claire d'Arc"; False for "the way it was".

    ``initials``: a dot may end a word inside the name ("Markus M. Haefliger",
    as a page declares it; a byline line cut at "." would be a sentence).
    """
    words = value.split()
    banned = _NOT_INITIALED_NAME if initials else _NOT_NAME
    if not words or len(words) > MAX_NAME_WORDS or len(value) > MAX_NAME_CHARS or banned.search(value):
        return False
    if _HAN_CLAUSE.search(value):
        return False
    capitalised = sum(1 for w in words if capital(w))
    return capitalised >= max(1, (len(words) + 1) // 2)


def capital(word: str) -> bool:
    """``word`` opens as a name does: with a capital, or with a letter of a
    script that has no case ("王晓明", "محمد": nothing to judge it by)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def introduces(text: str, name: str | None) -> bool:
    """``text`` opens with ``name`` and goes on in lower case to say who the
    person is: "Priya Nandakumar is a housing researcher" under "Priya Nandakumar"."""
    if name is None:
        return False
    head = name + " "
    return text.startswith(head) and text[len(head) : len(head) + 1].islower()


def tidy_name(name: str) -> str:
    """A harvested name as the page meant it: "TANJA KARRASCH" (a theme's
    capitals, copied from the screen) reads "Tanja Karrasch", soft hyphens go,
    and a name printed twice ("Olivier Minot Olivier Minot") counts once. A
    last name given as its initial keeps the full stop that phrase matching
    strips from the line's end ("da Giulia R.": "Giulia R.")."""
    words = visible(name).split()
    half = len(words) // 2
    if half > 1 and words[:half] == words[half:]:  # ("Ali Ali" may be one's name)
        words = words[:half]
    if len(words) > 1 and all(w.isupper() for w in words):  # ("NDR", an agency, stays)
        words = [w if len(w) < 2 or _ROMAN.match(w) else w.title() for w in words]
    if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper() and len(words[-2].rstrip(".")) > 1:
        words[-1] += "."  # (not after another bare letter: "K A" writes initials without stops)
    return " ".join(words)


def bare_name(text: str, matches: LineMatches) -> bool:
    """A name standing alone in a byline: two to four capitalised words, no
    phrase of any family, no stop word. Not "Managua, Nicaragua" (a place,
    then its country), "FIT FOR FUN" (capitals: a brand or a section label),
    "The Guardian" or "Aus LECKER-Sonderheft" (a source), nor "Ort
    Saarbrücken" (a label, then its value)."""
    text = text.strip()
    words = text.split()
    return (
        2 <= len(words) <= 4 and "," not in text and not text.isupper() and strict_name(text)
        and looks_like_name(text)  # (no digit, no sentence break)
        and not matches.all(text) and not matches.phrases.names_nobody(text)
        and not matches.phrases.names_nobody(words[0])
        and matches.phrases.any_stopword.isdisjoint(w.lower() for w in words)
    )


def strict_name(value: object) -> bool:
    """A name cut out of a run-together line: capitalised words and name
    particles only ("Jan de Vries"; not "sil.eX im Forum Plauderecke")."""
    words = str(value).split()
    return all(capital(w) or w in NAME_PARTICLES for w in words) and not str(value).endswith(":")


def looks_like_label(value: str, capitalised: bool = True) -> bool:
    """True for "World", "Politik & Wirtschaft"; False for "2019, the company lost money".

    Tags are often lower case ("tomatoes, seedlings"): ``capitalised=False``.
    """
    words = value.split()
    if not words or len(words) > MAX_LABEL_WORDS or len(value) > MAX_LABEL_CHARS or _NOT_LABEL.search(value):
        return False
    return not capitalised or capital(value) or value[:1].isdigit() or value[:1] == "#"


def names_role(text: str, roles: tuple[str, ...]) -> bool:
    """A word of ``text`` is, or ends in, one of ``roles`` ("BBC News",
    "Local Democracy Reporter", "Politikredakteurin")."""
    return bool(roles) and any(w.strip(_WORD_EDGES).lower().endswith(roles) for w in text.split())


def name_with_role(text: str, matches: LineMatches) -> str | None:
    """The name of a byline that is a name and the person's job, with no lead
    word ("Helen Pidd North of England editor", "Jane Roe Staff Writer"): a
    bare name of two or three words, then at most MAX_ROLE_WORDS naming a role
    (not "THROUGH THE DARKEST OF TIMES REVIEW": capitals, a stop word); or
    the name, a comma and the job."""
    roles = matches.phrases.roles
    # "Helen Marlowe, Senior Lecturer in Rural Health, University of Northvale":
    # an academic's byline sets the name, the job and the institution apart.
    # (Not a caption: "Dmitry Muratov, periodista ruso y Premio Nobel de la Paz (REUTERS/…)".)
    person, comma, after = text.partition(",")
    job = after.split(",")[0]
    if (comma and len(job.split()) <= MAX_SET_APART_ROLE_WORDS and "(" not in after and names_role(job, roles)
            and not names_role(person, roles) and bare_name(person.strip(), matches)):
        return person.strip()
    for words, role in _name_and_job(text.split()):
        name = " ".join(words)
        if names_role(" ".join(role), roles) and not names_role(name, roles) and bare_name(name, matches):
            return name
    return None


def _name_and_job(words: list[str]) -> Iterator[tuple[list[str], list[str]]]:
    """The cuts of ``words`` into a name of two or three words and, after
    it, a job of at most MAX_ROLE_WORDS."""
    for n in (2, 3):
        if 0 < len(words) - n <= MAX_ROLE_WORDS:
            yield words[:n], words[n:]


def without_honorifics(name: str, book: PhraseBook | None) -> str:
    """The name without the titles before it ("Prof. Dr. Karl Meier": "Karl
    Meier"; ``honorifics`` in the tables), so that one person has one name
    whether a byline or a declared value names them; a name that is only
    titles stays."""
    words = name.split()
    if book is None or len(words) < 2 or words[0].casefold() not in book.honorifics:
        return name
    first = next((k for k, w in enumerate(words) if w.casefold() not in book.honorifics), len(words))
    return " ".join(words[first:]) if first < len(words) else name


def without_asides(text: str) -> str:
    """``text`` without its asides in brackets: where the author filed from,
    their role or handle ("Claire Dubois (Vernelles, envoyée spéciale)",
    "Jane Roe (@jroe)") is no part of a name and no co-author."""
    return _ASIDE.sub("", text).strip() if "(" in text else text


def _author_names(raw: str, roles: tuple[str, ...] = ()) -> list[str]:
    """The author names of a byline's author field (an affiliation left out)."""
    bare = without_asides(raw)
    # (Only where names stand before the asides: not "der QuickType-Tastatur
    # gelernte Wörter (erfordert iOS 11)", a list item opening with "Von".)
    if bare != raw and all(strict_name(n) for n in _AUTHOR_SPLIT.split(bare) if n.strip()):
        raw = bare
    joined, comma, rest = raw.partition(",")
    if comma and CONJUNCTION.search(joined) and not CONJUNCTION.search(rest):
        # "Mariana Lopes e Rafael Tavares, Ágora Vale do Sereno": the names
        # are joined before the comma, and what follows it is where they work.
        raw = joined
    parts = [n.strip() for n in raw.split(",") if n.strip()]
    if (
        len(parts) > 1
        and not CONJUNCTION.search(raw)
        and looks_like_name(parts[0])
        and all(looks_like_label(p, capitalised=False) for p in parts[1:])
    ):
        if len(parts[-1].split()) == 1:  # "Berlin", "PhD", "dpa" (a co-author has two names)
            return parts[:1]
        # "Anna Schmidt, Korrespondentin in Rom": the names end where a role
        # begins, or a piece led by a word in lower case ("Hosted by Declan
        # Marsh, featuring Ruth Okonkwo-Hale": a guest, not an author).
        end = next((k for k in range(1, len(parts)) if names_role(parts[k], roles) or _led_in_lower_case(parts[k])), None)
        if end is not None:
            return parts[:end]
    return [without_job(n.strip(), roles) for n in _AUTHOR_SPLIT.split(raw) if n.strip()]


def _led_in_lower_case(piece: str) -> bool:
    """``piece`` opens with a word in lower case that is no name particle ("featuring Ruth …", not "van Dijk")."""
    return piece[:1].islower() and piece.split()[0] not in NAME_PARTICLES


def without_job(name: str, roles: tuple[str, ...]) -> str:
    """``name`` without a job that follows it with no comma, told by a role
    word in lower case ("Priya Nandakumar Courier staff writers": "Priya
    Nandakumar") or by two or more words that are all roles ("Jordan Pike
    Staff Writer"); a name holds no such word, though it may end in a
    capitalised one ("Emily Post")."""
    for words, job in _name_and_job(name.split()):
        if not all(map(capital, words)):
            continue
        if any(w.islower() and names_role(w, roles) for w in job) or (
            len(job) >= 2 and all(names_role(w, roles) for w in job)
        ):
            return " ".join(words)
    return name


def declared_author(value: str, book: PhraseBook) -> str | None:
    """A page's declared author as its byline wrote it ("Par Stefan Häne",
    "View all posts by Daniel Lemire"): the name a template with only an
    author field captures, without a label the author search picks up
    ("Autor Jane Roe": ``placeholder_authors``), else the value as it is.
    None for a placeholder ("admin", "Unbenannt"), a web address
    ("www.example.de", "Www Example De" as trafilatura tidies it,
    "facebook.com/jane") or a rights notice ("Copyright Example GmbH")."""
    for match in book.match_all(value).values():
        if list(match.fields) == ["author"]:
            value = match.fields["author"]
            break
    # trafilatura drops a label's colon: "Autor: Jane Roe" reads "Autor Jane Roe".
    label, _, rest = value.partition(" ")
    if rest and book.names_nobody(label.rstrip(":")):
        value = rest
    if book.names_nobody(value) or _WEB_ADDRESS.search(value) or is_rights_notice(value):
        return None
    return without_honorifics(without_job(value, book.roles), book)


# A lower-case letter or a colon, then a capitalised word: where a glued name starts.
_CASE_JOIN = re.compile(r"[a-zß-öø-ÿ:][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ.]")
# The word a byline template puts right before its author ("by", "von", "autor:").
_AUTHOR_LEAD = re.compile(r"(?:^|\s)(\S+) \{author\}")


@lru_cache(maxsize=4)
def _glued_lead(bylines: Family) -> re.Pattern[str] | None:
    """A byline's lead word at a word start with a capital right after it."""
    leads = {m.group(1) for m in map(_AUTHOR_LEAD.search, bylines.templates) if m and m.group(1)[:1].isalpha()}
    if not leads:
        return None
    alternation = "|".join(map(re.escape, sorted(leads, key=len, reverse=True)))
    # The name after it opens with a capital and goes on in lower case or an
    # initial's dot: "DIGITAL", "PARTEI" are no glued "Di", "Par".
    return re.compile(rf"(?<!\S)((?i:{alternation}))(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ.])")


def unglued(text: str, bylines: Family) -> str:
    """``text`` with the space put back that copying lost between a byline's
    lead word and the name after it ("ByJ.R. Stone", "Geschrieben vonElisa
    Marvena", "PorRodolfo Costa": the name was a link)."""
    if not has_case_join(text):  # nearly every line: no capital glued on (a scan, no branches)
        return text
    lead = _glued_lead(bylines)
    return text if lead is None else lead.sub(r"\1 ", text)


def has_case_join(text: str) -> bool:
    """Two words run together where a copy lost the space: a lower-case letter
    or a colon, then a capitalised word ("vonElisa", "DambrotNovember")."""
    return _CASE_JOIN.search(text) is not None


def is_rights_notice(text: str) -> bool:
    """A rights notice where an author was declared: "Copyright Example GmbH", "© Example"."""
    return text.lstrip().lower().startswith(_RIGHTS)


def _function_words(name: str, book: PhraseBook | None) -> bool:
    """``name`` holds a lower-case stop word that no name holds: "Sarajevo zum
    Flächenbrand" is a heading ("Von Sarajevo ..."); "Jan de Vries" is a name."""
    stop = book.any_stopword if book else frozenset()
    return any(w in stop and w not in NAME_PARTICLES for w in name.split() if w.islower())


def _co_author(name: str) -> bool:
    """One of several names: a person's two words or more, or an agency's
    acronym ("AP", "NDR"); a lone word is more likely a heading's noun."""
    return len(name.split()) > 1 or name.isupper()


def field_authors(raw: str, book: PhraseBook | None = None) -> list[str] | None:
    """The people a byline template's ``{author}`` field names; None when it
    names no one plausibly ("Von Menschen und Mäusen": a heading).

    ``book``'s words about authors: a comma piece naming a role or employer
    (``roles``) is the author's job, not a co-author; a placeholder
    ("Unknown", "admin": ``placeholder_authors``) names nobody (an empty list).
    """
    names = [without_honorifics(n, book) for n in _author_names(raw, book.roles if book else ())]
    people = [n for n in names if not (book and book.names_nobody(n))]
    if not names or not all(looks_like_name(n) and not _function_words(n, book) for n in people):
        return None
    if len(names) > 1 and CONJUNCTION.search(raw) and not all(map(_co_author, names)):
        return None  # "Von Bits und Bytes": a heading's nouns, not two people
    return people
