"""PhraseCleaner and TailSentences: the shared shapes of the table-driven cleaners.

A PhraseCleaner names its phrase ``family``; every kept block whose whole
text matches one of the family's templates (``phrases/<lang>.json``) is
dropped with the template as its reason. Captured template fields
(``{author}``, ``{section}``, ``{minutes}`` ...) are harvested through
``HARVEST_FIELDS``. A TailSentences cleaner names a ``keywords`` list instead:
short lines holding one of its words are dropped where they stand in the tail
of the kept text (newsletter pitches, cookie and copyright notices).
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

from scraper.document import visible

from .base import Block, Cleaner, Context, Verdict
from .keywords import Keywords
from .lines import is_prose
from .phrasebook import Family, LineMatches, PhraseBook, PhraseMatch, fold

# Template field -> Article field it fills.
HARVEST_FIELDS = {
    "author": "authors",
    "section": "section",
    "minutes": "reading_time_minutes",
    "tag": "tags",
}
# A harvested name must look like one: a few words, no sentence in it.
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# A regnal number keeps its capitals when a name in capitals is tidied ("Louis XIV").
_ROMAN = re.compile(r"^[IVX]+\.?$")
# (A dot after a lone capital ends an initial: "R.C. Baker", "J. K. Rowling".)
_NOT_NAME = re.compile(r"(?<!\b[A-Z])\.\s|[!?;:]\s|[\d@#]|(?i:https?:)")
_NOT_INITIALED_NAME = re.compile(r"[!?;:]\s|[\d@#]|https?:", re.I)
# A section or tag is a short label ("World", "Politik & Wirtschaft"), never a
# clause: "In 2019, the company lost money." is not the section "2019, ...".
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
# (A dot after a capital is an abbreviation: "U.S.", "U.S. Politics".)
_NOT_LABEL = re.compile(r"(?<![A-Z])\.(?:\s|$)|[!?;:,]\s|[!?;,:]$|\d{3,}|https?:|@")
_LIST_SPLIT = re.compile(r"\s*[,;|·•]\s*")
# A web address for an author, raw or as trafilatura tidies it ("Www Example De").
_WEB_ADDRESS = re.compile(r"^(?:https?:|www\b)|\w\.\w+/", re.I)
# A rights notice for an author: "Copyright Example GmbH", "© Example".
_RIGHTS = ("copyright", "©", "(c) ")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|、|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b)\s*")
# Han characters and kana: words written without spaces between them.
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Chinese names are two to four Han characters: a longer run is a clause.
_HAN_CLAUSE = re.compile(r"[\u4e00-\u9fff]{5}")
# Names joined by a conjunction are co-authors ("Jane Doe, Tom Reed and Ann
# Lee"); commas alone ending in one word add an affiliation, a place or a
# degree ("Markus Balser, Berlin", "David Hutzler, dpa", "Grant Tinsley, PhD").
CONJUNCTION = re.compile(r"&|\b(?:and|und|et|y|e|en|i)\b")
_WORD_EDGES = ".,;:()\"'"
# Lower-case words a person's name may hold.
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "des", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "ter", "ten", "y", "zu"}
)
# Wildcard templates ("photo: *") must not swallow prose: the words the "*"
# stands for are capped (cleaners whose lines are sentences raise the cap).
MAX_WILDCARD_WORDS = 8


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


def tidy_name(name: str) -> str:
    """A harvested name as the page meant it: "TANJA KARRASCH" (a theme's
    capitals, copied from the screen) reads "Tanja Karrasch", soft hyphens go,
    and a name printed twice ("Olivier Minot Olivier Minot") counts once."""
    words = visible(name).split()
    half = len(words) // 2
    if half > 1 and words[:half] == words[half:]:  # ("Ali Ali" may be one's name)
        words = words[:half]
    if len(words) > 1 and all(w.isupper() for w in words):  # ("NDR", an agency, stays)
        words = [w if len(w) < 2 or _ROMAN.match(w) else w.title() for w in words]
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


def wildcard_words(match: PhraseMatch, line: str) -> int:
    """How many words of ``line`` the template's ``*`` wildcards stood for."""
    if "*" not in match.template:
        return 0
    literal = " ".join(w for w in re.sub(r"\{\w+\}|\*", " ", match.template).split() if any(map(str.isalnum, w)))
    captured = sum(_words(v) for v in match.fields.values())
    return max(0, _words(fold(line)) - _words(literal) - captured)


