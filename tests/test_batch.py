"""Batches: one record per source, error records, resume, WARC input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SEED
from saved_pages import mhtml
from scraper.batch import Summary, iter_articles, run_batch
from scraper.batch_output import done_sources
from scraper.cli import main
from scraper.cli_batch import ProgressLine

HTML = b"""<!doctype html><html lang="en"><head><title>Harbour Wall Repaired Before Winter Storms</title></head>
<body><article><h1>Harbour Wall Repaired Before Winter Storms</h1>
<p>Engineers finished repairing the old harbour wall on Friday, two weeks before the storm season usually begins on this stretch of coast.</p>
<p>The council said the work cost less than planned because the stone from the collapsed section could be reused for most of the new facing.</p>
<p>Fishermen who moor inside the wall said they were relieved, after last winter's storms pushed waves over the quay and damaged several boats.</p>
</article></body></html>"""


@pytest.fixture
def captures(tmp_path: Path) -> Path:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "a-seed.txt").write_bytes(SEED.read_bytes())
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-page.html").write_bytes(HTML)
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    return folder


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_every_source_gives_one_record_in_order(captures: Path):
    got = list(iter_articles([str(captures), str(captures / "missing.txt")]))
    assert [Path(r.source).name for r in got] == ["a-seed.txt", "b-empty.txt", "c-page.html", "missing.txt"]
    assert [r.ok for r in got] == [True, False, True, False]
    assert got[1].data["error"] == "empty" and got[3].data["error"] == "input"
    assert got[2].data["title"] == "Harbour Wall Repaired Before Winter Storms"


def test_a_folder_gives_its_gzipped_and_mhtml_captures_too(captures: Path):
    (captures / "d-seed.txt.gz").write_bytes(gzip.compress(SEED.read_bytes()))
    (captures / "e-notes.gz").write_bytes(gzip.compress(b"not a capture by its name"))
    (captures / "f-page.mhtml").write_bytes(mhtml(HTML.decode("utf-8")))
    got = {Path(r.source).name: r for r in iter_articles([str(captures)])}
    assert "e-notes.gz" not in got
    assert got["f-page.mhtml"].data["paragraphs"] == got["c-page.html"].data["paragraphs"]
    unzipped, plain = got["d-seed.txt.gz"].data, got["a-seed.txt"].data
    assert unzipped["title"] == plain["title"] and unzipped["paragraphs"] == plain["paragraphs"]


def test_a_folder_holding_no_capture_is_an_error_record(captures: Path, tmp_path: Path):
    empty = tmp_path / "crawl"
    (empty / "images").mkdir(parents=True)
    (empty / "images" / "logo.png").write_bytes(b"\x89PNG")
    got = list(iter_articles([str(empty), str(captures / "c-page.html")]))
    assert [(r.source, r.data.get("error")) for r in got] == [(str(empty), "input"), (str(captures / "c-page.html"), None)]
    assert got[0].data["message"] == (
        f"no capture under {empty}: no .html, .htm, .xhtml, .txt, .mhtml, .mht file (nor one gzipped)"
    )
    result = CliRunner().invoke(main, ["batch", str(empty), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 12 and "1 written (0 articles, 1 error)" in result.output


def test_process_pool_gives_the_same_records(captures: Path):
    one = [r.to_json() for r in iter_articles([str(captures)], jobs=1)]
    two = [r.to_json() for r in iter_articles([str(captures)], jobs=2)]
    strip = lambda rows: [{k: v for k, v in json.loads(x).items() if k != "extractor"} for x in rows]  # noqa: E731
    assert strip(one) == strip(two)


def test_rerun_resumes_and_repairs_a_cut_off_line(captures: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        first = run_batch([str(captures / "a-seed.txt")], handle)
    assert (first.written, first.failed) == (1, 0)
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"source": "half a reco')  # an interrupted write
    ok, failed = done_sources(out)
    assert ok == {str(captures / "a-seed.txt")} and not failed
    assert out.read_text("utf-8").endswith("\n")
    with out.open("a", encoding="utf-8") as handle:
        second = run_batch([str(captures)], handle, done=ok | failed)
    assert (second.written, second.failed, second.skipped) == (2, 1, 1)
    assert [Path(r["source"]).name for r in records(out)] == ["a-seed.txt", "b-empty.txt", "c-page.html"]


def test_cli_batch_output_it_cannot_write_is_one_line(captures: Path, tmp_path: Path):
    result = CliRunner().invoke(main, ["batch", str(captures), "-o", str(tmp_path / "missing" / "out.jsonl")])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [f"error: cannot write {tmp_path / 'missing' / 'out.jsonl'}: No such file or directory"]


def test_cli_batch_resume_retry_and_exit_code(captures: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", str(captures), "-o", str(out), "-j", "1"])
    assert first.exit_code == 12  # one capture is empty: an error record, not a crash
    assert len(records(out)) == 3
    again = runner.invoke(main, ["batch", str(captures), "-o", str(out), "-j", "1"])
    assert again.exit_code == 0 and "0 written (0 articles, 0 errors), 3 skipped" in again.output
    retry = runner.invoke(main, ["batch", str(captures), "-o", str(out), "--retry-errors"])
    assert retry.exit_code == 12 and "1 written (0 articles, 1 error), 2 skipped" in retry.output
    assert [Path(r["source"]).name for r in records(out)] == ["a-seed.txt", "c-page.html", "b-empty.txt"]  # one each


def _warc(path: Path, compressed: bool = True) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compressed)
        for url, body, ctype in [
            ("https://example.org/harbour", HTML, "text/html; charset=utf-8"),
            ("https://example.org/logo.png", b"\x89PNG....", "image/png"),
            ("https://example.org/feed", b"<rss><channel><title>Harbour</title></channel></rss>", "application/rss+xml"),
            ("https://example.org/seed.txt", SEED.read_bytes(), "Text/Plain; charset=utf-8"),  # media types ignore case
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def test_a_warc_file_that_gives_no_page_is_an_error_record(tmp_path: Path):
    # warcio reads a file that is no WARC at all as one record of nothing: the
    # file must not vanish from the output without a word.
    bogus = tmp_path / "notes.warc"
    bogus.write_text("not a WARC file at all\n", "utf-8")
    got = list(iter_articles([str(bogus)]))
    assert [(r.source, r.data["error"]) for r in got] == [(str(bogus), "input")]
    assert "no HTML or text response record" in got[0].data["message"]
    result = CliRunner().invoke(main, ["batch", str(bogus), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 12


@pytest.mark.parametrize("name", ["random.warc.gz", "random.warc"])
def test_a_warc_of_random_bytes_is_one_short_readable_line(tmp_path: Path, name: str):
    bogus = tmp_path / name
    bogus.write_bytes(bytes(range(256)) * 8)  # control bytes, Latin-1 ones, a NUL: all that warcio would quote
    (got,) = list(iter_articles([str(bogus)]))
    assert got.data["message"] == f"cannot read WARC file {bogus}: not a WARC or ARC file"


def test_a_warc_compressed_whole_says_how_to_mend_it(tmp_path: Path):
    plain = tmp_path / "plain.warc"
    _warc(plain, compressed=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # one gzip stream, where WARC wants one a record
    got = list(iter_articles([str(whole)]))
    assert got[-1].source == str(whole) and got[-1].data["message"] == (
        f"cannot read WARC file {whole}: gzip-compressed whole, not record by record ('warcio recompress' mends that)"
    )


def test_warc_records_are_cleaned_by_record_id(tmp_path: Path):
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    got = list(iter_articles([str(warc)]))
    assert len(got) == 2  # the PNG and the feed are no pages
    assert all(r.ok and r.source.startswith("<urn:uuid:") for r in got)
    assert got[0].data["url"] == "https://example.org/harbour"
    assert got[0].data["fetch"]["status"] == 200
    assert got[1].data["title"].startswith("Japan")


@pytest.mark.parametrize("compressed", [True, False])
def test_a_warc_cut_short_gives_error_records_not_silence(tmp_path: Path, compressed: bool):
    # A download that stopped early: warcio reads the last record's content
    # short, or stops at a header cut short, without a word.
    whole = tmp_path / "whole.warc"
    _warc(whole, compressed)
    data = whole.read_bytes()
    cut_content = tmp_path / "content.warc"
    cut_content.write_bytes(data[:-40])  # inside the seed's response record
    got = list(iter_articles([str(cut_content)]))
    assert [r.ok for r in got] == [True, False]
    assert got[1].source.startswith("<urn:uuid:") and "is cut short" in got[1].data["message"]
    assert (got[1].data["url"], got[1].data["warc"]) == ("https://example.org/seed.txt", str(cut_content))

    first_end = _record_ends(whole)[0]
    cut_header = tmp_path / "header.warc"
    cut_header.write_bytes(data[: first_end + 60])  # the second record's header, cut
    got = list(iter_articles([str(cut_header)]))
    assert [r.ok for r in got] == [True, False]
    assert got[1].source == str(cut_header)
    assert f"past byte {first_end}: a record is cut short or malformed" in got[1].data["message"]


def test_a_warc_with_a_garbled_first_header_is_one_error_record(tmp_path: Path):
    whole = tmp_path / "whole.warc"
    _warc(whole, compressed=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:100])  # inside the first record's WARC header
    got = list(iter_articles([str(cut)]))
    assert [(r.source, r.data["error"]) for r in got] == [(str(cut), "input")]
    result = CliRunner().invoke(main, ["batch", str(cut), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 12 and "Traceback" not in result.output


def _record_ends(path: Path) -> list[int]:
    """Where each record of a WARC file ends (warcio's offsets)."""
    ends = []
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        for _ in archive:
            archive.read_to_end()
            ends.append(archive.get_record_offset() + archive.get_record_length())
    return ends


def test_sources_can_be_listed_in_a_file_or_on_stdin(captures: Path, tmp_path: Path):
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# yesterday's crawl\n{captures / 'a-seed.txt'}\n\n{captures / 'c-page.html'}\n", "utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", "--sources-from", str(listing), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in records(out)] == ["a-seed.txt", "c-page.html"]
    # stdin, after the sources given as arguments
    result = CliRunner().invoke(
        main, ["batch", str(captures / "b-empty.txt"), "--sources-from", "-", "-j", "1"],
        input=f"{captures / 'c-page.html'}\n",
    )
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["b-empty.txt", "c-page.html"]


def test_a_source_list_that_is_not_utf8_is_one_line_exit_4(captures: Path, tmp_path: Path):
    listing = tmp_path / "sources.txt"
    listing.write_bytes(f"{captures / 'a-seed.txt'}\n".encode() + b"caf\xe9.html\n")  # Latin-1
    result = CliRunner().invoke(main, ["batch", "--sources-from", str(listing), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 4 and result.output == f"error: --sources-from {listing}: line 2 is not UTF-8 text\n"
    assert not (tmp_path / "out.jsonl").exists()  # nothing cleaned before the list was read whole
    result = CliRunner().invoke(main, ["batch", "--sources-from", "-"], input=b"\xff\xfe\x00bad\n")
    assert result.exit_code == 4 and result.output == "error: --sources-from <stdin>: line 1 is not UTF-8 text\n"


def test_a_source_list_with_a_byte_order_mark_and_windows_line_ends(captures: Path, tmp_path: Path):
    listing = tmp_path / "sources.txt"
    listing.write_bytes(b"\xef\xbb\xbf" + f"{captures / 'a-seed.txt'}\r\n# done\r\n{captures / 'c-page.html'}\r\n".encode())
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", "--sources-from", str(listing), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in records(out)] == [str(captures / "a-seed.txt"), str(captures / "c-page.html")]


def test_no_sources_at_all_is_a_usage_error(tmp_path: Path):
    result = CliRunner().invoke(main, ["batch"])
    assert result.exit_code == 2 and "no sources" in result.output
    result = CliRunner().invoke(main, ["batch", "--sources-from", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "missing.txt" in result.output


def test_the_summary_tells_articles_from_error_records():
    summary = Summary(written=15, failed=4, skipped=3, sites=1)
    assert summary.line() == "15 written (11 articles, 4 errors), 3 skipped (already done); template lines learned for 1 site"
    assert ProgressLine.text(summary) == "15 written (11 articles, 4 errors), 3 skipped"
    assert Summary(written=3, failed=1, skipped=2, total=10).progress() == "5 of 10 done: 3 written (2 articles, 1 error), 2 skipped"
    assert Summary(written=3).progress() == "3 written (3 articles, 0 errors), 0 skipped"  # no total: no site evidence asked
    assert Summary(written=1, failed=1).line() == "1 written (0 articles, 1 error), 0 skipped (already done)"
    assert Summary(written=2, failed=1).line() == "2 written (1 article, 1 error), 0 skipped (already done)"
