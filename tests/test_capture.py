"""Capture decoding: header, then meta, then detection; legacy supersets."""

from __future__ import annotations

import gzip

import pytest

from scraper.capture import Capture, decode, sniff_kind
from scraper.errors import DecodeError, EmptyInput, InputError, TooLarge
from saved_pages import mhtml
from scraper.saved_files import MAX_DECOMPRESSED_BYTES

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


def test_a_utf16_label_on_bytes_without_nul_means_utf8():
    # WHATWG: a <meta> read as ASCII that says UTF-16 means UTF-8; decoded as
    # UTF-16, the page became one line of CJK characters.
    data = PAGE.format("utf-16").encode("utf-8")
    assert "caf\u00e9 \u201cquoted\u201d" in decode(data)
    assert "caf\u00e9" in decode(data, "text/html; charset=UTF-16")
    # Real UTF-16 without a byte-order mark, as its header says, still reads.
    wide = PAGE.format("utf-16le").encode("utf-16-le")
    assert "caf\u00e9" in decode(wide, "text/html; charset=UTF-16LE")


def test_a_stray_byte_does_not_send_a_utf8_page_to_detection():
    body = ("Stra\u00dfe und Gr\u00fc\u00dfe. " * 2000).encode("utf-8")
    data = PAGE.format("utf-8").encode("utf-8") + body[:-3] + b"\xff" + body[-3:]
    text = decode(data)
    assert text.count("\ufffd") == 1 and "Stra\u00dfe" in text


def test_bom_and_undeclared_utf8():
    assert decode(b"\xef\xbb\xbfhello") == "hello"
    assert decode("gr\u00fc\u00dfe".encode("utf-8")) == "gr\u00fc\u00dfe"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_its_byte_order_mark(codec: str):
    # Notepad's "Unicode": a UTF-16 file opens with FF FE (or FE FF), and holds NUL bytes.
    text = "Stra\u00dfe \u201czu\u201d, \u65e5\u672c"
    data = text.encode(codec) if codec == "utf-16" else b"\xfe\xff" + text.encode(codec)
    assert decode(data) == text
    assert Capture(data=data).text() == text


# A paragraph each, saved in the legacy code page of its language, undeclared.
LEGACY_TEXTS = [
    ("cp1252", "The government announced on Wednesday a series of measures for the summer. \u201cWe must act "
     "quickly,\u201d the minister said. Coastal regions are hard hit and the forests are already burning \u2014 "
     "firefighters from across the country help in the worst-hit towns."),
    ("cp1252", "Le gouvernement a annonc\u00e9 mercredi une s\u00e9rie de mesures pour l\u2019\u00e9t\u00e9. "
     "\u00ab Nous devons agir vite \u00bb, a d\u00e9clar\u00e9 la ministre. Les r\u00e9gions c\u00f4ti\u00e8res "
     "sont tr\u00e8s concern\u00e9es, o\u00f9 la for\u00eat br\u00fble d\u00e9j\u00e0. Des pompiers de tout le "
     "pays aident les communes les plus touch\u00e9es."),
    ("cp1252", "Il governo ha annunciato mercoled\u00ec una serie di misure per l\u2019estate. \u00abDobbiamo "
     "agire in fretta\u00bb, ha detto la ministra. Le regioni costiere sono molto colpite e i boschi bruciano "
     "gi\u00e0. Pi\u00f9 di mille vigili del fuoco aiutano i comuni pi\u00f9 colpiti, perch\u00e9 manca l\u2019acqua."),
    ("cp1252", "O governo anunciou na quarta-feira uma s\u00e9rie de medidas para o ver\u00e3o. As regi\u00f5es "
     "costeiras est\u00e3o muito afetadas, disse a ministra; a situa\u00e7\u00e3o n\u00e3o \u00e9 simples. "
     "Os bombeiros de todo o pa\u00eds ajudam nas cidades mais atingidas."),
    ("cp1250", "Vl\u00e1da ve st\u0159edu schv\u00e1lila \u0159adu opat\u0159en\u00ed na l\u00e9to. Mus\u00edme "
     "jednat rychle, \u0159ekla ministryn\u011b pro m\u00edstn\u00ed rozvoj. Pob\u0159e\u017en\u00ed oblasti "
     "jsou velmi zasa\u017eeny a lesy u\u017e ho\u0159\u00ed. Hasi\u010di z cel\u00e9 zem\u011b pom\u00e1haj\u00ed "
     "v nejv\u00edce posti\u017een\u00fdch obc\u00edch, kde chyb\u00ed voda."),
    ("cp1250", "Rz\u0105d og\u0142osi\u0142 w \u015brod\u0119 seri\u0119 dzia\u0142a\u0144 na lato. Musimy "
     "dzia\u0142a\u0107 szybko, powiedzia\u0142a minister. Regiony przybrze\u017cne s\u0105 bardzo "
     "dotkni\u0119te, a lasy ju\u017c p\u0142on\u0105. Stra\u017cacy z ca\u0142ego kraju pomagaj\u0105 w "
     "najbardziej poszkodowanych gminach, gdzie brakuje wody."),
    ("cp1254", "H\u00fck\u00fcmet \u00e7ar\u015famba g\u00fcn\u00fc yaz i\u00e7in bir dizi \u00f6nlem "
     "a\u00e7\u0131klad\u0131. H\u0131zl\u0131 hareket etmeliyiz, dedi bakan. K\u0131y\u0131 b\u00f6lgeleri "
     "\u00e7ok etkilendi ve ormanlar \u015fimdiden yan\u0131yor."),
]


