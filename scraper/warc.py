"""WARC files as captures: each HTML or text ``response`` record (warcio reads them).

A batch never loses a source: a file that cannot be read, holds no such
record, or ends in a record cut short is one error record; a record whose
content is cut short (a truncated download) is an error record of its own,
and so is a record of an HTTP error (4xx, 5xx: what ``scrape url`` makes an
error too). A redirect (3xx) is no page and is passed over: a crawler
records the page it leads to as a record of its own. The error record of a
record carries its ``url`` and the ``warc`` file, its source being a record id.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .capture import MEDIA_KINDS, Capture, media_type
from .document import one_line
from .errors import HTTPStatusError, InputError
from .workers import Entry

# Bytes looked at after a WARC file's last record: white space ends a file, anything else is a record cut short.
TAIL_PEEK_BYTES = 4096
# What warcio's messages mean, said in one line (its own quote the bytes read, or run over ten lines).
WARCIO_SAYS = (
    ("Unknown archive format", "not a WARC or ARC file"),
    ("non-chunked gzip", "gzip-compressed whole, not record by record ('warcio recompress' mends that)"),
)
# Where a message starts quoting the bytes read: warcio's first line, gzip's bytes literal.
_QUOTED_BYTES = re.compile(r",? first line:| \(b['\"]")
MAX_REASON_CHARS = 120


def warc_captures(path: Path) -> Iterator[Entry]:
    """HTML and text ``response`` records of a WARC (or ARC) file as captures.

    The file itself becomes an error record where it cannot be read, where it
    holds no such record (warcio reads a file that is no WARC at all as one
    record of nothing) or where it ends in a record cut short (warcio stops
    there without a word); a record whose content is cut short is an error
    record of its own. A source given never vanishes from the output.
    """
    from warcio.archiveiterator import ArchiveIterator  # only WARC input needs it
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    end = 0  # where the last record read ends in the file
    try:
        with path.open("rb") as stream:
            archive = ArchiveIterator(stream)
            while (record := _next_record(archive)) is not None:
                entry = _record_capture(record, path)
                archive.read_to_end()
                end = archive.get_record_offset() + archive.get_record_length()
                if entry is not None:
                    found += 1
                    yield entry
            stream.seek(end)
            rest = stream.read(TAIL_PEEK_BYTES)
    except (OSError, ArchiveLoadFailed) as exc:
        yield _file_error(path, InputError(f"cannot read WARC file {path}: {_reason(exc)}"))
        return
    except _MalformedRecord:
        yield _file_error(path, _cut_short(path, end))
        return
    if not found:
        yield _file_error(path, InputError(f"no HTML or text response record in {path}"))
    elif rest.strip():
        yield _file_error(path, _cut_short(path, end))


def _file_error(path: Path, error: InputError) -> Entry:
    return Entry(str(path), error, {"warc": str(path)})


def _reason(exc: Exception) -> str:
    """Why a file cannot be read, on one short line. warcio and gzip quote
    the bytes they could not make sense of ("Unknown archive format, first
    line: [...]"): of random bytes, a screenful of escapes."""
    said = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    for words, meaning in WARCIO_SAYS:
        if words in said:
            return meaning
    return textwrap.shorten(one_line(_QUOTED_BYTES.split(said)[0]), MAX_REASON_CHARS, placeholder=" ...")


def _cut_short(path: Path, end: int) -> InputError:
    return InputError(f"cannot read WARC file {path} past byte {end}: a record is cut short or malformed")


class _MalformedRecord(Exception):
    """warcio could not parse a record's headers."""


def _next_record(archive: Any) -> Any:
    """The archive's next record, None at its end."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return next(archive, None)
    except (OSError, ArchiveLoadFailed):
        raise
    # warcio fails on a header cut short with whatever its parser hit (an
    # AttributeError, a ValueError): its words would mean nothing to a user.
    except Exception as exc:  # noqa: BLE001
        raise _MalformedRecord from exc


def _record_capture(record: Any, path: Path) -> Entry | None:
    """A WARC ``response`` record of HTML or text as an Entry (record id, Capture);
    an error where it is an HTTP error or its content is cut short (a
    truncated download); None where it is no page (another type, a redirect)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type")
    status = _status(record)
    if media_type(content_type) not in MEDIA_KINDS or (status is not None and 300 <= status < 400):
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = {"warc": str(path)} if url is None else {"url": url, "warc": str(path)}
    if status is not None and status >= 400:
        return Entry(record_id, HTTPStatusError(f"HTTP {record.http_headers.statusline} from {url}", status), where)
    data = record.content_stream().read()
    missing = record.raw_stream.limit  # what the record's Content-Length promised and the file did not hold
    if missing:
        error = InputError(f"WARC record {record_id} ({url}) is cut short: {missing} of {record.length} bytes missing")
        return Entry(record_id, error, where)
    capture = Capture(
        data=data,
        source=record_id,
        url=url,
        final_url=url,
        status=status,
        content_type=content_type,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
    )
    return Entry(record_id, capture, where)


def _status(record: Any) -> int | None:
    """The HTTP status code of a response record (None: its status line gives none)."""
    status = record.http_headers.get_statuscode()
    return int(status) if status and status.isdigit() else None
