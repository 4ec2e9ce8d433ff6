"""Error types of boilerstrip and the exit code each one maps to on the CLI.

Every failure a user can cause (bad path, bad bytes, a server saying no) is one
of these, so the CLI prints ``error: <message>`` on one line and exits with the
code below, and a batch job can write an error record instead of crashing.

=====  ==========================  =============================================
code   exception                   meaning
=====  ==========================  =============================================
0                                  success
1      ChecksFailed                ``fixtures check`` found drift
1      InternalError               a bug of ours on one page (batch record)
1      WorkerLost                  a pool lost the job: a worker killed, a
                                   cluster that cannot run it (batch record)
2      (click usage error)         bad command-line options (one line, cli_exit.py)
3      InputError                  file missing or unreadable, bad fixture name,
                                   a fixture check/bless cannot read
4      DecodeError                 bytes that decode to no text
5      EmptyInput                  the capture is empty or only white space
6      NoArticleError              nothing article-like was found
7      NetworkError                no connection after retries, or no scheduler
8      HTTPStatusError             the server answered with an error status
9      RobotsDisallowed            robots.txt forbids fetching the URL
10     UnsupportedContentType      not HTML, XHTML or plain text
11     TooLarge                    body over the size cap
130    (KeyboardInterrupt)         Ctrl-C (128 + SIGINT, cli_exit.py)
141    (BrokenPipeError)           the output's reader went away, no message
143    (cli_exit.Terminated)       SIGTERM, unwound like Ctrl-C
=====  ==========================  =============================================

A write to the output that fails otherwise (a full disk) is an InputError.
"""

from __future__ import annotations


class ScrapeError(Exception):
    """Base class: a failure with a one-line message and a CLI exit code."""

    exit_code: int = 1
    kind: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, object]:
        """The error as a JSON-able record (used for batch error lines)."""
        return {"error": self.kind, "message": self.message, "exit_code": self.exit_code}


class ChecksFailed(ScrapeError):
    exit_code = 1
    kind = "checks_failed"


class InternalError(ScrapeError):
    """An unexpected exception while cleaning one page: a batch records it
    (with the exception's type) and goes on with the other pages."""

    exit_code = 1
    kind = "internal"


class WorkerLost(ScrapeError):
    """A pool could not return the page's result (a worker killed, out of
    memory; a cluster missing a module). ``--retry-errors`` cleans it again."""

    exit_code = 1
    kind = "worker"


class InputError(ScrapeError):
    exit_code = 3
    kind = "input"


class DecodeError(ScrapeError):
    exit_code = 4
    kind = "decode"


class EmptyInput(ScrapeError):
    exit_code = 5
    kind = "empty"


class NoArticleError(ScrapeError):
    exit_code = 6
    kind = "no_article"


class NetworkError(ScrapeError):
    exit_code = 7
    kind = "network"


class HTTPStatusError(ScrapeError):
    exit_code = 8
    kind = "http_status"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        # Sent to worker processes as a batch's error job: rebuilt from both arguments.
        return type(self), (self.message, self.status)


class RobotsDisallowed(ScrapeError):
    exit_code = 9
    kind = "robots"


class UnsupportedContentType(ScrapeError):
    exit_code = 10
    kind = "content_type"


class TooLarge(ScrapeError):
    exit_code = 11
    kind = "too_large"
