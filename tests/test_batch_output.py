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

from scraper.batch_output import done_sources, open_output, resumable
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
