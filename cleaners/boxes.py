"""Lines standing in boxes the page's markup names: the shared base of the box cleaners.

``scraper/marked.py`` reads, off the whole page, the text of elements whose
class or id names a box (a newsletter sign-up, a forum post's signature) and
of their lines. A body line inside one is the box's, wherever it stands:
``SignupBox`` (subscribe.py) and ``PostChrome`` (forums.py) say which boxes
and why.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

from .base import Cleaner, Context, Verdict

# A line this short ("Email", "Submit") may be in a box's text by chance: only
# a line the box holds as one of its own lines counts.
MIN_BOXED_CHARS = 20


def in_box(text: str, boxes: tuple[str, ...]) -> bool:
    """``text`` stands in one of ``boxes`` (texts of marked elements and of
    their lines, one space between words)."""
    text = " ".join(text.split())  # (lines of a paragraph: a box's text is one line)
    if len(text) < MIN_BOXED_CHARS:
        return text in boxes
    return any(text in box for box in boxes)


class BoxCleaner(Cleaner):
    """Drop the lines standing in the boxes ``boxes`` gives, with ``reason``."""

    reason: ClassVar[str]

    @abstractmethod
    def boxes(self, ctx: Context) -> tuple[str, ...]:
        """The texts of the boxes this cleaner drops the lines of."""

    def judge(self, ctx: Context) -> Verdict:
        verdict = Verdict()
        boxes = self.boxes(ctx)
        if boxes:
            for block in ctx.blocks:
                if in_box(block.text, boxes):
                    verdict.drop(block, self.reason)
        return verdict
