"""Batches: many captures in, one JSONL record per capture out, never one lost.

Sources are files, folders (their ``.html``/``.htm``/``.xhtml``/``.txt``/
``.mhtml``/``.mht`` files, gzipped or not), WARC files (each HTML or text
``response`` record: ``warc.py``) and URLs (``sources.py``).
Every source yields exactly one record: the article plus ``"source"``, or an
error record ``{"source", "error", "message", "exit_code"}`` (plus a WARC
record's ``url`` and ``warc`` file). The writer appends and flushes line by
line, so an interrupted run leaves whole lines; a re-run skips the sources
already written and resumes (``batch_output.py``).

Cross-page evidence: a batch first reads its captures once to learn each
site's template lines (``site_evidence.py``: lines on most of a site's
pages), then cleans each page with its site's template.

Captures on disk are cleaned in worker processes (``jobs``), or by any
``concurrent.futures`` executor given (a dask.distributed cluster's, whose
workers may run on other machines: captures are then read here and sent as
bytes); URLs are fetched in this process by one Fetcher, whose per-host
politeness makes parallel fetching of one site pointless anyway. A site
given by enough URLs has its first pages fetched in the first look, kept
(``prefetch.py``) and cleaned by the workers like captures on disk; the
rest of its URLs are fetched and cleaned in turn.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Executor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .api import clean_capture
from .capture import Capture
from .errors import InternalError, ScrapeError
from .prefetch import URL_PAGES_PER_SITE, Prefetched
from .site_evidence import MAX_PAGES_PER_SITE, MIN_PAGES, SiteEvidence, SiteTemplate, file_site, page_lines, site_of
from .sources import expand, is_url, source_of
from .workers import Entry, Job, Source, Workers, lost_record

if TYPE_CHECKING:
    from .fetch import Fetcher

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


class Task(NamedTuple):
    """A job and the template lines of its site (cross-page evidence), if known."""

    job: Job
    site: SiteTemplate | None = None


def _scrape_error(error: Exception) -> ScrapeError:
    if isinstance(error, ScrapeError):
        return error
    # A bug of ours on one page must not cost the batch its other records.
    return InternalError(f"{type(error).__name__}: {error}")


def _error(error: Exception) -> dict[str, Any]:
    return _scrape_error(error).to_dict()


def _record(entry: Entry, data: dict[str, Any]) -> Record:
    """A source's record; an error record also says where the source was (a WARC record's URL and file)."""
    return Record(entry.source, {**data, **entry.where} if "error" in data else data)


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


def _fetch(url: str, fetcher: "Fetcher") -> Capture | ScrapeError:
    try:
        return fetcher.fetch(url)
    except Exception as error:  # noqa: BLE001 - every failure becomes a record
        return _scrape_error(error)


def _fetcher(fetcher: "Fetcher | None") -> "Fetcher":
    """``fetcher``, or a new one with the default settings (imported only when a batch has URLs)."""
    if fetcher is not None:
        return fetcher
    from .fetch import Fetcher

    return Fetcher()


def iter_records(
    sources: Iterable[Source],
    jobs: int = 1,
    fetcher: "Fetcher | None" = None,
    executor: Executor | None = None,
    templates: dict[str, SiteTemplate] | None = None,
    prefetched: Prefetched | None = None,
) -> Iterator[Record]:
    """One Record per source, in input order; captures cleaned in ``jobs``
    processes, or by ``executor`` (``jobs`` then sets how many are handed to
    it at once, in chunks; it is the caller's to shut down). ``templates``:
    each source's site template (``site_templates``); ``prefetched``: the
    URLs it fetched, cleaned like captures (the others are fetched here)."""
    workers = Workers(jobs, executor)
    found = templates or {}

    def flush() -> Iterator[Record]:
        for entry, data in workers.drain(clean_one, lost_record, lambda entry: Task(entry.job, found.get(entry.source))):
            yield _record(entry, data)

    try:
        for item in sources:
            if isinstance(item, str) and is_url(item):
                got = prefetched.take(item) if prefetched is not None else None
                if got is None:
                    yield from flush()
                    fetcher = _fetcher(fetcher)
                    yield Record(item, clean_one(Task(_fetch(item, fetcher), found.get(item))))
                    continue
                item = Entry(item, got)
            if workers.add(item):
                yield from flush()
        yield from flush()
    finally:
        workers.close()


def site_templates(
    inputs: list[str], jobs: int = 1, executor: Executor | None = None, *,
    fetcher: "Fetcher | None" = None, prefetched: Prefetched | None = None, done: Iterable[str] = (),
    summary: Summary | None = None,
) -> dict[str, SiteTemplate]:
    """What a batch learns before cleaning: each source's site template, by source.

    A first look finds each capture's site (a WARC record's host; for a file,
    ``file_site`` of the folder given); a second reads the captures of the
    sites with enough pages and counts their lines (``site_evidence.py``).
    A URL's site is its host. URLs are fetched once: with ``prefetched``,
    the first pages of a site given by enough URLs are fetched now (by
    ``fetcher``), counted and kept there for cleaning; the URLs already
    ``done`` (a resumed batch) are not fetched again. Without it, URLs give
    no evidence. ``summary`` (if given) counts the captures read.
    """
    summary = summary if summary is not None else Summary()
    site_of_source: dict[str, str] = {}
    captures = 0  # the first look lists every capture source: the batch's total is known from here
    for item, site in _sited(inputs):
        captures += 1
        if site is not None:
            site_of_source[source_of(item)] = site
    summary.total = captures + sum(map(is_url, inputs))
    pages = Counter(site_of_source.values())
    evidence = SiteEvidence()
    if prefetched is not None:
        urls = _url_sites(inputs, set(done))
        if urls:
            _fetch_ahead(urls, _fetcher(fetcher), prefetched, evidence, summary)
            site_of_source.update(urls)
    read: Counter[str] = Counter()  # pages of each site handed out for reading
    workers = Workers(jobs, executor)

    def flush() -> None:
        for entry, lines in workers.drain(lines_of, lambda _: None):
            if lines is not None:
                evidence.add(site_of_source[entry.source], lines)
            summary.looked += 1
            summary.changed()

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


def _url_sites(inputs: list[str], done: set[str]) -> dict[str, str]:
    """The URLs of ``inputs`` not ``done``, each once, with their sites (hosts)."""
    found = {url: site_of(url, None) for url in inputs if is_url(url) and url not in done}
    return {url: site for url, site in found.items() if site is not None}


def _fetch_ahead(
    urls: dict[str, str], fetcher: "Fetcher", prefetched: Prefetched, evidence: SiteEvidence, summary: Summary
) -> None:
    """Fetch the first pages of each site with enough ``urls``, count their lines, keep them."""
    pages = Counter(urls.values())
    fetched: Counter[str] = Counter()
    for url, site in urls.items():
        if pages[site] < MIN_PAGES or fetched[site] >= URL_PAGES_PER_SITE:
            continue
        fetched[site] += 1
        got = _fetch(url, fetcher)
        prefetched.put(url, got)
        lines = lines_of(got)
        if lines is not None:
            evidence.add(site, lines)
        summary.looked += 1
        summary.changed()


def _sited(inputs: list[str]) -> Iterator[tuple[Source, str | None]]:
    """Each capture source of ``inputs`` with its site, known without reading it (URLs left out)."""
    for given in inputs:
        if is_url(given):
            continue
        root = given if Path(given).is_dir() else None
        for item in expand([given]):
            job = item if isinstance(item, str) else item.job
            if isinstance(job, Capture):  # a WARC record: its URL's host (its source is a record id, no file)
                yield item, site_of(job.final_url or job.url, None)
            else:
                yield item, file_site(job, root) if isinstance(job, str) else None


def iter_articles(
    sources: Iterable[str], jobs: int = 1, fetcher: "Fetcher | None" = None, executor: Executor | None = None,
    site_evidence: bool = True, *, done: Iterable[str] = (), summary: Summary | None = None,
) -> Generator[Record, None, None]:
    """Clean every source (paths, folders, WARC files, URLs): one Record each.

    ``site_evidence``: read the captures once first, for each site's template
    lines (``site_templates``), which their cleaning then drops; the ``done``
    sources, skipped (a resumed batch), count too, but a done URL is not
    fetched again. ``summary`` (if given) counts the skipped sources and the
    sites whose template was learned. (A generator: the first look starts
    at the first record asked for.)
    """
    sources = list(sources)
    done = set(done)
    summary = summary if summary is not None else Summary()
    fetcher = _fetcher(fetcher) if any(map(is_url, sources)) else fetcher  # one for both passes: one politeness

    def todo() -> Iterator[Source]:
        for item in expand(sources):
            if source_of(item) in done:
                summary.skipped += 1
                summary.changed()
            else:
                yield item

    with Prefetched() as prefetched:
        templates = None
        if site_evidence:
            templates = site_templates(
                sources, jobs, executor, fetcher=fetcher, prefetched=prefetched, done=done, summary=summary
            )
            summary.sites = len({template.site for template in templates.values()})
        yield from iter_records(
            todo(), jobs=jobs, fetcher=fetcher, executor=executor, templates=templates, prefetched=prefetched
        )


class Lines(Protocol):
    """Where a batch writes its JSONL lines: an open text file, or ``batch_output.OutputFile``."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> object: ...


