"""The benchmark's own metrics, on tiny hand-made cases; corpus loading when present."""

from __future__ import annotations

import gzip
import json

import pytest

from benchmarks import metrics
from benchmarks.corpora import DEFAULT_CORPUS, DevCorpus, load_aeb
from benchmarks.extractors import html_fragment_text, page_language, wrap_lines
from benchmarks.run import Row, table, worst_listing


# ------------------------------------------------------------ snippet metric


def test_snippets_counts_and_lists():
    out = "Title\nThe body says hello world.\nShare this"
    r = metrics.score_snippets(out, ["hello world", "missing bit"], ["Share this", "Cookies"])
    assert (r.tp, r.fn, r.fp, r.tn) == (1, 1, 1, 1)
    assert r.missed == ["missing bit"] and r.extra == ["Share this"]
    assert r.errors == 2


def test_snippets_are_verbatim_case_and_space_sensitive():
    r = metrics.score_snippets("Hello  World", ["hello world", "Hello World", "Hello  World"], [])
    assert (r.tp, r.fn) == (1, 2)


def test_no_output_misses_every_with_and_finds_no_without():
    for out in (None, ""):
        r = metrics.score_snippets(out, ["a", "b"], ["c"])
        assert (r.tp, r.fn, r.fp, r.tn) == (0, 2, 0, 1)


def test_snippet_totals_are_micro_averaged():
    pages = [
        metrics.score_snippets("a b", ["a", "b"], []),  # tp 2
        metrics.score_snippets("x", ["y"], ["x"]),  # fn 1, fp 1
    ]
    s = metrics.snippet_totals(pages)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)


def test_snippet_totals_empty_is_zero_not_a_crash():
    s = metrics.snippet_totals([])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


# ------------------------------------------------------------ shingle metric


def test_tokens_are_word_runs():
    assert metrics.tokens("Hello, wörld! 2024-01 a_b") == ["Hello", "wörld", "2024", "01", "a_b"]


def test_shingles_are_sets_of_four_token_runs():
    assert metrics.shingles("a b c d e") == {("a", "b", "c", "d"), ("b", "c", "d", "e")}
    assert metrics.shingles("a b c d a b c d") == {("a", "b", "c", "d"), ("b", "c", "d", "a"),
                                                   ("c", "d", "a", "b"), ("d", "a", "b", "c")}
    assert metrics.shingles("a b") == {("a", "b")}
    assert metrics.shingles("") == set() and metrics.shingles(None) == set()


def test_shingle_precision_recall_per_page():
    truth = "one two three four five six"  # 3 shingles
    assert metrics.shingle_precision_recall(truth, truth) == (1.0, 1.0)
    # prediction: the truth plus boilerplate: 3 of 6 predicted shingles are right
    p, r = metrics.shingle_precision_recall(truth, truth + " menu home contact")
    assert (p, r) == (pytest.approx(3 / 6), 1.0)
    # prediction: half the truth: all predicted right, 1 of 3 found
    p, r = metrics.shingle_precision_recall(truth, "one two three four")
    assert (p, r) == (1.0, pytest.approx(1 / 3))


def test_shingle_edge_cases():
    assert metrics.shingle_precision_recall("", "") == (1.0, 1.0)
    assert metrics.shingle_precision_recall("a b c d", "") == (0.0, 0.0)
    assert metrics.shingle_precision_recall("", "a b c d") == (0.0, 0.0)
    assert metrics.shingle_precision_recall("a b c d", "w x y z") == (0.0, 0.0)


def test_shingle_totals_average_pages_then_f1():
    s = metrics.shingle_totals([(1.0, 0.5), (0.5, 0.5)])
    assert s.precision == pytest.approx(0.75) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert metrics.shingle_totals([]).f1 == 0.0


# ------------------------------------------------------------ run helpers


def test_html_fragment_text_breaks_blocks_and_collapses_space():
    html = "<div><h1>Head</h1><p>One\n   line <b>bold</b></p><script>x()</script><p>Two</p></div>"
    assert html_fragment_text(html) == "Head\nOne line bold\nTwo"
    assert html_fragment_text("") == ""


def test_wrap_lines_escapes_and_skips_blank_lines():
    assert wrap_lines("a < b\n\n  c\n") == "<html><body>\n<p>a &lt; b</p>\n<p>c</p>\n</body></html>"


