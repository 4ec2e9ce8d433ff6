"""The Fetcher and ``scrape url`` against a real HTTP server on 127.0.0.1.

Nothing is mocked: pytest-httpserver serves real HTTP on a local port. Every
wait (timeouts, backoffs, delays) is tiny so the file runs in a few seconds.
"""

from __future__ import annotations

import gzip
import json
import time

import pytest
from click.testing import CliRunner
from werkzeug import Response

import scraper
from scraper.api import clean_capture
from scraper.cli import main
from scraper.errors import (
    HTTPStatusError,
    InputError,
    NetworkError,
    TooLarge,
    UnsupportedContentType,
)
from scraper.fetch import default_user_agent, parse_retry_after
from served import ARTICLE, BODY, FIXTURES, HTML, fast, serve_article

# -- plain responses ------------------------------------------------------------


def test_200_html_records_status_final_url_and_time(httpserver):
    url = serve_article(httpserver)
    capture = fast().fetch(url)
    assert capture.status == 200
    assert capture.url == capture.final_url == url
    assert capture.content_type == HTML
    assert capture.data == ARTICLE.encode("utf-8")  # bytes untouched
    assert capture.fetched_at and capture.fetched_at.endswith("Z")
    article = clean_capture(capture)
    assert article.title == "Local test article"
    assert article.url == url
    assert article.fetch is not None and article.fetch.status == 200
    assert "Umlaute" in article.text


def test_200_text_plain_goes_to_the_text_path(httpserver):
    text = "A plain text page\n\n" + BODY + "\n"
    httpserver.expect_request("/page.txt").respond_with_data(text, content_type="text/plain; charset=utf-8")
    capture = fast().fetch(httpserver.url_for("/page.txt"))
    assert capture.kind() == "text"
    assert clean_capture(capture).capture == "text"


def test_user_agent_is_boilerstrip_and_configurable(httpserver):
    assert default_user_agent().startswith("boilerstrip/")
    httpserver.expect_request("/ua", headers={"User-Agent": default_user_agent()}).respond_with_data("ok", content_type="text/plain")
    httpserver.expect_request("/ua2", headers={"User-Agent": "mybot/1"}).respond_with_data("ok", content_type="text/plain")
    assert fast().fetch(httpserver.url_for("/ua")).status == 200
    assert fast(user_agent="mybot/1").fetch(httpserver.url_for("/ua2")).status == 200


# -- redirects ------------------------------------------------------------------