def _words(text: str) -> int:
    """Words in ``text``; Chinese and Japanese write none apart, and count a word per two characters."""
    return len(text.split()) + (0 if text.isascii() else len(_CJK_CHARS.findall(text)) // 2)


def names_role(text: str, roles: tuple[str, ...]) -> bool:
    """A word of ``text`` is, or ends in, one of ``roles`` ("BBC News",
    "Local Democracy Reporter", "Politikredakteurin")."""
    return bool(roles) and any(w.strip(_WORD_EDGES).lower().endswith(roles) for w in text.split())


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


def _author_names(raw: str, roles: tuple[str, ...] = ()) -> list[str]:
    """The author names of a byline's author field (an affiliation left out)."""
    parts = [n.strip() for n in raw.split(",") if n.strip()]
    if (
        len(parts) > 1
        and not CONJUNCTION.search(raw)
        and looks_like_name(parts[0])
        and all(looks_like_label(p, capitalised=False) for p in parts[1:])
    ):
        if len(parts[-1].split()) == 1:  # "Berlin", "PhD", "dpa" (a co-author has two names)
            return parts[:1]
        # "Anna Schmidt, Korrespondentin in Rom": the names end where a role begins.
        role = next((k for k in range(1, len(parts)) if names_role(parts[k], roles)), None)
        if role is not None:
            return parts[:role]
    return [n.strip() for n in _AUTHOR_SPLIT.split(raw) if n.strip()]


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
    return without_honorifics(value, book)


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


def harvest_fields(match: PhraseMatch, verdict: Verdict, book: PhraseBook | None = None) -> bool:
    """Harvest a match's fields into ``verdict``; False when a field is implausible.

    ``book``'s words about authors: an author field's comma piece naming a
    role or employer (``roles``) is the author's job, not a co-author; a
    placeholder ("Unknown", "admin": ``placeholder_authors``) names nobody.
    """
    values: list[tuple[str, str | int]] = []
    for name, raw in match.fields.items():
        target = HARVEST_FIELDS.get(name)
        if target is None:
            continue
        if name == "author":
            names = [without_honorifics(n, book) for n in _author_names(raw, book.roles if book else ())]
            people = [n for n in names if not (book and book.names_nobody(n))]
            if not names or not all(looks_like_name(n) and not _function_words(n, book) for n in people):
                return False
            if len(names) > 1 and CONJUNCTION.search(raw) and not all(map(_co_author, names)):
                return False  # "Von Menschen und Mäusen", "Von Bits und Bytes": a heading, not two people
            values.extend((target, n) for n in people)
        elif name == "minutes":
            minutes = int(re.sub(r"\D", "", raw) or 0)
            if not 0 < minutes < 600:
                return False
            values.append((target, minutes))
        elif name == "tag":
            tags = [t.strip().lstrip("#") for t in _LIST_SPLIT.split(raw) if t.strip()]
            if not tags or not all(looks_like_label(t, capitalised=False) for t in tags):
                return False
            values.extend((target, t) for t in tags)
        elif name == "section":
            # "Posted in Politics, World": the first category is the section.
            labels = [t.strip() for t in _LIST_SPLIT.split(raw) if t.strip()]
            if not labels or not all(looks_like_label(t) for t in labels):
                return False
            values.append((target, labels[0]))
        else:
            values.append((target, raw.strip()))
    for target, value in values:
        verdict.take(target, value)
    return True


class PhraseCleaner(Cleaner):
    """Drop blocks that are exactly a phrase of ``family``; harvest captured fields."""

    family: ClassVar[str]
    max_wildcard_words: ClassVar[int] = MAX_WILDCARD_WORDS

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        hits = ctx.matches.hits(self.family)
        for block in ctx.blocks if hits else ():
            match = hits.get(block.text)
            if match is None or wildcard_words(match, block.text) > self.max_wildcard_words:
                continue
            if self.plausible(block.text) and harvest_fields(match, verdict, ctx.phrases):
                verdict.drop(block, f"{self.family} phrase '{match.template}'")
        taken = {d.index for d in verdict.drops}
        for block, reason in self.shaped(ctx):
            if block.index not in taken:
                verdict.drop(block, reason)
        return verdict

    def plausible(self, text: str) -> bool:
        """A last check on a matched line; subclasses narrow what their templates may eat."""
        return True

    def shaped(self, ctx: Context) -> Iterable[tuple[Block, str]]:
        """Lines of the family that no template names but their shape gives
        away (a row of share buttons, a caption closed by a credit), each with
        its reason; lines a template took already are skipped."""
        return ()


# A notice is a sentence or two; a paragraph about newsletters is an article's.
MAX_NOTICE_WORDS = 50
# The article has begun: this many prose lines stand above the notice.
MIN_PROSE_ABOVE = 3
# The notice is in the tail: at most this many prose lines without a keyword
# follow it (a last paragraph the region kept under a sign-up box).
MAX_PROSE_BELOW = 1


class KeywordSentences(Cleaner):
    """Drop short lines that name one of the ``keywords`` list's words, where
    ``scan`` says the line stands (the tail or the head of the kept text)."""

    keywords: ClassVar[str]
    reason: ClassVar[str]

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        keywords = ctx.phrases.keywords(self.keywords)
        if keywords is not None:
            self.scan(ctx.blocks, keywords, verdict)
        return verdict

    @abstractmethod
    def scan(self, blocks: tuple[Block, ...], keywords: Keywords, verdict: Verdict) -> None:
        """Add the drops for ``blocks`` to ``verdict``."""


def _is_notice(text: str, keywords: Keywords) -> bool:
    """A sentence or two naming one of the keywords."""
    return text.count(" ") < MAX_NOTICE_WORDS and keywords.find(text) >= 0


class TailSentences(KeywordSentences):
    """Drop short lines holding one of the ``keywords`` list's words in the tail of the kept text.

    Runs last, on what the other cleaners kept (on text captures after the
    region cleaner; on HTML, on trafilatura's body): the tail is then the end
    of the article's text. The same sentence in the middle of the article, with
    the story going on below it, stays.
    """

    def scan(self, blocks: tuple[Block, ...], keywords: Keywords, verdict: Verdict) -> None:
        prose = [is_prose(b.text) for b in blocks]
        above = sum(prose)
        below = 0  # prose lines without a keyword under the current one
        # From the end up: the tail is short, and the keyword search (a
        # paragraph costs tens of microseconds) stops where it ends.
        for k in range(len(blocks) - 1, -1, -1):
            above -= prose[k]
            notice = _is_notice(blocks[k].text, keywords)
            if notice and above >= MIN_PROSE_ABOVE:
                verdict.drop(blocks[k], self.reason)
            elif prose[k] and not notice:
                below += 1
                if below > MAX_PROSE_BELOW:
                    break
        verdict.drops.reverse()  # in reading order


# The head: at most this many prose lines without a keyword stand above the
# notice (a dek the region kept over a disclosure) ...
MAX_PROSE_ABOVE_HEAD = 1
# ... and the article follows it: this many prose lines below.
MIN_PROSE_BELOW_HEAD = 3


class HeadSentences(KeywordSentences):
    """Drop short lines holding one of the ``keywords`` list's words at the head of the kept text.

    The mirror of TailSentences: an affiliate disclosure or a cookie notice
    stands above the article's first paragraphs; the same sentence further
    down, with the story above it, stays.
    """

    def scan(self, blocks: tuple[Block, ...], keywords: Keywords, verdict: Verdict) -> None:
        above = 0  # prose lines without a keyword over the current one
        for k, block in enumerate(blocks):
            if _is_notice(block.text, keywords):
                if _prose_below(blocks, k) >= MIN_PROSE_BELOW_HEAD:
                    verdict.drop(block, self.reason)
            elif is_prose(block.text):
                above += 1
                if above > MAX_PROSE_ABOVE_HEAD:
                    break


def _prose_below(blocks: tuple[Block, ...], k: int) -> int:
    """Prose lines after ``blocks[k]``, counted only as far as the head needs (notices are rare)."""
    count = 0
    for block in blocks[k + 1 :]:
        count += is_prose(block.text)
        if count >= MIN_PROSE_BELOW_HEAD:
            break
    return count
