"""boilerstrip: scrape web pages and clean raw captures into article JSON.

Public API::

    import scraper
    article = scraper.clean_text(open("page.txt").read())
    article = scraper.clean_html(html_bytes, url="https://example.com/a")
    article = scraper.clean_capture(data)          # HTML or text, detected
    article = scraper.scrape("https://example.com/a")
    article.to_dict(); article.to_json(pretty=True)

Names load on first use (PEP 562): ``cleaners`` imports ``scraper.document``,
and an eager import of the API here would import ``cleaners`` back before
it is ready (``import cleaners`` first would fail). It also keeps
``import scraper`` cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ScrapeError
from .version import package_version

if TYPE_CHECKING:
    from .api import clean_capture, clean_file, clean_html, clean_text, scrape
    from .article import Article, Removal, validate
    from .capture import Capture

_LAZY = {
    "clean_capture": "api",
    "clean_file": "api",
    "clean_html": "api",
    "clean_text": "api",
    "scrape": "api",
    "Article": "article",
    "Removal": "article",
    "validate": "article",
    "Capture": "capture",
}

__version__ = package_version()
__all__ = ["ScrapeError", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'scraper' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))
