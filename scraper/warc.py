"""WARC files as captures: each HTML or text ``response`` record (warcio reads them).

A batch never loses a source: a file that cannot be read, holds no such
record, or ends in a record cut short is one error record; a record whose
content is cut short (a truncated download) is an error record of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .capture import MEDIA_KINDS, Capture, media_type
from .errors import InputError, ScrapeError

# Bytes looked at after a WARC file's last record: white space ends a file, anything else is a record cut short.
TAIL_PEEK_BYTES = 4096


def warc_captures(path: Path) -> Iterator[tuple[str, Capture | ScrapeError]]:
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
                capture = _record_capture(record)
                archive.read_to_end()
                end = archive.get_record_offset() + archive.get_record_length()
                if capture is not None:
                    found += 1
                    yield capture
            stream.seek(end)
            rest = stream.read(TAIL_PEEK_BYTES)
    except (OSError, ArchiveLoadFailed) as exc:
        yield str(path), InputError(f"cannot read WARC file {path}: {exc}")
        return
    except _MalformedRecord:
        yield str(path), _cut_short(path, end)
        return
    if not found:
        yield str(path), InputError(f"no HTML or text response record in {path}")
    elif rest.strip():
        yield str(path), _cut_short(path, end)


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


def _record_capture(record: Any) -> tuple[str, Capture | ScrapeError] | None:
    """A WARC ``response`` record as (record id, Capture), if it holds HTML or
    text; an error where its content is cut short (a truncated download)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type")
    if media_type(content_type) not in MEDIA_KINDS:
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read()
    missing = record.raw_stream.limit  # what the record's Content-Length promised and the file did not hold
    if missing:
        return record_id, InputError(
            f"WARC record {record_id} ({url}) is cut short: {missing} of {record.length} bytes missing"
        )
    status = record.http_headers.get_statuscode()
    return record_id, Capture(
        data=data,
        source=record_id,
        url=url,
        final_url=url,
        status=int(status) if status and status.isdigit() else None,
        content_type=content_type,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
    )
