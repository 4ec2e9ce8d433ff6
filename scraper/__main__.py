"""``python -m scraper`` is the ``scrape`` command."""

from .cli import main

main()
