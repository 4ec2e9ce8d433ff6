"""Batches: many captures in, one JSONL record per capture out, never one lost.

Sources are files, folders (their ``.html``/``.htm``/``.xhtml``/``.txt``/
``.mhtml``/``.mht`` files, gzipped or not), WARC files (each HTML or text
``response`` record: ``warc.py``) and URLs.
Every source yields exactly one record: the article plus ``"source"``, or an
error record ``{"source", "error", "message", "exit_code"}``. The writer
appends and flushes line by line, so an interrupted run leaves whole lines;
a re-run skips the sources already written and resumes.

Cross-page evidence: a batch first reads its captures once to learn each
site's template lines (``site_evidence.py``: lines on most of a site's
pages), then cleans each page with its site's template.

Captures on disk are cleaned in worker processes (``jobs``), or by any
``concurrent.futures`` executor given (a dask.distributed cluster's, whose
workers may run on other machines: captures are then read here and sent as
bytes); URLs are fetched in this process by one Fetcher, whose per-host
politeness makes parallel fetching of one site pointless anyway.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

from .api import clean_capture
from .capture import Capture
from .errors import InputError, InternalError, ScrapeError, WorkerLost
from .site_evidence import MAX_PAGES_PER_SITE, MIN_PAGES, SiteEvidence, SiteTemplate, file_site, page_lines, site_of
from .warc import warc_captures

if TYPE_CHECKING:
    from .fetch import Fetcher

CAPTURE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".mhtml", ".mht")
# Saved gzip-compressed: "page.html.gz" (read decompressed, capture.py).
CAPTURE_NAMES = CAPTURE_SUFFIXES + tuple(f"{suffix}.gz" for suffix in CAPTURE_SUFFIXES)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
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


T = TypeVar("T")


class Task(NamedTuple):
    """A job and the template lines of its site (cross-page evidence), if known."""

    job: Job
    site: SiteTemplate | None = None


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
            yield from warc_captures(path)
        else:
            yield item  # a missing file becomes an error record, not a crash


def _error(error: Exception) -> dict[str, Any]:
    if isinstance(error, ScrapeError):
        return error.to_dict()
    # A bug of ours on one page must not cost the batch its other records.
    return InternalError(f"{type(error).__name__}: {error}").to_dict()


def clean_one(task: Task) -> dict[str, Any]:
    """Clean one capture path or Capture into record data (never raises)."""
    job = task.job
    if isinstance(job, ScrapeError):
        return _error(job)
    try:
        return clean_capture(_capture(job), site=task.site).to_dict()
    except Exception as error:  # noqa: BLE001 - every failure becomes a record
        return _error(error)


def lines_of(job: Job) -> frozenset[str] | None:
    """One capture's lines for the site evidence (None: it cannot be read;
    cleaning it makes its error record)."""
    if isinstance(job, ScrapeError):
        return None
    try:
        return page_lines(_capture(job))
    except Exception:  # noqa: BLE001 - unreadable here, an error record there
        return None


def _capture(job: str | Capture) -> Capture:
    """The capture a job names: read from its path, or given (ScrapeError if unreadable)."""
    return Capture.from_path(job) if isinstance(job, str) else job


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


class _Workers:
    """Where a batch's captures are handled, a chunk at a time: ``jobs``
    processes of our own, the caller's executor (captures are then read
    here: its workers may not see this disk), or this process."""

    def __init__(self, jobs: int, executor: Executor | None) -> None:
        self.own = executor is None and jobs > 1
        self.pool = ProcessPoolExecutor(max_workers=jobs) if self.own else executor
        self.reads_here = executor is not None
        self.chunk = CHUNK_SIZE * max(1, jobs) * 4
        self.pending: list[tuple[str, Job]] = []

    def add(self, item: Source) -> bool:
        """Queue a capture source; True when a chunk is full."""
        source, job = (item, item) if isinstance(item, str) else item
        self.pending.append((source, _read(job) if self.reads_here and isinstance(job, str) else job))
        return len(self.pending) >= self.chunk

    def drain(self, fn: Callable[[Any], T], lost: Callable[[BaseException], T],
              task: Callable[[str, Job], Any] = lambda _, job: job) -> Iterator[tuple[str, T]]:
        """(source, ``fn(task(source, job))``) of the queued sources, in order, each as it is done."""
        pending, self.pending = self.pending, []
        items = [task(source, job) for source, job in pending]
        results = _pool_map(self.pool, fn, items, lost) if self.pool else map(fn, items)
        yield from zip((source for source, _ in pending), results)

    def close(self) -> None:
        if self.own and self.pool:
            self.pool.shutdown(cancel_futures=True)


def iter_records(
    sources: Iterable[Source],
    jobs: int = 1,
    fetcher: "Fetcher | None" = None,
    executor: Executor | None = None,
    templates: dict[str, SiteTemplate] | None = None,
) -> Iterator[Record]:
    """One Record per source, in input order; captures cleaned in ``jobs``
    processes, or by ``executor`` (``jobs`` then sets how many are handed to
    it at once, in chunks; it is the caller's to shut down). ``templates``:
    each source's site template (``site_templates``)."""
    workers = _Workers(jobs, executor)
    found = templates or {}

    def flush() -> Iterator[Record]:
        for source, data in workers.drain(clean_one, _lost, lambda source, job: Task(job, found.get(source))):
            yield Record(source, data)

    try:
        for item in sources:
            if isinstance(item, str) and _is_url(item):
                yield from flush()
                if fetcher is None:
                    from .fetch import Fetcher

                    fetcher = Fetcher()
                yield Record(item, _fetch_one(item, fetcher))
                continue
            if workers.add(item):
                yield from flush()
        yield from flush()
    finally:
        workers.close()


def site_templates(inputs: list[str], jobs: int = 1, executor: Executor | None = None) -> dict[str, SiteTemplate]:
    """What a batch learns before cleaning: each capture's site template, by source.

    A first look finds each capture's site (a WARC record's host; for a file,
    ``file_site`` of the folder given; URLs are fetched once, later, and give
    no evidence); a second reads the captures of the sites with enough pages
    and counts their lines (``site_evidence.py``).
    """
    site_of_source = {_source_of(item): site for item, site in _sited(inputs) if site is not None}
    pages = Counter(site_of_source.values())
    evidence = SiteEvidence()
    read: Counter[str] = Counter()  # pages of each site handed out for reading
    workers = _Workers(jobs, executor)

    def flush() -> None:
        for source, lines in workers.drain(lines_of, lambda _: None):
            if lines is not None:
                evidence.add(site_of_source[source], lines)

    try:
        for item, site in _sited(inputs):
            if site is not None and pages[site] >= MIN_PAGES and read[site] < MAX_PAGES_PER_SITE:
                read[site] += 1
                if workers.add(item):
                    flush()
        flush()
    finally:
        workers.close()
    templates = evidence.templates()
    return {source: templates[site] for source, site in site_of_source.items() if site in templates}


def _sited(inputs: list[str]) -> Iterator[tuple[Source, str | None]]:
    """Each capture source of ``inputs`` with its site, known without reading it (URLs left out)."""
    for given in inputs:
        if _is_url(given):
            continue
        root = given if Path(given).is_dir() else None
        for item in expand([given]):
            job = item if isinstance(item, str) else item[1]
            if isinstance(job, Capture):  # a WARC record: its URL's host (its source is a record id, no file)
                yield item, site_of(job.final_url or job.url, None)
            else:
                yield item, file_site(job, root) if isinstance(job, str) else None


def _lost(error: BaseException) -> dict[str, Any]:
    why = " ".join(str(error).split())  # (a cluster's messages run over several lines)
    return WorkerLost(f"no worker could clean it: {type(error).__name__}: {why}").to_dict()


def _pool_map(pool: Executor, fn: Callable[[Any], T], items: list[Any], lost: Callable[[BaseException], T]) -> Iterator[T]:
    """``fn`` of each item on ``pool``, in order. ``fn`` never raises, but a
    pool can: a worker killed (out of memory), a cluster that cannot run the
    task. Each item it leaves without a result gets ``lost(error)``."""
    done = 0
    try:
        for result in pool.map(fn, items, chunksize=CHUNK_SIZE):
            done += 1
            yield result
    except Exception as error:  # noqa: BLE001 - the pool's failure, not a page's
        yield from (lost(error) for _ in items[done:])


def iter_articles(
    sources: Iterable[str], jobs: int = 1, fetcher: "Fetcher | None" = None, executor: Executor | None = None,
    site_evidence: bool = True,
) -> Iterator[Record]:
    """Clean every source (paths, folders, WARC files, URLs): one Record each.

    ``site_evidence``: read the captures once first, for each site's template
    lines (``site_templates``), which their cleaning then drops.
    """
    sources = list(sources)
    templates = site_templates(sources, jobs, executor) if site_evidence else None
    return iter_records(expand(sources), jobs=jobs, fetcher=fetcher, executor=executor, templates=templates)


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
    sites: int = 0  # sites whose template the batch learned

    def line(self) -> str:
        done = f"{self.written} written, {self.failed} failed, {self.skipped} skipped (already done)"
        return done + (f"; template lines learned for {self.sites} site{'s' * (self.sites != 1)}" if self.sites else "")


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
    site_evidence: bool = True,
) -> Summary:
    """Write one JSONL record per source to ``out``, skipping ``done`` sources.

    ``site_evidence``: as for ``iter_articles``; the done sources count too
    (a resumed run cleans with the evidence of the whole batch).
    """
    summary = Summary()
    inputs = list(inputs)
    templates = site_templates(inputs, jobs, executor) if site_evidence else None
    summary.sites = len({template.site for template in (templates or {}).values()})

    def todo() -> Iterator[Source]:
        for item in expand(inputs):
            if _source_of(item) in done:
                summary.skipped += 1
            else:
                yield item

    for record in iter_records(todo(), jobs=jobs, fetcher=fetcher, executor=executor, templates=templates):
        out.write(record.to_json() + "\n")
        out.flush()
        summary.written += 1
        summary.failed += not record.ok
    return summary


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))
