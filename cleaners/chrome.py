"""Page chrome: share bars, cookie banners, navigation, ad labels, credits."""

from __future__ import annotations

import re

from .base import Cleaner, Context, Verdict
from .lines import fold_title
from .phrase import PhraseCleaner, looks_like_label
from .phrasebook import MAX_CHROME_CHARS, LineMatches, PhraseBook

# "Home > World > Asia", "Start » Politik » Inland": 2+ short crumbs.
_CRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|/|→|\\)\s*")
MAX_CRUMB_WORDS = 6
# What _CRUMB_SPLIT finds, without trying its "\s*" at every character.
_CRUMB_MARK = re.compile(r"[>»›/→\\]")


# A row of share buttons copied as one line: "Facebook Twitter WhatsApp E-Mail".
MIN_ROW_BUTTONS = 2
MAX_ROW_BUTTONS = 12


def is_share_row(text: str, phrases: PhraseBook | LineMatches) -> bool:
    """True when every word of a short line is a share button of its own."""
    words = text.split()
    if not MIN_ROW_BUTTONS <= len(words) <= MAX_ROW_BUTTONS:
        return False
    return all(phrases.match("share", w) for w in words)


class ShareBar(PhraseCleaner):
    """Drop share/social buttons: ``Share``, ``Tweet``, ``Share on Facebook``, ``WhatsApp``,
    and rows of them on one line: ``Feed Twitter Facebook Youtube``."""

    name = "share"
    family = "share"

    def judge(self, ctx: Context) -> Verdict:
        verdict = super().judge(ctx)
        taken = {d.index for d in verdict.drops}
        for block in ctx.blocks:
            if block.index not in taken and is_share_row(block.text, ctx.matches):
                verdict.drop(block, "row of share buttons")
        return verdict


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
    """Drop advertisement labels: ``Advertisement``, ``Sponsored``, ``Anzeige``."""

    name = "ads"
    family = "ads"


class ImageCredit(PhraseCleaner):
    """Drop image credit lines: ``Photo: Reuters``, ``Image credit: NASA``, ``© AP``."""

    name = "credits"
    family = "credits"


class Breadcrumbs(Cleaner):
    """Drop breadcrumb trails: ``Home > World > Asia`` (section "World").

    A line of two or more short crumbs joined by ``>``/``»``/``›`` whose first
    crumb is a navigation word ("Home", "Startseite", "Accueil", ...). The
    crumb after the root names the section, unless it is the title itself.
    """

    name = "breadcrumbs"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        title = fold_title(ctx.title) if ctx.title else None
        for block in ctx.blocks:
            if len(block.text) > MAX_CHROME_CHARS or not _CRUMB_MARK.search(block.text):
                continue
            crumbs = [c for c in _CRUMB_SPLIT.split(block.text) if c]
            if len(crumbs) < 2:
                continue
            if all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs) and ctx.matches.match("breadcrumb_roots", crumbs[0]):
                verdict.drop(block, "breadcrumb trail")
                section = crumbs[1]
                if fold_title(section) != title and looks_like_label(section):
                    verdict.take("section", section)
        return verdict
