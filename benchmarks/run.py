"""Run boilerstrip and the anchor extractors side by side on the same pages.

    python -m benchmarks.run                 # dev corpus, HTML and text captures
    python -m benchmarks.run --html --limit 100 --only boilerstrip,trafilatura
    python -m benchmarks.run --text --worst 20
    python -m benchmarks.run --aeb PATH      # "article extraction benchmark" layout

Each extractor runs in its own process (one after the other, never two at
once, so their timings do not fight for a core) over the same pages; only the
extractor call itself is timed. Prints a Markdown table per capture kind, a
listing of boilerstrip's worst pages (``--worst N``), and writes every
per-page figure to ``benchmarks/results/<timestamp>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import multiprocessing
import platform
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from . import metrics
from .corpora import DEFAULT_CORPUS, REPO_ROOT, DevCorpus, Page, load_aeb

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REFERENCE = "trafilatura"  # speed ratios are to this extractor's pages/s

# ------------------------------------------------------------------ helpers

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_WS = re.compile(r"\s+")


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment: one line per block element, white space collapsed.

    Used for extractors that return HTML (readability): inline source line
    breaks become spaces, block boundaries become line breaks, as a browser
    would render them.
    """
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fromstring(fragment)
    except Exception:
        return ""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            if el.tail:
                parts.append(_WS.sub(" ", el.tail))
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(_WS.sub(" ", el.text))
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(_WS.sub(" ", el.tail))

    walk(root)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def wrap_lines(text: str) -> str:
    """A text capture as HTML: every non-empty line in its own ``<p>``."""
    body = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{body}</body></html>"


_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_META_LANG = re.compile(
    r"<meta[^>]+(?:http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*content|property\s*=\s*[\"']og:locale[\"']?[^>]*content)"
    r"\s*=\s*[\"']?([A-Za-z]{2,3})",
    re.I,
)
# ISO 639-1 code -> jusText stoplist name, for the languages jusText ships.
JUSTEXT_LANGS = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "hy": "Armenian", "az": "Azerbaijani", "eu": "Basque",
    "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian", "ca": "Catalan",
    "hr": "Croatian", "cs": "Czech", "da": "Danish", "nl": "Dutch", "en": "English", "eo": "Esperanto",
    "et": "Estonian", "fi": "Finnish", "fr": "French", "gl": "Galician", "ka": "Georgian", "de": "German",
    "el": "Greek", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic",
    "id": "Indonesian", "ga": "Irish", "it": "Italian", "kn": "Kannada", "kk": "Kazakh", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian", "lt": "Lithuanian", "lb": "Luxembourgish",
    "mk": "Macedonian", "ms": "Malay", "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "ne": "Nepali",
    "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "oc": "Occitan",
    "fa": "Persian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sr": "Serbian",
    "sk": "Slovak", "sl": "Slovenian", "es": "Spanish", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "cy": "Welsh", "fy": "West_Frisian", "yo": "Yoruba",
}


def page_language(html: str) -> str | None:
    """The ISO 639-1 language an HTML page declares (``<html lang>``, meta), if any."""
    head = html[:20000]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).lower()[:2] if match else None


# --------------------------------------------------------------- extractors


@dataclass
class Extractor:
    """One contender: ``setup()`` in its process, then ``run(input) -> text``."""

    name: str
    label: str
    setup: Callable[[], Callable[[Page], Any]]  # returns prepare(page) -> input
    run: Callable[[Any], str | None]
    timed: bool = True


def _boilerstrip_html() -> Callable[[Page], Any]:
    import scraper  # noqa: F401  (import cost stays outside the timed calls)

    return lambda page: (page.html, page.url)


def _boilerstrip_text() -> Callable[[Page], Any]:
    import scraper  # noqa: F401

    return lambda page: (page.text, page.url)


def _article_text(article: Any, with_title: bool = True) -> str:
    body = article.text or ""
    return f"{article.title}\n{body}" if with_title and article.title else body


def run_boilerstrip_html(arg: tuple[str, str | None], with_title: bool = True) -> str:
    import scraper
    from scraper.errors import ScrapeError

    html, url = arg
    try:
        return _article_text(scraper.clean_html(html, url=url), with_title)
    except ScrapeError:  # NoArticleError and friends: no output
        return ""


