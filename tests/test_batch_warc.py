"""WARC records in a batch: HTTP errors are error records as with `scrape url`,
redirects no pages, and every error record says where it came from."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.batch import iter_articles
from scraper.cli import main
from test_batch import HTML

NOT_FOUND = b"<html><head><title>Not found</title></head><body><h1>Page not found</h1></body></html>"


def write_warc(path: Path, responses: list[tuple[str, str, bytes]]) -> None:
    """(url, status line, body) as HTML response records."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, status, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def test_http_errors_are_error_records_and_redirects_no_pages(tmp_path: Path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [
        ("https://example.org/old-harbour", "301 Moved Permanently", b"<html><body>Moved</body></html>"),
        ("https://example.org/harbour", "200 OK", HTML),
        ("https://example.org/gone", "404 Not Found", NOT_FOUND),
        ("https://example.org/busy", "503 Service Unavailable", NOT_FOUND),
    ])
    got = list(iter_articles([str(warc)]))
    assert [(r.data.get("url"), r.data.get("error")) for r in got] == [
        ("https://example.org/harbour", None),
        ("https://example.org/gone", "http_status"),
        ("https://example.org/busy", "http_status"),
    ]
    assert all(r.source.startswith("<urn:uuid:") for r in got)
    assert got[1].data == {
        "error": "http_status", "message": "HTTP 404 Not Found from https://example.org/gone", "exit_code": 8,
        "url": "https://example.org/gone", "warc": str(warc),
    }
    assert "warc" not in got[0].data  # an article's fields are the schema's (conftest checks it)


def test_a_warc_404_is_the_error_scrape_url_makes_of_one(tmp_path: Path, httpserver: HTTPServer):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/gone").respond_with_data(NOT_FOUND, status=404, content_type="text/html")
    url = httpserver.url_for("/gone")
    fetched = CliRunner().invoke(main, ["url", url, "--format", "jsonl", "--retries", "0"])
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [(url, "404 NOT FOUND", NOT_FOUND)])  # (werkzeug's reason phrase, upper case)
    out = tmp_path / "out.jsonl"
    batch = CliRunner().invoke(main, ["batch", str(warc), "-o", str(out)])
    assert batch.exit_code == 12
    from_url = json.loads(fetched.stdout)
    (from_warc,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert fetched.exit_code == from_warc["exit_code"] == 8
    assert {k: from_warc[k] for k in from_url} == from_url  # same kind, message and url


def test_every_error_record_of_a_warc_says_where_it_came_from(tmp_path: Path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://example.org/blank", "200 OK", b"  \n"), ("https://example.org/harbour", "200 OK", HTML)])
    moved = tmp_path / "moved.warc.gz"
    write_warc(moved, [("https://example.org/old", "302 Found", b"<html><body>Found</body></html>")])
    got = [r.data for r in iter_articles([str(warc), str(moved)])]
    assert [(r.get("error"), r.get("url"), r.get("warc")) for r in got] == [
        ("empty", "https://example.org/blank", str(warc)),
        (None, "https://example.org/harbour", None),
        ("input", None, str(moved)),  # the file's own error (no page in it): no record, no URL
    ]
