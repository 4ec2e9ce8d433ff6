"""The Fetcher's optional HTTP cache: an SQLite file (requests-cache) that
honours the server's Cache-Control, and what its file is called.

The cache file is the user's (``--cache PATH``): one that is not SQLite, or
cannot be created or written, is an InputError naming it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import requests

from .errors import InputError
from .version import NAME

# Responses without caching headers stay in the HTTP cache this long.
DEFAULT_CACHE_EXPIRE = timedelta(days=1)
CACHE_FILE = "http-cache.sqlite"
# What can go wrong with the file: not an SQLite file, a folder that cannot be made, a full disk.
CACHE_ERRORS = (OSError, sqlite3.Error)


def default_cache_path() -> Path:
    """The HTTP cache file under the user's cache directory."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(NAME)) / CACHE_FILE


def cache_file(cache: str | Path | bool) -> Path:
    """The file a ``cache`` option names: ``True`` the default one; a path
    without an extension gains ``.sqlite`` (requests-cache's own rule, applied
    here so that the Fetcher names the file that is opened)."""
    path = default_cache_path() if cache is True else Path(cache).expanduser()  # type: ignore[arg-type]
    return path if path.suffix else path.with_name(path.name + ".sqlite")


def cache_error(path: Path, exc: OSError | sqlite3.Error) -> InputError:
    """The cache file cannot be opened or written: a file of the user's, so an InputError."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return InputError(f"cannot use {path} as the HTTP cache: {reason}")


def cached_session(
    path: Path, expire: timedelta | float, keep: Callable[[requests.Response], bool]
) -> requests.Session:
    """A requests session over the SQLite cache at ``path``: GETs of 200s that ``keep`` accepts are stored."""
    import requests_cache  # loaded only when caching is asked for

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        session: requests.Session = requests_cache.CachedSession(
            str(path),
            backend="sqlite",
            cache_control=True,  # the server's Cache-Control/Expires win
            expire_after=expire,
            allowable_codes=(200,),
            allowable_methods=("GET",),
            stale_if_error=False,
            filter_fn=keep,
        )
    except CACHE_ERRORS as exc:
        raise cache_error(path, exc) from None
    return session
