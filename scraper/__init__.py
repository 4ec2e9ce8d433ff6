"""boilerstrip: scrape web pages and clean raw captures into article JSON.

Public API::

    import scraper
    article = scraper.clean_text(open("page.txt").read())
    article = scraper.clean_html(html_bytes, url="https://example.com/a")
    article = scraper.clean_capture(data)          # HTML or text, detected
    article.to_dict(); article.to_json(pretty=True)
"""

from .api import clean_capture, clean_file, clean_html, clean_text, scrape
from .article import Article, Removal, validate
from .capture import Capture
from .errors import ScrapeError
from .version import package_version

__version__ = package_version()
__all__ = [
    "Article",
    "Capture",
    "Removal",
    "ScrapeError",
    "clean_capture",
    "clean_file",
    "clean_html",
    "clean_text",
    "scrape",
    "validate",
]
