"""Comment widgets and comment threads: wpDiscuz, Disqus, WordPress native comments.

Two shapes: the *controls* of a comment widget (single lines, phrase table
``comments``), and a *thread*: after a header such as "3 Comments" or "Leave a
Reply" that follows the article body, the entries ("John says:", "March 3,
2024 at 5:12 pm", the comment's text, "Reply"). Comment text is prose, so no
phrase can catch it; the thread is found by its header and the entry markers
around it, and only after the body (a "Comments" heading between the first
paragraphs is not a thread).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import Block, Cleaner, Context, Verdict
from .lines import is_prose
from .phrase import PhraseCleaner
from .phrasebook import LineMatches, PhraseBook

# The header must come after this many prose blocks: the body comes first.
MIN_BODY_PROSE = 2
# A thread shows at least this many entry markers ("says:", a timestamp, "Reply").
MIN_MARKERS = 2
# Blocks of comment text allowed between two markers before the thread is over.
MAX_GAP = 10
# The comment section (``comments_start``) begins at a comment header after
# this many prose lines, when the prose above it is at least this share of
# the prose below.
COMMENTS_MIN_PROSE = 2
COMMENTS_PROSE_RATIO = 0.5
# Entry and control lines are at most this long.
MAX_MARKER_CHARS = 80
# A comment timestamp: a short line ending in a clock time,
# "March 3, 2024 at 5:12 pm", "3. März 2024 um 10:15 Uhr", "12 mars 2024 à 10 h 15".
_STAMP = re.compile(
    r"^[^!?]{0,50}?\b\d{1,2}(?:[:.]|\s?h\s?)\d{2}\s*(?:[ap]\.?\s?m\.?|uhr|h|min)?$",
    re.I,
)


class CommentWidget(PhraseCleaner):
    """Drop the controls of a comment widget.

    Removes wpDiscuz's ``Notify of`` / ``guest`` / ``0 Comments`` / ``Oldest`` /
    ``Newest Most Voted`` / ``Inline Feedbacks`` / ``View all comments``, and
    ``Leave a Reply``, ``Your email address will not be published.``
    """

    name = "comments"
    family = "comments"
    max_wildcard_words = 16  # "Your email address will not be published. Required fields are marked *"


def entry_marker(text: str, phrases: PhraseBook | LineMatches) -> int:
    """2 for a comment entry's own chrome ("John says:", a timestamp, "Reply"),
    1 for a comment widget control ("Oldest", "Leave a Reply"), 0 for text.

    Entry lines are short ("Mark Benson says:", "Rosa Delgado • 2 years ago"):
    longer lines are comment text and skip the costly "* says" templates.
    """
    if len(text) > MAX_MARKER_CHARS:
        return 0
    if _STAMP.match(text) or phrases.match("comment_entries", text):
        return 2
    return 1 if phrases.match("comments", text) or phrases.match("comment_headers", text) else 0


def thread_end(blocks: Sequence[Block], start: int, phrases: PhraseBook | LineMatches) -> int | None:
    """Index of the last block of the thread whose header is ``blocks[start]``.

    None when no entry follows (wpDiscuz's "0 Comments" / "Oldest" / "Newest"
    controls alone are a widget, left to ``CommentWidget``).
    """
    markers = entries = 0
    last = start
    for j in range(start + 1, len(blocks)):
        if j - last > MAX_GAP:
            break
        kind = entry_marker(blocks[j].text, phrases)
        if kind:
            markers += 1
            entries += kind == 2
            last = j
    return last if markers >= MIN_MARKERS and entries else None


class CommentThread(Cleaner):
    """Drop a comment thread that follows the article body.

    After ``3 thoughts on “Spring Planting”`` (or ``Leave a Reply``, ``12 Comments``)
    removes ``John says:`` / ``March 3, 2024 at 5:12 pm`` /
    ``Great post, I tried it and it worked.`` / ``Reply`` up to the last entry marker.
    """

    name = "comment_thread"

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        headers = ctx.matches.hits("comment_headers")
        if not headers:  # no header, no thread (most pages)
            return verdict
        blocks = ctx.blocks
        prose = 0
        for i, block in enumerate(blocks):
            # The header first: one that quotes the headline ("11 Antworten zu
            # “Ein wenig lost, aber immer noch da!”") ends like a sentence.
            if prose >= MIN_BODY_PROSE and block.text in headers:
                end = thread_end(blocks, i, ctx.matches)
                if end is not None:
                    verdict.drop(block, "comment thread header")
                    for entry in blocks[i + 1:end + 1]:
                        verdict.drop(entry, "comment thread entry")
                    break
            prose += is_prose(block.text)
        return verdict


def comments_start(ctx: Context) -> int | None:
    """Block index of the header that opens the page's comment section, or None.

    A comment header ("3 Comments", "Leave a Reply", "Kommentare") after the
    body has begun, with most of the page's prose above it: whatever follows
    is readers' talk, widgets and footer, however much prose it holds. (A
    "Comments (32)" link under the dek, with the article still to come,
    opens nothing.) Comment widgets have dropped such headers already; they
    are looked up among all the capture's lines.
    """
    headers = ctx.matches.hits("comment_headers")
    if not headers:
        return None
    kept = {b.index for b in ctx.blocks}
    total = sum(1 for b in ctx.blocks if is_prose(b.text))
    prose = 0
    for block in ctx.document.blocks:
        # (The header before the prose test: one quoting the headline ends like a sentence.)
        if prose >= COMMENTS_MIN_PROSE and block.text in headers and prose >= COMMENTS_PROSE_RATIO * (total - prose):
            return block.index
        prose += block.index in kept and is_prose(block.text)
    return None