def test_page_language():
    assert page_language('<!doctype html><html lang="de-DE"><head>') == "de"
    assert page_language('<html><head><meta http-equiv="content-language" content="fr">') == "fr"
    assert page_language("<html><body>") is None


def test_table_ratio_to_trafilatura():
    rows = [Row("boilerstrip", "b", 0.9, 0.8, 0.847, 100, 1.0, 0, True, 61.4),
            Row("trafilatura", "t", 0.9, 0.9, 0.9, 100, 2.0, 0, True, None),
            Row("raw", "r", 0.5, 1.0, 0.667, 100, 0.0, 0, False, 3.0)]
    md = table(rows)
    assert "| b | 0.847 | 0.900 | 0.800 | 100 | 2.00× | 61 MB |" in md
    assert "| t | 0.900 | 0.900 | 0.900 | 50 | 1.00× | — |" in md
    assert "| r | 0.667 | 0.500 | 1.000 | — | — | — |" in md


def test_worst_listing_orders_by_errors():
    detail = {"boilerstrip": {"pages": [
        {"id": "a", "url": "u1", "fn": 1, "fp": 0, "missed": ["m"], "extra": [], "error": None},
        {"id": "b", "url": "u2", "fn": 1, "fp": 2, "missed": ["n"], "extra": ["x", "y"], "error": None},
        {"id": "c", "url": "u3", "fn": 0, "fp": 0, "missed": [], "extra": [], "error": None},
    ]}}
    text = worst_listing(detail, 5)
    assert text.index("- b") < text.index("- a") and "- c" not in text
    assert "+ 'x'" in text and "− 'n'" in text


# ------------------------------------------------------------ corpora


