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
from collections.abc import Container, Iterable
from typing import ClassVar

from .base import Block, Cleaner, Context, Harvest, Verdict
from .keywords import Keywords
from .dates import parse_date
from .lines import DIGIT, DOTS, ends_sentence, is_prose
from .names import field_authors, looks_like_label
from .phrasebook import PhraseBook, PhraseMatch, fold

# Template field -> Article field it fills.
HARVEST_FIELDS = {
    "author": "authors",
    "section": "section",
    "minutes": "reading_time_minutes",
    "tag": "tags",
}
# Date fields and what they fill (read by ``byline_parts``; here only checked).
DATE_FIELDS = {"date": "published", "updated": "modified"}
_LIST_SPLIT = re.compile(rf"\s*[,;|{DOTS}]\s*")
# Han characters and kana: words written without spaces between them.
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Wildcard templates ("photo: *") must not swallow prose: the words the "*"
# stands for are capped (cleaners whose lines are sentences raise the cap).
MAX_WILDCARD_WORDS = 8


def wildcard_words(match: PhraseMatch, line: str) -> int:
    """How many words of ``line`` the template's ``*`` wildcards stood for."""
    if "*" not in match.template:
        return 0
    literal = " ".join(w for w in re.sub(r"\{\w+\}|\*", " ", match.template).split() if any(map(str.isalnum, w)))
    captured = sum(_words(v) for v in match.fields.values())
    return max(0, _words(fold(line)) - _words(literal) - captured)


def says_only(match: PhraseMatch, line: str) -> bool:
    """``line`` is the template's words alone: no field captured, no wildcard
    standing for words ("Read more", not "Read more: Flood defences fail")."""
    return not match.fields and wildcard_words(match, line) == 0


