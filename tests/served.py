"""What the fetch tests serve on 127.0.0.1, and a Fetcher with tiny waits."""

from __future__ import annotations

from pathlib import Path

from scraper.fetch import Fetcher

# Paragraphs long enough that trafilatura keeps them as the article.
BODY = " ".join(
    f"Paragraph {n} of the test article says something a reader would want to keep in the output."
    for n in range(6)
)
ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Local test article</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Local test article</h1><p>{BODY}</p><p>Second paragraph, für Umlaute and a café too.</p></article>
<footer>© Example</footer></body></html>"""
HTML = "text/html; charset=utf-8"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fast(**options: object) -> Fetcher:
    """A Fetcher with tiny waits, robots ignored unless a test says otherwise."""
    settings: dict[str, object] = {"timeout": 2.0, "retries": 2, "backoff": 0.01, "ignore_robots": True}
    settings.update(options)
    return Fetcher(**settings)  # type: ignore[arg-type]


def serve_article(httpserver, path: str = "/article.html") -> str:
    httpserver.expect_request(path).respond_with_data(ARTICLE, content_type=HTML)
    return httpserver.url_for(path)
