"""Page chrome: share bars, cookie banners, navigation, ad labels, breadcrumbs, notices and disclosures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scraper.site_names import names_site

from .base import Block, Cleaner, Context, Verdict
from .byline_page import BODY_MIN_PROSE
from .lines import COUNT, fold_title, is_code_like, is_prose, is_symbols
from .names import looks_like_label
from .phrase import HeadSentences, PhraseCleaner, TailSentences
from .phrasebook import MAX_CHROME_CHARS, Family, LineMatches, PhraseBook

# "Home > World > Asia", "Start » Politik » Inland": 2+ short crumbs.
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|/|→|\\)\s*")
MAX_CRUMB_WORDS = 6
# What _CRUMB_SPLIT finds, without trying its "\s*" at every character.
_CRUMB_MARK = re.compile(r"[>»›/→\\]")
# A label before a trail's first crumb: a few words and a colon (full-width in CJK).
_CRUMB_LABEL = re.compile(r"^(?:[^\s:：]+\s){0,3}[^\s:：]+\s?[:：]\s*(?=\S)")
# A counter a share bar shows: "128", "1,204", "1.2K".
_COUNT = re.compile(r"^\d[\d.,]*\s?[KkMm]?$")


# The buttons an engagement bar's counts stand over ("1.2K" / "14" / "Listen" / "Share").
BUTTON_FAMILIES = frozenset({"share", "comments", "teasers"})
# Counts as an engagement bar prints them: "214", "37 18", "1.2K".
_COUNTS = re.compile(rf"{COUNT}(?: {COUNT})*")
# A count rounded to thousands or millions ("1.2K", "3M"): no article prints one alone.
_ROUNDED_COUNT = re.compile(r"\d{1,3}(?:[.,]\d)?[KkMm]")
# A media player's position and length ("0:00 / 42:17"): its buttons are icons.
_PLAYER_TIME = re.compile(r"\d{1,2}(?::\d\d){1,2} / \d{1,2}(?::\d\d){1,2}")

# A deals widget's row: a price ("$299", "19,99 €"), and a button that ends it.
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[$€£¥]")
MAX_PRICE_ROW_CHARS = 160

# A row of share buttons copied as one line: "Facebook Twitter WhatsApp E-Mail".
MIN_ROW_BUTTONS = 2
MAX_ROW_BUTTONS = 12


def is_share_row(text: str, phrases: PhraseBook | LineMatches) -> bool:
    """True when every word of a short line is a share button of its own."""
    return _is_row_of(text, phrases.family("share"))


def _is_row_of(text: str, share: Family) -> bool:
    """``is_share_row`` with the share family at hand (ShareBar asks about every line)."""
    # The first word first: it is no button on nearly every line, and a
    # paragraph then is never split into all its words.
    head = text.split(None, 1)
    if len(head) < 2 or not share.matches_word(head[0]):  # (one word is no row)
        return False
    words = text.split()
    if not MIN_ROW_BUTTONS <= len(words) <= MAX_ROW_BUTTONS:
        return False
    at = 1
    while at < len(words):  # a button of one word, else one of two or three ("Scrivi alla redazione")
        step = 1 if share.matches_word(words[at]) else next(
            (k for k in (3, 2) if at + k <= len(words) and share.match(" ".join(words[at:at + k])) is not None), 0)
        if not step:
            return False
        at += step
    return True


def _is_count(text: str) -> bool:
    """A share or comment count: "128", "1.2K" (the first character rules out most lines)."""
    return text[:1].isdigit() and _COUNT.match(text) is not None


def _beyond_counts(blocks: tuple[Block, ...], i: int) -> Iterator[int]:
    """The positions of the nearest lines above and below ``blocks[i]`` that
    are no count: a toolbar prints one count per button ("1.2K" claps, "27"
    responses, then "Share")."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and _is_count(blocks[j].text):
            j += step
        if 0 <= j < len(blocks):
            yield j