def test_load_aeb_layout(tmp_path):
    (tmp_path / "html").mkdir()
    truth = {"p1": {"articleBody": "Body text here.", "url": "http://x/1"},
             "p2": {"articleBody": "Gone", "url": "http://x/2"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    with gzip.open(tmp_path / "html" / "p1.html.gz", "wb") as fh:
        fh.write('<html><meta charset="utf-8"><p>Body text here. Ünïcode</p></html>'.encode("utf-8"))
    pages = load_aeb(tmp_path)  # p2 has no page: skipped
    assert [p.id for p in pages] == ["p1"]
    assert pages[0].body == "Body text here." and "Ünïcode" in pages[0].html and pages[0].url == "http://x/1"


@pytest.mark.skipif(not (DEFAULT_CORPUS / "dev-html.tar.gz").is_file(), reason="no ../shared/corpus")
def test_dev_corpus_loads_from_tarballs():
    pages = DevCorpus().pages(limit=3)
    assert len(pages) == 3
    for p in pages:
        assert p.url and p.html and p.text is not None and p.with_


def test_runner_end_to_end_on_a_tiny_unpacked_corpus(tmp_path, capsys):
    from benchmarks.run import main

    body = ("The council voted on Tuesday to extend the night bus network to the northern districts, "
            "after a year of complaints from shift workers who could not get home.")
    html = f"<html><head><title>Night buses</title></head><body><nav>Home News Sport</nav><article><h1>Night buses</h1><p>{body}</p><p>{body}</p></article><footer>Imprint</footer></body></html>"
    (tmp_path / "eval").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "eval" / "page.html").write_text(html, "utf-8")
    (tmp_path / "text" / "page.txt").write_text(f"Home\nNews\nSport\n\nNight buses\n\n{body}\n\n{body}\n\nImprint\n", "utf-8")
    (tmp_path / "evaldata.json").write_text(json.dumps(
        {"http://x/a": {"file": "page.html", "with": ["extend the night bus network"], "without": ["Imprint"]}}), "utf-8")
    out = tmp_path / "results.json"
    assert main(["--corpus", str(tmp_path), "--only", "raw,trafilatura", "--out", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert "### HTML captures, 1 pages" in printed and "### Text captures, 1 pages" in printed
    assert "| keep everything (raw capture) | 0.667 | 0.500 | 1.000 | — | — | — |" in printed
    report = json.loads(out.read_text("utf-8"))
    assert set(report["runs"]) == {"html", "text"}
    # each contender's own process says what memory it added (trafilatura's imports at least)
    assert report["runs"]["html"]["trafilatura"]["summary"]["memory_mb"] > 1
    assert report["runs"]["html"]["trafilatura"]["pages"][0]["tp"] == 1


def test_repeat_keeps_first_outputs_and_fastest_time():
    import time as _time

    from benchmarks.extractors import Extractor
    from benchmarks.run import _run_all

    calls: list[str] = []

    def run(item: str) -> str:
        calls.append(item)
        if len(calls) <= 2:  # the first pass is slow (a busy neighbour)
            _time.sleep(0.05)
        return f"{item}#{len(calls)}"

    ex = Extractor("slow", "slow", lambda: (lambda page: page), run)
    got = _run_all(ex, ["a", "b"], repeat=3)
    assert got["outputs"] == ["a#2", "b#3"]  # call 1 is the warm-up; outputs of the first timed pass
    assert len(calls) == 1 + 2 * 3
    assert all(s < 0.04 for s in got["seconds"])  # the fastest of three runs, not the slow first one


def test_stage_report_lists_every_stage_with_a_share():
    from benchmarks.stages import HTML_STAGES, TEXT_STAGES, report

    body = "The council voted on Tuesday to extend the night bus network to the northern districts. " * 3
    html = f"<html><head><title>Buses</title></head><body><article><h1>Buses</h1><p>{body}</p><p>{body}</p></article></body></html>"
    table = report("html", [(html, "http://x/a")])
    assert table.count("\n| ") == len(HTML_STAGES) + 1  # header row + one row per stage
    assert "| trafilatura bare_extraction (main content and fallbacks) | " in table and "%" in table
    text_table = report("text", [(f"Home\nNews\n\nBuses\n\n{body}\n\n{body}\n", None)])
    assert text_table.count("\n| ") == len(TEXT_STAGES) + 1


def test_contenders_take_turns_in_their_own_processes():
    import os

    from benchmarks.extractors import Extractor
    from benchmarks.run import run_interleaved

    def broken() -> None:
        raise ImportError("not installed")

    ok = Extractor("ok", "ok", lambda: (lambda page: page), lambda item: f"{item}@{os.getpid()}")
    missing = Extractor("missing", "missing", broken, lambda item: "")
    pages = [f"p{n}" for n in range(7)]
    got = run_interleaved([ok, missing], pages, chunk=3)  # type: ignore[arg-type]
    assert got["missing"] == {"unavailable": "ImportError: not installed"}
    outputs = got["ok"]["outputs"]
    assert [o.split("@")[0] for o in outputs] == pages  # every page once, in order, across 3 turns
    assert len({o.split("@")[1] for o in outputs}) == 1 and outputs[0].split("@")[1] != str(os.getpid())
    assert len(got["ok"]["seconds"]) == 7 and got["ok"]["errors"] == [None] * 7


def test_repeats_are_rounds_over_every_page(tmp_path):
    """A page is run again only after all the others: a chunk repeated at
    once would be timed with its own lines in the memo caches."""
    from benchmarks.extractors import Extractor
    from benchmarks.run import run_interleaved

    log = tmp_path / "calls"

    def run(item: str) -> str:
        with log.open("a") as f:
            f.write(item + "\n")
        return item.upper()

    pages = [f"p{n}" for n in range(5)]
    got = run_interleaved([Extractor("ok", "ok", lambda: (lambda page: page), run)], pages, repeat=2, chunk=2)  # type: ignore[arg-type]
    assert log.read_text().split()[-10:] == pages + pages  # (after the warm-up call)
    assert got["ok"]["outputs"] == [p.upper() for p in pages] and len(got["ok"]["seconds"]) == 5


@pytest.mark.parametrize("argv", [["--corpus", "/nonexistent/corpus", "--text"], ["--aeb", "/nonexistent/aeb"]])
def test_a_missing_corpus_is_a_one_line_usage_error(argv, capsys):
    from benchmarks.run import main

    with pytest.raises(SystemExit) as info:
        main([*argv, "--no-save", "-q"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "error:" in err and "/nonexistent" in err


def test_stages_on_a_missing_corpus_is_a_usage_error(capsys):
    from benchmarks.stages import main

    with pytest.raises(SystemExit) as info:
        main(["--corpus", "/nonexistent/corpus"])
    assert info.value.code == 2 and "no dev corpus" in capsys.readouterr().err
