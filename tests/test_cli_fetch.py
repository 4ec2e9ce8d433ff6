"""The fetch options every fetching command shares (``url``, ``fixtures
record``, ``batch``): one timeout type, one cache, the same Fetcher.

Against a real HTTP server on 127.0.0.1 (pytest-httpserver); nothing mocked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import main
from scraper.errors import InputError, NetworkError
from scraper.fetch import Fetcher
from served import ARTICLE, HTML, serve_article

NOT_SECONDS = ["-5", "0", "nan", "inf", "-inf", "1e12", "soon"]


def scrape(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_error_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return lines[0]


FETCHING = ["url", "record", "batch"]


def fetching_commands(url: str, tmp_path: Path) -> dict[str, list[str]]:
    """Each command that fetches, ready for its fetch options."""
    return {
        "url": ["url", url],
        "record": ["fixtures", "record", url, "page", "--dir", str(tmp_path / "fx")],
        "batch": ["batch", url, "-o", str(tmp_path / "out.jsonl"), "-j", "1", "--no-progress"],
    }


# -- one timeout type ---------------------------------------------------------------


@pytest.mark.parametrize("command", FETCHING)
@pytest.mark.parametrize("value", NOT_SECONDS)
def test_a_timeout_that_is_not_a_positive_finite_number_is_a_usage_error(command: str, value: str, tmp_path: Path):
    args = fetching_commands("http://127.0.0.1:9/x", tmp_path)[command]
    result = scrape(*args, "--timeout", value)
    assert result.exit_code == 2
    assert "--timeout" in one_error_line(result)
    assert list(tmp_path.iterdir()) == []  # nothing fetched, nothing written


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e12"])
def test_a_delay_that_is_not_a_finite_number_of_seconds_is_a_usage_error(value: str):
    result = scrape("url", "http://127.0.0.1:9/x", "--delay", value)
    assert result.exit_code == 2 and "--delay" in one_error_line(result)


@pytest.mark.parametrize("command", FETCHING)
def test_the_fetch_options_reach_the_fetcher(command: str, httpserver, tmp_path: Path):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n", content_type="text/plain")
    httpserver.expect_request("/page.html", headers={"User-Agent": "probe/7"}).respond_with_data(ARTICLE, content_type=HTML)
    args = fetching_commands(httpserver.url_for("/page.html"), tmp_path)[command]
    result = scrape(*args, "--timeout", "0.5", "--retries", "0", "--user-agent", "probe/7", "--ignore-robots")
    assert result.exit_code == 0, result.output
    assert [request.path for request, _ in httpserver.log] == ["/page.html"]  # robots.txt not even asked


def test_batch_fetches_with_the_options_given(httpserver, tmp_path: Path):
    """Four pages of a site (fetched ahead for its template, then cleaned), each asked once, as probe/7."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n", content_type="text/plain")
    urls = [httpserver.url_for(f"/p{n}.html") for n in range(4)]
    for n in range(4):
        httpserver.expect_request(f"/p{n}.html", headers={"User-Agent": "probe/7"}).respond_with_data(
            ARTICLE, content_type=HTML
        )
    out = tmp_path / "out.jsonl"
    result = scrape("batch", *urls, "-o", str(out), "--no-progress", "--user-agent", "probe/7", "--ignore-robots")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["source"] for r in records] == urls and all(r["title"] == "Local test article" for r in records)
    assert sorted(request.path for request, _ in httpserver.log) == [f"/p{n}.html" for n in range(4)]

    refused = scrape("batch", urls[0], "-o", str(tmp_path / "robots.jsonl"), "--no-progress", "--retries", "0")
    assert refused.exit_code == 12  # without the options: robots.txt obeyed, the page an error record
    assert json.loads((tmp_path / "robots.jsonl").read_text("utf-8"))["error"] == "robots"


def test_batch_cache_flag_before_a_url_is_not_taken_as_the_path(httpserver, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))  # the default cache path lands here
    url = serve_article(httpserver)
    out = tmp_path / "out.jsonl"
    result = scrape("batch", "--ignore-robots", "--cache", url, "-o", str(out), "--no-progress")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["source"] == url
    assert list((tmp_path / "home-cache").rglob("http-cache.sqlite"))


# -- the HTTP cache -----------------------------------------------------------------


