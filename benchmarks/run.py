"""Run boilerstrip and the anchor extractors side by side on the same pages.

    python -m benchmarks.run                 # dev corpus, HTML and text captures
    python -m benchmarks.run --html --limit 100 --only boilerstrip,trafilatura
    python -m benchmarks.run --text --worst 20
    python -m benchmarks.run --aeb PATH      # "article extraction benchmark" layout

Each extractor runs in its own process over the same pages, never two at
once (their timings do not fight for a core): the processes take turns,
25 pages each, so a neighbour on a shared machine slows them all alike; only
the extractor call itself is timed. Memory: each process's peak resident
size over its life, less what it had when forked (the page list all of them
share): its imports, models and working set on the largest page. Prints a Markdown table per capture kind, a
listing of boilerstrip's worst pages (``--worst N``), and writes every
per-page figure to ``benchmarks/results/<timestamp>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import metrics
from .corpora import DEFAULT_CORPUS, REPO_ROOT, DevCorpus, Page, load_aeb
from .extractors import HTML_EXTRACTORS, TEXT_EXTRACTORS, Extractor, run_boilerstrip_html

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REFERENCE = "trafilatura"  # speed ratios are to this extractor's pages/s

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


# Pages per turn: every contender runs a chunk, then the next one does, so a
# neighbour that starts or stops mid-run slows all of them alike.
CHUNK_PAGES = 25


def _prepare(extractor: Extractor, pages: list[Page]) -> list[Any]:
    """The extractor's inputs (untimed), after one warm-up call.

    Raises whatever ``setup`` raises when the extractor is not installed.
    """
    prepare = extractor.setup()
    inputs = [prepare(page) for page in pages]
    if inputs:  # warm-up: lazy imports and first-call caches stay out of the timings
        try:
            extractor.run(inputs[0])
        except Exception:
            pass
    return inputs


def _time_chunk(extractor: Extractor, inputs: list[Any], repeat: int = 1) -> dict[str, Any]:
    """Run the extractor on ``inputs``; outputs, per-input seconds and errors.

    With ``repeat`` > 1 the inputs are run that many times and each one's
    time is its fastest run: on a shared machine the other runs measure the
    neighbours. Outputs and errors are those of the first run. (Rounds over
    all the inputs: a page run again at once would find its lines in the
    extractors' memo caches, ``is_prose``'s and trafilatura's alike.)
    """
    outputs, errors = [], []
    seconds = [float("inf")] * len(inputs)
    for run in range(max(1, repeat)):
        for k, item in enumerate(inputs):
            start = time.perf_counter()
            try:
                out = extractor.run(item)
                err = None
            except Exception as exc:
                out, err = None, f"{type(exc).__name__}: {str(exc)[:200]}"
            seconds[k] = min(seconds[k], time.perf_counter() - start)
            if run == 0:
                outputs.append(out or "")
                errors.append(err)
    return {"outputs": outputs, "seconds": seconds, "errors": errors}


def _run_all(extractor: Extractor, pages: list[Page], repeat: int = 1) -> dict[str, Any]:
    """Run one extractor over every page in the current process (no fork available)."""
    try:
        inputs = _prepare(extractor, pages)
    except Exception as exc:  # not installed / not importable
        return {"unavailable": f"{type(exc).__name__}: {exc}"}
    return _time_chunk(extractor, inputs, repeat)


def _peak_mb() -> float:
    """This process's peak resident size so far, in MB (Linux and macOS units differ)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _worker(extractor: Extractor, pages: list[Page], conn: Any) -> None:
    """A contender's process: prepare once, time each chunk the parent names,
    and at the end say how much memory it added to what it was forked with."""
    forked = _peak_mb()
    try:
        inputs = _prepare(extractor, pages)
    except Exception as exc:
        conn.send({"unavailable": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": True})
    try:
        while (span := conn.recv()) is not None:
            conn.send(_time_chunk(extractor, inputs[span[0]:span[1]]))
        conn.send({"memory_mb": round(_peak_mb() - forked, 1)})
    except BaseException as exc:  # report rather than hang the parent
        conn.send({"unavailable": f"crashed: {type(exc).__name__}: {exc}"})
    finally:
        conn.close()


def run_interleaved(
    extractors: list[Extractor], pages: list[Page], repeat: int = 1, chunk: int = CHUNK_PAGES
) -> dict[str, dict[str, Any]]:
    """Every extractor in its own (forked) process, taking turns chunk by chunk.

    Never two at once: each process prepares its inputs, then waits for its
    turn; the parent hands the same chunk of pages to each in turn. With
    ``repeat`` > 1 it goes over all the pages that many times, and a page's
    time is its fastest (outputs and errors: the first round's). A page is
    not run again until every other page was: a chunk repeated at once
    would be timed with its own lines still in the memo caches. Returns,
    per extractor name, its outputs, seconds and errors over all pages, or
    ``{"unavailable": why}``.
    """
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: one after the other, in-process
        return {ex.name: _run_all(ex, pages, repeat) for ex in extractors}
    results: dict[str, dict[str, Any]] = {}
    workers: dict[str, tuple[Any, Any]] = {}
    for ex in extractors:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(ex, pages, child))
        proc.start()
        child.close()
        workers[ex.name] = (proc, parent)
    for name, (proc, conn) in list(workers.items()):
        hello = _receive(proc, conn)
        if "ready" not in hello:
            results[name] = hello
            del workers[name]
        else:
            results[name] = {"outputs": [], "seconds": [], "errors": []}
    for first in [True] + [False] * (max(1, repeat) - 1):
        for start in range(0, len(pages), max(1, chunk)):
            for name, (proc, conn) in list(workers.items()):
                conn.send((start, start + chunk))
                got = _receive(proc, conn)
                if "unavailable" in got:
                    results[name] = got
                    del workers[name]
                elif first:
                    for key in ("outputs", "seconds", "errors"):
                        results[name][key].extend(got[key])
                else:
                    seconds = results[name]["seconds"]
                    seconds[start:start + chunk] = map(min, seconds[start:start + chunk], got["seconds"])
    for name, (proc, conn) in workers.items():
        conn.send(None)
        results[name]["memory_mb"] = _receive(proc, conn).get("memory_mb")
        proc.join()
    return results


def _receive(proc: Any, conn: Any) -> dict[str, Any]:
    try:
        return conn.recv()
    except EOFError:
        proc.join()
        return {"unavailable": f"process died (exit code {proc.exitcode})"}


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
    memory_mb: float | None = None  # peak memory the contender added (None: not measured)

    @property
    def pages_per_s(self) -> float | None:
        return self.pages / self.seconds if self.timed and self.seconds > 0 else None


def benchmark(
    kind: str, extractors: list[Extractor], pages: list[Page], metric: str, progress: bool = True, repeat: int = 1
) -> tuple[list[Row], dict[str, Any]]:
    """Score every extractor on ``pages``; returns table rows and per-page detail."""
    rows: list[Row] = []
    detail: dict[str, Any] = {}
    if progress:
        names = ", ".join(ex.name for ex in extractors)
        print(f"[{kind}] {names} on {len(pages)} pages, taking turns every {CHUNK_PAGES} pages ...",
              file=sys.stderr, flush=True)
    runs = run_interleaved(extractors, pages, repeat)
    for ex in extractors:
        got = runs[ex.name]
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
                  sum(got["seconds"]), sum(1 for e in got["errors"] if e), ex.timed, got.get("memory_mb"))
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
    lines = [f"| extractor | F1 | precision | recall | {unit} | speed vs trafilatura | memory |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        pps = r.pages_per_s
        speed = f"{pps:.0f}" if pps else "—"
        ratio = f"{pps / ref:.2f}×" if pps and ref else "—"
        memory = f"{r.memory_mb:.0f} MB" if r.timed and r.memory_mb is not None else "—"
        err = f" ({r.errors} errors)" if r.errors else ""
        lines.append(f"| {r.label}{err} | {r.f1:.3f} | {r.precision:.3f} | {r.recall:.3f} | {speed} | {ratio} | {memory} |")
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
    ap.add_argument("--repeat", type=int, default=1,
                    help="time every page N times and keep its fastest run (steadier ratios on a busy machine)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    only = {x.strip() for x in args.only.split(",") if x.strip()} if args.only else None
    known = {e.name for e in HTML_EXTRACTORS + TEXT_EXTRACTORS}
    if only and only - known:
        ap.error(f"unknown extractor(s): {', '.join(sorted(only - known))}; known: {', '.join(sorted(known))}")
    started = datetime.now(timezone.utc)
    report: dict[str, Any] = {"started": started.isoformat(timespec="seconds"), "commit": git_commit(),
                              "versions": versions(), "limit": args.limit, "repeat": args.repeat, "runs": {}}
    sections: list[str] = []

    if args.aeb:
        try:
            pages = load_aeb(args.aeb, args.limit)
        except (FileNotFoundError, ValueError) as exc:  # a wrong path is a usage error, not a traceback
            ap.error(str(exc))
        report["corpus"] = str(args.aeb)
        extractors = [Extractor(e.name, e.label, e.setup,
                                (lambda a: run_boilerstrip_html(a, with_title=False)) if e.name == "boilerstrip" else e.run)
                      for e in select(HTML_EXTRACTORS, only)]
        rows, detail = benchmark("aeb", extractors, pages, "shingles", not args.quiet, args.repeat)
        report["runs"]["aeb"] = detail
        sections.append(f"### AEB layout corpus, {len(pages)} pages, 4-token shingle F1\n\n" + table(rows))
    else:
        both = not (args.html or args.text)
        try:
            corpus = DevCorpus(args.corpus)
        except FileNotFoundError as exc:
            ap.error(str(exc))
        report["corpus"] = str(corpus.root)
        pages = corpus.pages(html=both or args.html, text=both or args.text, limit=args.limit)
        for kind, wanted, extractors, unit in (("html", args.html, HTML_EXTRACTORS, "pages/s"),
                                               ("text", args.text, TEXT_EXTRACTORS, "captures/s")):
            if not (both or wanted):
                continue
            have = [p for p in pages if (p.html if kind == "html" else p.text) is not None]
            rows, detail = benchmark(kind, select(extractors, only), have, "snippets", not args.quiet, args.repeat)
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
