"""The Fetcher's settings: their defaults and the one check of a number of seconds.

Kept apart from ``fetch.py`` so the command line (``cli_fetch.py``) and the
library check a timeout or a delay the same way: a Fetcher built from Python
with ``timeout=-5`` fails at once with the same sentence ``--timeout -5``
gives, not deep inside urllib3 on the first request.
"""

from __future__ import annotations

import math

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
# First backoff wait in seconds; doubles per attempt, with ±50 % jitter.
DEFAULT_BACKOFF = 0.5
MAX_BACKOFF = 30.0
# A server asking us (Retry-After) to wait longer than this is not waited for
# longer; the wait is cut to this.
DEFAULT_MAX_RETRY_AFTER = 60.0
DEFAULT_MAX_REDIRECTS = 10
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Longer waits overflow the platform's time type (socket timeouts, sleeps:
# about 9.2e9 s); a day is past any wait a polite crawl means.
MAX_SECONDS = 24 * 60 * 60


def seconds_problem(value: object, positive: bool) -> str | None:
    """What is wrong with ``value`` as a number of seconds (finite, at most a
    day, over 0 when ``positive``, else at least 0), or None when nothing is."""
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"{value!r} is not a number of seconds"
    low_ok = seconds > 0 if positive else seconds >= 0
    if math.isfinite(seconds) and low_ok and seconds <= MAX_SECONDS:  # (nan fails every comparison)
        return None
    low = "over 0" if positive else "from 0"
    return f"{value} is not a number of seconds {low} up to {MAX_SECONDS} (a day)"


def check_settings(seconds: dict[str, tuple[float, bool]], counts: dict[str, int]) -> None:
    """ValueError naming the first setting out of range: ``seconds`` maps a name
    to (value, must be over 0); ``counts`` to a whole number that may be 0."""
    for name, (value, positive) in seconds.items():
        problem = seconds_problem(value, positive)
        if problem is not None:
            raise ValueError(f"{name}: {problem}")
    for name, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{name}: {count!r} is not a whole number from 0")
