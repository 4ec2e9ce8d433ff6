"""Saved-page fixtures: record, add, check and bless regressions.

A fixture is one folder ``<dir>/<name>/`` holding

* ``capture.html`` or ``capture.txt`` — the bytes as received, untouched;
* ``meta.json`` — ``{"url", "fetched_at", "status", "content_type", "note"}``;
* ``expected.json`` — the article's ``to_dict(volatile=False)`` (no fetch time,
  no extractor version), or ``{"error": "<kind>"}`` when the right outcome of
  cleaning the capture is a :class:`~scraper.errors.ScrapeError`.

``check`` re-cleans every capture exactly as ``clean_capture(capture,
url=meta["url"], content_type=meta["content_type"])`` and compares with
``expected.json``; ``bless`` accepts the current output. Use from pytest::

    from scraper.fixtures import check

    def test_my_fixtures():
        failed = [r for r in check("tests/fixtures") if not r.passed]
        assert not failed, "\\n\\n".join(r.describe() for r in failed)
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .api import clean_capture
from .article import Article
from .capture import Capture
from .errors import DecodeError, EmptyInput, InputError, ScrapeError
from .fixture_diff import FieldChange, RemovedChange, compare, describe_result

if TYPE_CHECKING:  # only for annotations: fetch.py pulls in requests
    from cleaners.base import Cleaner

    from .fetch import Fetcher

CAPTURE_FILES = {"html": "capture.html", "text": "capture.txt"}
META_FILE = "meta.json"
EXPECTED_FILE = "expected.json"
META_KEYS = ("url", "fetched_at", "status", "content_type", "note")
# A fixture name is one plain path component: letters, digits, '.', '_', '-',
# not starting with a dot (hidden folders are our temp dirs) and no '..'.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
# Permissions of what we create: mkstemp/mkdtemp make private 0600/0700
# entries, but fixtures are shared project files.
FILE_MODE, DIR_MODE = 0o644, 0o755
# Capture kinds by file extension, when the bytes cannot tell (binary, empty).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

PASSED, CHANGED, ERROR = "passed", "changed", "error"

__all__ = [
    "CHANGED",
    "ERROR",
    "PASSED",
    "FieldChange",
    "Fixture",
    "FixtureResult",
    "RemovedChange",
    "add",
    "bless",
    "check",
    "check_one",
    "clean_fixture",
    "fixture_names",
    "load",
    "outcome",
    "record",
    "summary",
    "validate_name",
]


@dataclass(frozen=True)
class Fixture:
    """One fixture folder as found on disk."""

    name: str
    path: Path
    capture_path: Path
    meta: dict[str, Any]

    def capture(self) -> Capture:
        """The stored capture, with the URL and content type it was received with."""
        return Capture(
            data=self.capture_path.read_bytes(), url=self.meta.get("url"), content_type=self.meta.get("content_type")
        )

    @property
    def expected_path(self) -> Path:
        return self.path / EXPECTED_FILE


@dataclass(frozen=True)
class FixtureResult:
    """The outcome of checking one fixture.

    ``status`` is ``passed``, ``changed`` (the output drifted from
    ``expected.json``) or ``error`` (the fixture could not be checked: files
    missing or unreadable, or cleaning crashed with a non-ScrapeError).
    """

    name: str
    status: str
    changes: tuple[FieldChange, ...] = ()
    diff: str = ""  # unified diff of the paragraphs, expected → actual
    removed_changes: tuple[RemovedChange, ...] = ()
    expected: dict[str, Any] | None = None
    actual: dict[str, Any] | None = None
    message: str = ""  # why an ``error`` fixture could not be checked

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def fields(self) -> list[str]:
        """Names of the fields that changed."""
        return [c.field for c in self.changes]

    def describe(self) -> str:
        """A readable report: status, changed fields, removal changes, text diff."""
        return describe_result(self)


def validate_name(name: str) -> str:
    """Return ``name`` if it is a safe fixture name, else raise InputError."""
    if not isinstance(name, str) or not NAME_PATTERN.match(name) or ".." in name:
        raise InputError(
            f"bad fixture name {name!r}: use letters, digits, '.', '_' and '-', "
            "no path separators, no '..', not starting with a dot"
        )
    return name


def _fixture_dir(directory: str | Path) -> Path:
    path = Path(directory)
    if not path.is_dir():
        raise InputError(f"no fixtures directory: {path}")
    return path


def fixture_names(directory: str | Path) -> list[str]:
    """Names of the fixtures in ``directory``, sorted (hidden folders skipped)."""
    root = _fixture_dir(directory)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _selected(directory: str | Path, names: Iterable[str] | None) -> list[str]:
    """The fixtures to work on: all of them, or the named ones (validated, deduplicated)."""
    root = _fixture_dir(directory)
    chosen = list(dict.fromkeys(validate_name(n) for n in (names or ())))
    if not chosen:
        return fixture_names(root)
    missing = [n for n in chosen if not (root / n).is_dir()]
    if missing:
        raise InputError(f"no fixture named {', '.join(missing)} in {root}")
    return chosen


def load(directory: str | Path, name: str) -> Fixture:
    """Read a fixture's capture location and meta; InputError when it is malformed.

    Messages do not repeat the fixture's name: every caller reports them under it.
    """
    path = _fixture_dir(directory) / validate_name(name)
    captures = [path / f for f in CAPTURE_FILES.values() if (path / f).is_file()]
    if len(captures) != 1:
        found = "both capture.html and capture.txt" if captures else "no capture.html or capture.txt"
        raise InputError(found)
    meta = _read_json_object(path / META_FILE, f"no {META_FILE}")
    return Fixture(name=name, path=path, capture_path=captures[0], meta=meta)


def _read_json_object(path: Path, missing: str) -> dict[str, Any]:
    """A fixture file holding one JSON object; InputError saying what is wrong."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(missing) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable {path.name}: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path.name} is not a JSON object")
    return data