def test_a_cache_file_that_is_not_sqlite_is_one_line_and_exit_3(tmp_path: Path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my notes, not a database\n" * 100)
    result = scrape("url", "http://127.0.0.1:9/x", "--cache", str(notes))
    assert result.exit_code == 3
    assert one_error_line(result) == f"error: cannot use {notes} as the HTTP cache: file is not a database"
    assert notes.read_text().startswith("my notes")  # left as it was


@pytest.mark.parametrize("where", ["under a file", "proc"])
def test_a_cache_path_that_cannot_be_created_is_one_line_and_exit_3(where: str, tmp_path: Path):
    if where == "proc" and not Path("/proc/self").exists():
        pytest.skip("needs Linux /proc")
    (tmp_path / "plain.txt").write_text("x")
    path = tmp_path / "plain.txt" / "c.sqlite" if where == "under a file" else Path("/proc/x.sqlite")
    result = scrape("url", "http://127.0.0.1:9/x", "--cache", str(path))
    assert result.exit_code == 3
    assert one_error_line(result).startswith(f"error: cannot use {path} as the HTTP cache: ")


def test_a_cache_file_broken_after_it_opened_is_an_input_error(httpserver, tmp_path: Path):
    serve_article(httpserver)
    cache = tmp_path / "c.sqlite"
    fetcher = Fetcher(cache=cache, ignore_robots=True, retries=0)
    fetcher.fetch(httpserver.url_for("/article.html"))
    with cache.open("r+b") as handle:
        handle.write(b"garbage" * 1000)
    with pytest.raises(InputError, match="as the HTTP cache: file is not a database"):
        fetcher.fetch(httpserver.url_for("/other.html"))


def test_a_cache_path_without_an_extension_gets_sqlite(httpserver, tmp_path: Path):
    url = serve_article(httpserver)
    assert Fetcher(cache=tmp_path / "mycache").cache_path == tmp_path / "mycache.sqlite"
    assert Fetcher(cache=tmp_path / "my.db").cache_path == tmp_path / "my.db"
    result = scrape("url", url, "--ignore-robots", "--cache", str(tmp_path / "cli"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.sqlite").is_file() and not (tmp_path / "cli").exists()
    assert json.loads(result.stdout)["url"] == url


# -- scrape url's output ------------------------------------------------------------


def serve_two(httpserver) -> list[str]:
    for name in ("a", "b"):
        httpserver.expect_request(f"/{name}.html").respond_with_data(
            ARTICLE.replace("Local test article", f"Article {name.upper()}"), content_type=HTML
        )
    return [httpserver.url_for("/a.html"), httpserver.url_for("/b.html")]


def test_several_urls_in_json_are_one_array_streamed_a_line_each(httpserver):
    urls = serve_two(httpserver)
    result = scrape("url", *urls, "--ignore-robots")
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)
    assert [a["title"] for a in articles] == ["Article A", "Article B"] and [a["url"] for a in articles] == urls
    lines = result.stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert json.loads(lines[1].removesuffix(",")) == articles[0]  # each article a line of its own


def test_several_urls_in_pretty_json_are_one_array_too(httpserver):
    urls = serve_two(httpserver)
    result = scrape("url", *urls, "--ignore-robots", "--pretty")
    assert result.exit_code == 0, result.output
    assert [a["title"] for a in json.loads(result.stdout)] == ["Article A", "Article B"]
    assert '\n  "title": "Article A"' in result.stdout


def test_one_url_in_json_stays_one_object(httpserver):
    url = serve_article(httpserver)
    assert json.loads(scrape("url", url, "--ignore-robots").stdout)["url"] == url


def test_a_failing_url_is_left_out_of_the_array(httpserver):
    urls = serve_two(httpserver)
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    gone = httpserver.url_for("/gone")
    result = scrape("url", urls[0], gone, urls[1], "--ignore-robots")
    assert result.exit_code == 8
    assert [a["title"] for a in json.loads(result.stdout)] == ["Article A", "Article B"]
    assert one_error_line(result).startswith(f"error: {gone}: HTTP 404")
    nothing = scrape("url", gone, gone, "--ignore-robots")
    assert nothing.exit_code == 8 and json.loads(nothing.stdout) == []


# -- an empty URL -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["url", "record"])
@pytest.mark.parametrize("url", ["", "  "])
def test_an_empty_url_is_one_line_saying_so(command: str, url: str, tmp_path: Path):
    result = scrape(*fetching_commands(url, tmp_path)[command])
    assert result.exit_code == 3
    assert one_error_line(result).startswith("error: empty URL")  # not "is a directory, not a capture: ."
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InputError, match="empty URL"):
        Fetcher().fetch(url)


def test_one_attempt_is_said_in_the_singular():
    with pytest.raises(NetworkError, match=r"connection refused \(after 1 attempt\)$"):
        Fetcher(retries=0, ignore_robots=True).fetch("http://127.0.0.1:9/x")
