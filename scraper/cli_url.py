"""``scrape url``: fetch pages politely and print their articles.

Several URLs share one Fetcher (one session, robots cache, per-host delay).
A failing URL never costs the others: its error goes to stderr as one line
(and, in jsonl, an error record on stdout in its place), and the command ends
with the exit code of the first failure (scraper/errors.py). Several
articles in json are one JSON array.
"""

from __future__ import annotations

import json
import sys

import click

from .api import clean_capture
from .article import Article
from .cli import output_options, render
from .cli_fetch import FetchOptions, build_fetcher, fetch_options
from .errors import ScrapeError


@click.command("url")
@click.argument("urls", nargs=-1)
@fetch_options
@click.option("--fast", is_flag=True, help="HTML: our own main-content extraction (about trafilatura's speed).")
@output_options
def url_command(urls: tuple[str, ...], fetch: FetchOptions, fast: bool, fmt: str, pretty: bool) -> None:
    """Fetch each URL (http, https, file://) and print its article.

    With several URLs, json output is one JSON array of the articles.
    """
    fetch, urls = fetch.sources_after_cache(urls)
    if not urls:
        raise click.UsageError("give at least one URL")
    first_failure: ScrapeError | None = None
    out = Articles(fmt, pretty, several=len(urls) > 1)
    with build_fetcher(fetch) as fetcher:
        for url in urls:
            try:
                out.article(clean_capture(fetcher.fetch(url), fast=fast))
            except ScrapeError as error:
                first_failure = first_failure or error
                out.error(url, error)
    out.close()
    if first_failure is not None:
        sys.exit(first_failure.exit_code)


class Articles:
    """Prints the articles as they come. Several in json are one JSON array,
    streamed (``[``, the articles a line each, ``,`` between, ``]``): objects
    back to back are no JSON document. jsonl puts an error record in a
    failed URL's place; every format names the URL in the stderr line."""

    def __init__(self, fmt: str, pretty: bool, several: bool) -> None:
        self.fmt, self.pretty, self.several = fmt, pretty, several
        self.array = several and fmt == "json"
        self.count = 0

    def article(self, article: Article) -> None:
        if self.array:
            click.echo(("[" if not self.count else ",") + "\n" + article.to_json(pretty=self.pretty), nl=False)
        else:
            click.echo(render(article, self.fmt, self.pretty), nl=False)
        self.count += 1

    def error(self, url: str, error: ScrapeError) -> None:
        click.echo(f"error: {url}: {error.message}" if self.several else f"error: {error.message}", err=True)
        if self.fmt == "jsonl":
            click.echo(json.dumps({**error.to_dict(), "url": url}, ensure_ascii=False))

    def close(self) -> None:
        if self.array:
            click.echo("\n]" if self.count else "[]")
