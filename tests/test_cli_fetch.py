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
from scraper.errors import InputError
from scraper.fetch import Fetcher
from test_fetch import ARTICLE, HTML, serve_article

NOT_SECONDS = ["-5", "0", "nan", "inf", "-inf", "1e12", "soon"]


def scrape(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_error_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return lines[0]


def fetching_commands(url: str, tmp_path: Path) -> dict[str, list[str]]:
    """Each command that fetches, ready for its fetch options."""
    return {"url": ["url", url], "record": ["fixtures", "record", url, "page", "--dir", str(tmp_path / "fx")]}


# -- one timeout type ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["url", "record"])
@pytest.mark.parametrize("value", NOT_SECONDS)
def test_a_timeout_that_is_not_a_positive_finite_number_is_a_usage_error(command: str, value: str, tmp_path: Path):
    args = fetching_commands("http://127.0.0.1:9/x", tmp_path)[command]
    result = scrape(*args, "--timeout", value)
    assert result.exit_code == 2
    assert "--timeout" in one_error_line(result)
    assert not (tmp_path / "fx").exists()


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e12"])
def test_a_delay_that_is_not_a_finite_number_of_seconds_is_a_usage_error(value: str):
    result = scrape("url", "http://127.0.0.1:9/x", "--delay", value)
    assert result.exit_code == 2 and "--delay" in one_error_line(result)


@pytest.mark.parametrize("command", ["url", "record"])
def test_the_fetch_options_reach_the_fetcher(command: str, httpserver, tmp_path: Path):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n", content_type="text/plain")
    httpserver.expect_request("/page.html", headers={"User-Agent": "probe/7"}).respond_with_data(ARTICLE, content_type=HTML)
    args = fetching_commands(httpserver.url_for("/page.html"), tmp_path)[command]
    result = scrape(*args, "--timeout", "0.5", "--retries", "0", "--user-agent", "probe/7", "--ignore-robots")
    assert result.exit_code == 0, result.output
    assert [request.path for request, _ in httpserver.log] == ["/page.html"]  # robots.txt not even asked


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
