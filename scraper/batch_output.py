"""A batch's JSONL output file: what it already holds (resume), the error
records a retry drops, and writing to it.

Only a regular file is read back: a device, a FIFO or a terminal is written
to and never read or truncated (``/dev/full`` reads zeros forever, a pipe
cannot be read back), so it gives no resume. A line that cannot be written
(a full disk) stops the batch with one line naming the file.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .sources import expand, source_of


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


def resume_from(output: Path, inputs: Iterable[str], retry_errors: bool = False) -> set[str]:
    """The sources a batch of ``inputs`` resumed into ``output`` skips: those it holds.

    With ``retry_errors`` the failed ones are cleaned again, so their error
    records are dropped from ``output`` first: each source ends with one
    line, and a retry cut short resumes like any run. Only the error
    records of this batch's sources go (a source of another batch keeps
    its own), and those an article written after them superseded.
    """
    ok, failed = done_sources(output)
    if not retry_errors:
        return ok | failed
    if failed:
        drop_errors(output, failed & (ok | {source_of(item) for item in expand(inputs)}))
    return ok


def drop_errors(output: Path, sources: set[str]) -> None:
    """Rewrite ``output`` without the error records of ``sources``, atomically:
    a file beside it takes its place once whole, so an interrupt leaves the
    old file or the new one, never half of it."""
    if not sources:
        return
    target = output.resolve()  # a link's file is replaced, not the link
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as kept, target.open("rb") as lines:
            for line in lines:
                record = _record(line)
                if record is None or "error" not in record or str(record.get("source", "")) not in sources:
                    kept.write(line)
            kept.flush()
            os.fsync(kept.fileno())
        shutil.copymode(target, temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