@pytest.mark.parametrize(("codec", "text"), LEGACY_TEXTS)
def test_undeclared_legacy_text_reads_in_its_code_page(codec: str, text: str):
    # The detector alone read the English as cp775, the French as cp1257, the
    # Portuguese as cp1250: a language written in Windows-1252 means Windows-1252.
    assert decode(text.encode(codec)) == text


def test_a_gzipped_capture_file_is_read_decompressed(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE.format("utf-8").encode("utf-8")))
    capture = Capture.from_path(page)
    assert "caf\u00e9 \u201cquoted\u201d" in capture.text() and capture.kind() == "html"
    assert capture.source == str(page)


def test_a_page_saved_as_mhtml_is_its_html_part(tmp_path):
    saved = tmp_path / "page.mhtml"
    saved.write_bytes(mhtml(PAGE.format("utf-8")))
    capture = Capture.from_path(saved)
    assert capture.kind() == "html" and "caf\u00e9 \u201cquoted\u201d" in capture.text()
    assert capture.url == "https://news.example/2024/05/night-buses-return"
    assert Capture.from_path(saved, url="https://elsewhere.example/a").url == "https://elsewhere.example/a"
    empty = tmp_path / "empty.mht"
    empty.write_bytes(mhtml("").replace(b"Content-Type: text/html\r\n", b"Content-Type: text/plain\r\n"))
    with pytest.raises(InputError, match="no HTML page"):
        Capture.from_path(empty)
    # A text capture that talks about MIME is no MHTML file.
    notes = tmp_path / "notes.txt"
    notes.write_text("Saving a page as MHTML\n\nThe file starts with MIME-Version: 1.0 and a multipart/related type.\n", "utf-8")
    assert "multipart/related type" in Capture.from_path(notes).text()


def test_a_corrupt_or_huge_gzip_file_is_a_clear_error(tmp_path):
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"some text " * 100)[:30])
    with pytest.raises(DecodeError, match="not a readable gzip file") as info:
        Capture.from_path(cut)
    assert info.value.exit_code == 4
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\0" * (MAX_DECOMPRESSED_BYTES + 1), compresslevel=1))
    with pytest.raises(TooLarge, match="decompresses to over"):
        Capture.from_path(bomb)


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
        ("An XML type settles nothing: <b>looked</b> at.", "text/xml", "text"),
        ("<html><body><p>x</p></body></html>", "application/xml; charset=utf-8", "html"),
    ],
)
def test_sniff_kind(text: str, content_type: str | None, kind: str):
    assert sniff_kind(text, content_type) == kind
