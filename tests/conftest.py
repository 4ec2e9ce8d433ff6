"""Shared test setup: every Article any test builds is checked against the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.article import Article, validate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0920f87e93d8de82.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """pytest-httpserver serves on 127.0.0.1 (an IP, so no resolver is involved) on a free port."""
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True, scope="session")
def _every_article_obeys_the_schema():
    """Wrap Article.to_dict so each output made during the tests is validated."""
    original = Article.to_dict

    def checked(self: Article, volatile: bool = True) -> dict:
        data = original(self, volatile)
        validate(data)
        return data

    Article.to_dict = checked  # type: ignore[method-assign]
    yield
    Article.to_dict = original  # type: ignore[method-assign]
