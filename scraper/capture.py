"""Capture: what was received, untouched, and its one decoding to text.

A capture is the raw bytes of a page plus where and how they were obtained.
Decoding happens once, here, in the WHATWG order: a byte-order mark wins
(UTF-8, or UTF-16 as Windows Notepad saves "Unicode" text), then the charset
named by the HTTP ``Content-Type`` header, then a ``<meta charset>`` /
``http-equiv`` declaration inside an HTML body, then UTF-8, then
charset-normalizer's detection. Where detection reads a language written in
Windows-1252 (English, German, French…), the bytes are Windows-1252, the
fallback browsers use for unlabelled Western pages: on a few lines of
English with curly quotes the detector's own first choice was cp775, on
French cp1257, on Portuguese cp1250, each turning accents into other letters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from charset_normalizer import from_bytes

from .errors import DecodeError, EmptyInput, InputError
from .saved_files import read_saved

# How far into an HTML body a <meta charset> may sit (the HTML spec says 1024
# bytes; real pages put comments and scripts first, so look further).
META_SNIFF_BYTES = 4096
# How much of a capture decides "is this HTML?".
HTML_SNIFF_CHARS = 2048

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p)\b",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|a|br|body|head|article|section|h[1-6]|ul|li|table)\b[^>]*>", re.I)

# Legacy labels decoded with their superset, as browsers do (WHATWG Encoding):
# pages labelled iso-8859-1 routinely hold cp1252 quotes, gb2312 pages gb18030.
SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
    "euc_kr": "cp949", "shift_jis": "cp932", "iso8859-11": "cp874", "tis-620": "cp874",
}
# A declared charset still wins over detection with this few bad bytes: a stray
# byte must not hand a whole UTF-8 page to a detector that may say mac_roman.
BAD_BYTES_PER_10K = 1

# Codecs of two or four bytes a character: every ASCII character has a NUL byte.
WIDE_CODECS = ("utf-16", "utf-32")
# Byte-order marks and their codecs (UTF-8 first: its mark is no prefix of the others).
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# charset-normalizer's names of languages written in Windows-1252 ("English—"
# is a variant of English). Not Estonian or Turkish: their pages used cp1257, cp1254.
WINDOWS_1252_LANGUAGES = frozenset(
    {"English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch",
     "Danish", "Swedish", "Norwegian", "Finnish", "Indonesian"}
)

# The media types a capture can be, and the kind each reads as: what the
# fetcher accepts, what a WARC file's records are kept for, and what a
# declared type settles in ``sniff_kind``. (XML is not here: a feed or a
# sitemap is no article page, and XHTML pages are served as XHTML.)
MEDIA_KINDS = MappingProxyType({"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"})


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type value, lower case ("" for none)."""
    return (content_type or "").split(";")[0].strip().lower()


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def charset_from_header(content_type: str | None) -> str | None:
    """The codec named by a ``Content-Type`` header, if Python knows it."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known_codec(match.group(1)) if match else None


def charset_from_meta(data: bytes) -> str | None:
    """The codec declared by ``<meta charset>`` near the top of an HTML body."""
    match = _META_CHARSET.search(data[:META_SNIFF_BYTES])
    return _known_codec(match.group(1).decode("ascii", "replace")) if match else None


def decode(data: bytes, content_type: str | None = None) -> str:
    """Decode capture bytes to text: header charset, then meta, then detection.

    Raises DecodeError when no charset gives text (binary data).
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    declared = [SUPERSETS.get(c, c) for c in (charset_from_header(content_type), charset_from_meta(data)) if c]
    if b"\x00" not in data[:HTML_SNIFF_CHARS]:
        # Bytes without a NUL are no UTF-16 or UTF-32, whatever is declared
        # (a <meta charset="utf-16"> read as ASCII means UTF-8, WHATWG says):
        # decoded as UTF-16, a UTF-8 page turned into a line of CJK characters.
        declared = ["utf-8" if c.startswith(WIDE_CODECS) else c for c in declared]
    for codec in declared:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue  # the header may lie where the meta tells the truth
    for codec in declared:
        text = data.decode(codec, "replace")
        if text.count("\ufffd") <= max(3, len(data) * BAD_BYTES_PER_10K // 10000):
            return text  # a few bad bytes; more means a lying declaration: detect
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or b"\x00" in data[:HTML_SNIFF_CHARS]:
        raise DecodeError("could not decode the capture: it looks like binary data, not text")
    if best.language.rstrip("—") in WINDOWS_1252_LANGUAGES:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # bytes cp1252 leaves undefined: not Windows-1252 after all
            pass
    return str(best)


def sniff_kind(text: str, content_type: str | None = None) -> str:
    """``"html"`` or ``"text"``: by content type when it says, else by looking."""
    declared = MEDIA_KINDS.get(media_type(content_type))
    if declared:
        return declared
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


@dataclass(frozen=True)
class Capture:
    """A page as received: bytes untouched, plus how they were obtained."""

    data: bytes
    source: str | None = None  # file path, URL fetched, or WARC record id
    url: str | None = None  # the URL asked for (or given with --url)
    final_url: str | None = None  # after redirects
    status: int | None = None
    content_type: str | None = None
    fetched_at: str | None = None  # ISO 8601, UTC
    headers: dict[str, str] = field(default_factory=dict)

    charset: str | None = None  # known encoding of ``data`` (wins over sniffing)

    @classmethod
    def from_text(cls, text: str, **kwargs: str | int | None) -> "Capture":
        """A capture of already-decoded text (e.g. a ``str`` handed to the API)."""
        return cls(data=text.encode("utf-8"), charset="utf-8", **kwargs)  # type: ignore[arg-type]

    @classmethod
    def from_path(cls, path: str | Path, url: str | None = None) -> "Capture":
        """Read a capture from disk; InputError when it cannot be read."""
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"no such file: {p}") from None
        except IsADirectoryError:
            raise InputError(f"is a directory, not a capture: {p}") from None
        except OSError as exc:
            raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
        # A saved page file (gzip, MHTML): the page inside it (saved_files.py).
        saved = read_saved(data, p)
        return cls(data=saved.data, source=str(p), url=url or saved.url, content_type=saved.content_type)

    def text(self) -> str:
        """The capture decoded to text (raises DecodeError / EmptyInput)."""
        if not self.data.strip():
            raise EmptyInput("the capture is empty")
        text = self.data.decode(self.charset) if self.charset else decode(self.data, self.content_type)
        if not text.strip():
            raise EmptyInput("the capture holds only white space")
        return text

    def kind(self, text: str | None = None) -> str:
        """``"html"`` or ``"text"`` for this capture."""
        return sniff_kind(self.text() if text is None else text, self.content_type)
