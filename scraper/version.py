"""Our own name and version, as recorded in every article's ``extractor``."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

NAME = "boilerstrip"


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        return version(NAME)
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def extractor_info() -> dict[str, str]:
    return {"name": NAME, "version": package_version()}
