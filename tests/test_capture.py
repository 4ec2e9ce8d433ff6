"""Capture decoding: header, then meta, then detection; legacy supersets."""

from __future__ import annotations

import pytest

from scraper.capture import Capture, decode, sniff_kind
from scraper.errors import DecodeError, EmptyInput

PAGE = '<html><head><meta charset="{}"></head><body><p>caf\u00e9 \u201cquoted\u201d na\u00efve</p></body></html>'


def test_header_charset_wins():
    data = "caf\u00e9".encode("cp1252")
    assert decode(data, "text/plain; charset=windows-1252") == "caf\u00e9"


def test_meta_charset_when_the_header_lies():
    data = PAGE.format("windows-1252").encode("cp1252")
    assert "caf\u00e9 \u201cquoted\u201d" in decode(data, "text/html; charset=utf-8")


def test_latin1_label_decodes_as_cp1252_like_browsers():
    data = PAGE.format("iso-8859-1").encode("cp1252")  # curly quotes are cp1252-only bytes
    assert "\u201cquoted\u201d" in decode(data)


def test_a_stray_byte_does_not_send_a_utf8_page_to_detection():
    body = ("Stra\u00dfe und Gr\u00fc\u00dfe. " * 2000).encode("utf-8")
    data = PAGE.format("utf-8").encode("utf-8") + body[:-3] + b"\xff" + body[-3:]
    text = decode(data)
    assert text.count("\ufffd") == 1 and "Stra\u00dfe" in text


def test_bom_and_undeclared_utf8():
    assert decode(b"\xef\xbb\xbfhello") == "hello"
    assert decode("gr\u00fc\u00dfe".encode("utf-8")) == "gr\u00fc\u00dfe"


def test_binary_and_empty_are_errors():
    with pytest.raises(DecodeError):
        Capture(data=bytes(range(256)) * 4).text()
    with pytest.raises(EmptyInput):
        Capture(data=b" \n\t ").text()


@pytest.mark.parametrize(
    ("text", "content_type", "kind"),
    [
        ("<!doctype html><html><p>x</p></html>", None, "html"),
        ("Just a line of text.\nAnother <b>bold</b> one.", None, "text"),
        ("<p>a</p><div>b</div><span>c</span>", None, "html"),
        ("<p>looks like html</p>", "text/plain", "text"),
        ("plain", "application/xhtml+xml", "html"),
    ],
)
def test_sniff_kind(text: str, content_type: str | None, kind: str):
    assert sniff_kind(text, content_type) == kind
