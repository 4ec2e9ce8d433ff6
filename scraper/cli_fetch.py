"""The fetch options, one set for every command that fetches (``url``,
``batch``, ``fixtures record``), and the Fetcher built from them.

A command decorated with ``@fetch_options`` receives them as one
``fetch: FetchOptions`` argument and calls ``build_fetcher(fetch)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

import click

from .cli_exit import fail
from .errors import ScrapeError
from .fetch import Fetcher
from .fetch_settings import DEFAULT_RETRIES, seconds_problem

# ``--cache`` given without a path: the default file under the user's cache dir.
DEFAULT_CACHE_FLAG = "default"


class Seconds(click.ParamType):
    """A number of seconds: finite, at most a day, over 0 (``positive``) or at least 0."""

    name = "seconds"

    def __init__(self, positive: bool) -> None:
        self.positive = positive

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        problem = seconds_problem(value, self.positive)
        if problem is not None:
            self.fail(problem, param, ctx)
        return float(value)


TIMEOUT = Seconds(positive=True)
DELAY = Seconds(positive=False)


@dataclass(frozen=True)
class FetchOptions:
    """The fetch options as given (``cache``: a path, DEFAULT_CACHE_FLAG or None)."""

    timeout: float | None
    retries: int
    user_agent: str | None
    ignore_robots: bool
    cache: str | None
    delay: float
    no_refresh: bool

    def sources_after_cache(self, sources: tuple[str, ...]) -> tuple[FetchOptions, tuple[str, ...]]:
        """'--cache URL': click took the URL as the cache path; it was meant as
        the flag alone followed by a URL, the first of ``sources``."""
        if self.cache and "://" in self.cache:
            return replace(self, cache=DEFAULT_CACHE_FLAG), (self.cache, *sources)
        return self, sources


_OPTIONS = (
    click.option("--timeout", type=TIMEOUT, default=None,
                 help="Connect and read timeout in seconds [default: 10 connect, 30 read]."),
    click.option("--retries", type=click.IntRange(min=0), default=DEFAULT_RETRIES, show_default=True,
                 help="Retries on connection errors, 429 and 5xx."),
    click.option("--user-agent", help="User-Agent header [default: boilerstrip/<version>]."),
    click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (nor its Crawl-delay)."),
    click.option("--cache", is_flag=False, flag_value=DEFAULT_CACHE_FLAG, default=None, metavar="[PATH]",
                 help="Cache responses in an SQLite file (default path under the user's cache directory;"
                      " '.sqlite' added to a PATH without an extension)."),
    click.option("--delay", type=DELAY, default=0.0, show_default=True,
                 help="Seconds between two requests to the same host."),
    click.option("--no-refresh", is_flag=True, help="Do not follow a page's <meta http-equiv=refresh> redirect."),
)
_NAMES = tuple(f.name for f in fields(FetchOptions))


def fetch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the fetch options to a click command; it gets them as ``fetch: FetchOptions``."""

    @functools.wraps(command)
    def with_options(*args: Any, **kwargs: Any) -> Any:
        given = FetchOptions(**{name: kwargs.pop(name) for name in _NAMES})
        return command(*args, fetch=given, **kwargs)

    for option in reversed(_OPTIONS):  # last first, as stacked decorators apply: --help lists them in order
        with_options = option(with_options)
    return with_options


def build_fetcher(options: FetchOptions) -> Fetcher:
    """The Fetcher the options ask for (one line and exit 3 if its cache cannot be opened)."""
    try:
        return Fetcher(
            timeout=options.timeout,
            retries=options.retries,
            user_agent=options.user_agent,
            ignore_robots=options.ignore_robots,
            cache=True if options.cache == DEFAULT_CACHE_FLAG else options.cache,
            delay=options.delay,
            follow_refresh=not options.no_refresh,
        )
    except ScrapeError as error:
        fail(error)
