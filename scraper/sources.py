"""What a batch's inputs name: its sources, one record each.

An input is a URL, a folder (its captures), a WARC file (its pages) or a
capture file. Expanding is cheap for all but WARC files, which are read
through (``warc.py``); a source that cannot be read is still a source, and
becomes an error record where it is cleaned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .warc import warc_captures
from .workers import Entry, Source

CAPTURE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".mhtml", ".mht")
# Saved gzip-compressed: "page.html.gz" (read decompressed, capture.py).
CAPTURE_NAMES = CAPTURE_SUFFIXES + tuple(f"{suffix}.gz" for suffix in CAPTURE_SUFFIXES)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# A scheme of two letters or more and "//" ("c://" is a drive; "notes:v2.html" a file's name).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(source: str) -> bool:
    """``source`` is a URL, for the Fetcher, not a path: it reads http(s) and
    file:// URLs and refuses any other scheme, as ``scrape url`` does."""
    return _URL.match(source) is not None


def source_of(item: Source) -> str:
    """The name a source's record is written and resumed by."""
    return item if isinstance(item, str) else item.source


def expand(inputs: Iterable[str]) -> Iterator[Source]:
    """Sources in order: URLs and capture paths as strings, WARC records as
    Entry(id, Capture), a WARC file or a folder that gives none as Entry(path, error)."""
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from _captures_under(path)
        elif path.name.lower().endswith(WARC_SUFFIXES):
            yield from warc_captures(path)
        else:
            yield item  # a missing file becomes an error record, not a crash


def _captures_under(folder: Path) -> Iterator[Source]:
    """The capture files under ``folder``, in order. A folder holding none is
    an error record, as a WARC file holding no page is: a batch given the
    wrong folder must say so, not write nothing and succeed."""
    found = [str(p) for p in sorted(folder.rglob("*")) if p.name.lower().endswith(CAPTURE_NAMES)]
    if not found:
        names = ", ".join(CAPTURE_SUFFIXES)
        yield Entry(str(folder), InputError(f"no capture under {folder}: no {names} file (nor one gzipped)"))
    yield from found