class ShareBar(PhraseCleaner):
    """Drop share/social buttons: ``Share``, ``Tweet``, ``Share on Facebook``, ``WhatsApp``,
    rows of them on one line: ``Feed Twitter Facebook Youtube``, and the
    count beside them: ``128`` under ``Share full article``."""

    name = "share"
    family = "share"

    def shaped(self, ctx: Context) -> Iterator[tuple[Block, str]]:
        share, hits, blocks = ctx.matches.family("share"), ctx.matches.hits("share"), ctx.blocks
        for i, block in enumerate(blocks):
            if _is_row_of(block.text, share):
                yield block, "row of share buttons"
            elif _is_count(block.text) and any(
                blocks[j].text in hits or _is_row_of(blocks[j].text, share) for j in _beyond_counts(blocks, i)
            ):  # (a count is rare: its neighbours are looked at only then)
                yield block, "a share or comment count beside the share buttons"


class CookieBanner(PhraseCleaner):
    """Drop cookie/consent banners: ``We use cookies to improve your experience``, ``Accept all``."""

    name = "cookies"
    family = "cookies"
    # Consent banners are whole sentences after "We use cookies"; they are
    # never body text, so the wildcard may run long.
    max_wildcard_words = 80


class NavigationLabel(PhraseCleaner):
    """Drop navigation labels: ``Skip to content``, ``Menu``, ``Back to top``, ``Next post``."""

    name = "navigation"
    family = "navigation"


class AdLabel(PhraseCleaner):
    """Drop advertisement labels: ``Advertisement``, ``Sponsored``, ``Anzeige``,
    and a deals widget's price rows: ``Halden SoundArc 700 (Slate) $299.99 at
    Best Buy View Deal`` (a price, then a label of the family as its button)."""

    name = "ads"
    family = "ads"

    def shaped(self, ctx: Context) -> Iterator[tuple[Block, str]]:
        ads = ctx.matches.family("ads")
        for block in ctx.blocks:
            text = block.text
            if len(text) <= MAX_PRICE_ROW_CHARS and _PRICE.search(text) and ads.match(" ".join(text.split()[-2:])):
                yield block, "price row of a deals widget"


class Breadcrumbs(Cleaner):
    """Drop breadcrumb trails: ``Home > World > Asia`` (section "World").

    A line of two or more short crumbs joined by ``>``/``»``/``›`` whose first
    crumb is a navigation word ("Home", "Startseite", "Accueil", ...), perhaps
    after a label above the article ("You are here: Home > World", "当前位置：首页 > 新闻"). The
    first crumb after the roots ("Home > News > World": World) names the
    section, unless it is the title itself; so does the page's own breadcrumb
    element (HTML: ``<nav class="breadcrumb">``, which trafilatura drops).
    """

    name = "breadcrumbs"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        title = fold_title(ctx.title) if ctx.title else None
        for i, block in enumerate(ctx.blocks):
            if len(block.text) > MAX_CHROME_CHARS or not _CRUMB_MARK.search(block.text):
                continue
            crumbs = [c for c in _CRUMB_SPLIT.split(block.text) if c]
            if len(crumbs) < 2:
                continue
            if _above_body(ctx.blocks, i):
                # "You are here: Home > …", "当前位置：首页 > …": the root after its
                # label, above the article. (Below it, a labelled trail is left to
                # the region finder: the chrome line it is keeps the footer apart.)
                crumbs[0] = _CRUMB_LABEL.sub("", crumbs[0])
            if all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs) and ctx.matches.match("breadcrumb_roots", crumbs[0]):
                verdict.drop(block, "breadcrumb trail")
                self._section(crumbs[1:], ctx, title, verdict)
        for trail in ctx.document.marked.trails:  # (HTML: the page's breadcrumb element, outside the body)
            first = _CRUMB_LABEL.sub("", trail[0])  # "Sie sind hier: Startseite"
            # Its first crumb may be the site itself ("MDR.DE", "ComputerBase"): a root.
            meta = ctx.document.meta
            self._section([first, *trail[1:]][names_site(first, meta.site_name, meta.url, ending=True):], ctx, title, verdict)
        return verdict

    @staticmethod
    def _section(crumbs: list[str], ctx: Context, title: str | None, verdict: Verdict) -> None:
        """The first crumb past the roots ("Home > News > World": World) is the section."""
        section = next((c for c in crumbs if not ctx.matches.match("breadcrumb_roots", c)), None)
        if section is not None and fold_title(section) != title and looks_like_label(section):
            verdict.take("section", section)


