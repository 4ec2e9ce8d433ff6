"""Saved page files: what is inside a file a person or a crawler stored.

``Capture.from_path`` reads through these, so a saved page is cleaned like
the page itself:

- gzip-compressed ("page.html.gz", as crawls and the common extraction
  benchmarks store pages), read decompressed up to ``MAX_DECOMPRESSED_BYTES``
  (also the fetcher's cap for a decompressed body: a gzip bomb stops there);
- MHTML ("Webpage, single file" in Chrome and Edge: ``.mhtml``/``.mht``), a
  MIME message whose first ``text/html`` part is the page; its
  ``Content-Location`` is the page's address. Read as it was, the file is
  quoted-printable markup under mail headers, and no article (exit 6).
"""

from __future__ import annotations

import email
import gzip
import io
import zlib
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import NamedTuple

from .errors import DecodeError, InputError, TooLarge

GZIP_MAGIC = b"\x1f\x8b"
# Generous for real pages (HTML compresses ~5-10x), small enough that a gzip
# bomb stops long before memory does.
MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024
# An MHTML file opens with mail headers, naming multipart/related, within this many bytes.
MHTML_HEAD_BYTES = 4096


class SavedPage(NamedTuple):
    data: bytes
    url: str | None = None  # where the page came from, if the file says
    content_type: str | None = None  # its media type and charset, if the file says


def read_saved(data: bytes, path: Path) -> SavedPage:
    """The page inside a saved file's bytes (the bytes themselves for a plain file)."""
    if data.startswith(GZIP_MAGIC):
        data = _gunzipped(data, path)
    if _is_mhtml(data):
        return _mhtml_page(data, path)
    return SavedPage(data)


def _gunzipped(data: bytes, path: Path) -> bytes:
    """The content of a gzip-compressed file (DecodeError: corrupt; TooLarge: a bomb)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            content = stream.read(MAX_DECOMPRESSED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError(f"{path} is not a readable gzip file ({exc})") from None
    if len(content) > MAX_DECOMPRESSED_BYTES:
        raise TooLarge(f"{path} decompresses to over {MAX_DECOMPRESSED_BYTES} bytes")
    return content


def _is_mhtml(data: bytes) -> bool:
    """The file opens with mail headers that say multipart/related (text
    that merely mentions MIME has no such headers)."""
    head = data[:MHTML_HEAD_BYTES]
    if b"multipart/related" not in head.lower():
        return False
    return BytesHeaderParser().parsebytes(head).get_content_type() == "multipart/related"


def _mhtml_page(data: bytes, path: Path) -> SavedPage:
    """The first HTML part of an MHTML file, with its address and charset."""
    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                content_type = f"text/html; charset={charset}" if charset else "text/html"
                return SavedPage(payload, part.get("Content-Location") or message.get("Snapshot-Content-Location"), content_type)
    raise InputError(f"{path} is an MHTML file with no HTML page in it")
