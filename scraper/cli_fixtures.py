"""``scrape fixtures``: record, add, check and bless saved-page regressions.

Thin wrapper over :mod:`scraper.fixtures`; every command takes ``--dir`` so
users keep fixtures in their own repositories. ``check`` exits 1 on drift
(ChecksFailed); 3 (InputError) on a bad or unknown fixture name, and when a
fixture could not be checked or blessed (its files missing or unreadable):
then its drift, if any, is not the whole story.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from . import fixtures
from .cli_fetch import FetchOptions, build_fetcher, fetch_options
from .errors import ChecksFailed, InputError, ScrapeError

DEFAULT_DIR = "fixtures"


def dir_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--dir PATH``, shared by every fixtures command."""
    return click.option(
        "--dir",
        "directory",
        default=DEFAULT_DIR,
        show_default=True,
        type=click.Path(file_okay=False),
        help="Folder holding the fixtures.",
    )(func)


def _fail(error: ScrapeError) -> None:
    from .cli import fail  # imported late: cli.py imports this module to register the group

    fail(error)


@click.group("fixtures")
def fixtures_group() -> None:
    """Saved-page regression fixtures: record, add, check, bless."""


@fixtures_group.command("record")
@click.argument("url")
@click.argument("name")
@dir_option
@click.option("--note", help="Free note stored in meta.json.")
@fetch_options
def record_command(url: str, name: str, directory: str, note: str | None, fetch: FetchOptions) -> None:
    """Fetch URL (politely, as 'scrape url' does) and save it as fixture NAME.

    The capture is stored untouched with its fetch metadata; expected.json is
    the article cleaned from it now.
    """
    try:
        with build_fetcher(fetch) as fetcher:
            result = fixtures.record(url, name, directory, fetcher=fetcher, note=note)
    except ScrapeError as error:
        _fail(error)
    _created("recorded", result, directory)


@fixtures_group.command("add")
@click.argument("path")
@click.argument("name")
@dir_option
@click.option("--url", help="The page's URL (recorded in meta.json, used when cleaning).")
@click.option("--content-type", help="The content type the capture was served with.")
@click.option("--note", help="Free note stored in meta.json.")
def add_command(
    path: str, name: str, directory: str, url: str | None, content_type: str | None, note: str | None
) -> None:
    """Save the capture file at PATH as fixture NAME.

    The bytes are copied untouched; expected.json is the article cleaned from
    them now.
    """
    try:
        result = fixtures.add(path, name, directory, url=url, content_type=content_type, note=note)
    except ScrapeError as error:
        _fail(error)
    _created("added", result, directory)


def _created(verb: str, result: fixtures.FixtureResult, directory: str) -> None:
    """'added NAME in DIR', and what expected.json holds when it is an error
    (a binary or empty capture): else the user learns it only from the file."""
    line = f"{verb} {result.name} in {directory}"
    if result.expected is not None and "error" in result.expected:
        got = fixtures.outcome(fixtures.load(directory, result.name))
        if isinstance(got, ScrapeError):
            line += f" (expected: error {got.kind}: {got.message})"
    click.echo(line)


@fixtures_group.command("check")
@click.argument("names", nargs=-1)
@dir_option
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Also write an HTML report here.")
def check_command(names: tuple[str, ...], directory: str, report_path: str | None) -> None:
    """Re-clean the captures and compare with expected.json.

    Checks every fixture, or only the NAMEs. Prints the changed fields and a
    paragraph diff per changed fixture, then 'N passed, M changed'; exits 1 on
    any drift, 3 when a fixture could not be checked (its files unreadable).
    """
    try:
        results = fixtures.check(directory, names or None)
    except ScrapeError as error:
        _fail(error)
    for result in results:
        if not result.passed:
            click.echo(result.describe())
            click.echo()
    if report_path:
        from .report import write_report

        try:
            write_report(results, report_path, title=f"Fixtures check: {directory}")
        except OSError as exc:
            _fail(InputError(f"cannot write the report {report_path}: {exc.strerror or exc}"))
        click.echo(f"report: {report_path}")
    click.echo(fixtures.summary(results))
    broken = sum(r.status == fixtures.ERROR for r in results)
    if broken:
        _fail(InputError(f"{broken} fixture(s) could not be checked"))
    if not all(r.passed for r in results):
        _fail(ChecksFailed(f"{sum(not r.passed for r in results)} fixture(s) did not pass"))


@fixtures_group.command("bless")
@click.argument("names", nargs=-1)
@dir_option
def bless_command(names: tuple[str, ...], directory: str) -> None:
    """Accept the current output as expected.json.

    For every fixture, or only the NAMEs; review the result with git diff.
    Exits 3 when a fixture could not be blessed (its files unreadable).
    """
    try:
        results = fixtures.bless(directory, names or None)
    except ScrapeError as error:
        _fail(error)
    stuck = [r for r in results if r.actual is None]
    blessed = [r for r in results if r.actual is not None and not r.passed]
    for result in results:
        if result.actual is None:
            click.echo(f"cannot bless {result.name}: {result.message}")
        elif not result.passed:
            click.echo(f"blessed {result.name} ({', '.join(result.fields) or result.message})")
    unchanged = len(results) - len(stuck) - len(blessed)
    click.echo(f"{len(blessed)} blessed, {unchanged} unchanged, {len(stuck)} could not be blessed")
    if stuck:
        _fail(InputError(f"{len(stuck)} fixture(s) could not be blessed"))