def _above_body(blocks: tuple[Block, ...], k: int) -> bool:
    """Fewer than BODY_MIN_PROSE prose lines stand above ``blocks[k]`` (asked of
    a trail only: most lines are none, and the prose test is not free)."""
    prose = 0
    for block in blocks[:k]:
        prose += is_prose(block.text)
        if prose >= BODY_MIN_PROSE:
            return False
    return True


class TailNotice(TailSentences):
    """Drop cookie, copyright, follow-us, support-us and get-the-app notices
    written as sentences in the article's tail.

    Removes ``Diese Website verwendet Akismet, um Spam zu reduzieren.``,
    ``© 2020 Example Media. All rights reserved.`` and ``Privacy & Cookies:
    This site uses cookies.`` below the last paragraph (at most one other
    prose line under them), where no line template names them whole.
    """

    name = "tail_notice"
    keywords = "notices"
    reason = "site notice below the article"


class TailDisclosure(TailSentences):
    """Drop affiliate and advertising disclosures written as sentences in the article's tail.

    Removes ``Advertising disclosure: We may receive compensation for some of
    the links in our stories.`` and ``* Links mit Sternchen sind
    Affiliate-Links …`` below the last paragraph: the ``disclosures`` keywords
    that ``HeadNotice`` looks for above the article.
    """

    name = "tail_disclosure"
    keywords = "disclosures"
    reason = "affiliate or advertising disclosure below the article"


class HeadNotice(HeadSentences):
    """Drop affiliate disclosures, cookie and push-notification notices above the article's first paragraphs.

    Removes ``When you purchase through links on our site, we may earn an
    affiliate commission.`` and ``Diese Website verwendet Cookies.`` where at
    most one other prose line stands above them and the article below.
    """

    name = "head_notice"
    keywords = "disclosures"
    reason = "site notice above the article"


class Symbols(Cleaner):
    """Drop paragraphs with no letter or digit: ``--`` (a clap counter
    without its number), a lone ``:`` or ``…`` a widget left behind, ``×`` (a
    close button), ``* * *`` and ``-----`` (a rule between sections: a break a
    reader sees, no text to keep). A line of code (``});``) stays. And the
    like and comment counts over the page's buttons (``214`` / ``37 18`` /
    ``Share``, ``1.2K`` / ``14`` / ``Listen``), whose icons are lost; and a
    rounded count alone (``1.2K``) wherever it stands, a count the article
    would open with (``0``: a shop's cart in the header), and a player's
    time counter (``0:00 / 42:17``).
    """

    name = "symbols"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        lines = ctx.document.blocks  # (numbered by position: the button may be gone already)
        for block in ctx.blocks:
            if is_symbols(block.text) and block.kind != "code" and not is_code_like(block.text):
                verdict.drop(block, "no letters or digits")
            elif _ROUNDED_COUNT.fullmatch(block.text):
                verdict.drop(block, "a rounded count (claps, views) on a line of its own")
            elif _PLAYER_TIME.fullmatch(block.text):
                verdict.drop(block, "a media player's time counter")
            elif block is ctx.blocks[0] and block.text.isdigit():  # (not "1." opening a numbered section)
                verdict.drop(block, "a count above the article (a cart's or a badge's)")
            elif _COUNTS.fullmatch(block.text):
                below = block.index + 1
                while below < len(lines) and _COUNTS.fullmatch(lines[below].text):
                    below += 1
                if below < len(lines) and not BUTTON_FAMILIES.isdisjoint(ctx.matches.all(lines[below].text)):
                    verdict.drop(block, "a count over the page's buttons")
        return verdict
