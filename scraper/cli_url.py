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
from .errors import ScrapeError
from .fetch import DEFAULT_RETRIES, Fetcher

# ``--cache`` given without a path: the default file under the user's cache dir.
DEFAULT_CACHE_FLAG = "default"


@click.command("url")
@click.argument("urls", nargs=-1)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Connect and read timeout in seconds [default: 10 connect, 30 read].")
@click.option("--retries", type=click.IntRange(min=0), default=DEFAULT_RETRIES, show_default=True,
              help="Retries on connection errors, 429 and 5xx.")
@click.option("--user-agent", help="User-Agent header [default: boilerstrip/<version>].")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (nor its Crawl-delay).")
@click.option("--cache", "cache", is_flag=False, flag_value=DEFAULT_CACHE_FLAG, default=None, metavar="[PATH]",
              help="Cache responses in an SQLite file (default path under the user's cache directory).")
@click.option("--delay", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--no-refresh", is_flag=True, help="Do not follow a page's <meta http-equiv=refresh> redirect.")
@click.option("--fast", is_flag=True, help="HTML: our own main-content extraction (about trafilatura's speed).")
@output_options
def url_command(
    urls: tuple[str, ...],
    timeout: float | None,
    retries: int,
    user_agent: str | None,
    ignore_robots: bool,
    cache: str | None,
    delay: float,
    no_refresh: bool,
    fast: bool,
    fmt: str,
    pretty: bool,
) -> None:
    """Fetch each URL (http, https, file://) and print its article."""
    if cache and "://" in cache:
        # "--cache URL": click took the URL as the cache path; it was meant as
        # the flag alone followed by a URL
        urls, cache = (cache, *urls), DEFAULT_CACHE_FLAG
    if not urls:
        raise click.UsageError("give at least one URL")
    fetcher = Fetcher(
        timeout=timeout,
        retries=retries,
        user_agent=user_agent,
        ignore_robots=ignore_robots,
        cache=True if cache == DEFAULT_CACHE_FLAG else cache,
        delay=delay,
        follow_refresh=not no_refresh,
    )
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
