"""The ``scrape`` command: parse options, call the library, print the article.

Thin on purpose: everything here is a library call a job can make too. Any
``ScrapeError`` becomes one line on stderr and its documented exit code
(scraper/errors.py, README "Exit codes"); never a traceback. So do usage
mistakes, interrupts and output that cannot be written (``cli_exit.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from .api import clean_capture
from .article import Article
from .capture import Capture
from .cli_exit import ScrapeGroup, fail
from .errors import ScrapeError
from .version import package_version

# fail() lives in cli_exit.py with the other ways a command ends; the commands import it from here.
__all__ = ["FORMATS", "fail", "main", "output_options", "render"]

FORMATS = ("json", "jsonl", "markdown", "text")


def render(article: Article, fmt: str, pretty: bool = False) -> str:
    """The article in one of ``FORMATS`` (json pretty-printed on request)."""
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "text":
        return article.to_text()
    return article.to_json(pretty=pretty and fmt == "json") + "\n"


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``--pretty``, shared by every command that prints articles."""
    func = click.option("--pretty", is_flag=True, help="Indent JSON output.")(func)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="Output format."
    )(func)


@click.group(cls=ScrapeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_version(), prog_name="boilerstrip")
def main() -> None:
    """Scrape web pages and clean raw captures into article JSON."""


@main.command("file")
@click.argument("path")
@click.option("--capture", "kind", type=click.Choice(["html", "text"]), help="Force the capture kind (default: detect).")
@click.option("--url", help="The page's URL, recorded in the article (a text capture's slug also names its headline).")
@click.option("--fast", is_flag=True, help="HTML: our own main-content extraction (about trafilatura's speed).")
@output_options
def file_command(path: str, kind: str | None, url: str | None, fast: bool, fmt: str, pretty: bool) -> None:
    """Clean a saved capture (HTML or text) at PATH; '-' reads stdin."""
    try:
        if path == "-":
            capture = Capture(data=sys.stdin.buffer.read(), source="<stdin>", url=url)
        else:
            capture = Capture.from_path(path, url=url)
        article = clean_capture(capture, capture=kind, fast=fast)
    except ScrapeError as error:
        fail(error)
    click.echo(render(article, fmt, pretty), nl=False)


from .cli_fixtures import fixtures_group  # noqa: E402  (registered last: it uses fail() from here)

main.add_command(fixtures_group)


from .cli_batch import batch_command  # noqa: E402  (registered after main exists; it uses fail() from here)

main.add_command(batch_command)


from .cli_url import url_command  # noqa: E402  (registered after main exists)

main.add_command(url_command)
