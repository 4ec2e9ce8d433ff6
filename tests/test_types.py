"""The packages type-check: explicit types on the public API are kept true."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # (the config's paths are the checkout's)
    api = pytest.importorskip("mypy.api")
    # (pyproject.toml's [tool.mypy] names the packages; the cache goes to tmp_path, not the checkout)
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path)])
    assert status == 0, out + err
