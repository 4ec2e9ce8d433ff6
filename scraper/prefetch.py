"""URLs a batch fetches ahead of cleaning, for the cross-page evidence.

A site's template is learned from its pages before any of them is cleaned
(``site_evidence.py``). A capture on disk is simply read twice; a URL is
fetched once. The batch's first look fetches the pages of each site it was
given enough URLs of (``MIN_PAGES``; the first ``URL_PAGES_PER_SITE``), counts
their lines, and keeps each capture here until the cleaning pass
takes it, instead of fetching it again. Captures wait in a temporary folder,
compressed (a crawl's first pages of every site would not fit in memory);
fetch errors, a line each, wait in memory. Each is handed out once, and
the folder is removed when the batch ends.
"""

from __future__ import annotations

import gzip
import pickle
import tempfile
from pathlib import Path

from .capture import Capture
from .errors import ScrapeError

# Fast compression: HTML shrinks ~5x at level 1; higher levels cost time for little more.
COMPRESS_LEVEL = 1
# Pages of one site fetched ahead (files: MAX_PAGES_PER_SITE are read). Each
# costs a polite wait before the batch writes its first record, and a
# template shows on any dozen of a site's pages (6 of 12 make a line template).
URL_PAGES_PER_SITE = 12


class Prefetched:
    """Captures (or fetch errors) of URLs fetched ahead, each taken once.

    Use as a context manager: the temporary folder is made at the first
    capture kept and removed on exit.
    """

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._files: dict[str, Path] = {}
        self._errors: dict[str, ScrapeError] = {}

    def __enter__(self) -> "Prefetched":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __contains__(self, url: object) -> bool:
        return url in self._files or url in self._errors

    def put(self, url: str, got: Capture | ScrapeError) -> None:
        """Keep what fetching ``url`` gave until ``take(url)``."""
        if isinstance(got, ScrapeError):
            self._errors[url] = got
            return
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="boilerstrip-prefetch-")
        path = Path(self._folder.name) / f"{len(self._files)}.pickle.gz"
        with gzip.open(path, "wb", compresslevel=COMPRESS_LEVEL) as handle:
            pickle.dump(got, handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._files[url] = path

    def take(self, url: str) -> Capture | ScrapeError | None:
        """What fetching ``url`` gave, once (None: not fetched ahead, or already taken)."""
        if url in self._errors:
            return self._errors.pop(url)
        path = self._files.pop(url, None)
        if path is None:
            return None
        with gzip.open(path, "rb") as handle:
            capture: Capture = pickle.load(handle)  # our own file, written above
        path.unlink()
        return capture

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._files.clear()
        self._errors.clear()