def run_boilerstrip_text(arg: tuple[str, str | None]) -> str:
    import scraper
    from scraper.errors import ScrapeError

    text, url = arg
    try:
        return _article_text(scraper.clean_text(text, url=url))
    except ScrapeError:
        return ""


def _html_input() -> Callable[[Page], Any]:
    return lambda page: page.html


def _wrapped_input() -> Callable[[Page], Any]:
    return lambda page: wrap_lines(page.text or "")


# trafilatura runs with its defaults except ``include_comments=False``: that is
# how the corpus' anchor figures were measured (it reproduces 0.924 / 0.908 /
# 0.941 exactly; the bare default keeps comment threads, F1 0.919), and reader
# comments are not the article body.
TRAFILATURA_OPTIONS = {"include_comments": False}


def run_trafilatura(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, **TRAFILATURA_OPTIONS)


def run_trafilatura_precision(html: str) -> str | None:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True, **TRAFILATURA_OPTIONS)


def run_readability(html: str) -> str:
    from readability import Document

    return html_fragment_text(Document(html).summary())


def _justext_input() -> Callable[[Page], Any]:
    import justext

    available = set(justext.get_stoplists())

    def prepare(page: Page) -> Any:
        lang = JUSTEXT_LANGS.get(page_language(page.html or "") or "", "English")
        return page.html, justext.get_stoplist(lang if lang in available else "English")

    return prepare


def _justext_text_input() -> Callable[[Page], Any]:
    import justext

    english = justext.get_stoplist("English")  # a text capture declares no language
    return lambda page: (wrap_lines(page.text or ""), english)


def run_justext(arg: tuple[str, frozenset]) -> str:
    import justext

    html, stoplist = arg
    paragraphs = justext.justext(html, stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _resiliparse_input() -> Callable[[Page], Any]:
    import resiliparse.extract.html2text  # noqa: F401

    return lambda page: page.html


def run_resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True)


def _raw_input() -> Callable[[Page], Any]:
    return lambda page: page.text


def run_raw(text: str | None) -> str:
    return text or ""


HTML_EXTRACTORS = [
    Extractor("boilerstrip", "boilerstrip `clean_html`", _boilerstrip_html, run_boilerstrip_html),
    Extractor("trafilatura", "trafilatura `extract()`", _html_input, run_trafilatura),
    Extractor("trafilatura-precision", "trafilatura `favor_precision`", _html_input, run_trafilatura_precision),
    Extractor("readability", "readability-lxml", _html_input, run_readability),
    Extractor("justext", "jusText (page language, else English)", _justext_input, run_justext),
    Extractor("resiliparse", "resiliparse main_content", _resiliparse_input, run_resiliparse),
]
TEXT_EXTRACTORS = [
    Extractor("boilerstrip", "boilerstrip `clean_text`", _boilerstrip_text, run_boilerstrip_text),
    Extractor("raw", "keep everything (raw capture)", _raw_input, run_raw, timed=False),
    Extractor("trafilatura", "trafilatura on lines in `<p>`", _wrapped_input, run_trafilatura),
    Extractor("justext", "jusText (English) on lines in `<p>`", _justext_text_input, run_justext),
]


def versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": platform.python_version()}
    for dist in ("boilerstrip", "trafilatura", "readability-lxml", "jusText", "resiliparse", "lxml"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return out


def git_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except Exception:
        return None


# ------------------------------------------------------------------ running


def _run_all(extractor: Extractor, pages: list[Page]) -> dict[str, Any]:
    """Run one extractor over every page (in the current process)."""
    try:
        prepare = extractor.setup()
    except Exception as exc:  # not installed / not importable
        return {"unavailable": f"{type(exc).__name__}: {exc}"}
    inputs = [prepare(page) for page in pages]
    if inputs:  # warm-up: lazy imports and first-call caches stay out of the timings
        try:
            extractor.run(inputs[0])
        except Exception:
            pass
    outputs, seconds, errors = [], [], []
    for item in inputs:
        start = time.perf_counter()
        try:
            out = extractor.run(item)
            err = None
        except Exception as exc:
            out, err = None, f"{type(exc).__name__}: {str(exc)[:200]}"
        seconds.append(time.perf_counter() - start)
        outputs.append(out or "")
        errors.append(err)
    return {"outputs": outputs, "seconds": seconds, "errors": errors}


def _child(extractor: Extractor, pages: list[Page], conn: Any) -> None:
    try:
        conn.send(_run_all(extractor, pages))
    except BaseException as exc:  # report rather than hang the parent
        conn.send({"unavailable": f"crashed: {type(exc).__name__}: {exc}"})
    finally:
        conn.close()


def run_isolated(extractor: Extractor, pages: list[Page]) -> dict[str, Any]:
    """Run one extractor in its own (forked) process; one at a time."""
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: run in-process
        return _run_all(extractor, pages)
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(extractor, pages, child))
    proc.start()
    child.close()
    try:
        result = parent.recv()
    except EOFError:
        result = {"unavailable": f"process died (exit code {proc.exitcode})"}
    proc.join()
    return result


