"""Our own regression suite: every fixture in the repository's fixtures/ must pass.

One test per fixture, so a drift names the page; the failure message is the
same readable report as ``scrape fixtures check`` (changed fields, removals,
unified diff of the paragraphs). After an intended change, accept it with
``scrape fixtures bless NAME`` and review the diff of expected.json.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from scraper import fixtures

FIXTURES = ROOT / "fixtures"
NAMES = fixtures.fixture_names(FIXTURES)
# The issue asks for a suite of at least this many fixtures of our own.
MIN_FIXTURES = 30


@pytest.mark.parametrize("name", NAMES)
def test_fixture(name: str):
    result = fixtures.check_one(FIXTURES, name)
    if not result.passed:
        pytest.fail(result.describe(), pytrace=False)


def test_suite_is_big_enough():
    assert len(NAMES) >= MIN_FIXTURES, f"only {len(NAMES)} fixtures in {FIXTURES}: {NAMES}"
