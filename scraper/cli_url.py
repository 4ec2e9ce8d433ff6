"""``scrape url``: fetch pages politely and print their articles.

Several URLs share one Fetcher (one session, robots cache, per-host delay).
A failing URL never costs the others: its error goes to stderr as one line
(and, in jsonl, an error record on stdout in its place), and the command ends
with the exit code of the first failure (scraper/errors.py).
"""

from __future__ import annotations

import json
import sys

import click

from .api import clean_capture
from .cli import output_options, render
from .cli_fetch import FetchOptions, build_fetcher, fetch_options
from .errors import ScrapeError


@click.command("url")
@click.argument("urls", nargs=-1)
@fetch_options
@click.option("--fast", is_flag=True, help="HTML: our own main-content extraction (about trafilatura's speed).")
@output_options
def url_command(urls: tuple[str, ...], fetch: FetchOptions, fast: bool, fmt: str, pretty: bool) -> None:
    """Fetch each URL (http, https, file://) and print its article."""
    fetch, urls = fetch.sources_after_cache(urls)
    if not urls:
        raise click.UsageError("give at least one URL")
    fetcher = build_fetcher(fetch)
    first_failure: ScrapeError | None = None
    with fetcher:
        for url in urls:
            try:
                article = clean_capture(fetcher.fetch(url), fast=fast)
            except ScrapeError as error:
                first_failure = first_failure or error
                click.echo(f"error: {url}: {error.message}" if len(urls) > 1 else f"error: {error.message}", err=True)
                if fmt == "jsonl":
                    click.echo(json.dumps({**error.to_dict(), "url": url}, ensure_ascii=False))
                continue
            click.echo(render(article, fmt, pretty), nl=False)
    if first_failure is not None:
        sys.exit(first_failure.exit_code)
