"""The fixtures HTML report, opened in a real headless Chromium (Selenium).

Uses Debian's ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` (``.ci/run``
installs them with apt); skips with a reason when either is missing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scraper import fixtures

from test_fixtures_tool import ARTICLE_HTML

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Flags for a quiet, sandbox-free run as root in CI: no GPU, no /dev/shm
# (small in containers), no background downloads or first-run dialogs.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = tmp_path_factory.mktemp("chromium-profile")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    """A report over three fixtures: one passed, one changed, one whose expected.json is missing."""
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, "utf-8")
    root = tmp_path / "fixtures"
    for name in ("ferry-changed", "ferry-ok", "ferry-broken"):
        fixtures.add(page, name, root)
    path = root / "ferry-changed" / "expected.json"
    data = json.loads(path.read_text("utf-8"))
    data["paragraphs"][1] = "A paragraph that <b>used</b> to be here."
    data["removed"].append({"text": "Share on Facebook", "cleaner": "share_bar", "reason": "share phrase"})
    path.write_text(fixtures.to_json(data), "utf-8")
    (root / "ferry-broken" / "expected.json").unlink()
    out = tmp_path / "report.html"
    from scraper.report import write_report

    write_report(fixtures.check(root), out, title="Fixtures check: test")
    return out


def test_report_opens_lists_changed_fixtures_and_shows_the_diff(browser, report: Path):
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    assert browser.title == "Fixtures check: test"
    assert browser.find_element(By.ID, "summary").text == "1 passed, 1 changed, 1 error"

    index = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.index a")]
    assert index == ["ferry-broken", "ferry-changed"]  # the passed fixture is not listed as changed
    assert not browser.find_elements(By.ID, "fixture-ferry-ok")

    section = browser.find_element(By.ID, "fixture-ferry-changed")
    assert section.is_displayed()
    removed_side = section.find_elements(By.CSS_SELECTOR, "table.side-by-side td.del")
    added_side = section.find_elements(By.CSS_SELECTOR, "table.side-by-side td.ins")
    # Page text is shown as text, never interpreted as markup.
    assert "A paragraph that <b>used</b> to be here." in [td.text for td in removed_side]
    assert any(td.text.startswith("Commuters who had relied") for td in added_side)
    assert not section.find_elements(By.TAG_NAME, "b")

    diff = section.find_element(By.CSS_SELECTOR, "pre.diff").text
    assert "-A paragraph that <b>used</b> to be here." in diff and "+Commuters who had relied" in diff

    gone = section.find_element(By.CSS_SELECTOR, "ul.removed li.gone")
    assert "Share on Facebook" in gone.text and gone.find_element(By.CLASS_NAME, "cleaner").text == "share_bar"
    assert "paragraphs" in section.find_element(By.CSS_SELECTOR, "table.fields").text

    broken = browser.find_element(By.ID, "fixture-ferry-broken")
    assert "no expected.json" in broken.text

    # Self-contained: the page loaded nothing but itself.
    resources = browser.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