def _words(text: str) -> int:
    """Words in ``text``, not the marks French sets apart (« : »); Chinese and
    Japanese write none apart, and count a word per two characters."""
    words = text.split()
    marks = sum(not any(map(str.isalnum, w)) for w in words)
    return len(words) - marks + (0 if text.isascii() else len(_CJK_CHARS.findall(text)) // 2)


def harvest_fields(match: PhraseMatch, verdict: Verdict, book: PhraseBook | None = None) -> bool:
    """Harvest a match's fields into ``verdict``; False when a field is implausible.

    An author field's names: ``names.field_authors`` (with ``book``'s words about authors).
    A date field is only checked (a digit, or words the date parser reads):
    reading it is ``byline_parts``'s.
    """
    values: list[tuple[str, str | int]] = []
    for name, raw in match.fields.items():
        target = HARVEST_FIELDS.get(name)
        if name in DATE_FIELDS and not DIGIT.search(raw) and parse_date(raw) is None:
            return False  # "le {date}" over "Le ultime custodi dei mulini …", a headline
        if target is None:
            continue
        if name == "author":
            people = field_authors(raw, book)
            if people is None:
                return False
            values.extend((target, n) for n in people)
        elif name == "minutes":
            minutes = int(re.sub(r"\D", "", raw) or 0)
            if not 0 < minutes < 600:
                return False
            values.append((target, minutes))
        elif name == "tag":
            tags = [t.strip().lstrip("#") for t in _LIST_SPLIT.split(raw) if t.strip()]
            if tags and all(looks_like_label(t, capitalised=False) for t in tags):
                values.extend((target, t) for t in tags)
            elif not _tag_run(tags, book.any_stopword if book else frozenset()):
                return False
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


# Tag links copied with no separator ("Tagi: powódź Orlenice straż pożarna
# Zarzecze"): the line is the tag list, but where one tag ends is lost, so
# none is harvested. At most this many words, no sentence, no stop word
# ("Thema: Glenmorangie & Ardbeg mit 3-Gang Menü" names an event's theme).
MAX_TAG_RUN_WORDS = 10


def _tag_run(tags: list[str], stopwords: Container[str]) -> bool:
    """``tags`` (a tag field cut at its separators) is one run of tags that lost them."""
    words = tags[0].split() if len(tags) == 1 else []
    return (0 < len(words) <= MAX_TAG_RUN_WORDS and not ends_sentence(tags[0])
            and not any(w.lower() in stopwords for w in words))


class PhraseCleaner(Cleaner):
    """Drop blocks that are exactly a phrase of ``family``; harvest captured fields."""

    family: ClassVar[str]
    max_wildcard_words: ClassVar[int] = MAX_WILDCARD_WORDS

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        hits = ctx.matches.hits(self.family)
        for block in ctx.blocks if hits else ():
            match = hits.get(block.text)
            if match is None or wildcard_words(match, block.text) > self.wildcard_limit(match):
                continue
            found = Verdict()
            if self.plausible(block.text) and harvest_fields(match, found, ctx.phrases):
                verdict.drop(block, f"{self.family} phrase '{match.template}'")
                verdict.harvest += self.kept(found.harvest)
        taken = {d.index for d in verdict.drops}
        for block, reason in self.shaped(ctx):
            if block.index not in taken:
                verdict.drop(block, reason)
        return verdict

    def wildcard_limit(self, match: PhraseMatch) -> int:
        """How many words the template's ``*`` may stand for in a line it matched."""
        return self.max_wildcard_words

    def plausible(self, text: str) -> bool:
        """A last check on a matched line; subclasses narrow what their templates may eat."""
        return True

    def kept(self, harvest: list[Harvest]) -> list[Harvest]:
        """The values a matched line names that are metadata (the line is dropped either way)."""
        return harvest

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
        keywords = ctx.keywords(self.keywords)
        if keywords is not None:
            self.scan(ctx.blocks, keywords, verdict)
        return verdict

    @abstractmethod
    def scan(self, blocks: tuple[Block, ...], keywords: Keywords, verdict: Verdict) -> None:
        """Add the drops for ``blocks`` to ``verdict``."""


def is_notice(text: str, keywords: Keywords) -> bool:
    """A sentence or two naming one of the keywords."""
    return text.count(" ") < MAX_NOTICE_WORDS and keywords.find(text) >= 0


class TailSentences(KeywordSentences):
    """Drop short lines holding one of the ``keywords`` list's words in the tail of the kept text.

    Runs last, on what the other cleaners kept (on text captures after the
    region cleaner; on HTML, on trafilatura's body): the tail is then the end
    of the article's text. The same sentence in the middle of the article, with
    the story going on below it, stays. Where ``headed``, the line right over
    the first such sentence goes with it when it is shaped as a box's header.
    """

    headed: ClassVar[bool] = False

    def scan(self, blocks: tuple[Block, ...], keywords: Keywords, verdict: Verdict) -> None:
        prose = [is_prose(b.text) for b in blocks]
        above = sum(prose)
        below = 0  # prose lines without a keyword under the current one
        notices: list[int] = []  # positions, from the end up
        # From the end up: the tail is short, and the keyword search (a
        # paragraph costs tens of microseconds) stops where it ends.
        for k in range(len(blocks) - 1, -1, -1):
            above -= prose[k]
            notice = is_notice(blocks[k].text, keywords)
            if notice and above >= MIN_PROSE_ABOVE:
                notices.append(k)
            elif prose[k] and not notice:
                below += 1
                if below > MAX_PROSE_BELOW:
                    break
        if notices and not _topic(blocks[: notices[-1]], prose, keywords):
            top = notices[-1]
            if self.headed and top and blocks[top - 1].index == blocks[top].index - 1 and _heads_box(blocks[top - 1].text):
                verdict.drop(blocks[top - 1], f"{self.reason} (the header over it)")
            for k in reversed(notices):  # in reading order
                verdict.drop(blocks[k], self.reason)


# A sign-up box in the tail opens with a header ("Rejoins la petite lettre du
# dimanche" over "Un e-mail par semaine … zéro spam."): a few words, a capital
# first, no sentence, no comma (the article's last line may be a slogan: "Sans
# recherche autonome, nous n'avons pas d'avenir").
MAX_BOX_HEADER_WORDS = 8


def _heads_box(text: str) -> bool:
    """``text`` reads as the header of the box right below it."""
    return (text[:1].isupper() and 2 <= len(text.split()) <= MAX_BOX_HEADER_WORDS
            and not ends_sentence(text) and "," not in text and not DIGIT.search(text))


# The article itself is about what the keywords name (subscriptions, cookies)
# when this many of its paragraphs above the tail name one: a sentence in its
# tail that names one is the article's last word on it, not a pitch.
TOPIC_PARAGRAPHS = 2


def _topic(blocks: tuple[Block, ...], prose: list[bool], keywords: Keywords) -> bool:
    """At least TOPIC_PARAGRAPHS different prose blocks of ``blocks`` name a
    keyword (a notice repeated under each embed is one); searched only when
    the tail holds a notice, a few captures in a hundred."""
    named: set[str] = set()
    for block, is_paragraph in zip(blocks, prose):
        if is_paragraph and block.text not in named and keywords.find(block.text) >= 0:
            named.add(block.text)
            if len(named) >= TOPIC_PARAGRAPHS:
                return True
    return False


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
            if is_notice(block.text, keywords):
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
