"""``scrape batch``: many captures to one JSONL file, resumable."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from .batch import default_jobs, done_sources, run_batch
from .cli import fail
from .errors import InputError, NetworkError

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from distributed import Client

# Exit code when the batch finished but some sources became error records.
EXIT_PARTIAL = 12
# Seconds to wait for a dask scheduler to answer.
CONNECT_TIMEOUT = 10


@click.command("batch")
@click.argument("inputs", nargs=-1)
@click.option(
    "--sources-from", "sources_from", type=click.File("r", encoding="utf-8"), metavar="FILE",
    help="Also clean the sources listed in FILE, one a line ('-': stdin; blank lines and # comments skipped).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="JSONL file to append to (default: stdout).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs, show_default="all cores", help="Worker processes for captures on disk.")
@click.option("--no-resume", is_flag=True, help="Clean every source again even if OUTPUT already has it.")
@click.option("--retry-errors", is_flag=True, help="On resume, clean again the sources that failed last time.")
@click.option(
    "--scheduler", metavar="ADDRESS",
    help="Clean on a dask.distributed cluster (tcp://host:8786) instead of local processes; needs the 'dask' extra.",
)
@click.option(
    "--no-site-evidence", is_flag=True,
    help="Clean each page alone: do not first read the captures for the lines most pages of a site repeat.",
)
def batch_command(
    inputs: tuple[str, ...], sources_from: TextIO | None, output: Path | None, jobs: int, no_resume: bool,
    retry_errors: bool, scheduler: str | None, no_site_evidence: bool,
) -> None:
    """Clean INPUTS (files, folders, WARC files, URLs) into one JSONL record each.

    Captures are read twice: first for each site's template (lines on most
    of its pages), dropped when its pages are cleaned (URLs are fetched
    once, the first of a site kept until cleaned). Failures are written
    as error records; with -o, a re-run skips what is already there and
    resumes. Exits 12 when some records are errors.
    """
    if sources_from is not None:
        inputs += tuple(_listed(sources_from))
    if not inputs:
        raise click.UsageError("no sources: give INPUTS or --sources-from FILE")
    client = _cluster_client(scheduler) if scheduler else None
    try:
        executor = client.get_executor() if client else None
        _run(inputs, output, jobs, no_resume, retry_errors, executor, not no_site_evidence)
    finally:
        if client is not None:
            client.close()


def _listed(lines: Iterable[str]) -> Iterator[str]:
    """The sources a list names, one a line: blank lines and "#" comments skipped."""
    for line in lines:
        source = line.strip()
        if source and not source.startswith("#"):
            yield source


def _cluster_client(address: str) -> "Client":
    """A dask.distributed client of the scheduler at ``address`` (one line and exit 2 or 7 if none)."""
    try:
        from distributed import Client
    except ImportError:
        raise click.UsageError("--scheduler needs dask.distributed: pip install 'boilerstrip[dask]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:  # refused, timed out, not an address
        fail(NetworkError(f"cannot reach the dask scheduler at {address}: {exc}"))


def _run(
    inputs: tuple[str, ...], output: Path | None, jobs: int, no_resume: bool, retry_errors: bool,
    executor: "Executor | None", site_evidence: bool,
) -> None:
    done: set[str] = set()
    try:
        if output is not None and not no_resume:
            ok, failed = done_sources(output)
            done = ok if retry_errors else ok | failed
        handle = output.open("a" if not no_resume else "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:  # a missing folder, no permission: one line, not a traceback
        fail(InputError(f"cannot write {output}: {exc.strerror or exc}"))
    try:
        summary = run_batch(inputs, handle, done=done, jobs=jobs, executor=executor, site_evidence=site_evidence)
    finally:
        if output:
            handle.close()
    click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(EXIT_PARTIAL)
