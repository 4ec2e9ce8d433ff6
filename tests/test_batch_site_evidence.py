"""A batch's cross-page evidence: four sites of six pages each (tests/data/sites)."""

from __future__ import annotations

import io
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.batch import iter_articles, run_batch
from scraper.cli import main

from site_pages import EXPECTED, PITCH, SITES

REMARK = (
    "Die folgenden Angaben beruhen auf vorläufigen Zahlen der Mitgliedsunternehmen und können sich bis zur "
    "Veröffentlichung des Jahresberichts noch ändern."
)


@pytest.fixture
def sites(tmp_path: Path) -> list[str]:
    names = ("stadtblatt", "diario", "verband", "klimablog")
    for name in names:
        shutil.copytree(SITES / name, tmp_path / name)
    return [str(tmp_path / name) for name in names]


def by_page(records: list[dict]) -> dict[str, dict]:
    """Records keyed like expected.json ("diario/page1.html")."""
    return {"/".join(Path(r["source"]).parts[-2:]): r for r in records}


def batch(sources: list[str], **options: object) -> dict[str, dict]:
    out = io.StringIO()
    run_batch(sources, out, **options)  # type: ignore[arg-type]
    return by_page([json.loads(line) for line in out.getvalue().splitlines()])


def template_removals(record: dict) -> list[dict]:
    return [r for r in record["removed"] if r["cleaner"] == "site_template"]


def test_every_page_keeps_its_article_and_loses_its_sites_template(sites: list[str]) -> None:
    records = batch(sites)
    assert sorted(records) == sorted(EXPECTED)
    for page, expected in EXPECTED.items():
        record = records[page]
        assert record["title"] == expected["title"], page
        assert record["paragraphs"] == expected["article"], page
        assert template_removals(record), page
    # The pitch a paper writes into every article body: no phrase table knows it, the six pages do.
    assert [r["reason"] for r in records["diario/page3.html"]["removed"] if r["text"] == PITCH] == [
        f"on 6 of 6 pages read from folder:{Path(sites[1]).resolve()}"  # (files: the site is their folder)
    ]
    # A text capture's site is its folder; the byline recurs on 3 pages and is harvested, not dropped.
    assert records["stadtblatt/page3.txt"]["authors"] == ["Katrin Wellmann"]
    reasons = {r["reason"] for r in template_removals(records["stadtblatt/page3.txt"])}
    assert reasons == {f"on 6 of 6 pages read from folder:{Path(sites[0]).resolve()}"}


def test_without_site_evidence_each_page_is_cleaned_alone(sites: list[str]) -> None:
    records = batch(sites, site_evidence=False)
    assert not any(template_removals(r) for r in records.values())
    assert PITCH in records["diario/page3.html"]["paragraphs"]
    # Prose no phrase names: the editor's remark after every release's first paragraph.
    assert all(REMARK in records[f"verband/page{n}.html"]["paragraphs"] for n in range(1, 7))
    # Alone, the blog's tagline passes for the first paragraph and the headline goes unfound.
    assert all(records[f"klimablog/page{n}.txt"]["title"] is None for n in range(1, 7))


def test_a_resumed_batch_cleans_with_the_whole_batchs_evidence(sites: list[str]) -> None:
    first = batch(sites)
    done = {r["source"] for page, r in first.items() if page.endswith(("page1.txt", "page2.html"))}
    rest = batch(sites, done=done)
    assert sorted(rest) == sorted(page for page in first if first[page]["source"] not in done)
    assert all(rest[page] == first[page] for page in rest)


def test_pools_and_executors_give_the_same_records(sites: list[str]) -> None:
    local = batch(sites)
    assert batch(sites, jobs=2) == local
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert by_page([{**r.data, "source": r.source} for r in iter_articles(sites, executor=pool)]) == local


def test_cli_option_turns_it_off(sites: list[str], tmp_path: Path) -> None:
    for flag, expected in ((), True), (("--no-site-evidence",), False):
        out = tmp_path / f"out{len(flag)}.jsonl"
        result = CliRunner().invoke(main, ["batch", *sites, "-o", str(out), "-j", "1", *flag])
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        assert any(template_removals(r) for r in records) is expected
        # the summary on stderr says so
        assert ("template lines learned for 4 sites" in result.stderr) is expected


def test_warc_records_are_pages_of_their_urls_host(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(1, 7):
            body = (SITES / "diario" / f"page{n}.html").read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://www.diariodelvalle.example/local/2024/05/{n}/noticia-{n}.html"
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    records = [r.data for r in iter_articles([str(warc)])]
    assert [[r["reason"] for r in rec["removed"] if r["text"] == PITCH] for rec in records] == [
        ["on 6 of 6 pages read from diariodelvalle.example"]
    ] * 6


def test_a_mirror_laid_out_by_host_gives_each_host_its_template(tmp_path: Path) -> None:
    # wget -m / HTTrack: mirror/<host>/<path>/index.html, each page in a folder of its own
    mirror = tmp_path / "mirror"
    for n in range(1, 7):
        for host, site in (("www.diariodelvalle.example", "diario"), ("www.bdev-energie.example", "verband")):
            page = mirror / host / "2024" / f"story-{n}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_bytes((SITES / site / f"page{n}.html").read_bytes())
    records = [r.data for r in iter_articles([str(mirror)])]
    reasons = {r["reason"] for record in records for r in template_removals(record)}
    assert reasons == {"on 6 of 6 pages read from diariodelvalle.example", "on 6 of 6 pages read from bdev-energie.example"}


def test_the_summary_is_watched_through_the_first_look_and_the_cleaning(sites: list[str]) -> None:
    seen: list[tuple[int, int]] = []
    totals: set[int | None] = set()
    summary = run_batch(sites, io.StringIO(), watch=lambda s: (seen.append((s.looked, s.written)), totals.add(s.total)))
    assert totals == {24}  # known before the first capture is read: the first look lists the sources first
    assert summary.progress() == "24 of 24 done: 24 written (24 articles, 0 errors), 0 skipped"
    assert seen[0] == (1, 0)  # the first look reports each capture it reads, before any record
    assert seen[-1] == (24, 24) and (summary.looked, summary.written) == (24, 24)
    assert [looked for looked, _ in seen[:24]] == list(range(1, 25))
    assert [written for _, written in seen[24:]] == list(range(1, 25))


def test_cli_progress_line_goes_to_stderr_and_is_erased(sites: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    shown = CliRunner().invoke(main, ["batch", *sites, "-o", str(out), "-j", "1", "--progress"])
    assert shown.exit_code == 0
    assert shown.stderr.startswith("\rfirst look: 1 capture read for site templates\r")
    # Erased (blanks, then back to the line's start) before the summary line.
    assert shown.stderr.endswith(" \r24 written (24 articles, 0 errors), 0 skipped (already done); template lines learned for 4 sites\n")
    quiet = CliRunner().invoke(main, ["batch", *sites, "-o", str(tmp_path / "again.jsonl"), "-j", "1"])
    assert "\r" not in quiet.stderr  # not a terminal: no progress line unless asked