def test_301_302_chain_records_final_url(httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/older"})
    httpserver.expect_request("/older").respond_with_data("", status=302, headers={"Location": "/article.html"})
    final = serve_article(httpserver)
    capture = fast().fetch(httpserver.url_for("/old"))
    assert capture.url == httpserver.url_for("/old")
    assert capture.final_url == final
    article = clean_capture(capture)
    assert article.url == final
    assert article.fetch.requested_url == httpserver.url_for("/old")


def test_redirect_loop_is_a_network_error_not_a_traceback(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(NetworkError, match="too many redirects"):
        fast().fetch(httpserver.url_for("/a"))


# -- error statuses and retries -----------------------------------------------------


def test_404_is_an_http_status_error_without_retry(httpserver):
    httpserver.expect_oneshot_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(HTTPStatusError) as info:
        fast().fetch(httpserver.url_for("/gone"))
    assert info.value.status == 404 and info.value.exit_code == 8
    assert "404" in info.value.message


def test_500_then_200_is_retried(httpserver):
    httpserver.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    httpserver.expect_request("/flaky").respond_with_data(ARTICLE, content_type=HTML)
    capture = fast().fetch(httpserver.url_for("/flaky"))
    assert capture.status == 200
    assert len(httpserver.log) == 2


def test_persistent_503_gives_up_after_retries(httpserver):
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    with pytest.raises(HTTPStatusError, match="503.*after 3 attempts"):
        fast(retries=2).fetch(httpserver.url_for("/down"))
    assert len(httpserver.log) == 3


def test_429_retry_after_is_honoured_and_capped(httpserver):
    httpserver.expect_oneshot_request("/limited").respond_with_data("slow down", status=429, headers={"Retry-After": "3"})
    httpserver.expect_request("/limited").respond_with_data(ARTICLE, content_type=HTML)
    start = time.monotonic()
    capture = fast(max_retry_after=0.3).fetch(httpserver.url_for("/limited"))
    elapsed = time.monotonic() - start
    assert capture.status == 200
    assert 0.25 <= elapsed < 2.0  # waited, but only up to the cap, not the 3 s asked for


def test_retry_after_parses_seconds_and_http_dates():
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_connection_refused_is_a_network_error():
    with pytest.raises(NetworkError, match="after 2 attempts"):
        fast(retries=1).fetch("http://127.0.0.1:9/nothing-listens-here")


def test_slow_server_hits_the_read_timeout(httpserver):
    def slow(request):
        time.sleep(0.6)
        return Response(ARTICLE, content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(NetworkError, match="timed out"):
        fast(timeout=0.2, retries=0).fetch(httpserver.url_for("/slow"))


# -- bodies: charsets, compression, caps, types -------------------------------------


def test_wrong_charset_header_falls_back_to_meta_charset(httpserver):
    page = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    # the header claims UTF-8, the bytes are windows-1252 as the meta says
    httpserver.expect_request("/latin.html").respond_with_data(page.encode("cp1252"), content_type=HTML)
    capture = fast().fetch(httpserver.url_for("/latin.html"))
    assert capture.data == page.encode("cp1252")
    assert "für Umlaute and a café" in clean_capture(capture).text


def test_gzip_body_is_decompressed(httpserver):
    httpserver.expect_request("/gz.html").respond_with_data(
        gzip.compress(ARTICLE.encode("utf-8")), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )
    capture = fast().fetch(httpserver.url_for("/gz.html"))
    assert capture.data == ARTICLE.encode("utf-8")


def test_gzip_bomb_stops_at_the_decompressed_cap(httpserver):
    bomb = gzip.compress(b"<html>" + b" " * 2_000_000)
    httpserver.expect_request("/bomb.html").respond_with_data(bomb, content_type=HTML, headers={"Content-Encoding": "gzip"})
    with pytest.raises(TooLarge, match="decompresses"):
        fast(max_decompressed_bytes=200_000).fetch(httpserver.url_for("/bomb.html"))


def test_body_over_the_cap_with_content_length(httpserver):
    httpserver.expect_request("/big.html").respond_with_data("x" * 5000, content_type=HTML)
    with pytest.raises(TooLarge, match="1000-byte cap") as info:
        fast(max_bytes=1000).fetch(httpserver.url_for("/big.html"))
    assert info.value.exit_code == 11


def test_streamed_body_over_the_cap_stops_early(httpserver):
    sent: list[int] = []

    def endless(request):
        def chunks():
            for n in range(1000):  # would be 64 MB if read to the end
                sent.append(n)
                yield b"y" * 65536

        return Response(chunks(), content_type=HTML)  # chunked: no Content-Length

    httpserver.expect_request("/stream.html").respond_with_handler(endless)
    with pytest.raises(TooLarge, match="stopped reading"):
        fast(max_bytes=200_000).fetch(httpserver.url_for("/stream.html"))
    assert len(sent) < 1000


def test_size_cap_still_stops_early_with_the_cache(httpserver, tmp_path):
    sent: list[int] = []

    def endless(request):
        def chunks():
            for n in range(1000):
                sent.append(n)
                yield b"y" * 65536

        return Response(chunks(), content_type=HTML, headers={"Cache-Control": "max-age=60"})

    httpserver.expect_request("/stream.html").respond_with_handler(endless)
    with pytest.raises(TooLarge, match="cap"):
        fast(max_bytes=200_000, cache=tmp_path / "c.sqlite").fetch(httpserver.url_for("/stream.html"))
    assert len(sent) < 1000  # requests-cache did not read it all before us


def test_pdf_is_an_unsupported_content_type(httpserver):
    httpserver.expect_request("/paper.pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    with pytest.raises(UnsupportedContentType, match="application/pdf") as info:
        fast().fetch(httpserver.url_for("/paper.pdf"))
    assert info.value.exit_code == 10


# -- cache and local files ----------------------------------------------------------


def test_cache_hit_on_second_fetch(httpserver, tmp_path):
    httpserver.expect_request("/cached.html").respond_with_data(
        ARTICLE, content_type=HTML, headers={"Cache-Control": "max-age=300"}
    )
    cache = tmp_path / "http-cache.sqlite"
    first = fast(cache=cache).fetch(httpserver.url_for("/cached.html"))
    with fast(cache=cache) as again:  # a new Fetcher: the hit comes from the file
        second = again.fetch(httpserver.url_for("/cached.html"))
    assert first.data == second.data == ARTICLE.encode("utf-8")
    assert second.status == 200
    assert len(httpserver.log) == 1
    assert cache.exists()


def test_no_store_is_not_cached(httpserver, tmp_path):
    httpserver.expect_request("/private.html").respond_with_data(
        ARTICLE, content_type=HTML, headers={"Cache-Control": "no-store"}
    )
    fetcher = fast(cache=tmp_path / "c.sqlite")
    fetcher.fetch(httpserver.url_for("/private.html"))
    fetcher.fetch(httpserver.url_for("/private.html"))
    assert len(httpserver.log) == 2


def test_file_url_and_local_path_read_from_disk(tmp_path):
    page = tmp_path / "saved page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    by_url = fast().fetch(page.as_uri())
    by_path = fast().fetch(str(page))
    assert by_url.data == by_path.data == ARTICLE.encode("utf-8")
    with pytest.raises(InputError):
        fast().fetch(str(tmp_path / "missing.html"))
    with pytest.raises(InputError, match="scheme"):
        fast().fetch("ftp://example.com/x")


@pytest.mark.parametrize("url", ["http://[::1/x", "https://", "http://exa mple.com/x"])
def test_malformed_urls_are_input_errors(url):
    with pytest.raises(InputError, match="not a valid URL"):
        fast(retries=0, timeout=0.5).fetch(url)


def test_scrape_builds_an_article_with_fetch_info(httpserver):
    url = serve_article(httpserver)
    article = scraper.api.scrape(url, timeout=2.0, ignore_robots=True)
    data = article.to_dict()
    assert data["url"] == url
    assert data["fetch"]["final_url"] == url and data["fetch"]["status"] == 200


# -- the CLI ------------------------------------------------------------------------


def test_cli_url_matches_cli_file_plus_fetch_info(httpserver, tmp_path):
    saved = tmp_path / "article.html"
    saved.write_text(ARTICLE, encoding="utf-8")
    url = serve_article(httpserver)
    runner = CliRunner()
    fetched = runner.invoke(main, ["url", url, "--ignore-robots", "--timeout", "2"])
    from_file = runner.invoke(main, ["file", str(saved)])
    assert fetched.exit_code == 0, fetched.output
    got, want = json.loads(fetched.stdout), json.loads(from_file.stdout)
    assert got["url"] == url and got["fetch"]["final_url"] == url
    assert got["fetch"]["status"] == 200 and got["fetch"]["fetched_at"]
    for volatile in ("url", "source", "fetch", "extractor"):
        got.pop(volatile), want.pop(volatile)
    assert got == want


HTML_FIXTURES = ("wp-wpdiscuz-check-also", "news-newsletter-cookie", "paywall-article", "h1-repeated-in-body", "de-article")


@pytest.mark.parametrize("name", HTML_FIXTURES)
def test_cli_url_on_a_served_fixture_matches_cli_file(httpserver, name):
    capture = FIXTURES / name / "capture.html"
    httpserver.expect_request(f"/{name}.html").respond_with_data(capture.read_bytes(), content_type=HTML)
    url = httpserver.url_for(f"/{name}.html")
    runner = CliRunner()
    fetched = runner.invoke(main, ["url", url, "--ignore-robots"])
    from_file = runner.invoke(main, ["file", str(capture)])
    assert fetched.exit_code == 0 and from_file.exit_code == 0, fetched.output + from_file.output
    got, want = json.loads(fetched.stdout), json.loads(from_file.stdout)
    assert got["url"] == url
    assert got["fetch"] == {**got["fetch"], "requested_url": url, "final_url": url, "status": 200}
    assert got["fetch"]["fetched_at"]
    for volatile in ("url", "source", "fetch", "extractor"):
        got.pop(volatile), want.pop(volatile)
    assert got == want
    expected = json.loads((FIXTURES / name / "expected.json").read_text("utf-8"))
    assert got["paragraphs"] == expected["paragraphs"] and got["removed"] == expected["removed"]


def test_cli_url_error_is_one_line_with_the_exit_code(httpserver):
    httpserver.expect_request("/paper.pdf").respond_with_data(b"%PDF", content_type="application/pdf")
    result = CliRunner().invoke(main, ["url", httpserver.url_for("/paper.pdf"), "--ignore-robots"])
    assert result.exit_code == 10
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: ") and "application/pdf" in result.stderr
    assert "Traceback" not in result.output


def test_cli_url_jsonl_keeps_going_past_a_failing_url(httpserver):
    url = serve_article(httpserver)
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    gone = httpserver.url_for("/gone")
    result = CliRunner().invoke(
        main, ["url", gone, url, "--format", "jsonl", "--ignore-robots", "--retries", "0", "--delay", "0"]
    )
    assert result.exit_code == 8
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["error"] == "http_status" and records[0]["url"] == gone and records[0]["exit_code"] == 8
    assert records[1]["title"] == "Local test article"


def test_cli_url_obeys_robots_by_default(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n", content_type="text/plain")
    url = serve_article(httpserver)
    assert CliRunner().invoke(main, ["url", url]).exit_code == 9
    assert CliRunner().invoke(main, ["url", url, "--ignore-robots", "--format", "text"]).exit_code == 0


def test_cli_url_cache_option_uses_the_given_file(httpserver, tmp_path):
    httpserver.expect_request("/c.html").respond_with_data(ARTICLE, content_type=HTML, headers={"Cache-Control": "max-age=60"})
    cache = tmp_path / "cli-cache.sqlite"
    for _ in range(2):
        result = CliRunner().invoke(main, ["url", httpserver.url_for("/c.html"), "--ignore-robots", "--cache", str(cache)])
        assert result.exit_code == 0, result.output
    assert cache.exists() and len(httpserver.log) == 1


def test_cli_url_cache_flag_before_a_url_is_not_taken_as_the_path(httpserver, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # the default cache path lands here
    monkeypatch.setenv("HOME", str(tmp_path))
    url = serve_article(httpserver)
    result = CliRunner().invoke(main, ["url", "--ignore-robots", "--cache", url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["url"] == url
    assert list(tmp_path.rglob("http-cache.sqlite"))
    assert CliRunner().invoke(main, ["url"]).exit_code == 2
