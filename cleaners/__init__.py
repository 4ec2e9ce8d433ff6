"""Boilerplate cleaners, one family per module, and their default order.

Order matters: each cleaner sees only what the earlier ones kept. Cleaners
that harvest metadata (title, bylines, teaser widgets naming the author) run
before the generic ones, so the fields are filled before a line could be
dropped for a vaguer reason.
"""

from __future__ import annotations

from .base import Cleaner
from .bios import AuthorBio
from .bylines import Byline
from .chrome import (
    AdLabel,
    Breadcrumbs,
    CookieBanner,
    HeadNotice,
    NavigationLabel,
    ShareBar,
    Symbols,
    TailDisclosure,
    TailNotice,
)
from .comments import CommentThread, CommentWidget
from .contributors import ContributorLine
from .credits import ImageCredit
from .forums import PostChrome
from .headlines import DuplicateHeadline, TitleLine
from .mail import MailSignature
from .region import BodyRegion
from .rows import ChromeRow
from .server import PhpDiagnostic
from .subscribe import SignupBox, SubscribePitch, SubscribePrompt
from .teasers import TeaserBox, TeaserCards, TeaserLink, TrailingTeasers
from .template import TemplateLine


def default_cleaners(capture: str = "text") -> tuple[Cleaner, ...]:
    """The cleaners run on a capture of kind ``capture`` ("text" or "html"), in order."""
    common: tuple[Cleaner, ...] = (
        PhpDiagnostic(),  # first: server noise is no candidate for a title, a byline or a body
        TitleLine(),
        CommentThread(),  # before Byline: a comment's date is no publication date
        TeaserCards(),  # before Byline: a teaser card's author is not the article's
        Byline(),
        ContributorLine(),
        DuplicateHeadline(),
        TeaserBox(),  # before TeaserLink: "More in Science" heads a box of teasers
        TeaserLink(),
        CommentWidget(),
        SubscribePrompt(),
        SignupBox(),
        PostChrome(),
        ShareBar(),
        CookieBanner(),
        NavigationLabel(),
        Breadcrumbs(),
        AdLabel(),
        ImageCredit(),
        # After the harvesters (a byline, a date line recur on an author's
        # pages) and the phrase cleaners (their reasons say more); before the
        # region, whose choice is clearer without the site's menus and boxes.
        TemplateLine(),
    )
    # The head and tail of the kept text: a site notice above the article,
    # a mail's signature, an author's bio box, a newsletter pitch, a notice
    # or an affiliate disclosure below it.
    edges: tuple[Cleaner, ...] = (
        HeadNotice(), MailSignature(), AuthorBio(), SubscribePitch(), TailNotice(), TailDisclosure(),
    )
    # Rows of chrome phrases ("Impressum | Datenschutz"), after the phrase
    # cleaners (a line they took whole is no row) and, on text captures,
    # after the region: a kept footer row walls the body off from the
    # footer's prose below it, a removed one would not.
    rows: tuple[Cleaner, ...] = (ChromeRow(),)
    if capture == "text":
        # Last: whatever no phrase table named (menus, footers, headline
        # lists) lies outside the densest run of prose. HTML captures come
        # with trafilatura's main-content choice instead.
        # After the region: the edges are then the ends of what it kept,
        # and a list of headlines in the tail is no article's. Symbols last
        # (on HTML too): a "* * *" or "|" line is chrome the region reads.
        return (*common, BodyRegion(), *rows, *edges, TrailingTeasers(), Symbols())
    # trafilatura's body ends the same way: bio box, pitch, site notice. (Not
    # TrailingTeasers: its kept text ends in the article's own short lines
    # more often than in headline lists: -35 true, -14 false dev snippets.)
    return (*common, *rows, *edges, Symbols())


__all__ = ["Cleaner", "default_cleaners"]
