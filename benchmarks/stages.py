"""Where boilerstrip's time goes, stage by stage, on the dev corpus.

    python -m benchmarks.stages --html --limit 300
    python -m benchmarks.stages --text

Runs ``clean_html`` / ``clean_text`` over the pages under cProfile and reports
each stage's share of the total: the cumulative time of the function that
*is* the stage (trafilatura's extraction, its metadata pass, our lead search,
the cleaners...). Profiling slows pure-Python code more than C, so the shares
are indicative, not exact; what they answer is which stage a speed-up has to
come from (the benchmark proper, ``benchmarks.run``, times without a profiler).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

from .corpora import DevCorpus

# Stage name -> (module file suffix, function name) whose cumulative time it is.
# Nested stages are listed under their parent with an indent.
HTML_STAGES: tuple[tuple[str, str, str], ...] = (
    ("parse (lxml, our class lookup)", "scraper/html.py", "parse_html"),
    ("trafilatura bare_extraction (main content and fallbacks)", "trafilatura/core.py", "bare_extraction"),
    ("blocks from the extracted tree", "scraper/body_blocks.py", "body_blocks"),
    ("metadata: trafilatura's steps (declared_metadata)", "scraper/metadata.py", "declared_metadata"),
    ("  of which htmldate", "htmldate/core.py", "find_date"),
    ("  of which categories and tags", "trafilatura/metadata.py", "extract_catstags"),
    ("metadata: ours (page_meta)", "scraper/metadata.py", "page_meta"),
    ("  of which the author-classed element search", "scraper/author.py", "dom_author"),
    ("lead recovery", "scraper/lead.py", "with_lead"),
    ("class-marked evidence: reading time, sign-up boxes", "scraper/marked.py", "marked_texts"),
    ("cleaners, language, assembly", "scraper/pipeline.py", "run"),
)
TEXT_STAGES: tuple[tuple[str, str, str], ...] = (
    ("segmentation", "scraper/document.py", "segment_text"),
    ("cleaners, language, assembly", "scraper/pipeline.py", "run"),
    ("  language guess", "scraper/language.py", "detect_language"),
    ("  bylines, datelines", "cleaners/bylines.py", "judge"),
    ("  comment threads and widgets", "cleaners/comments.py", "judge"),
    ("  teasers", "cleaners/teasers.py", "judge"),
    ("  title and repeated headline", "cleaners/headlines.py", "judge"),
    ("  share bars and other chrome", "cleaners/chrome.py", "judge"),
    ("  table-driven cleaners (subscribe, cookies, ...)", "cleaners/phrase.py", "judge"),
    ("  body region", "cleaners/region.py", "judge"),
)


def _cumulative(stats: pstats.Stats, suffix: str, function: str) -> float:
    total = 0.0
    for (filename, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        if name == function and filename.replace("\\", "/").endswith(suffix):
            total += row[3]  # cumulative time
    return total


def _clean_all(kind: str, inputs: list[tuple[str, str | None]]) -> None:
    import scraper

    clean = scraper.clean_html if kind == "html" else scraper.clean_text
    for capture, url in inputs:
        try:
            clean(capture, url=url)
        except scraper.ScrapeError:
            pass


def profile(kind: str, inputs: list[tuple[str, str | None]]) -> tuple[float, pstats.Stats]:
    """Profile boilerstrip over ``inputs`` ((capture, url) pairs); total seconds and stats."""
    _clean_all(kind, inputs[:1])  # warm-up: imports and first-call caches stay out
    profiler = cProfile.Profile()
    profiler.enable()
    _clean_all(kind, inputs)
    profiler.disable()
    stats = pstats.Stats(profiler)
    return stats.total_tt, stats  # type: ignore[attr-defined]


def report(kind: str, inputs: list[tuple[str, str | None]]) -> str:
    """A Markdown table of the stages' shares of boilerstrip's time."""
    total, stats = profile(kind, inputs)
    stages = HTML_STAGES if kind == "html" else TEXT_STAGES
    lines = [f"### boilerstrip `clean_{kind}`, {len(inputs)} pages, time by stage (under cProfile)", "",
             "| stage | share of the time |", "|---|---|"]
    for label, suffix, function in stages:
        share = _cumulative(stats, suffix, function) / total if total else 0.0
        lines.append(f"| {label.replace('  ', '&nbsp;&nbsp;')} | {share:.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", action="store_true", help="HTML captures (default: both kinds)")
    ap.add_argument("--text", action="store_true", help="plain-text captures (default: both kinds)")
    ap.add_argument("--corpus", type=Path, default=None, help="dev corpus folder (default ../shared/corpus)")
    ap.add_argument("--limit", type=int, default=300, help="only the first N pages (default 300)")
    args = ap.parse_args(argv)
    both = not (args.html or args.text)
    try:
        corpus = DevCorpus(args.corpus)
    except FileNotFoundError as exc:  # a wrong path is a usage error, not a traceback
        ap.error(str(exc))
    pages = corpus.pages(html=both or args.html, text=both or args.text, limit=args.limit)
    sections = []
    if both or args.html:
        sections.append(report("html", [(p.html, p.url) for p in pages if p.html is not None]))
    if both or args.text:
        sections.append(report("text", [(p.text, p.url) for p in pages if p.text is not None]))
    print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
