"""Where a batch's captures are handled: worker processes, an executor, or here.

A batch hands its jobs out a chunk at a time (``Workers``), in input order,
each result as it is done; a pool that fails (a worker killed, a cluster
that cannot run the task) costs the items it left without a result an error
record each, not the batch (``pool_map``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from .capture import Capture
from .document import one_line
from .errors import ScrapeError, WorkerLost

# Work handed to a process pool at once: big enough to amortise pickling,
# small enough that an interrupt loses little finished work.
CHUNK_SIZE = 16


# A job for the cleaning processes: a capture path, a Capture, or the error that stands for a source.
Job = str | Capture | ScrapeError
NOWHERE: Mapping[str, str] = MappingProxyType({})


class Entry(NamedTuple):
    """A source and its job: a WARC record (or a WARC file's error), a URL
    fetched ahead. ``where`` goes into its error record, never to a worker:
    a WARC record's ``url`` and ``warc`` file, so that a failure named by a
    record id can be traced."""

    source: str
    job: Job
    where: Mapping[str, str] = NOWHERE


# A source: a path or URL (its own job), or an Entry.
Source = str | Entry


T = TypeVar("T")


def _read(path: str) -> Capture | ScrapeError:
    """The capture at ``path``, read here for workers that may not see this disk."""
    try:
        return Capture.from_path(path)
    except ScrapeError as error:
        return error


class Workers:
    """Where a batch's captures are handled, a chunk at a time: ``jobs``
    processes of our own, the caller's executor (captures are then read
    here: its workers may not see this disk), or this process."""

    def __init__(self, jobs: int, executor: Executor | None) -> None:
        self.own = executor is None and jobs > 1
        self.pool = ProcessPoolExecutor(max_workers=jobs) if self.own else executor
        self.reads_here = executor is not None
        self.chunk = CHUNK_SIZE * max(1, jobs) * 4
        self.pending: list[Entry] = []

    def add(self, item: Source) -> bool:
        """Queue a capture source; True when a chunk is full."""
        entry = Entry(item, item) if isinstance(item, str) else item
        if self.reads_here and isinstance(entry.job, str):
            entry = entry._replace(job=_read(entry.job))
        self.pending.append(entry)
        return len(self.pending) >= self.chunk

    def drain(self, fn: Callable[[Any], T], lost: Callable[[BaseException], T],
              task: Callable[[Entry], Any] = lambda entry: entry.job) -> Iterator[tuple[Entry, T]]:
        """(entry, ``fn(task(entry))``) of the queued sources, in order, each as it is done."""
        pending, self.pending = self.pending, []
        items = [task(entry) for entry in pending]
        results = pool_map(self.pool, fn, items, lost) if self.pool else map(fn, items)
        yield from zip(pending, results)

    def close(self) -> None:
        if self.own and self.pool:
            self.pool.shutdown(cancel_futures=True)


def lost_record(error: BaseException) -> dict[str, Any]:
    """The error record of a job a pool failed to run (``pool_map``'s ``lost``)."""
    why = one_line(str(error))  # (a cluster's messages run over several lines)
    return WorkerLost(f"no worker could clean it: {type(error).__name__}: {why}").to_dict()


def pool_map(pool: Executor, fn: Callable[[Any], T], items: list[Any], lost: Callable[[BaseException], T]) -> Iterator[T]:
    """``fn`` of each item on ``pool``, in order. ``fn`` never raises, but a
    pool can: a worker killed (out of memory), a cluster that cannot run the
    task. Each item it leaves without a result gets ``lost(error)``."""
    done = 0
    try:
        for result in pool.map(fn, items, chunksize=CHUNK_SIZE):
            done += 1
            yield result
    except Exception as error:  # noqa: BLE001 - the pool's failure, not a page's
        yield from (lost(error) for _ in items[done:])
