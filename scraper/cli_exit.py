"""How the ``scrape`` command ends: one line on stderr and a documented exit code.

Whatever stops a command (a ScrapeError, a usage mistake, Ctrl-C, SIGTERM,
output that cannot be written) ends the same way: ``error: <message>`` on one
line and the exit code of README "Exit codes", never a traceback. Interrupts
unwind through Python (``finally`` and ``with`` blocks run: a batch's
temporary prefetch folder is removed), and their codes follow the shell's
128 + signal number convention.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any, NoReturn

import click

from .errors import InputError, ScrapeError

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130: Ctrl-C
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143: kill, a supervisor stopping us
EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE  # 141: what a shell reports for a tool a closed pipe ended
# click 8.2+ raises this for a group called with no command (8.1 printed the help and exited 0).
NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised as a kind of KeyboardInterrupt: whatever unwinds
    cleanly on Ctrl-C (our ``finally`` blocks, libraries' interrupt handling)
    unwinds the same way on SIGTERM."""


def fail(error: ScrapeError) -> NoReturn:
    """Print a ScrapeError as one line and exit with its code."""
    click.echo(f"error: {error.message}", err=True)
    sys.exit(error.exit_code)


class ScrapeGroup(click.Group):
    """The ``scrape`` group: click's parsing, our way of ending."""

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        if not standalone_mode:  # a caller that handles click's exceptions itself
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
            sys.stdout.flush()  # a full disk shows at the last flush: here, not in the interpreter's exit
        except OSError as exc:  # (--version's line, say: written before any command runs)
            _end_unwritable(exc)
        except NO_ARGS_IS_HELP as error:  # 'scrape' alone: the help it asks for, as click shows it
            error.show()
            sys.exit(error.exit_code)
        except click.ClickException as error:
            _end_usage(error)
        except click.Abort:  # click's wrapping of a Ctrl-C while it parsed the command line
            _end_interrupted(KeyboardInterrupt())
        sys.exit(code if isinstance(code, int) else 0)  # (--help and --version return 0)

    def invoke(self, ctx: click.Context) -> Any:
        interrupt: KeyboardInterrupt | None = None
        broken: OSError | None = None
        with _sigterm_raises():
            try:
                return super().invoke(ctx)
            except KeyboardInterrupt as stop:
                interrupt = stop
            except OSError as exc:  # caught here, before click's main takes a closed pipe for exit 1
                broken = exc
        # Ended outside the except blocks, so the traceback's frames are freed
        # first: a generator they held (a batch's) closes and cleans up now.
        if interrupt is not None:
            _end_interrupted(interrupt)
        assert broken is not None
        _end_unwritable(broken)


def _end_usage(error: click.ClickException) -> NoReturn:
    """click's usage errors print the usage and a hint over four lines; ours, one."""
    message = " ".join(error.format_message().split()).rstrip(".")
    hint = f" (see '{error.ctx.command_path} --help')" if isinstance(error, click.UsageError) and error.ctx else ""
    click.echo(f"error: {message}{hint}", err=True)
    sys.exit(error.exit_code)


def _end_interrupted(stop: KeyboardInterrupt) -> NoReturn:
    terminated = isinstance(stop, Terminated)
    click.echo("error: terminated (SIGTERM)" if terminated else "error: interrupted", err=True)
    sys.exit(EXIT_TERMINATED if terminated else EXIT_INTERRUPTED)


def _end_unwritable(exc: OSError) -> NoReturn:
    """An OSError no command turned into a ScrapeError: writing the output failed.

    (Every read of an input is an InputError where it happens; what is left
    is the output: stdout, a batch's -o file, a fixture's files.) A closed
    pipe (``| head -1``) ends quietly, as other command-line tools do.
    """
    if isinstance(exc, BrokenPipeError):
        _discard_stdout()
        sys.exit(EXIT_PIPE_CLOSED)
    try:
        sys.stdout.flush()
    except OSError:
        _discard_stdout()  # else the interpreter's last flush fails again, with a warning
    where = exc.filename or "the output"
    fail(InputError(f"cannot write {where}: {exc.strerror or exc}"))


def _discard_stdout() -> None:
    """Point stdout's file descriptor at /dev/null: what its buffer holds cannot be written."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (a test runner's stdout): nothing to discard
        pass


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While a command runs, SIGTERM raises Terminated in this process.

    Python's default for SIGTERM is to die at once, skipping every
    ``finally``. Worker processes forked from this one inherit the handler;
    they die as before (their pool is ended by this process's unwinding).
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    owner = os.getpid()

    def terminate(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