@dataclass
class Row:
    name: str
    label: str
    precision: float
    recall: float
    f1: float
    pages: int
    seconds: float
    errors: int
    timed: bool

    @property
    def pages_per_s(self) -> float | None:
        return self.pages / self.seconds if self.timed and self.seconds > 0 else None


def benchmark(
    kind: str, extractors: list[Extractor], pages: list[Page], metric: str, progress: bool = True
) -> tuple[list[Row], dict[str, Any]]:
    """Score every extractor on ``pages``; returns table rows and per-page detail."""
    rows: list[Row] = []
    detail: dict[str, Any] = {}
    for ex in extractors:
        if progress:
            print(f"[{kind}] {ex.name} on {len(pages)} pages ...", file=sys.stderr, flush=True)
        got = run_isolated(ex, pages)
        if "unavailable" in got:
            print(f"[{kind}] {ex.name}: skipped ({got['unavailable']})", file=sys.stderr)
            detail[ex.name] = {"unavailable": got["unavailable"]}
            continue
        per_page = []
        if metric == "snippets":
            results = [metrics.score_snippets(out, p.with_, p.without) for out, p in zip(got["outputs"], pages)]
            scores = metrics.snippet_totals(results)
            for p, r, s, e in zip(pages, results, got["seconds"], got["errors"]):
                per_page.append({"id": p.id, "url": p.url, "tp": r.tp, "fn": r.fn, "fp": r.fp,
                                 "missed": r.missed, "extra": r.extra, "seconds": round(s, 6), "error": e})
        else:
            pairs = [metrics.shingle_precision_recall(p.body, out) for out, p in zip(got["outputs"], pages)]
            scores = metrics.shingle_totals(pairs)
            for p, (pr, rc), s, e in zip(pages, pairs, got["seconds"], got["errors"]):
                per_page.append({"id": p.id, "url": p.url, "precision": round(pr, 4), "recall": round(rc, 4),
                                 "seconds": round(s, 6), "error": e})
        row = Row(ex.name, ex.label, scores.precision, scores.recall, scores.f1, len(pages),
                  sum(got["seconds"]), sum(1 for e in got["errors"] if e), ex.timed)
        rows.append(row)
        detail[ex.name] = {"summary": asdict(row) | {"pages_per_s": row.pages_per_s}, "pages": per_page}
        if progress:
            pps = f"{row.pages_per_s:.0f} pages/s" if row.pages_per_s else "untimed"
            print(f"[{kind}] {ex.name}: F1 {row.f1:.3f} P {row.precision:.3f} R {row.recall:.3f}, {pps}",
                  file=sys.stderr, flush=True)
    return rows, detail


def table(rows: list[Row], unit: str = "pages/s") -> str:
    """The Markdown table: scores, speed, and speed relative to trafilatura."""
    ref = next((r.pages_per_s for r in rows if r.name == REFERENCE), None)
    lines = [f"| extractor | F1 | precision | recall | {unit} | speed vs trafilatura |", "|---|---|---|---|---|---|"]
    for r in rows:
        pps = r.pages_per_s
        speed = f"{pps:.0f}" if pps else "—"
        ratio = f"{pps / ref:.2f}×" if pps and ref else "—"
        err = f" ({r.errors} errors)" if r.errors else ""
        lines.append(f"| {r.label}{err} | {r.f1:.3f} | {r.precision:.3f} | {r.recall:.3f} | {speed} | {ratio} |")
    return "\n".join(lines)


