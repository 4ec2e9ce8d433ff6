"""The ``scrape file`` command: output formats, stdin, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SEED
from scraper.article import validate
from scraper.cli import main


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_file_json_is_the_article():
    result = run("file", str(SEED))
    assert result.exit_code == 0
    data = json.loads(result.output)
    validate(data)
    assert data["title"].startswith("Japan")
    assert len(data["paragraphs"]) == 13
    assert data["source"] == str(SEED)


def test_formats():
    assert json.loads(run("file", str(SEED), "--format", "jsonl").output.splitlines()[0])["capture"] == "text"
    assert "\n  \"" in run("file", str(SEED), "--pretty").output
    md = run("file", str(SEED), "--format", "markdown").output
    assert md.startswith("# Japan") and "*Desk Writer*" in md
    text = run("file", str(SEED), "--format", "text").output
    assert text.splitlines()[0].startswith("Japan") and "Subscribe" not in text


def test_stdin_and_forced_capture():
    result = run("file", "-", "--capture", "text", stdin=SEED.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.output)["source"] == "<stdin>"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 3, "no such file"),
        (b"", 5, "empty"),
        (b"   \n\n  ", 5, "empty"),
        (bytes(range(256)) * 8, 4, "binary"),
        (b"Menu\nHome\nSubscribe\n", 6, "nothing article-like"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code(tmp_path, content, code, message):
    path = tmp_path / "capture.txt"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "file", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == code
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]


def test_version():
    assert run("--version").output.startswith("boilerstrip, version")
