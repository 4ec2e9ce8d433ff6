"""Run one cleaner on a few lines of text, the way the cleaner tests need it."""

from __future__ import annotations

from collections.abc import Sequence

from cleaners.base import Cleaner, Context
from cleaners.phrasebook import default_phrasebook
from scraper.document import segment_text


def judge(
    cleaner: Cleaner,
    lines: Sequence[str],
    *,
    sep: str = "\n",
    title: str | None = None,
    language: str | None = None,
    title_left: bool = False,
) -> tuple[list[str], list[tuple[str, object]]]:
    """The texts ``cleaner`` drops from ``lines`` and the (field, value) pairs it harvests.

    ``sep`` joins the lines ("\\n\\n": one paragraph each); ``title_left``: the
    title line has left the body already, as after TitleLine.
    """
    doc = segment_text(sep.join(lines))
    kept = tuple(b for b in doc.blocks if b.text != title) if title_left else doc.blocks
    verdict = cleaner.judge(Context(doc, kept, default_phrasebook(), title, language))
    by_index = {b.index: b.text for b in doc.blocks}
    return [by_index[d.index] for d in verdict.drops], [(h.field, h.value) for h in verdict.harvest]


def drops(cleaner: Cleaner, *paragraphs: str, language: str | None = None) -> list[str]:
    """The paragraphs (one per blank-line group) ``cleaner`` drops."""
    return judge(cleaner, paragraphs, sep="\n\n", language=language)[0]
