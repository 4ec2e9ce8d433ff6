"""A Fetcher's settings are checked when it is built, and robots.txt answering 429."""

from __future__ import annotations

import math

import pytest

from scraper.errors import RobotsDisallowed
from scraper.fetch import Fetcher
from scraper.fetch_settings import MAX_SECONDS, seconds_problem
from scraper.robots import parse

PAGE = "<html><head><title>T</title></head><body><p>Some words of a page.</p></body></html>"


@pytest.mark.parametrize("value", [-5, 0, math.nan, math.inf, MAX_SECONDS + 1, "soon"])
def test_a_timeout_out_of_range_fails_when_the_fetcher_is_built(value):
    with pytest.raises(ValueError, match=r"^connect timeout: .* is not a number of seconds"):
        Fetcher(timeout=value)  # type: ignore[arg-type]


def test_each_setting_is_named_in_its_error():
    with pytest.raises(ValueError, match=r"^read timeout: -1 is not a number of seconds over 0 up to 86400"):
        Fetcher(read_timeout=-1)
    with pytest.raises(ValueError, match=r"^delay: -0.5 is not a number of seconds from 0"):
        Fetcher(delay=-0.5)
    with pytest.raises(ValueError, match=r"^retries: -1 is not a whole number from 0$"):
        Fetcher(retries=-1)
    with pytest.raises(ValueError, match=r"^max_bytes: 1.5 is not a whole number from 0$"):
        Fetcher(max_bytes=1.5)  # type: ignore[arg-type]


def test_settings_in_range_are_kept():
    fetcher = Fetcher(timeout=MAX_SECONDS, delay=0, backoff=0, retries=0, max_retry_after=0)
    assert fetcher.timeout == (MAX_SECONDS, MAX_SECONDS)
    assert fetcher.retries == 0


def test_seconds_problem_is_the_command_lines_sentence():
    assert seconds_problem("2.5", positive=True) is None
    assert seconds_problem(0, positive=False) is None
    assert seconds_problem(0, positive=True) == "0 is not a number of seconds over 0 up to 86400 (a day)"
    assert seconds_problem("x", positive=True) == "'x' is not a number of seconds"


def test_robots_txt_answering_429_disallows_like_a_server_error():
    rules = parse(429, b"")
    assert not rules.allowed("http://example.test/a", "boilerstrip")
    assert rules.reason == "robots.txt answered HTTP 429"
    assert parse(404, b"").allowed("http://example.test/a", "boilerstrip")  # a missing one allows all


def test_a_host_whose_robots_txt_keeps_answering_429_is_not_fetched(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("slow down", status=429, headers={"Retry-After": "0"})
    httpserver.expect_request("/page.html").respond_with_data(PAGE, content_type="text/html")
    fetcher = Fetcher(timeout=2.0, retries=1, backoff=0.01)
    with pytest.raises(RobotsDisallowed, match=r"robots.txt disallows .*/page.html for .* \(robots.txt answered HTTP 429\)$"):
        fetcher.fetch(httpserver.url_for("/page.html"))
    assert [request.path for request, _ in httpserver.log] == ["/robots.txt"] * 2  # tried again once, page never asked
