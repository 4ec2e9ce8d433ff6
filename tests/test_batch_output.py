"""A batch's -o file: only a regular file is read back (resume); a device or
a pipe is written to; a write refused is one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.batch_output import done_sources, open_output, resume_from, resumable
from scraper.cli import main
from test_batch import captures, records  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_an_output_that_refuses_writes_is_one_line_and_is_never_read(captures: Path):  # noqa: F811
    # /dev/full reads zeros without end: reading it for a resume ran out of memory
    result = CliRunner().invoke(main, ["batch", str(captures / "c-page.html"), "-o", "/dev/full", "-j", "1"])
    assert result.exit_code == 3, result.output
    assert result.output == "error: cannot write /dev/full: No space left on device\n"


def test_an_output_into_a_pipe_is_written_without_resume(captures: Path):  # noqa: F811
    command = [sys.executable, "-m", "scraper", "batch", str(captures / "c-page.html"), "-o", "/dev/stdout", "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(2):  # nothing to resume from: the second run writes the record again
        run = subprocess.run(command, capture_output=True, env=env, cwd=ROOT, timeout=120, check=False)
        assert run.returncode == 0, run.stderr
        assert [json.loads(line)["source"] for line in run.stdout.splitlines()] == [str(captures / "c-page.html")]
        assert run.stderr.decode().endswith("skipped (already done)\n")


def test_only_a_regular_file_is_read_back(tmp_path: Path):
    assert not resumable(tmp_path / "missing.jsonl") and not resumable(Path(os.devnull))
    assert done_sources(Path(os.devnull)) == (set(), set())
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "out.jsonl")
    (tmp_path / "out.jsonl").write_text('{"source": "a", "title": "A"}\n', "utf-8")
    assert resumable(link) and done_sources(link) == ({"a"}, set())
    handle = open_output(Path(os.devnull), start_over=True)  # appended to: never truncated
    handle.write("{}\n")
    handle.close()


def test_lines_that_hold_no_record_are_passed_over(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'3\n[]\nnot json\n{"source": "a", "title": "A"}\n{"source": "b", "error": "empty"}\n{"sou')
    assert done_sources(out) == ({"a"}, {"b"})
    assert out.read_bytes().endswith(b'"empty"}\n')  # the line cut short, gone


def test_a_retry_leaves_one_line_per_source(captures: Path, tmp_path: Path):  # noqa: F811
    out = tmp_path / "out.jsonl"
    # another batch's failure, and an error an article superseded (two lines an older retry left)
    other = {"source": "elsewhere.html", "error": "empty", "message": "the capture is empty", "exit_code": 5}
    stale = {"source": str(captures / "a-seed.txt"), "error": "worker", "message": "lost", "exit_code": 1}
    runner = CliRunner()
    assert runner.invoke(main, ["batch", str(captures), "-o", str(out), "-j", "1"]).exit_code == 12
    out.write_text(json.dumps(other) + "\n" + json.dumps(stale) + "\n" + out.read_text("utf-8"), "utf-8")
    out.chmod(0o640)
    (captures / "b-empty.txt").write_bytes((captures / "c-page.html").read_bytes())  # mended since
    retry = runner.invoke(main, ["batch", str(captures), "-o", str(out), "-j", "1", "--retry-errors"])
    assert retry.exit_code == 0, retry.output
    got = records(out)
    assert [(Path(r["source"]).name, "error" in r) for r in got] == [
        ("elsewhere.html", True), ("a-seed.txt", False), ("c-page.html", False), ("b-empty.txt", False)
    ]
    assert out.stat().st_mode & 0o777 == 0o640 and not list(tmp_path.glob(".out.jsonl.*"))


def test_a_retry_cut_short_resumes_like_any_run(captures: Path, tmp_path: Path):  # noqa: F811
    out = tmp_path / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    runner = CliRunner()
    assert runner.invoke(main, ["batch", str(captures), "-o", str(link), "-j", "1"]).exit_code == 12
    (captures / "b-empty.txt").write_bytes((captures / "c-page.html").read_bytes())
    # what a retry does before its first record: the error records it will replace, dropped
    assert resume_from(link, [str(captures)], retry_errors=True) == {str(captures / n) for n in ("a-seed.txt", "c-page.html")}
    assert link.is_symlink() and [Path(r["source"]).name for r in records(out)] == ["a-seed.txt", "c-page.html"]
    again = runner.invoke(main, ["batch", str(captures), "-o", str(link), "-j", "1"])  # no --retry-errors needed
    assert again.exit_code == 0, again.output
    assert [Path(r["source"]).name for r in records(out)] == ["a-seed.txt", "c-page.html", "b-empty.txt"]


def test_no_resume_starts_the_output_over_as_its_help_says(captures: Path, tmp_path: Path):  # noqa: F811
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "elsewhere.html", "title": "Kept by a resume, not by --no-resume"}\n', "utf-8")
    result = CliRunner().invoke(main, ["batch", str(captures / "c-page.html"), "-o", str(out), "--no-resume"])
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in records(out)] == ["c-page.html"]
    help_text = " ".join(CliRunner().invoke(main, ["batch", "--help"]).output.split())
    assert "--no-resume Start OUTPUT over: its lines are replaced by this run's" in help_text
