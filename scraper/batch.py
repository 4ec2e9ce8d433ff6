"""Batches: many captures in, one JSONL record per capture out, never one lost.

Sources are files, folders (their ``.html``/``.htm``/``.xhtml``/``.txt``/
``.mhtml``/``.mht`` files, gzipped or not), WARC files (each HTML or text
``response`` record; warcio reads them) and URLs.
Every source yields exactly one record: the article plus ``"source"``, or an
error record ``{"source", "error", "message", "exit_code"}``. The writer
appends and flushes line by line, so an interrupted run leaves whole lines;
a re-run skips the sources already written and resumes.

Captures on disk are cleaned in worker processes (``jobs``), or by any
``concurrent.futures`` executor given (a dask.distributed cluster's, whose
workers may run on other machines: captures are then read here and sent as
bytes); URLs are fetched in this process by one Fetcher, whose per-host
politeness makes parallel fetching of one site pointless anyway.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .api import clean_capture
from .capture import Capture
from .errors import InputError, InternalError, ScrapeError, WorkerLost

if TYPE_CHECKING:
    from .fetch import Fetcher

CAPTURE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".mhtml", ".mht")
# Saved gzip-compressed: "page.html.gz" (read decompressed, capture.py).
CAPTURE_NAMES = CAPTURE_SUFFIXES + tuple(f"{suffix}.gz" for suffix in CAPTURE_SUFFIXES)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Bytes looked at after a WARC file's last record: white space ends a file, anything else is a record cut short.
TAIL_PEEK_BYTES = 4096
# Work handed to a process pool at once: big enough to amortise pickling,
# small enough that an interrupt loses little finished work.
CHUNK_SIZE = 16


@dataclass(frozen=True)
class Record:
    """The outcome for one source: an article, or the error that stopped it."""

    source: str
    data: dict[str, Any]

    @property
    def ok(self) -> bool:
        return "error" not in self.data

    def to_json(self) -> str:
        # the batch's own name for the source wins: it is the key a re-run resumes by
        return json.dumps({**self.data, "source": self.source}, ensure_ascii=False)


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


# A job for the cleaning processes: a capture path, a Capture, or the error that stands for a source;
# a source: a path or URL, or (record id or WARC path, job).
Job = str | Capture | ScrapeError
Source = str | tuple[str, Capture | ScrapeError]


def _warc_captures(path: Path) -> Iterator[tuple[str, Capture | ScrapeError]]:
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
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(("text/html", "application/xhtml", "text/plain")):
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


def expand(inputs: Iterable[str]) -> Iterator[Source]:
    """Sources in order: URLs and capture paths as strings, WARC records as
    (id, Capture), a WARC file that gives none as (path, error)."""
    for item in inputs:
        if _is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.name.lower().endswith(CAPTURE_NAMES))
        elif path.name.lower().endswith(WARC_SUFFIXES):
            yield from _warc_captures(path)
        else:
            yield item  # a missing file becomes an error record, not a crash


def _error(error: Exception) -> dict[str, Any]:
    if isinstance(error, ScrapeError):
        return error.to_dict()
    # A bug of ours on one page must not cost the batch its other records.
    return InternalError(f"{type(error).__name__}: {error}").to_dict()


def clean_one(job: Job) -> dict[str, Any]:
    """Clean one capture path or Capture into record data (never raises)."""
    if isinstance(job, ScrapeError):
        return _error(job)
    try:
        capture = Capture.from_path(job) if isinstance(job, str) else job
        return clean_capture(capture).to_dict()
    except Exception as error:  # noqa: BLE001 - every failure becomes a record
        return _error(error)


def _fetch_one(url: str, fetcher: "Fetcher") -> dict[str, Any]:
    try:
        return clean_capture(fetcher.fetch(url)).to_dict()
    except Exception as error:  # noqa: BLE001 - every failure becomes a record
        return _error(error)


def _read(path: str) -> Capture | ScrapeError:
    """The capture at ``path``, read here for workers that may not see this disk."""
    try:
        return Capture.from_path(path)
    except ScrapeError as error:
        return error


def iter_records(
    sources: Iterable[Source],
    jobs: int = 1,
    fetcher: "Fetcher | None" = None,
    executor: Executor | None = None,
) -> Iterator[Record]:
    """One Record per source, in input order; captures cleaned in ``jobs``
    processes, or by ``executor`` (``jobs`` then sets how many are handed to
    it at once, in chunks; it is the caller's to shut down)."""
    pending: list[tuple[str, Job]] = []
    own = executor is None and jobs > 1
    pool = ProcessPoolExecutor(max_workers=jobs) if own else executor

    def flush() -> Iterator[Record]:
        jobs_ = [job for _, job in pending]
        results = _results(pool, jobs_) if pool else map(clean_one, jobs_)
        for (source, _), data in zip(pending, results):
            yield Record(source, data)
        pending.clear()

    try:
        for item in sources:
            if isinstance(item, str) and _is_url(item):
                yield from flush()
                if fetcher is None:
                    from .fetch import Fetcher

                    fetcher = Fetcher()
                yield Record(item, _fetch_one(item, fetcher))
                continue
            source, job = (item, item) if isinstance(item, str) else item
            pending.append((source, _read(job) if executor is not None and isinstance(job, str) else job))
            if len(pending) >= CHUNK_SIZE * max(1, jobs) * 4:
                yield from flush()
        yield from flush()
    finally:
        if own and pool:
            pool.shutdown(cancel_futures=True)


def _results(pool: Executor, jobs: list[Job]) -> Iterator[dict[str, Any]]:
    """``clean_one`` of each job on ``pool``, in order. clean_one never raises,
    but a pool can: a worker killed (out of memory), a cluster that cannot
    run the task. Each job it leaves without a result becomes an error record."""
    done = 0
    try:
        for data in pool.map(clean_one, jobs, chunksize=CHUNK_SIZE):
            done += 1
            yield data
    except Exception as error:  # noqa: BLE001 - the pool's failure, not a page's
        why = " ".join(str(error).split())  # (a cluster's messages run over several lines)
        lost = WorkerLost(f"no worker could clean it: {type(error).__name__}: {why}")
        yield from (lost.to_dict() for _ in jobs[done:])


def iter_articles(
    sources: Iterable[str], jobs: int = 1, fetcher: "Fetcher | None" = None, executor: Executor | None = None
) -> Iterator[Record]:
    """Clean every source (paths, folders, WARC files, URLs): one Record each."""
    return iter_records(expand(sources), jobs=jobs, fetcher=fetcher, executor=executor)


def done_sources(output: Path) -> tuple[set[str], set[str]]:
    """Sources already written to ``output``: (succeeded, failed).

    A last line cut short by an interrupt is removed, so appending resumes
    on a clean line boundary.
    """
    ok: set[str] = set()
    failed: set[str] = set()
    if not output.exists():
        return ok, failed
    with output.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)
            data = data[: data.rfind(b"\n") + 1]
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        (failed if "error" in record else ok).add(record.get("source", ""))
    return ok, failed


@dataclass
class Summary:
    written: int = 0
    failed: int = 0
    skipped: int = 0

    def line(self) -> str:
        return f"{self.written} written, {self.failed} failed, {self.skipped} skipped (already done)"


def _source_of(item: Source) -> str:
    return item if isinstance(item, str) else item[0]


def run_batch(
    inputs: Iterable[str],
    out: IO[str],
    *,
    done: set[str] = frozenset(),  # type: ignore[assignment]
    jobs: int = 1,
    fetcher: "Fetcher | None" = None,
    executor: Executor | None = None,
) -> Summary:
    """Write one JSONL record per source to ``out``, skipping ``done`` sources."""
    summary = Summary()

    def todo() -> Iterator[Source]:
        for item in expand(inputs):
            if _source_of(item) in done:
                summary.skipped += 1
            else:
                yield item

    for record in iter_records(todo(), jobs=jobs, fetcher=fetcher, executor=executor):
        out.write(record.to_json() + "\n")
        out.flush()
        summary.written += 1
        summary.failed += not record.ok
    return summary


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))
