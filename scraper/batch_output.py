"""A batch's JSONL output file: what it already holds (resume), and writing to it.

Only a regular file is read back: a device, a FIFO or a terminal is written
to and never read or truncated (``/dev/full`` reads zeros forever, a pipe
cannot be read back), so it gives no resume. A line that cannot be written
(a full disk) stops the batch with one line naming the file.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from .errors import InputError


def resumable(output: Path) -> bool:
    """``output`` is a regular file (or a link to one): it can be read back and truncated."""
    try:
        return stat.S_ISREG(output.stat().st_mode)
    except FileNotFoundError:
        return False


def done_sources(output: Path) -> tuple[set[str], set[str]]:
    """Sources already written to ``output``: (succeeded, failed); none where it is no regular file.

    A last line cut short by an interrupt is removed, so appending resumes
    on a clean line boundary. The file is read a line at a time: it may be
    bigger than memory.
    """
    ok: set[str] = set()
    failed: set[str] = set()
    if not resumable(output):
        return ok, failed
    with output.open("rb+") as handle:
        end = 0
        for line in handle:
            if not line.endswith(b"\n"):
                handle.truncate(end)
                break
            end += len(line)
            record = _record(line)
            if record is not None:
                (failed if "error" in record else ok).add(str(record.get("source", "")))
    return ok, failed


def _record(line: bytes) -> dict[str, Any] | None:
    """The record a line holds (None: no JSON object, a line some other program wrote)."""
    try:
        record = json.loads(line.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None


def open_output(output: Path, start_over: bool) -> "OutputFile":
    """``output`` opened to append to, or (``start_over``) emptied first; a
    device, FIFO or terminal is only ever appended to."""
    handle = output.open("w" if start_over and resumable(output) else "a", encoding="utf-8")
    return OutputFile(output, handle)


class OutputFile:
    """A batch's ``-o`` file: a write it refuses (a full disk, a closed pipe)
    is an InputError naming the file, one line on the CLI, not a traceback."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self.handle = handle
        self.refused = False

    def write(self, text: str) -> None:
        with self._guard():
            self.handle.write(text)

    def flush(self) -> None:
        with self._guard():
            self.handle.flush()

    def close(self) -> None:
        if self.refused:  # the lines it still buffers are refused again: that has been said
            with suppress(OSError):
                self.handle.close()
            return
        with self._guard():
            self.handle.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            self.refused = True
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
