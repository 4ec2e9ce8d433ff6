"""Headlines: find the title of a text capture, drop its repetitions.

Text captures carry no ``<title>``: the headline is the headline-like line
nearest above the first run of prose, unless the capture's URL names
another line in its slug ("/2024/03/05/budget-passes-after-all-night-debate",
``slugs.py``). A recipe card's ingredients heading opens the body like a
paragraph. A line that repeats a nearby headline after a trail or a label
("StartseiteNetzwerkWenn das …", "Share All sharing options for: …") gives
way to that headline. Copies of the title anywhere in the body ("japan's plan to
send patriot missiles…" under the real headline, a sticky header repeating
it) are dropped, compared after folding case, quotes, punctuation and a
trailing ellipsis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .base import Block, Cleaner, Context, Verdict
from .chrome import is_share_row
from .credits import ends_with_credit
from .lines import HEADLINE_MAX_CHARS, ends_sentence, ends_with_ellipsis, fold_title, is_headline_like, is_prose
from .names import introduces, looks_like_label, name_with_role, unglued
from .phrase import harvest_fields
from .recipes import card_headings
from .rows import is_chrome_row
from .slugs import Slug, slug_lines, slug_of
from .title_layout import TRAIL_TITLE_LINES, TRAIL_TITLE_MIN_CHARS, over_highlights, printed_twice
from .title_shapes import (
    FULL_DATE, TITLE_CASE_SHARE, capitalised_share, is_dek, is_labelled_value, is_short_name, title_shaped,
)

# How many blocks above the first prose block the headline may sit (bylines,
# reading time and a dek usually stand between them).
TITLE_WINDOW = 8
# A reply prefix is a short word before its colon ("Re", "Antw").
MAX_REPLY_PREFIX = 8
# A section label over the headline (a kicker) is this many words at most.
MAX_KICKER_WORDS = 3
# A label and the headline ("Share All sharing options for: <headline>")
# copied as one line, at most this many lines below the headline's own line.
LABELLED_TITLE_LINES = 12
_WORD_CHAR = re.compile(r"\w")
_ASCII_NON_WORD = "".join(c for c in map(chr, range(128)) if not re.match(r"\w", c))
# A dateline or byline under the headline is a few words ("By Ian Mohr | May 3,
# 2020"), or a dozen with an update ("بقلم: سامي الحداد - 4 مارس 2026 - 10:30 - آخر تحديث: 12:05").
DATELINE_MAX_WORDS = 14
# Chrome families whose lines can never be the headline.
NOT_TITLE_FAMILIES = frozenset(
    {"bylines", "teasers", "subscribe", "comments", "comment_headers", "share", "navigation", "ads", "credits", "cookies"}
)
# A headline in title case ending in a full stop has this many words at least
# (fewer capitalised words are a label: "Projekte", "Willkommen!").
TITLE_CASE_MIN_WORDS = 6
# A headline written as sentences ("Our CI cache hit rate was 4%. The culprit
# was a timestamp.") is this long at most.
TITLE_SENTENCES_MAX_CHARS = 100
# Languages that capitalise every noun: no title case to tell a headline by.
NOUNS_CAPITALISED = frozenset({"de", "lb"})
# Keywords of site notices (cookie consent, affiliate links): such a line
# neither is the headline nor opens the body below it.
NOTICE_KEYWORDS = "disclosures"


def title_position(ctx: Context) -> int | None:
    """Block index of the title line in the capture (it has left ``ctx.blocks``), or None.

    Later cleaners use it as a landmark: a date above the title is the site
    header's "today", and a teaser list above the title does not run past it.
    On HTML the headline stays among the blocks until DuplicateHeadline takes
    it: there the heading that reads the title is the landmark.
    """
    if not ctx.title:
        return None
    kept = {b.index for b in ctx.blocks}
    left = next((b.index for b in ctx.document.blocks if b.text == ctx.title and b.index not in kept), None)
    if left is not None or ctx.document.capture != "html":
        return left
    return next((b.index for b in ctx.blocks if b.kind == "heading" and b.text == ctx.title), None)


def _untrailed(blocks: tuple[Block, ...], chosen: Block) -> Block:
    """The headline that the chosen line repeats after something else:
    "StartseiteNetzwerkWenn das Netzwerk …" (a breadcrumb copied without its
    separators) with "Wenn das Netzwerk …" a line or two below it; "Share All
    sharing options for: iOS 13 will fix …" (a share widget's label) with
    "iOS 13 will fix …" up to LABELLED_TITLE_LINES above it."""
    at = next(k for k, b in enumerate(blocks) if b.index == chosen.index)
    below = blocks[at + 1 : at + 1 + TRAIL_TITLE_LINES]
    above = blocks[max(0, at - LABELLED_TITLE_LINES) : at]
    for block in (*below, *reversed(above)):
        text = block.text
        if len(text) < TRAIL_TITLE_MIN_CHARS or text == chosen.text or not chosen.text.endswith(text):
            continue
        if block in below or chosen.text[: -len(text)].rstrip().endswith(":"):
            return block
    return chosen


def _inner_headline(named: list[tuple[int, Block]], chosen: Block, slug: Slug, stopwords: frozenset[str]) -> Block:
    """The headline inside ``chosen``, a line it names with chrome glued on.

    Another line the slug names (``named``) that ``chosen`` holds, with no
    more of the slug's words: after a trail or a date ("Start Archive Night
    buses …", "1. Februar 2022 Bundesministerin Raab: …"), or anywhere when
    ``chosen`` carries a date that only the slug excused. Else ``chosen``.
    """
    text = chosen.text
    glued = not title_shaped(text, stopwords)
    inner = (b for _, b in named if b.text != text and (text.endswith(b.text) or glued and b.text in text))
    return next((b for b in inner if slug.held(b.text) >= slug.held(text)), chosen)


def _ends_with_a_line(blocks: tuple[Block, ...], chosen: Block | None) -> bool:
    """Another line is the end of ``chosen`` (which may be the headline with a trail before it)."""
    text = chosen.text if chosen is not None else ""
    return any(b.text != text and text.endswith(b.text) for b in blocks)


def _opens_body(text: str, language: str | None) -> bool:
    """A first paragraph: prose ending like a sentence.

    Not a truncated excerpt ("…", a teaser card's), not a two-sentence
    headline with no full stop at its end ("Baltic warms. Fish suffer"), nor
    one in title case with it ("I Stopped Tracking Every Minute of My
    Workday. Here's What Changed.": a paragraph's longer words are never all capitalised).
    """
    return is_prose(text) and ends_sentence(text) and not ends_with_ellipsis(text) and not _in_title_case(text, language)


def _in_title_case(text: str, language: str | None) -> bool:
    """A sentence or two of a headline's length, its longer words capitalised:
    a headline even where it ends in a full stop (the title case a paragraph
    never has). Not in German, whose nouns are capitalised anyway ("Es verfügt
    über 4 Schlafzimmer, 2 Bäder, Küche mit Spülmaschine …"), nor in capitals."""
    return (language not in NOUNS_CAPITALISED and len(text) <= HEADLINE_MAX_CHARS and ends_sentence(text)
            and text.count(" ") >= TITLE_CASE_MIN_WORDS - 1 and not text.isupper()
            and capitalised_share(text) >= TITLE_CASE_SHARE)


def _may_fold_to(text: str, first: str) -> bool:
    """``fold_title(text)[:1] == first``, cheaper: the folded form opens with
    the first word character of the NFKC-normalised, case-folded text (the
    rest of the folding only drops marks, quotes, spaces and a trailing
    ellipsis). ASCII lines need neither step, nor a regex."""
    if text.isascii():
        return text.lstrip(_ASCII_NON_WORD)[:1].lower() == first
    m = _WORD_CHAR.search(unicodedata.normalize("NFKC", text).casefold())
    return m is not None and m.group() == first


def _is_share(ctx: Context, text: str) -> bool:
    """A share button ("Share", "Tweet") or a row of them."""
    return ctx.matches.match("share", text) is not None or is_share_row(text, ctx.matches)


def _pitched(blocks: tuple[Block, ...], i: int, pitches: Mapping[str, object]) -> bool:
    """Block ``i`` stands between two lines of a sign-up box: a newsletter's
    description ("Discover more from …" / "Money, markets … Every Sunday." /
    "Over 48,000 subscribers"), not the article's first paragraph."""
    return 0 < i < len(blocks) - 1 and blocks[i - 1].text in pitches and blocks[i + 1].text in pitches


class TitleLine(Cleaner):
    """Claim the headline of a text capture as the article's title.

    In ``Japan’s Plan to Send Patriot Missiles…`` / ``5 min read`` /
    ``Russia on Monday warned Japan…`` the first line becomes ``title``.
    """

    name = "title"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        if ctx.title or ctx.capture != "text":
            return verdict
        blocks = ctx.blocks
        # A cookie notice or a newsletter pitch reads like prose but opens no
        # body; nor does a sentence the site prints on most pages (given a
        # batch's evidence: a tagline in its header).
        site = ctx.document.site
        pitches = ctx.matches.hits("subscribe")
        first_prose = next(
            (i for i, b in enumerate(blocks)
             if _opens_body(b.text, ctx.language) and not self._is_chrome(ctx, b.text) and not (site and site.holds(b.text))
             and not _pitched(blocks, i, pitches)),
            None,
        )
        if first_prose is None:
            return verdict
        if self._over_dek_and_dateline(ctx, first_prose):  # a headline in sentences
            verdict.claim_title(blocks[first_prose])
            return verdict
        # A recipe card's ingredients open the body too: the first sentence may be a step under them.
        card = next(card_headings((b.text for b in blocks), ctx.matches), None)
        if card is not None and card[0] < first_prose:
            first_prose = card[0]
        candidates = self._candidates(ctx, first_prose)
        chosen = self._positional(ctx, candidates) if candidates else None
        # The URL's slug names the headline: that beats where a line stands.
        # (A line holding every word of a slug shorter than itself is named too:
        # "weekend-borgo-san-vitale" for "Weekend a Borgo San Vitale: cosa vedere …".)
        slug = slug_of(ctx.document.meta.url)
        unnamed = slug is not None and (chosen is None or not (slug.names(chosen.text) or slug.covered_by(chosen.text)))
        # The lines the slug names, looked for only where they can change the choice.
        named = self._named(ctx, slug) if slug is not None and (unnamed or _ends_with_a_line(blocks, chosen)) else []
        if unnamed:
            chosen = self._slugged(named, first_prose) or chosen
        if chosen is not None:
            headline = _untrailed(blocks, chosen)
            if headline is chosen and slug is not None:
                headline = _inner_headline(named, chosen, slug, ctx.phrases.any_stopword)
            if headline is not chosen:
                verdict.drop(chosen, "trail or label repeating the headline")
            verdict.claim_title(headline)
        return verdict

    def _positional(self, ctx: Context, candidates: list[Block]) -> Block:
        # "Liam Foster" over the date, a "Climate Change" kicker: a short run of
        # capitalised words is a byline or a label; a headline is preferred.
        # A reading time or a byline in "label: value" shape is no headline either.
        # ("Helen Pidd North of England editor": a byline, its name and job)
        # "Priya Nandakumar" / "Priya Nandakumar is a housing researcher": a
        # line going on in lower case from the name right over it is the byline's.
        name_above = {b.index + 1: b.text for b in candidates if is_short_name(b.text)}
        headlines = [
            b for b in candidates
            if not is_short_name(b.text) and not is_labelled_value(b.text) and name_with_role(b.text, ctx.matches) is None
            and not introduces(b.text, name_above.get(b.index))
        ] or candidates
        # (Where the layout says which line it is: printed twice, over highlights.)
        shown = printed_twice(ctx.blocks, candidates, headlines) or over_highlights(
            ctx.blocks, headlines, lambda text: self._is_dateline(ctx, text)
        )
        if shown is not None:
            return shown
        chosen = self._above_dateline(ctx, headlines) or headlines[-1]
        at = headlines.index(chosen)
        # (Over the dateline too: "headline / dek / di Marco Bellini" chose the dek.)
        if at > 0 and is_dek(headlines[at - 1].text, chosen.text, headlines[at - 1].index == chosen.index - 1):
            chosen = headlines[at - 1]
        # A lower-cased or repeated copy sits below the real headline: take the first.
        same = [b for b in candidates if fold_title(b.text) == fold_title(chosen.text)]
        return same[0]

    def _named(self, ctx: Context, slug: Slug) -> list[tuple[int, Block]]:
        """(position, line) of the headline-shaped lines ``slug`` names; a date may be in them."""
        # Headline-length lines only: paragraphs are most of a capture's text.
        short = [(k, b) for k, b in enumerate(ctx.blocks) if len(b.text) <= HEADLINE_MAX_CHARS]
        stopwords = ctx.phrases.any_stopword
        found = (short[i] for i in slug_lines([b.text for _, b in short], slug, stopwords))
        return [(k, b) for k, b in found
                if title_shaped(b.text, stopwords, slugged=True) and not self._is_chrome(ctx, b.text)]

    @staticmethod
    def _slugged(named: list[tuple[int, Block]], first_prose: int) -> Block | None:
        """The headline the slug names (``named``): the last such line above
        the first paragraph, else the first one below it."""
        above = [b for k, b in named if k < first_prose]
        return above[-1] if above else (named[0][1] if named else None)

    def _candidates(self, ctx: Context, first_prose: int) -> list[Block]:
        """Headline-like lines above the first paragraph, in reading order.

        Chrome lines (byline, share bar, credit) between headline and body do
        not count towards the window: a long share bar must not hide the title.
        """
        found: list[Block] = []
        seen = 0
        for block in reversed(ctx.blocks[:first_prose]):
            if ctx.matches.match("toc_headers", block.text):  # ("On this page": the lines below are its entries)
                found, seen = [], 0
                continue
            if self._is_chrome(ctx, block.text):
                continue
            seen += 1
            if seen > TITLE_WINDOW:
                break
            headline_like = is_headline_like(block.text) or _in_title_case(block.text, ctx.language)
            if headline_like and title_shaped(block.text, ctx.phrases.any_stopword):
                found.append(block)
        return found[::-1]

    def _above_dateline(self, ctx: Context, headlines: list[Block]) -> Block | None:
        """The headline standing right over a dateline, a byline or a share bar,
        when a shorter line sits between that and the body.

        In ``Vegan Char Kway Teow (Stir Fry Noodles)`` / ``September 28, 2020`` /
        ``Jump to Recipe`` the headline is the first line: a label, a caption
        or a reading-time note comes after the article's meta, the headline before.
        """
        last = headlines[-1]
        position = {b.index: i for i, b in enumerate(ctx.blocks)}
        for block in reversed(headlines[:-1]):
            below = ctx.blocks[position[block.index] + 1]
            if len(block.text.split()) > len(last.text.split()) and self._is_dateline(ctx, below.text):
                return block
        # Headline, share bar, then a caption or a video's title over the body.
        if len(headlines) < 2 or len(headlines[-2].text.split()) <= len(last.text.split()):
            return None
        between = [b.text for b in ctx.blocks[position[headlines[-2].index] + 1 : position[last.index]]]
        if between and (all(_is_share(ctx, t) for t in between) or self._parted_byline(ctx, between)):
            return headlines[-2]
        return None

    @classmethod
    def _parted_byline(cls, ctx: Context, lines: list[str]) -> bool:
        """``lines`` are a byline's parts on lines of their own, and share buttons:
        "de" / "Ioana Mărgineanu" / "-" / "27 noiembrie 2026" / "4" / "1284" /
        "Distribuie" (the Newspaper theme's meta as it copies). A dateline
        among them; a name only right after its lead word; else counts and dashes."""
        leads = ctx.matches.family("bylines").first_words()
        dated = False
        for k, text in enumerate(lines):
            if cls._is_dateline(ctx, text):
                dated = True
            elif not (_is_share(ctx, text) or text.lower() in leads or not any(map(str.isalpha, text))
                      or (k and lines[k - 1].lower() in leads and is_short_name(text))):
                return False
        return dated

    @classmethod
    def _over_dek_and_dateline(cls, ctx: Context, at: int) -> bool:
        """The first sentence-like line is a headline written as sentences: a
        longer paragraph (the dek) right under it, then the byline ("Our CI
        cache hit rate was 4%. The culprit was a timestamp." / "We spent two
        weeks …" / "Tomasz Reinholt" / "Mar 3, 2026 · 7 min read"). A first
        paragraph has no byline under the next one."""
        blocks = ctx.blocks
        text = blocks[at].text
        if len(text) > TITLE_SENTENCES_MAX_CHARS or at + 2 >= len(blocks) or not is_prose(blocks[at + 1].text):
            return False
        if len(blocks[at + 1].text) <= len(text):
            return False
        # The byline right under the dek: a byline phrase ("von Michael Andrusio"), or a name over its date.
        below = [b.text for b in blocks[at + 2 : at + 4]]
        return ctx.matches.match("bylines", below[0]) is not None or (
            len(below) == 2 and is_short_name(below[0]) and cls._is_dateline(ctx, below[1])
        )

    @staticmethod
    def _is_dateline(ctx: Context, text: str) -> bool:
        """A short line with a full date ("September 28, 2020"), or a byline."""
        short = len(text.split()) <= DATELINE_MAX_WORDS
        return short and (
            FULL_DATE.search(text) is not None or ctx.matches.match("bylines", text) is not None
        )

    @staticmethod
    def _is_chrome(ctx: Context, text: str) -> bool:
        """A chrome phrase or row, a byline glued to its name, a site notice
        (a consent dialog's heading or sentence) or a caption ending in its credit."""
        notices = ctx.keywords(NOTICE_KEYWORDS)
        # A template whose fields hold no plausible value ("{date} by {author}" read
        # into "Flint flake tool … by birch tar adds to evidence …") names no chrome.
        found = ctx.matches.all(text)
        return (
            any(harvest_fields(found[f], Verdict(), ctx.phrases) for f in NOT_TITLE_FAMILIES.intersection(found))
            or is_share_row(text, ctx.matches)
            or is_chrome_row(text, ctx.matches)
            or (notices is not None and notices.find(text) >= 0)
            or ends_with_credit(text, ctx.matches)  # a photo's caption: "… (Picture by Jameel Springer)"
            # "ByJ.R. Stone": a byline glued to its name (tried last, only where nothing else said chrome)
            or ((spaced := unglued(text, ctx.matches.family("bylines"))) != text
                and ctx.matches.match("bylines", spaced) is not None)
        )


class DuplicateHeadline(Cleaner):
    """Drop body lines that repeat the title, also as a reply's subject.

    Removes ``japan's plan to send patriot missiles to ukraine angers russia``
    under the title ``Japan’s Plan to Send Patriot Missiles to Ukraine Angers
    Russia``, and ``Re: Rear derailleur skipping`` in a thread titled ``Rear
    derailleur skipping`` (the prefixes are ``reply_prefixes`` in the tables).
    A section label the body opens with right over the copied headline
    (``Analysis``, a kicker) goes too, harvested as the section.
    """

    name = "duplicate_headline"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        if not ctx.title:
            return verdict
        prefixes = ctx.phrases.reply_prefixes
        # (A title that is itself a reply's subject, "Re: Reading list", is compared without its prefix too.)
        title = fold_title(_unreplied(ctx.title, prefixes))
        if not title:
            return verdict
        # A copy is about as long as the title (folding only removes marks):
        # paragraphs are not folded at all.
        longest = 2 * len(ctx.title) + 20
        for k, block in enumerate(ctx.blocks):
            text = _unreplied(block.text, prefixes)
            if len(text) > longest or not _may_fold_to(text, title[0]):
                continue
            folded = fold_title(text)
            if folded == title or (text.rstrip().endswith(("…", "...")) and len(folded) > 15 and title.startswith(folded)):
                if k == 1 and _kicker(ctx.blocks[0].text) and not ctx.matches.all(ctx.blocks[0].text):  # (a phrase is chrome of its family)
                    verdict.drop(ctx.blocks[0], "section label over the headline")
                    verdict.take("section", ctx.blocks[0].text)
                verdict.drop(block, "repeats the title" if text is block.text else "a reply's subject repeating the title")
        return verdict


def _kicker(text: str) -> bool:
    """A section label a theme prints over the headline ("Analysis",
    "Mobilità", "Morning Briefing"): a word or three, capitalised, no sentence."""
    words = text.split()
    return 0 < len(words) <= MAX_KICKER_WORDS and looks_like_label(text) and not is_prose(text) and not ends_sentence(text)


def _unreplied(text: str, prefixes: frozenset[str]) -> str:
    """``text`` without the reply prefixes it opens with ("Re: ", "AW: Re: ")."""
    while True:
        head, colon, rest = text.partition(":")
        if not colon or len(head) > MAX_REPLY_PREFIX or head.strip().lower() not in prefixes:
            return text
        text = rest.lstrip()
