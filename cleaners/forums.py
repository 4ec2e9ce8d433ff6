"""Forums: what a thread page prints around each post.

A forum engine frames every post with its author's profile (name, rank,
post count, join date) and closes it with the author's signature, the same
line under every post of theirs. The page's markup names both boxes
(``Document.post_chrome``: phpBB's ``postprofile``, any engine's
``signature``), so a line standing in one is known without a phrase table;
the reply subjects ("Re: …") go with the repeated headline (``headlines.py``).
"""

from __future__ import annotations

from .base import Context
from .boxes import BoxCleaner


class PostChrome(BoxCleaner):
    """Drop the profile and signature lines around a forum's posts.

    Removes ``hillclimber_jo`` / ``Regular`` / ``Posts: 214`` above a post
    and ``2019 steel tourer, 2022 gravel bike, too many spare parts`` under
    it, where the page's markup puts them in ``<dl class="postprofile">`` and
    ``<div class="signature">``. HTML captures only.
    """

    name = "post_chrome"
    reason = "a forum post's profile or signature (the page's class names say so)"

    def boxes(self, ctx: Context) -> tuple[str, ...]:
        return ctx.document.marked.post_chrome