def outcome(fixture: Fixture, cleaners: Sequence[Cleaner] | None = None) -> Article | ScrapeError:
    """Cleaning the fixture's capture now: the article, or the ScrapeError (with its message) it gives."""
    try:
        return clean_capture(fixture.capture(), cleaners=cleaners)
    except ScrapeError as error:
        return error


def clean_fixture(fixture: Fixture, cleaners: Sequence[Cleaner] | None = None) -> dict[str, Any]:
    """The fixture's current output: the article without volatile fields, or ``{"error": kind}``."""
    got = outcome(fixture, cleaners)
    return {"error": got.kind} if isinstance(got, ScrapeError) else got.to_dict(volatile=False)


def _read_expected(fixture: Fixture) -> dict[str, Any]:
    return _read_json_object(fixture.expected_path, f"no {EXPECTED_FILE} (run: scrape fixtures bless {fixture.name})")


def check_one(directory: str | Path, name: str, cleaners: Sequence[Cleaner] | None = None) -> FixtureResult:
    """Re-clean one fixture and compare it with its expected.json."""
    try:
        fixture = load(directory, name)
    except InputError as error:
        return FixtureResult(name, ERROR, message=error.message)
    try:
        actual = clean_fixture(fixture, cleaners)
    except Exception as exc:  # noqa: BLE001 — one crashing fixture must not hide the others
        return FixtureResult(name, ERROR, message=f"cleaning crashed: {type(exc).__name__}: {exc}")
    try:
        expected = _read_expected(fixture)
    except InputError as error:
        return FixtureResult(name, ERROR, actual=actual, message=error.message)
    if expected == actual:
        return FixtureResult(name, PASSED, expected=expected, actual=actual)
    changes, diff, removed = compare(name, expected, actual)
    return FixtureResult(name, CHANGED, changes, diff, removed, expected, actual)


def check(
    directory: str | Path, names: Iterable[str] | None = None, cleaners: Sequence[Cleaner] | None = None
) -> list[FixtureResult]:
    """Check the named fixtures (default: all) in ``directory``; one result each.

    ``cleaners`` replaces the default cleaner list (to test a cleaner change).
    Raises InputError for a bad or unknown name or a missing directory.
    """
    return [check_one(directory, n, cleaners) for n in _selected(directory, names)]


def summary(results: Sequence[FixtureResult]) -> str:
    """``N passed, M changed`` plus ``, K errors`` when some fixtures could not be checked."""
    counts = {s: sum(1 for r in results if r.status == s) for s in (PASSED, CHANGED, ERROR)}
    line = f"{counts[PASSED]} passed, {counts[CHANGED]} changed"
    if counts[ERROR]:
        line += f", {counts[ERROR]} error{'s' if counts[ERROR] != 1 else ''}"
    return line


