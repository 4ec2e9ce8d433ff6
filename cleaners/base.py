"""The cleaner contract: look at the kept blocks, return decisions and harvest.

A cleaner never edits blocks. It returns a ``Verdict``: which blocks are
boilerplate and why (``Drop``), and metadata it found on the way (``Harvest``,
e.g. the author named by a "Load More By Desk Writer" widget). The pipeline
applies verdicts in order, so each cleaner sees only what the earlier ones
kept, and records every drop with the cleaner's name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple

from scraper.document import Block, Document

from .keywords import Keywords
from .phrasebook import LineMatches, PhraseBook

# Metadata fields a cleaner may harvest, and how the pipeline merges them.
LIST_FIELDS = frozenset({"authors", "tags"})
SCALAR_FIELDS = frozenset({"title", "published", "modified", "section", "reading_time_minutes", "site_name"})


class Drop(NamedTuple):
    """Block ``index`` is boilerplate, because ``reason``.

    (A named tuple: the region cleaner makes a hundred a capture.)
    """

    index: int  # type: ignore[assignment]  # (the field shadows tuple.index, which mypy reports)
    reason: str


@dataclass(frozen=True)
class Harvest:
    """A metadata value found in chrome: ``field`` is an Article field name."""

    field: str
    value: str | int

    def __post_init__(self) -> None:
        if self.field not in LIST_FIELDS | SCALAR_FIELDS:
            raise ValueError(f"cannot harvest unknown field {self.field!r}")


@dataclass
class Verdict:
    drops: list[Drop] = field(default_factory=list)
    harvest: list[Harvest] = field(default_factory=list)
    # A block that *is* the title: it leaves the body for the ``title`` field
    # and is not boilerplate, so it is not listed among the removals.
    title_block: int | None = None

    def claim_title(self, block: Block) -> None:
        self.title_block = block.index
        self.take("title", block.text)

    def drop(self, block: Block, reason: str) -> None:
        self.drops.append(Drop(block.index, reason))

    def take(self, field_name: str, value: str | int | None) -> None:
        if value not in (None, ""):
            self.harvest.append(Harvest(field_name, value))  # type: ignore[arg-type]

    def has(self, field_name: str) -> bool:
        """Something was harvested for ``field_name`` ("authors", "published")."""
        return any(h.field == field_name for h in self.harvest)


@dataclass(frozen=True)
class Context:
    """What a cleaner sees: the document, the blocks kept so far, known metadata."""

    document: Document
    blocks: tuple[Block, ...]
    phrases: PhraseBook
    title: str | None = None
    language: str | None = None
    # The document's phrase matches, shared by every cleaner of a run (built
    # here when the caller passes none). ``blocks`` must come from ``document``.
    matches: LineMatches = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.matches is None:
            object.__setattr__(self, "matches", LineMatches(self.phrases, (b.text for b in self.document.blocks)))

    @property
    def capture(self) -> str:
        return self.document.capture

    def keywords(self, *names: str) -> Keywords | None:
        """``PhraseBook.keywords`` of the page's language (and English)."""
        return self.phrases.keywords(*names, language=self.language)


class Cleaner(ABC):
    """One named unit of cleaning. Subclasses set ``name`` and implement ``judge``."""

    name: ClassVar[str]

    @abstractmethod
    def judge(self, ctx: Context) -> Verdict:
        """Return the blocks of ``ctx.blocks`` to drop and any harvested metadata."""

    def __repr__(self) -> str:
        return f"<cleaner {self.name}>"
