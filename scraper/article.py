"""Article: the output contract, and its JSON Schema (``schema.json`` beside).

Built once by the pipeline from the kept blocks, harvested metadata and the
removal list; never edited afterwards. Unknown values are ``None`` or empty,
never invented.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

SCHEMA_VERSION = "1.1"  # 1.1: paragraph_kinds
# Chinese and Japanese are written without spaces: each ideograph or kana
# counts as a word, everything else by white-space runs.
_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\s\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # CJK punctuation (U+3000-303F) is no word
# How each kind of paragraph opens in Markdown (a table row and a plain line as they are).
MARKDOWN_MARKS = {"heading": "## ", "list_item": "- ", "quote": "> "}
# Fields that change between two runs on the same capture (fetch time, our own
# version); fixtures leave them out of expected.json.
VOLATILE_FIELDS = ("fetch", "extractor")


class Removal(NamedTuple):
    """One block taken out of the body: its text, who took it and why.

    A named tuple, not a dataclass: a text capture makes ~150 of them, and
    tuples are built several times faster.
    """

    text: str
    cleaner: str
    reason: str


@dataclass(frozen=True)
class FetchInfo:
    """How a fetched capture was obtained (absent for files)."""

    requested_url: str
    final_url: str
    status: int | None
    content_type: str | None
    fetched_at: str | None


@dataclass(frozen=True)
class Article:
    """A cleaned article. ``to_dict()`` is exactly the documented JSON."""

    title: str | None
    paragraphs: tuple[str, ...]
    capture: str  # "html" | "text"
    # What each paragraph is: heading, paragraph, list_item, quote, table,
    # code, or line (a text capture's line, its role unknown). Empty: all "line".
    paragraph_kinds: tuple[str, ...] = ()
    url: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    reading_time_minutes: int | None = None
    removed: tuple[Removal, ...] = ()
    extractor: dict[str, str] = field(default_factory=dict)
    fetch: FetchInfo | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(_WORDS.findall(p)) for p in self.paragraphs)

    def to_dict(self, volatile: bool = True) -> dict[str, Any]:
        """The article as JSON-able data; ``volatile=False`` drops fetch/extractor."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "source": self.source,
            "capture": self.capture,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "section": self.section,
            "tags": list(self.tags),
            "language": self.language,
            "site_name": self.site_name,
            "description": self.description,
            "image": self.image,
            "reading_time_minutes": self.reading_time_minutes,
            "paragraphs": list(self.paragraphs),
            "paragraph_kinds": list(self.kinds()),
            "text": self.text,
            "word_count": self.word_count,
            "removed": [r._asdict() for r in self.removed],
            "extractor": dict(self.extractor),
            "fetch": asdict(self.fetch) if self.fetch else None,
        }
        if not volatile:
            for name in VOLATILE_FIELDS:
                data.pop(name)
        return data

    def to_json(self, pretty: bool = False, volatile: bool = True) -> str:
        return json.dumps(self.to_dict(volatile), ensure_ascii=False, indent=2 if pretty else None)

    def kinds(self) -> tuple[str, ...]:
        """The kind of each paragraph ("line" where none was recorded)."""
        return self.paragraph_kinds or ("line",) * len(self.paragraphs)

    def to_markdown(self) -> str:
        """Title, a byline, then the paragraphs as Markdown: subheadings as
        ``##``, list items as ``-`` (one list where they follow each other),
        quotes as ``>``, code fenced."""
        head = [f"# {self.title}"] if self.title else []
        byline = ", ".join(self.authors)
        day = (self.published or "")[:10]  # (a reader's date: "2026-03-04", not the time and zone)
        meta = " · ".join(x for x in (byline, day, self.url or "") if x)
        blocks: list[str] = []
        previous = None
        for text, kind in zip(self.paragraphs, self.kinds()):
            line = f"```\n{text}\n```" if kind == "code" else MARKDOWN_MARKS.get(kind, "") + text
            if kind == previous == "list_item":
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
            previous = kind
        return "\n\n".join(head + ([f"*{meta}*"] if meta else []) + blocks) + "\n"

    def to_text(self) -> str:
        return "\n\n".join(([self.title] if self.title else []) + list(self.paragraphs)) + "\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The article JSON Schema shipped in the package (read once)."""
    return json.loads(resources.files("scraper").joinpath("schema.json").read_text("utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` breaks the contract."""
    import jsonschema  # imported here: only validation needs it

    jsonschema.validate(data, schema())
