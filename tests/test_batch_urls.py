"""Batches of URLs, against a local server: one record each, errors kept,
resumes, and the cross-page evidence of a site given by its URLs (each page
fetched once)."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from scraper.batch import iter_articles, run_batch
from scraper.cli import main
from scraper.errors import HTTPStatusError, ScrapeError
from scraper.fetch import Fetcher

from site_pages import EXPECTED, PITCH, SITES

PAGES = range(1, 7)


@pytest.fixture
def diario(httpserver: HTTPServer) -> list[str]:
    """The six pages of the Spanish paper (tests/data/sites/diario) as its URLs, plus a missing one."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    for n in PAGES:
        body = (SITES / "diario" / f"page{n}.html").read_bytes()
        httpserver.expect_request(f"/local/noticia-{n}.html").respond_with_data(body, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/local/borrada.html").respond_with_data("gone", status=404)
    return [httpserver.url_for(f"/local/noticia-{n}.html") for n in PAGES]


def fetched(httpserver: HTTPServer, path: str) -> int:
    return sum(request.path == path for request, _ in httpserver.log)


def batch(sources: list[str], **options: object) -> list[dict]:
    out = io.StringIO()
    run_batch(sources, out, fetcher=Fetcher(retries=0), **options)  # type: ignore[arg-type]
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_sites_urls_are_fetched_once_and_cleaned_with_its_template(diario: list[str], httpserver: HTTPServer) -> None:
    missing = httpserver.url_for("/local/borrada.html")
    records = batch([diario[0], missing, *diario[1:]])
    assert [r["source"] for r in records] == [diario[0], missing, *diario[1:]]  # input order
    assert records[1]["error"] == "http_status" and "404" in records[1]["message"]
    articles = [records[0], *records[2:]]
    for n, record in zip(PAGES, articles):
        assert record["url"] == diario[n - 1] and record["fetch"]["status"] == 200
        assert record["paragraphs"] == EXPECTED[f"diario/page{n}.html"]["article"]
    host = f"{httpserver.host}"
    assert [[r["reason"] for r in rec["removed"] if r["text"] == PITCH] for rec in articles] == [
        [f"on 6 of 6 pages read from {host}"]
    ] * 6
    for n in PAGES:  # once each, for the evidence and the cleaning both
        assert fetched(httpserver, f"/local/noticia-{n}.html") == 1
    assert fetched(httpserver, "/local/borrada.html") == 1


def test_without_site_evidence_urls_are_cleaned_alone(diario: list[str], httpserver: HTTPServer) -> None:
    records = batch(diario, site_evidence=False)
    assert all(PITCH in r["paragraphs"] for r in records if r["source"].endswith("noticia-3.html"))
    assert not any(r["cleaner"] == "site_template" for record in records for r in record["removed"])
    assert all(fetched(httpserver, f"/local/noticia-{n}.html") == 1 for n in PAGES)


def test_urls_past_those_fetched_ahead_are_fetched_in_turn_and_cleaned_with_the_template(
    diario: list[str], httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("scraper.batch.URL_PAGES_PER_SITE", 4)
    records = batch(diario)
    assert [[r["reason"] for r in rec["removed"] if r["text"] == PITCH] for rec in records] == [
        [f"on 4 of 4 pages read from {httpserver.host}"]
    ] * 6
    assert all(fetched(httpserver, f"/local/noticia-{n}.html") == 1 for n in PAGES)


def test_too_few_urls_of_a_site_give_no_evidence(diario: list[str]) -> None:
    records = batch(diario[:3])
    assert [len(r["paragraphs"]) for r in records] and not any(
        r["cleaner"] == "site_template" for record in records for r in record["removed"]
    )


def test_a_resumed_batch_fetches_only_what_is_left(diario: list[str], httpserver: HTTPServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    # An earlier run wrote the first two pages; the four left are still enough for evidence.
    first = batch(diario[:2], site_evidence=False)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first), "utf-8")
    httpserver.clear_log()
    result = CliRunner().invoke(main, ["batch", *diario, "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "4 written (4 articles, 0 errors), 2 skipped" in result.stderr
    assert "template lines learned for 1 site" in result.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["source"] for r in records] == diario
    assert [fetched(httpserver, f"/local/noticia-{n}.html") for n in PAGES] == [0, 0, 1, 1, 1, 1]
    assert all(PITCH not in r["paragraphs"] for r in records[2:])


def test_iter_articles_gives_the_same_records_in_worker_processes(diario: list[str], httpserver: HTTPServer) -> None:
    sources = [*diario, httpserver.url_for("/local/borrada.html")]  # its error goes to a worker too
    alone = [r.data for r in iter_articles(sources, fetcher=Fetcher(retries=0))]
    httpserver.clear_log()
    pooled = [r.data for r in iter_articles(sources, jobs=2, fetcher=Fetcher(retries=0))]
    assert pooled[-1]["error"] == "http_status"
    volatile = ("fetch",)  # the fetch time differs
    assert [{k: v for k, v in r.items() if k not in volatile} for r in pooled] == [
        {k: v for k, v in r.items() if k not in volatile} for r in alone
    ]
    assert all(fetched(httpserver, f"/local/noticia-{n}.html") == 1 for n in PAGES)


def test_prefetched_captures_are_handed_out_once_and_their_folder_removed() -> None:
    from scraper.capture import Capture
    from scraper.prefetch import Prefetched

    capture = Capture(b"<p>hola</p>", source="https://a.example/1", url="https://a.example/1", status=200,
                      headers={"Content-Type": "text/html"})
    error = HTTPStatusError("HTTP 404 for https://a.example/2", 404)
    with Prefetched() as prefetched:
        assert prefetched.take("https://a.example/1") is None  # nothing yet: no folder either
        prefetched.put("https://a.example/1", capture)
        prefetched.put("https://a.example/2", error)
        folder = next(iter(prefetched._files.values())).parent
        assert "https://a.example/1" in prefetched and len(list(folder.iterdir())) == 1
        assert prefetched.take("https://a.example/1") == capture
        assert prefetched.take("https://a.example/2") is error
        assert prefetched.take("https://a.example/1") is None and not list(folder.iterdir())
        prefetched.put("https://a.example/3", capture)
    assert not folder.exists()


@pytest.mark.parametrize("error", [cls("a message") for cls in ScrapeError.__subclasses__() if cls is not HTTPStatusError]
                         + [HTTPStatusError("HTTP 404 for https://a.example/2", 404)], ids=lambda e: type(e).__name__)
def test_every_error_survives_the_trip_to_a_worker(error: ScrapeError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and back.to_dict() == error.to_dict() and vars(back) == vars(error)


def test_malformed_urls_are_error_records_not_a_crash() -> None:
    # four of one unusable "host": the first look fetches them ahead, and each fails alone
    bad = ["http://[::1/x", "https://", *(f"http://exa mple.com/{n}" for n in range(4))]
    records = batch(bad)
    assert [r["source"] for r in records] == bad
    assert all(r["error"] == "input" and "not a valid URL" in r["message"] for r in records)


def test_file_urls_and_other_schemes_are_read_as_scrape_url_reads_them(tmp_path: Path) -> None:
    page = tmp_path / "harbour wall.html"
    page.write_bytes((SITES / "diario" / "page1.html").read_bytes())
    url, ftp = page.as_uri(), "ftp://example.org/harbour.html"  # (a file URL with "%20" for the space)
    records = batch([url, ftp])
    assert [r["source"] for r in records] == [url, ftp]
    assert records[0]["url"] == url and records[0]["title"] == EXPECTED["diario/page1.html"]["title"]
    fetched = CliRunner().invoke(main, ["url", ftp, "--format", "jsonl"])
    assert fetched.exit_code == records[1]["exit_code"] == 3
    assert {k: records[1][k] for k in ("error", "message")} == {
        "error": "input", "message": "unsupported URL scheme 'ftp': ftp://example.org/harbour.html"
    } == {k: json.loads(fetched.stdout)[k] for k in ("error", "message")}
