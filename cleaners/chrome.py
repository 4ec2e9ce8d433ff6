"""Page chrome: share bars, cookie banners, navigation, ad labels, credits, notices and disclosures."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from functools import lru_cache

from scraper.site_names import names_site

from .base import Block, Cleaner, Context, Verdict
from .byline_page import BODY_MIN_PROSE
from .lines import COUNT, fold_title, inner_sentence_ends, is_code_like, is_prose, is_symbols
from .names import looks_like_label, strict_name
from .phrase import MAX_WILDCARD_WORDS, HeadSentences, PhraseCleaner, TailSentences, wildcard_words
from .phrasebook import MAX_CHROME_CHARS, Family, LineMatches, PhraseBook, PhraseMatch, first_word_key

# "Home > World > Asia", "Start » Politik » Inland": 2+ short crumbs.
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|/|→|\\)\s*")
MAX_CRUMB_WORDS = 6
# What _CRUMB_SPLIT finds, without trying its "\s*" at every character.
_CRUMB_MARK = re.compile(r"[>»›/→\\]")
# A label before a trail's first crumb: a few words and a colon (full-width in CJK).
_CRUMB_LABEL = re.compile(r"^(?:[^\s:：]+\s){0,3}[^\s:：]+\s?[:：]\s*(?=\S)")
# A counter a share bar shows: "128", "1,204", "1.2K".
_COUNT = re.compile(r"^\d[\d.,]*\s?[KkMm]?$")


# A caption is a sentence or two; its credit ("Foto: Jane Roe/dpa") a few
# words, opened by one or two ("Image credit:") before a colon.
MAX_CAPTION_CHARS = 400
# Words a caption after its label may run to ("Image caption, …": a credits template ending ", *").
LABELLED_CAPTION_WORDS = 40
# A credits template signing a caption after a dash or a slash ("* - riproduzione riservata", "*/dpa").
_SIGNED_TEMPLATE = re.compile(r"\* ?[-–—/]")
# A caption closed by an agency credit: "… Premio Nobel (REUTERS/Denis Balibouse)",
# "… en la Antártida. EFE", "… el pasado octubre.ANTONIO LÓPEZ". A paragraph
# ends at its full stop, not after it.
# Not "(m/w/d)", "(IEC/EN 62053-21)", "(128 kbit/s)", "(http://…)", "GmbH & Co. KG".
END_CREDIT = re.compile(
    r"\([^()\d:]{3,}[^\W\d]/[^\W\d][^()\d:]*\)$"  # "(REUTERS/Denis Balibouse)"
    r"|[a-zß-ÿ]{2}[.!?]\s+[A-Z]{2,}(?:/[A-Z]+)?$"  # ". AFP"
    # ".ANTONIO LÓPEZ": the photographer in capitals, glued to the caption's stop as El País prints it
    r"|[a-zß-ÿ]{2}[.!?][A-ZÀ-Þ]{2,}(?: [A-ZÀ-Þ]{2,}){1,3}$"
    # ". Paco Ortega (EL MERIDIANO)": the photographer, then the outlet in capitals
    r"|[a-zß-ÿ]{2}[.!?]\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){1,3}\([A-ZÀ-Þ][A-ZÀ-Þ0-9 .&'’-]+\)$"
)
# The buttons an engagement bar's counts stand over ("1.2K" / "14" / "Listen" / "Share").
BUTTON_FAMILIES = frozenset({"share", "comments", "teasers"})
# Counts as an engagement bar prints them: "214", "37 18", "1.2K".
_COUNTS = re.compile(rf"{COUNT}(?: {COUNT})*")
# A count rounded to thousands or millions ("1.2K", "3M"): no article prints one alone.
_ROUNDED_COUNT = re.compile(r"\d{1,3}(?:[.,]\d)?[KkMm]")
# A media player's position and length ("0:00 / 42:17"): its buttons are icons.
_PLAYER_TIME = re.compile(r"\d{1,2}(?::\d\d){1,2} / \d{1,2}(?::\d\d){1,2}")
# A photo's credit as a name, a slash and the outlet ("Daniel Okafor/Public Radio North");
# after a caption's last full stop, a comma too ("… since 2023. Jordan Pike, Ridgeline Courier").
_CREDIT_PARTS = r"^([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)+)%s[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}$"
_SLASH_CREDIT = re.compile(_CREDIT_PARTS % "/")
_SIGNED_CREDIT = re.compile(_CREDIT_PARTS % "(?:/|, )")
# A caption is a sentence: a short line ending so is a label ("2 gestr. TL").
MIN_CAPTION_WORDS = 6
MAX_CREDIT_WORDS = 10
# A caption signed "Name, Outlet" holds at most this many sentences before it.
COMMA_CREDIT_SENTENCES = 2
CREDIT_MARK_WORDS = 2

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


class ImageCredit(PhraseCleaner):
    """Drop image credit lines: ``Photo: Reuters``, ``Image credit: NASA``, ``© AP``,
    and captions ending in one: ``Pickers at work near Valencia. Foto: Jane Roe/dpa``."""

    name = "credits"
    family = "credits"

    def wildcard_limit(self, match: PhraseMatch) -> int:
        # A labelled caption ("Image caption, Some stations on the … line
        # would lose their last train …") or one signed at its end ("I mosaici
        # emersi nell'area del parcheggio di Castel Serrano - RIPRODUZIONE
        # RISERVATA", "… /dpa"): the label or the credit says what the line
        # is, however long the caption beside it.
        template = match.template
        signed = _SIGNED_TEMPLATE.match(template) is not None and not template.endswith("*")
        return LABELLED_CAPTION_WORDS if template.endswith(", *") or signed else self.max_wildcard_words

    def shaped(self, ctx: Context) -> Iterator[tuple[Block, str]]:
        # (As a caption writes them: " fot. ", " Fot. ", " FOT. ".)
        credits = ctx.matches.family("credits")
        marks = tuple(f" {f} " for w in abbreviations(credits) for f in (w, w.capitalize(), w.upper()))
        for block in ctx.blocks:
            text = block.text
            # (Inline: the mark test spares most lines a function call.)
            # (Not after "。": a Chinese caption signed "… 摄" is never the headline, but the
            # dev pages keep it with the article: "…留念。新华社记者 才扬 摄".)
            marked = (":" in text or "©" in text or "＝" in text or any(map(text.__contains__, marks))
                      or _credit_sentence(text, credits) is not None)
            if marked and ends_with_credit(text, ctx.matches):
                yield block, "caption ending in an image credit"
            elif (text.endswith(")") or text[-1:].isupper()) and is_agency_caption(text):
                yield block, "caption ending in an agency credit"


def _credit_sentence(text: str, credits: Family) -> int | None:
    """Where a short last sentence begins that may be a credit, after a full
    stop: one a credit template opens ("Foto di …", "(Picture by …"), or
    with a slash or a comma ("Jonah Reeve/Stockline", "Jordan Pike,
    Ridgeline Courier"). None: no such sentence; nor after an
    abbreviation's dot ("vs. Teamkollege …", "Dr. …")."""
    dot = text.rfind(". ")
    if dot < 0 or text.count(" ", dot + 2) >= MAX_CREDIT_WORDS:
        return None
    if len(text[text.rfind(" ", 0, dot) + 1 : dot]) < 3:
        return None
    tail = text[dot + 2 :]
    signed = "/" in tail or ", " in tail
    return dot + 2 if signed or first_word_key(tail.split(None, 1)[0]) in credits.first_words() else None


def _book(phrases: PhraseBook | LineMatches) -> PhraseBook:
    return phrases.phrases if isinstance(phrases, LineMatches) else phrases


def is_slash_credit(text: str, stopwords: Container[str], comma: bool = False) -> bool:
    """A photo's credit: a person's name, a slash, the outlet ("Daniel
    Okafor/Public Radio North"; not "The Fed/ECB Divergence Explained", whose
    capitalised words hold a stop word). With ``comma``, a comma may stand
    for the slash: a caption's last sentence ("Jordan Pike, Ridgeline
    Courier"), never a headline ("Joe Biden, Senate Leaders Meet")."""
    m = (_SIGNED_CREDIT if comma else _SLASH_CREDIT).match(text)
    if m is None or not strict_name(m.group(1)):
        return False
    return not any(w.lower() in stopwords for w in m.group(1).split())


def is_agency_caption(text: str) -> bool:
    """A caption closed by an agency credit: ``… Premio Nobel (REUTERS/Denis Balibouse)``."""
    return len(text) <= MAX_CAPTION_CHARS and len(text.split()) >= MIN_CAPTION_WORDS and END_CREDIT.search(text) is not None


def _word_starts_before(text: str, end: int, count: int) -> list[int]:
    """Where the last ``count`` space-separated words before ``end`` begin, nearest first."""
    starts = []
    for _ in range(count):
        end = text.rfind(" ", 0, end)
        starts.append(end + 1)
        if end < 0:
            break
    return starts


@lru_cache(maxsize=4)
def abbreviations(credits: Family) -> tuple[str, ...]:
    """The credit templates' first words that are abbreviations ("fot. *"):
    a credit may open at one with no colon ("… w sobotę rano fot. Tomasz Wrona/APN")."""
    return tuple(sorted(w for w in credits.first_words() if w.endswith(".")))


def ends_with_credit(text: str, phrases: PhraseBook | LineMatches) -> bool:
    """True for a caption whose last words are a credit line of the ``credits`` family.

    The credit opens at the last ``©``, at the word or two before the last
    colon (``Foto:``, ``Image credit:``), at an abbreviation a credit
    template opens with (``fot.``) or after the last full stop (``… sul
    torrente Vessano. Foto di Luca Neri``) or after a Japanese caption's
    ``＝``; some text must come before it.
    """
    if len(text) > MAX_CAPTION_CHARS:
        return False
    openings: list[int] = []
    cut = max(text.rfind(":"), text.rfind("©"))
    if cut > 0 and text.count(" ", cut) < MAX_CREDIT_WORDS:  # (else no mark, or a sentence after it)
        openings = [cut] if text[cut] == "©" else _word_starts_before(text, cut, CREDIT_MARK_WORDS)
    # A Japanese caption sets its credit apart with "＝" ("…（２６日）＝木下翔撮影", "…＝共同"),
    # a Chinese one after its last full stop ("…驶出西岸客运站。林晓蔓 摄").
    for mark in ("＝", "。"):
        at = text.rfind(mark)
        if 0 < at < len(text) - 1:
            openings.append(at + 1)
    stop = _credit_sentence(text, phrases.family("credits"))
    if stop is not None:
        # After a full stop a credit names its photographer ("… since 2024.
        # Jonah Reeve/Stockline", "… Vessano. Foto di Luca Neri"); a bare
        # agency there signs a news paragraph ("… skeptisch geäußert. (dpa)").
        tail = text[stop:]
        match = phrases.match("credits", tail)
        # (A comma for the slash only after a sentence or two, as a caption has: after
        # more, "… Ich melde mich dann. Viele Grüße, Christoph Langner" signs a letter.)
        comma = inner_sentence_ends(text) <= COMMA_CREDIT_SENTENCES
        if is_slash_credit(tail, _book(phrases).any_stopword, comma) or (
            match is not None and "*" in match.template and wildcard_words(match, tail) <= MAX_WILDCARD_WORDS
        ):
            return True
    lower = text.lower()
    for word in abbreviations(phrases.family("credits")):
        # (In brackets too: "Ciepłownia miejska (fot. Paweł Zając / Horyzont24)".)
        at = max(lower.rfind(f" {word} "), lower.rfind(f"({word} ")) + 1
        if at > 0 and text.count(" ", at) < MAX_CREDIT_WORDS:
            openings.append(at)
    for start in openings:
        tail = text[start:]
        if start > 0 and len(tail.split()) <= MAX_CREDIT_WORDS:
            match = phrases.match("credits", tail)
            if match is not None and wildcard_words(match, tail) <= MAX_WILDCARD_WORDS:
                return True
    return False


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
