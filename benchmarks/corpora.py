"""Loading benchmark corpora: the dev corpus (snippets) and AEB-layout corpora.

Dev corpus (default ``../shared/corpus`` beside the repository root): either
the two tarballs ``dev-html.tar.gz`` (``eval/``, ``cache/``,
``evaldata.json``) and ``dev-text.tar.gz`` (``text/<file-stem>.txt``), read
directly with ``tarfile``, or a directory where they were unpacked.

AEB layout (``--aeb PATH``): ``ground-truth.json`` mapping page ids to
``{"articleBody": ..., "url": ...}`` and the pages at ``html/<id>.html.gz``.

Nothing here is written to disk, and no corpus content goes into the repo.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

HTML_TARBALL = "dev-html.tar.gz"
TEXT_TARBALL = "dev-text.tar.gz"
EVALDATA = "evaldata.json"
HTML_DIRS = ("eval", "cache")


@dataclass(frozen=True)
class Page:
    """One benchmark page: its captures and what it is scored against."""

    id: str  # file stem (dev) or ground-truth id (AEB)
    url: str | None
    html: str | None = None  # decoded HTML capture
    text: str | None = None  # plain-text capture (dev corpus)
    with_: tuple[str, ...] = ()  # snippet metric
    without: tuple[str, ...] = ()
    body: str | None = None  # shingle metric: the expected article body


def decode_html(data: bytes) -> str:
    """Decode page bytes the way the project does (header-less: meta, then detection)."""
    try:
        from scraper.capture import decode

        return decode(data)
    except Exception:  # the benchmark must still run on undecodable bytes
        return data.decode("utf-8", "replace")


def _stem(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[0]


def _read_tar(path: Path, wanted: Callable[[str], bool]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    with tarfile.open(path, "r:gz") as tar:
        for member in tar:
            if member.isfile() and wanted(member.name):
                handle = tar.extractfile(member)
                if handle is not None:
                    out[member.name.lstrip("./")] = handle.read()
    return out


class DevCorpus:
    """The dev corpus in ``root``: tarballs or an unpacked copy."""

    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root else DEFAULT_CORPUS
        self.unpacked = (self.root / EVALDATA).is_file()
        if not self.unpacked and not (self.root / HTML_TARBALL).is_file():
            raise FileNotFoundError(
                f"no dev corpus at {self.root}: expected {HTML_TARBALL} or an unpacked {EVALDATA}"
            )

    def evaldata(self) -> dict[str, dict]:
        if self.unpacked:
            return json.loads((self.root / EVALDATA).read_text("utf-8"))
        files = _read_tar(self.root / HTML_TARBALL, lambda n: posixpath.basename(n) == EVALDATA)
        return json.loads(next(iter(files.values())).decode("utf-8"))

    def _html_files(self, names: set[str]) -> dict[str, bytes]:
        if self.unpacked:
            out = {}
            for name in names:
                for folder in HTML_DIRS:
                    p = self.root / folder / name
                    if p.is_file():
                        out[name] = p.read_bytes()
                        break
            return out
        got = _read_tar(self.root / HTML_TARBALL, lambda n: posixpath.basename(n) in names)
        return {posixpath.basename(k): v for k, v in got.items()}

    def _text_files(self, stems: set[str]) -> dict[str, str]:
        if self.unpacked:
            folder = self.root / "text"
            return {s: (folder / f"{s}.txt").read_text("utf-8") for s in stems if (folder / f"{s}.txt").is_file()}
        tarball = self.root / TEXT_TARBALL
        if not tarball.is_file():
            return {}
        got = _read_tar(tarball, lambda n: n.endswith(".txt") and _stem(n) in stems)
        return {_stem(k): v.decode("utf-8") for k, v in got.items()}

    def pages(self, html: bool = True, text: bool = True, limit: int | None = None) -> list[Page]:
        """Pages in evaldata order (first ``limit`` if given), with the captures asked for."""
        items = list(self.evaldata().items())
        if limit:
            items = items[:limit]
        files = {entry["file"] for _, entry in items}
        html_files = self._html_files(files) if html else {}
        text_files = self._text_files({_stem(f) for f in files}) if text else {}
        pages = []
        for url, entry in items:
            name = entry["file"]
            raw = html_files.get(name)
            pages.append(
                Page(
                    id=_stem(name),
                    url=url,
                    html=decode_html(raw) if raw is not None else None,
                    text=text_files.get(_stem(name)),
                    with_=tuple(entry.get("with", ())),
                    without=tuple(entry.get("without", ())),
                )
            )
        return pages


def load_aeb(root: str | Path, limit: int | None = None) -> list[Page]:
    """Pages of an "article extraction benchmark" layout corpus at ``root``."""
    root = Path(root)
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    items: Iterable = sorted(truth.items())
    items = list(items)[:limit] if limit else list(items)
    pages = []
    for page_id, entry in items:
        path = root / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        with gzip.open(path, "rb") as fh:
            html = decode_html(fh.read())
        pages.append(Page(id=page_id, url=entry.get("url"), html=html, body=entry.get("articleBody") or ""))
    return pages
