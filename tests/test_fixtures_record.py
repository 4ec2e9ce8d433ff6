"""The fixtures tool's record and add commands, against a real HTTP server on 127.0.0.1.

pytest-httpserver serves real HTTP on a local port; nothing here mocks requests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED
from fixture_pages import ARTICLE_HTML, NO_ARTICLE_HTML, run
from scraper import fixtures
from scraper.errors import HTTPStatusError

# --- record (real local HTTP server) -------------------------------------------


@pytest.fixture()
def site(httpserver):
    fetch = pytest.importorskip("scraper.fetch", reason="the fetcher (scraper/fetch.py) is not in this tree yet")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for path in ("/news/ferry.html", "/private/ferry.html"):
        httpserver.expect_request(path).respond_with_data(ARTICLE_HTML, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/old-ferry").respond_with_data("", status=301, headers={"Location": "/news/ferry.html"})
    httpserver.expect_request("/notes.txt").respond_with_data(SEED.read_bytes(), content_type="text/plain; charset=utf-8")
    httpserver.expect_request("/gone").respond_with_data("not here", status=404, content_type="text/plain")
    return httpserver, fetch


def test_record_saves_capture_meta_and_expected(site, tmp_path: Path):
    server, fetch = site
    result = fixtures.record(server.url_for("/old-ferry"), "ferry", tmp_path, fetcher=fetch.Fetcher())
    assert result.status == "passed"
    assert (tmp_path / "ferry/capture.html").read_text("utf-8") == ARTICLE_HTML
    meta = json.loads((tmp_path / "ferry/meta.json").read_text("utf-8"))
    assert meta["url"] == server.url_for("/news/ferry.html") and meta["status"] == 200
    assert meta["content_type"].startswith("text/html") and meta["fetched_at"]
    assert "redirected" in meta["note"]
    expected = json.loads((tmp_path / "ferry/expected.json").read_text("utf-8"))
    assert expected["title"] == "Harbour Ferry Returns After Winter Repairs"
    assert expected["url"] == meta["url"]


def test_record_plain_text_is_a_text_capture(site, tmp_path: Path):
    server, fetch = site
    fixtures.record(server.url_for("/notes.txt"), "notes", tmp_path, fetcher=fetch.Fetcher())
    assert (tmp_path / "notes/capture.txt").read_bytes() == SEED.read_bytes()
    assert json.loads((tmp_path / "notes/expected.json").read_text("utf-8"))["capture"] == "text"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("bin.dat", bytes(range(256)) * 8, "(expected: error decode: could not decode the capture: it looks like binary"),
        ("empty.txt", b"", "(expected: error empty: the capture is empty)"),
        ("login.html", NO_ARTICLE_HTML.encode(), "(expected: error no_article: nothing article-like found"),
    ],
)
def test_add_cli_says_when_the_expected_outcome_is_an_error(tmp_path: Path, name: str, content: bytes, said: str):
    (tmp_path / name).write_bytes(content)
    cli = run("add", str(tmp_path / name), "x3", "--dir", str(tmp_path / "fx"))
    assert cli.exit_code == 0
    assert cli.stdout.startswith(f"added x3 in {tmp_path / 'fx'} {said}") and cli.stdout.count("\n") == 1
    assert "error" in json.loads((tmp_path / "fx/x3/expected.json").read_text("utf-8"))


def test_add_cli(tmp_path: Path):
    (tmp_path / "page.html").write_text(ARTICLE_HTML, "utf-8")
    cli = run("add", str(tmp_path / "page.html"), "ferry", "--dir", str(tmp_path / "fx"), "--url", "https://c.example/f")
    assert cli.exit_code == 0 and cli.stdout == f"added ferry in {tmp_path / 'fx'}\n"
    assert json.loads((tmp_path / "fx/ferry/meta.json").read_text("utf-8"))["url"] == "https://c.example/f"
    assert run("add", str(tmp_path / "page.html"), "ferry", "--dir", str(tmp_path / "fx")).exit_code == 3


def test_record_cli_says_when_the_page_is_no_article(site, tmp_path: Path):
    server, _ = site
    server.expect_request("/login").respond_with_data(NO_ARTICLE_HTML, content_type="text/html; charset=utf-8")
    cli = run("record", server.url_for("/login"), "login", "--dir", str(tmp_path))
    assert cli.exit_code == 0, cli.output
    assert cli.stdout == f"recorded login in {tmp_path} (expected: error no_article: nothing article-like found in the capture)\n"


def test_record_fetch_errors_create_nothing(site, tmp_path: Path):
    server, fetch = site
    with pytest.raises(HTTPStatusError):
        fixtures.record(server.url_for("/gone"), "gone", tmp_path, fetcher=fetch.Fetcher())
    assert list(tmp_path.iterdir()) == []


def test_record_cli_obeys_robots_unless_told(site, tmp_path: Path):
    server, _ = site
    url = server.url_for("/private/ferry.html")
    refused = run("record", url, "private", "--dir", str(tmp_path), "--timeout", "5")
    assert refused.exit_code == 9 and not (tmp_path / "private").exists()
    done = run("record", url, "private", "--dir", str(tmp_path), "--timeout", "5", "--ignore-robots")
    assert done.exit_code == 0, done.output
    assert run("check", "private", "--dir", str(tmp_path)).exit_code == 0
