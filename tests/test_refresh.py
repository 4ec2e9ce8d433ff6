"""Meta refresh followed like a redirect (scraper/refresh.py), against a real server on 127.0.0.1."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scraper.api import clean_capture
from scraper.capture import Capture
from scraper.cli import main
from scraper.errors import NetworkError, RobotsDisallowed
from scraper.fetch import Fetcher
from scraper.refresh import refresh_target

HTML = "text/html; charset=utf-8"
STORY = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Night buses return</title></head><body>"
    "<article><h1>Night buses return</h1>"
    + "".join(
        f"<p>Paragraph {n}: the city council voted on Tuesday to bring back night buses on six routes from May.</p>"
        for n in range(5)
    )
    + "</article></body></html>"
)


def stub(content: str, where: str = "head") -> str:
    """A page whose only job is to send the browser on: the refresh in ``where``."""
    tag = f'<meta http-equiv="refresh" content="{content}">'
    head = tag if where == "head" else f"<noscript>{tag}</noscript>" if where == "noscript" else ""
    body = tag if where == "body" else ""
    return f"<html><head><title>Moved</title>{head}</head><body>{body}<p>This page has moved.</p></body></html>"


def fetcher(**options: object) -> Fetcher:
    settings: dict[str, object] = {"timeout": 2.0, "retries": 0, "ignore_robots": True}
    settings.update(options)
    return Fetcher(**settings)  # type: ignore[arg-type]


def test_a_zero_second_refresh_leads_to_the_article(httpserver):
    httpserver.expect_request("/old").respond_with_data(stub("0; url=/2024/night-buses"), content_type=HTML)
    httpserver.expect_request("/2024/night-buses").respond_with_data(STORY, content_type=HTML)
    capture = fetcher().fetch(httpserver.url_for("/old"))
    assert capture.url == httpserver.url_for("/old")
    assert capture.final_url == httpserver.url_for("/2024/night-buses")
    article = clean_capture(capture)
    assert article.title == "Night buses return" and len(article.paragraphs) == 5
    assert article.fetch is not None and article.fetch.requested_url == httpserver.url_for("/old")


def test_a_notice_with_a_delay_and_a_quoted_absolute_url_is_followed(httpserver):
    target = httpserver.url_for("/story?id=7&amp;lang=en")
    httpserver.expect_request("/notice").respond_with_data(stub(f"5;URL='{target}'"), content_type=HTML)
    httpserver.expect_request("/story", query_string="id=7&lang=en").respond_with_data(STORY, content_type=HTML)
    assert fetcher().fetch(httpserver.url_for("/notice")).final_url == httpserver.url_for("/story?id=7&lang=en")


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("600", "head"),  # a live page reloading itself every ten minutes
        ("0; url=/self", "head"),  # to itself
        ("0; url=/nojs", "noscript"),  # for browsers without JavaScript
        ("300; url=/later", "head"),  # longer than a redirect waits
        ("0; url=mailto:desk@example.com", "head"),
    ],
)
def test_refreshes_that_are_no_redirect_are_not_followed(httpserver, content: str, where: str):
    httpserver.expect_request("/self").respond_with_data(stub(content, where), content_type=HTML)
    capture = fetcher().fetch(httpserver.url_for("/self"))
    assert capture.final_url == httpserver.url_for("/self")
    assert [request.path for request, _ in httpserver.log] == ["/self"]


def test_plain_text_and_the_option_off_are_not_followed(httpserver):
    refresh = stub("0; url=/elsewhere")
    httpserver.expect_request("/text").respond_with_data(refresh, content_type="text/plain")
    httpserver.expect_request("/html").respond_with_data(refresh, content_type=HTML)
    assert fetcher().fetch(httpserver.url_for("/text")).final_url == httpserver.url_for("/text")
    assert fetcher(follow_refresh=False).fetch(httpserver.url_for("/html")).final_url == httpserver.url_for("/html")
    assert refresh_target(Capture(data=refresh.encode(), url="https://example.com/a")) == "https://example.com/elsewhere"


def test_a_refresh_loop_is_a_network_error(httpserver):
    httpserver.expect_request("/a").respond_with_data(stub("0; url=/b"), content_type=HTML)
    httpserver.expect_request("/b").respond_with_data(stub("0; url=/a"), content_type=HTML)
    with pytest.raises(NetworkError, match="meta refresh loop") as info:
        fetcher().fetch(httpserver.url_for("/a"))
    assert info.value.exit_code == 7


def test_too_many_refreshes_stop_at_max_redirects(httpserver):
    for n in range(4):
        httpserver.expect_request(f"/hop{n}").respond_with_data(stub(f"0; url=/hop{n + 1}"), content_type=HTML)
    with pytest.raises(NetworkError, match="too many redirects"):
        fetcher(max_redirects=3).fetch(httpserver.url_for("/hop0"))


def test_a_refresh_into_a_disallowed_path_is_refused(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    httpserver.expect_request("/moved").respond_with_data(stub("0; url=/private/story"), content_type=HTML)
    httpserver.expect_request("/private/story").respond_with_data(STORY, content_type=HTML)
    with pytest.raises(RobotsDisallowed, match="/private/story"):
        fetcher(ignore_robots=False).fetch(httpserver.url_for("/moved"))
    assert "/private/story" not in [request.path for request, _ in httpserver.log]


def test_cli_follows_unless_told_not_to(httpserver):
    httpserver.expect_request("/old").respond_with_data(stub("0; url=/story"), content_type=HTML)
    httpserver.expect_request("/story").respond_with_data(STORY, content_type=HTML)
    runner = CliRunner()
    followed = runner.invoke(main, ["url", httpserver.url_for("/old"), "--ignore-robots", "--format", "text"])
    assert followed.exit_code == 0 and "night buses on six routes" in followed.output
    stopped = runner.invoke(main, ["url", httpserver.url_for("/old"), "--ignore-robots", "--no-refresh"])
    assert stopped.exit_code == 6
