"""How ``scrape`` ends: usage mistakes, output that cannot be written, Ctrl-C
and SIGTERM each give one line on stderr and their documented exit code.

Run as real processes (``python3 -m scraper``): exit codes, signals and
file descriptors are what is tested. Pages come from pytest-httpserver on
127.0.0.1; a page that must stay unanswered waits on an Event the test
releases.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug import Request, Response

from conftest import SEED
from served import ARTICLE, HTML

SCRAPE = [sys.executable, "-m", "scraper"]


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


class Hanging:
    """A handler that tells when it is asked (``arrived``) and answers only
    once the test is over (``release``, set by the fixture)."""

    def __init__(self) -> None:
        self.arrived = threading.Event()
        self.release = threading.Event()

    def __call__(self, request: Request) -> Response:
        self.arrived.set()
        self.release.wait(30)
        return Response(ARTICLE, content_type=HTML)


@pytest.fixture()
def hanging() -> Iterator[Hanging]:
    handler = Hanging()
    yield handler
    handler.release.set()


# -- usage mistakes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["url", "--timeout", "x"], "--timeout"),
        (["file"], "Missing argument 'PATH'"),
        (["--bogus"], "No such option"),
        (["url"], "give at least one URL"),
    ],
)
def test_a_usage_mistake_is_one_line_and_exit_2(args: list[str], words: str):
    done = subprocess.run([*SCRAPE, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    line = one_error_line(done.stderr)
    assert words in line and "--help" in line  # where to look next
    assert done.stdout == ""


# -- output that cannot be written --------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_3():
    with open("/dev/full", "wb") as full:
        done = subprocess.run([*SCRAPE, "file", str(SEED)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 3
    assert one_error_line(done.stderr) == "error: cannot write the output: No space left on device"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_small_output_to_a_full_disk_fails_too():
    """Under the buffer size, the write fails only at the last flush: ours, not the interpreter's."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*SCRAPE, "--version"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert done.returncode == 3, done.stderr
    assert "No space left on device" in one_error_line(done.stderr)


def test_a_closed_pipe_ends_quietly_with_141():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written, as after `| head -1`
    try:
        done = subprocess.run([*SCRAPE, "file", str(SEED)], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == ""


# -- interrupts ---------------------------------------------------------------------


def test_ctrl_c_is_one_line_and_exit_130(httpserver, hanging):
    httpserver.expect_request("/slow").respond_with_handler(hanging)
    process = subprocess.Popen(
        [*SCRAPE, "url", httpserver.url_for("/slow"), "--ignore-robots"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert hanging.arrived.wait(30)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert one_error_line(stderr) == "error: interrupted"
    assert stdout == ""


def test_sigterm_unwinds_a_batch_and_removes_its_prefetch_folder(httpserver, hanging, tmp_path: Path):
    """Four URLs of a site are fetched ahead into a temporary folder; SIGTERM
    while the fourth hangs must still remove the folder (Python's default
    for SIGTERM dies without running a single ``finally``)."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    for n in range(3):
        httpserver.expect_request(f"/p{n}").respond_with_data(ARTICLE, content_type=HTML)
    httpserver.expect_request("/p3").respond_with_handler(hanging)
    urls = [httpserver.url_for(f"/p{n}") for n in range(4)]
    temp = tmp_path / "temp"
    temp.mkdir()
    process = subprocess.Popen(
        [*SCRAPE, "batch", *urls, "-o", str(tmp_path / "out.jsonl"), "--no-progress", "-j", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(temp)},
    )
    assert hanging.arrived.wait(30)
    assert list(temp.glob("boilerstrip-prefetch-*"))  # /p0../p2 wait there
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 143
    assert one_error_line(stderr) == "error: terminated (SIGTERM)"
    assert list(temp.iterdir()) == []
