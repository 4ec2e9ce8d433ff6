"""``scrape batch``: many captures to one JSONL file, resumable."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from .batch import Summary, default_jobs, run_batch
from .batch_output import open_output, resume_from
from .cli import fail
from .cli_fetch import FetchOptions, build_fetcher, fetch_options
from .errors import DecodeError, InputError, NetworkError
from .sources import is_url

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from distributed import Client

    from .fetch import Fetcher

# Exit code when the batch finished but some sources became error records.
EXIT_PARTIAL = 12
# Seconds to wait for a dask scheduler to answer.
CONNECT_TIMEOUT = 10


@click.command("batch")
@click.argument("inputs", nargs=-1)
@click.option(
    "--sources-from", "sources_from", type=click.File("rb"), metavar="FILE",
    help=(
        "Also clean the sources listed in FILE, one a line ('-': stdin; blank lines and # comments skipped;"
        " relative paths from the current folder, as on the command line)."
    ),
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="JSONL file to write, appended to on a re-run (default: stdout).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs, show_default="all cores", help="Worker processes for captures on disk.")
@click.option(
    "--no-resume", is_flag=True,
    help="Start OUTPUT over: its lines are replaced by this run's, every source cleaned again.",
)
@click.option(
    "--retry-errors", is_flag=True,
    help="On resume, clean again the sources that failed last time (their error records are dropped from OUTPUT first).",
)
@click.option(
    "--scheduler", metavar="ADDRESS",
    help="Clean on a dask.distributed cluster (tcp://host:8786) instead of local processes; needs the 'dask' extra.",
)
@click.option(
    "--no-site-evidence", is_flag=True,
    help="Clean each page alone: do not first read the captures for the lines most pages of a site repeat.",
)
@click.option(
    "--progress/--no-progress", default=None,
    help="A progress line on stderr, rewritten as records are written.  [default: when stderr is a terminal]",
)
@fetch_options
def batch_command(
    inputs: tuple[str, ...], sources_from: BinaryIO | None, output: Path | None, jobs: int, no_resume: bool,
    retry_errors: bool, scheduler: str | None, no_site_evidence: bool, progress: bool | None, fetch: FetchOptions,
) -> None:
    """Clean INPUTS (files, folders, WARC files, URLs) into one JSONL record each.

    Captures are read twice: first for each site's template (lines on most
    of its pages), dropped when its pages are cleaned (URLs are fetched
    once, the first of a site kept until cleaned). Failures are written
    as error records; with -o, a re-run skips what is already there and
    resumes. Exits 12 when some records are errors.
    """
    fetch, inputs = fetch.sources_after_cache(inputs)
    if sources_from is not None:
        inputs += tuple(_listed(sources_from))
    if not inputs:
        raise click.UsageError("no sources: give INPUTS or --sources-from FILE")
    # Only a batch with URLs fetches: no session, nor a --cache file created, for files alone.
    fetcher = build_fetcher(fetch) if any(map(is_url, inputs)) else None
    client = _cluster_client(scheduler) if scheduler else None
    try:
        executor = client.get_executor() if client else None
        watch = ProgressLine() if (_interactive(output) if progress is None else progress) else None
        _run(inputs, output, jobs, no_resume, retry_errors, executor, not no_site_evidence, watch, fetcher)
    finally:
        if fetcher is not None:
            fetcher.close()
        if client is not None:
            client.close()


class ProgressLine:
    """One line on stderr saying how far a batch is, rewritten in place
    (at most every ``EVERY`` seconds: a fast batch writes thousands of
    records a second), and erased at the end for the summary line."""

    EVERY = 0.25

    def __init__(self) -> None:
        self._shown = 0.0
        self._width = 0

    def __call__(self, summary: Summary) -> None:
        now = time.monotonic()
        if now - self._shown >= self.EVERY:
            self._shown = now
            self._show(self.text(summary))

    @staticmethod
    def text(summary: Summary) -> str:
        if not summary.written and summary.looked:
            return f"first look: {summary.looked} capture{'s' * (summary.looked != 1)} read for site templates"
        return summary.progress()

    def close(self) -> None:
        if self._width:
            self._show("")

    def _show(self, text: str) -> None:
        # Padding, not a terminal control code: the rest of a longer line is blanked out.
        click.echo("\r" + text.ljust(self._width) + ("\r" if not text else ""), err=True, nl=False)
        self._width = len(text)


def _interactive(output: Path | None) -> bool:
    """A progress line helps on a terminal, unless the records go to that same terminal."""
    return sys.stderr.isatty() and (output is not None or not sys.stdout.isatty())


def _listed(listing: BinaryIO) -> list[str]:
    """The sources a list names, one a line: blank lines and "#" comments
    skipped (a list that is not UTF-8 text: one line, exit 4)."""
    data = listing.read()
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Notepad's) is no part of the first source
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        fail(DecodeError(f"--sources-from {getattr(listing, 'name', '<stdin>')}: line {line} is not UTF-8 text"))
    sources = (line.strip() for line in text.split("\n"))  # (strip: a "\r" of Windows line ends too)
    return [source for source in sources if source and not source.startswith("#")]


def _cluster_client(address: str) -> "Client":
    """A dask.distributed client of the scheduler at ``address`` (one line and exit 2 or 7 if none)."""
    try:
        from distributed import Client, comm
    except ImportError:
        raise click.UsageError("--scheduler needs dask.distributed: pip install 'boilerstrip[dask]'") from None
    try:
        # Parsed before connecting: inside Client a bad port shows only once the
        # connection is tried, and a busy machine's timeout can win that race.
        comm.resolve_address(address)
        return Client(address, timeout=CONNECT_TIMEOUT)
    except ValueError as exc:  # no address ("notanaddress": no port; no scheme dask knows): the user's to mend
        raise click.BadParameter(f"{address!r} is not a scheduler address: {exc}", param_hint="'--scheduler'") from None
    except (OSError, TimeoutError) as exc:  # refused, timed out, a host name that does not resolve
        fail(NetworkError(f"cannot reach the dask scheduler at {address}: {exc}"))


def _run(
    inputs: tuple[str, ...], output: Path | None, jobs: int, no_resume: bool, retry_errors: bool,
    executor: "Executor | None", site_evidence: bool, watch: ProgressLine | None, fetcher: "Fetcher | None",
) -> None:
    done: set[str] = set()
    try:
        if output is not None and not no_resume:
            done = resume_from(output, inputs, retry_errors)
        output_file = open_output(output, start_over=no_resume) if output else None
    except OSError as exc:  # a missing folder, no permission: one line, not a traceback
        fail(InputError(f"cannot write {output}: {exc.strerror or exc}"))
    try:
        try:
            summary = run_batch(
                inputs, output_file or sys.stdout, done=done, jobs=jobs, executor=executor,
                site_evidence=site_evidence, watch=watch, fetcher=fetcher,
            )
        finally:
            if watch is not None:
                watch.close()
            if output_file is not None:
                output_file.close()
    except InputError as error:  # -o FILE refused a line (a full disk): one line, not a traceback
        fail(error)
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(EXIT_PARTIAL)