def worst_listing(detail: dict[str, Any], n: int, name: str = "boilerstrip") -> str:
    """The ``n`` pages where ``name`` made the most snippet errors, with the snippets."""
    pages = detail.get(name, {}).get("pages") or []
    if not pages or "fn" not in pages[0]:
        return ""
    ranked = sorted((p for p in pages if p["fn"] + p["fp"]), key=lambda p: (-(p["fn"] + p["fp"]), p["id"]))[:n]
    out = [f"Worst {len(ranked)} pages for {name} (missed `with` = −, found `without` = +):", ""]
    for p in ranked:
        out.append(f"- {p['id']}  {p['url']}  (missed {p['fn']}, extra {p['fp']})" + (f"  ERROR {p['error']}" if p["error"] else ""))
        out.extend(f"    − {s!r}" for s in p["missed"])
        out.extend(f"    + {s!r}" for s in p["extra"])
    return "\n".join(out)


def select(extractors: list[Extractor], only: set[str] | None) -> list[Extractor]:
    return [e for e in extractors if not only or e.name in only]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", action="store_true", help="HTML captures (default: both kinds)")
    ap.add_argument("--text", action="store_true", help="plain-text captures (default: both kinds)")
    ap.add_argument("--corpus", type=Path, default=None, help=f"dev corpus folder (default {DEFAULT_CORPUS})")
    ap.add_argument("--aeb", type=Path, default=None, help="an article-extraction-benchmark corpus (shingle F1)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--only", default=None, help="comma-separated extractor names: "
                    + ",".join(dict.fromkeys(e.name for e in HTML_EXTRACTORS + TEXT_EXTRACTORS)))
    ap.add_argument("--worst", type=int, default=10, help="list boilerstrip's N worst pages (0: none)")
    ap.add_argument("--out", type=Path, default=None, help="results JSON path (default benchmarks/results/<timestamp>.json)")
    ap.add_argument("--no-save", action="store_true", help="do not write the results JSON")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)

    only = {x.strip() for x in args.only.split(",") if x.strip()} if args.only else None
    known = {e.name for e in HTML_EXTRACTORS + TEXT_EXTRACTORS}
    if only and only - known:
        ap.error(f"unknown extractor(s): {', '.join(sorted(only - known))}; known: {', '.join(sorted(known))}")
    started = datetime.now(timezone.utc)
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "commit": git_commit(),
                              "versions": versions(), "limit": args.limit, "runs": {}}
    sections: list[str] = []

    if args.aeb:
        pages = load_aeb(args.aeb, args.limit)
        report["corpus"] = str(args.aeb)
        extractors = [Extractor(e.name, e.label, e.setup,
                                (lambda a: run_boilerstrip_html(a, with_title=False)) if e.name == "boilerstrip" else e.run)
                      for e in select(HTML_EXTRACTORS, only)]
        rows, detail = benchmark("aeb", extractors, pages, "shingles", not args.quiet)
        report["runs"]["aeb"] = detail
        sections.append(f"### AEB layout corpus, {len(pages)} pages, 4-token shingle F1\n\n" + table(rows))
    else:
        both = not (args.html or args.text)
        corpus = DevCorpus(args.corpus)
        report["corpus"] = str(corpus.root)
        pages = corpus.pages(html=both or args.html, text=both or args.text, limit=args.limit)
        for kind, wanted, extractors, unit in (("html", args.html, HTML_EXTRACTORS, "pages/s"),
                                               ("text", args.text, TEXT_EXTRACTORS, "captures/s")):
            if not (both or wanted):
                continue
            have = [p for p in pages if (p.html if kind == "html" else p.text) is not None]
            rows, detail = benchmark(kind, select(extractors, only), have, "snippets", not args.quiet)
            report["runs"][kind] = detail
            head = f"### {'HTML' if kind == 'html' else 'Text'} captures, {len(have)} pages, snippet metric"
            section = head + "\n\n" + table(rows, unit)
            if args.worst:
                listing = worst_listing(detail, args.worst)
                if listing:
                    section += "\n\n" + listing
            sections.append(section)

    report["seconds"] = round((datetime.now(timezone.utc) - started).total_seconds(), 1)
    print("\n\n".join(sections))
    if not args.no_save:
        out = args.out or RESULTS_DIR / f"{started.strftime('%Y%m%dT%H%M%SZ')}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
        print(f"\nresults: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