@dataclass
class Summary:
    """What a batch has done so far; ``watch`` (if set) is told of each change."""

    written: int = 0
    failed: int = 0
    skipped: int = 0
    sites: int = 0  # sites whose template the batch learned
    looked: int = 0  # captures read (URLs fetched) in the first look, for site templates
    total: int | None = None  # sources in the batch, once the first look has listed them
    watch: Callable[[Summary], None] | None = field(default=None, repr=False, compare=False)

    def changed(self) -> None:
        if self.watch is not None:
            self.watch(self)

    def counts(self) -> str:
        """"15 written (11 articles, 4 errors), 3 skipped": the error records are lines written too."""
        articles, errors = _counted(self.written - self.failed, "article"), _counted(self.failed, "error")
        return f"{self.written} written ({articles}, {errors}), {self.skipped} skipped"

    def progress(self) -> str:
        """"120 of 1000 done: " and the counts, or the counts alone while the total is unknown."""
        done = f"{self.written + self.skipped} of {self.total} done: " if self.total else ""
        return done + self.counts()

    def line(self) -> str:
        done = f"{self.counts()} (already done)"
        return done + (f"; template lines learned for {_counted(self.sites, 'site')}" if self.sites else "")


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def run_batch(
    inputs: Iterable[str],
    out: Lines,
    *,
    done: Iterable[str] = (),
    jobs: int = 1,
    fetcher: "Fetcher | None" = None,
    executor: Executor | None = None,
    site_evidence: bool = True,
    watch: Callable[[Summary], None] | None = None,
) -> Summary:
    """Write one JSONL record per source to ``out``, skipping ``done`` sources
    (``iter_articles``: a resumed run cleans with the evidence of the whole batch).
    ``watch`` is told of each change of the summary (a progress line)."""
    summary = Summary(watch=watch)
    # closed here, not when collected: a failed write must not leave the workers and prefetched files behind
    with closing(iter_articles(inputs, jobs, fetcher, executor, site_evidence, done=done, summary=summary)) as records:
        for record in records:
            out.write(record.to_json() + "\n")
            out.flush()
            summary.written += 1
            summary.failed += not record.ok
            summary.changed()
    return summary


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))
