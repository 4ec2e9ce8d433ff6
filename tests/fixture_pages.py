"""The pages and the CLI runner the fixtures-tool tests share."""

from __future__ import annotations

from click.testing import CliRunner

from scraper.cli import main

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour Ferry Returns After Winter Repairs | Coastline Courier</title>
<meta property="og:title" content="Harbour Ferry Returns After Winter Repairs">
<meta name="author" content="Mara Ellison">
<meta property="article:published_time" content="2024-04-02T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour Ferry Returns After Winter Repairs</h1>
<p>The harbour ferry resumed its crossings on Monday after four months in dry dock, where engineers replaced
both engines and refitted the passenger deck with heated seating for the first time since it entered service.</p>
<p>Commuters who had relied on a replacement bus service that added forty minutes to the journey said they were
relieved to see the boat back, although several complained that the new timetable drops the last evening sailing.</p>
<p>The operator said the late crossing would return in June once a second crew has finished training, and that
fares would stay at last year's level until the end of the summer season.</p>
</article>
<footer><p>&copy; 2024 Coastline Courier</p></footer>
</body></html>
"""
NO_ARTICLE_HTML = "<!DOCTYPE html><html><head><title>Login</title></head><body><form><input name=u></form></body></html>"


def run(*args: str):
    return CliRunner().invoke(main, ["fixtures", *args])