def to_json(data: dict[str, Any]) -> str:
    """The fixture file format: 2-space indent, UTF-8 as is, trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old file or the new one, never half.

    The temp file sits in the same folder (``os.replace`` is atomic only
    within one file system) and is removed if anything goes wrong.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:  # also KeyboardInterrupt: never leave the temp file behind
        with suppress(OSError):
            os.unlink(tmp)
        raise


def bless(
    directory: str | Path, names: Iterable[str] | None = None, cleaners: Sequence[Cleaner] | None = None
) -> list[FixtureResult]:
    """Accept the current output as expected for the named fixtures (default: all).

    Returns each fixture's result *before* blessing; expected.json is rewritten
    (atomically) only where it differed. A fixture whose capture or meta cannot
    be read stays an ``error`` result and is not written.
    """
    results = check(directory, names, cleaners)
    root = _fixture_dir(directory)
    for result in results:
        if result.status != PASSED and result.actual is not None:
            write_atomic(root / result.name / EXPECTED_FILE, to_json(result.actual))
    return results


def _capture_kind(data: bytes, content_type: str | None, filename: str) -> str:
    """``html`` or ``text`` for new capture bytes: by content type / sniffing, else by file extension."""
    try:
        return Capture(data=data, content_type=content_type).kind()
    except (DecodeError, EmptyInput):  # the capture's outcome is an error; keep its extension's kind
        return "html" if filename.lower().endswith(HTML_SUFFIXES) else "text"


def _create(directory: str | Path, name: str, data: bytes, kind: str, meta: dict[str, Any]) -> FixtureResult:
    """Write a new fixture folder atomically: built in a hidden temp dir, then renamed.

    An interrupted add/record leaves at most a hidden ``.name.*`` folder that
    ``check`` ignores, never a fixture without its expected.json.
    """
    root = Path(directory)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the fixtures directory {root}: {exc.strerror or exc}") from None
    target = root / validate_name(name)
    if target.exists():
        raise InputError(f"fixture {name} already exists in {root} (use 'bless' to accept new output)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=root))
    try:
        tmp.chmod(DIR_MODE)
        (tmp / CAPTURE_FILES[kind]).write_bytes(data)
        (tmp / META_FILE).write_text(to_json({k: meta.get(k) for k in META_KEYS}), "utf-8")
        fixture = Fixture(name, tmp, tmp / CAPTURE_FILES[kind], meta)
        (tmp / EXPECTED_FILE).write_text(to_json(clean_fixture(fixture)), "utf-8")
        os.rename(tmp, target)  # fails (no overwrite) if someone created it meanwhile
    except BaseException:
        for child in tmp.iterdir():
            child.unlink()
        tmp.rmdir()
        raise
    return check_one(root, name)


def add(
    path: str | Path,
    name: str,
    directory: str | Path = "fixtures",
    url: str | None = None,
    content_type: str | None = None,
    note: str | None = None,
) -> FixtureResult:
    """Make fixture ``name`` from a saved capture file; its expected.json is the current output.

    Raises InputError for a bad name, an existing fixture or an unreadable file.
    """
    validate_name(name)
    source = Capture.from_path(path)
    meta = {
        "url": url,
        "fetched_at": None,
        "status": None,
        "content_type": content_type,
        "note": note if note is not None else f"added from {Path(path).name}",
    }
    kind = _capture_kind(source.data, content_type, str(path))
    return _create(directory, name, source.data, kind, meta)


def record(
    url: str,
    name: str,
    directory: str | Path = "fixtures",
    fetcher: Fetcher | None = None,
    note: str | None = None,
) -> FixtureResult:
    """Fetch ``url`` with the project's Fetcher (robots, delays, caps) and save it as fixture ``name``.

    Fetch failures raise their ScrapeError (network, HTTP status, robots...).
    """
    validate_name(name)
    if fetcher is None:
        from .fetch import Fetcher  # requests is only needed when recording

        fetcher = Fetcher()
    capture = fetcher.fetch(url)
    final = capture.final_url or capture.url or url
    redirect = f" (redirected to {final})" if final != url else ""
    meta = {
        "url": final,  # cleaning uses the URL the page was served from, as `scrape url` does
        "fetched_at": capture.fetched_at,
        "status": capture.status,
        "content_type": capture.content_type,
        "note": note if note is not None else f"recorded from {url}{redirect}",
    }
    kind = _capture_kind(capture.data, capture.content_type, final.split("?")[0])
    return _create(directory, name, capture.data, kind, meta)
