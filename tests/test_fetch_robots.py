"""The Fetcher's robots.txt rules and politeness delays, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from werkzeug import Response

from scraper.errors import NetworkError, RobotsDisallowed
from served import ARTICLE, HTML, fast, serve_article

# -- robots.txt and politeness ------------------------------------------------------


def test_robots_disallow_is_obeyed_and_can_be_ignored(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: boilerstrip\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/private/page.html").respond_with_data(ARTICLE, content_type=HTML)
    url = httpserver.url_for("/private/page.html")
    with pytest.raises(RobotsDisallowed, match="robots.txt disallows") as info:
        fast(ignore_robots=False).fetch(url)
    assert info.value.exit_code == 9
    assert fast(ignore_robots=True).fetch(url).status == 200


@pytest.fixture
def other_host():
    """A second local server: another host (port) with its own robots.txt."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def test_a_redirect_is_followed_only_where_robots_allow_it(httpserver, other_host):
    other_host.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    other_host.expect_request("/private/page.html").respond_with_data(ARTICLE, content_type=HTML)
    other_host.expect_request("/open/page.html").respond_with_data(ARTICLE, content_type=HTML)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    for path in ("private", "open"):
        httpserver.expect_request(f"/to-{path}").respond_with_data(
            "", status=302, headers={"Location": other_host.url_for(f"/{path}/page.html")}
        )
    fetcher = fast(ignore_robots=False)
    with pytest.raises(RobotsDisallowed, match="redirected from") as info:
        fetcher.fetch(httpserver.url_for("/to-private"))
    assert info.value.exit_code == 9
    assert "/private/page.html" not in [request.path for request, _ in other_host.log]  # never asked
    capture = fetcher.fetch(httpserver.url_for("/to-open"))
    assert capture.final_url == other_host.url_for("/open/page.html") and capture.status == 200
    assert fast(ignore_robots=True).fetch(httpserver.url_for("/to-private")).status == 200


def test_a_same_host_redirect_into_a_disallowed_path_is_refused(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/private/x.html"})
    with pytest.raises(RobotsDisallowed, match="/private/x.html"):
        fast(ignore_robots=False).fetch(httpserver.url_for("/moved"))


def test_robots_txt_is_fetched_once_per_host(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    serve_article(httpserver)
    fetcher = fast(ignore_robots=False)
    for _ in range(3):
        fetcher.fetch(httpserver.url_for("/article.html"))
    paths = [request.path for request, _ in httpserver.log]
    assert paths.count("/robots.txt") == 1 and paths.count("/article.html") == 3


def test_missing_robots_allows_and_server_error_disallows(httpserver):
    serve_article(httpserver)
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("nope", status=404)
    assert fast(ignore_robots=False).fetch(httpserver.url_for("/article.html")).status == 200
    httpserver.expect_request("/robots.txt").respond_with_data("broken", status=503)
    with pytest.raises(RobotsDisallowed, match="HTTP 503"):
        fast(ignore_robots=False, retries=1).fetch(httpserver.url_for("/article.html"))
    paths = [request.path for request, _ in httpserver.log]
    assert paths.count("/robots.txt") == 1 + 2  # the 503 asked again, as a page's is, before it decides
    assert paths.count("/article.html") == 1  # (the first fetch's) never asked under the 503


def test_robots_txt_is_retried_as_pages_are(httpserver):
    serve_article(httpserver)
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("busy", status=503)
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("wait", status=429, headers={"Retry-After": "0"})
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    assert fast(ignore_robots=False, retries=2).fetch(httpserver.url_for("/article.html")).status == 200
    assert [request.path for request, _ in httpserver.log] == ["/robots.txt"] * 3 + ["/article.html"]


def test_robots_txt_connection_errors_are_retried_and_say_so():
    start = time.monotonic()
    with pytest.raises(NetworkError, match=r"^could not fetch http://127.0.0.1:9/robots.txt: connection refused \(after 3 attempts\)$"):
        fast(ignore_robots=False, retries=2, backoff=0.1).fetch("http://127.0.0.1:9/nothing-listens-here")
    assert time.monotonic() - start >= 0.1 * 0.5 + 0.2 * 0.5  # two backoff waits (at least half each: jitter)


def test_a_slow_robots_txt_is_retried_after_its_timeout(httpserver):
    asked: list[float] = []

    def slow_once(request):
        asked.append(time.monotonic())
        if len(asked) == 1:
            time.sleep(0.6)
        return Response("User-agent: *\nAllow: /\n", content_type="text/plain")

    httpserver.expect_request("/robots.txt").respond_with_handler(slow_once)
    serve_article(httpserver)
    # (the one-threaded server answers the retry once the slow answer is done: a third try may be needed)
    capture = fast(ignore_robots=False, timeout=0.3, retries=2).fetch(httpserver.url_for("/article.html"))
    assert capture.status == 200 and len(asked) >= 2


def test_crawl_delay_spaces_requests_to_one_host(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    serve_article(httpserver)
    fetcher = fast(ignore_robots=False)
    start = time.monotonic()
    fetcher.fetch(httpserver.url_for("/article.html"))
    fetcher.fetch(httpserver.url_for("/article.html"))
    assert time.monotonic() - start >= 0.3


def test_delay_option_spaces_requests_without_robots(httpserver):
    serve_article(httpserver)
    fetcher = fast(delay=0.25)
    start = time.monotonic()
    for _ in range(3):
        fetcher.fetch(httpserver.url_for("/article.html"))
    assert time.monotonic() - start >= 0.5


def test_one_fetcher_shared_by_threads_keeps_the_host_delay(httpserver):
    serve_article(httpserver)
    fetcher = fast(delay=0.15)
    url = httpserver.url_for("/article.html")
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        captures = list(pool.map(lambda _: fetcher.fetch(url), range(4)))
    assert all(c.status == 200 for c in captures)
    assert time.monotonic() - start >= 0.45  # 4 requests, 3 gaps, even from 4 threads
