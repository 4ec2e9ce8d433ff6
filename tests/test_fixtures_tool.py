"""The fixtures tool: add, check, bless, names, atomic writes, drift, report (recording: test_fixtures_record.py)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import scraper
from cleaners import default_cleaners
from cleaners.base import Verdict
from cleaners.comments import CommentWidget
from conftest import SEED
from scraper import fixtures
from scraper.errors import InputError
from scraper.report import render_report
from fixture_pages import ARTICLE_HTML, NO_ARTICLE_HTML, run

BAD_NAMES = ["../escape", "a/b", "a\\b", "..", ".hidden", "", "two words", "x..y", "ü-name", "-dash", "a" * 200]


@pytest.fixture()
def fdir(tmp_path: Path) -> Path:
    """A fixtures folder with one HTML and one text fixture (the seed), both passing."""
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML, "utf-8")
    root = tmp_path / "fixtures"
    fixtures.add(page, "ferry", root, url="https://courier.example/local/ferry")
    fixtures.add(SEED, "seed-copy", root, content_type="text/plain; charset=utf-8")
    return root


def edit_expected(root: Path, name: str, **changes: object) -> None:
    path = root / name / "expected.json"
    data = json.loads(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(fixtures.to_json(data), "utf-8")


# --- add -------------------------------------------------------------------


def test_add_writes_the_fixture_format(fdir: Path, tmp_path: Path):
    folder = fdir / "ferry"
    assert sorted(p.name for p in folder.iterdir()) == ["capture.html", "expected.json", "meta.json"]
    assert (folder / "capture.html").read_bytes() == (tmp_path / "page.html").read_bytes()  # untouched
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert list(meta) == ["url", "fetched_at", "status", "content_type", "note"]
    assert meta["url"] == "https://courier.example/local/ferry"
    text = (folder / "expected.json").read_text("utf-8")
    article = scraper.clean_capture((folder / "capture.html").read_bytes(), url=meta["url"])
    assert text == json.dumps(article.to_dict(volatile=False), indent=2, ensure_ascii=False) + "\n"
    assert "fetch" not in json.loads(text) and "extractor" not in json.loads(text)
    assert (fdir / "seed-copy" / "capture.txt").read_bytes() == SEED.read_bytes()
    assert oct(folder.stat().st_mode & 0o777) == oct(0o755)  # not mkdtemp's private 0700


def test_add_refuses_an_existing_name_and_a_missing_file(fdir: Path, tmp_path: Path):
    with pytest.raises(InputError, match="already exists"):
        fixtures.add(tmp_path / "page.html", "ferry", fdir)
    with pytest.raises(InputError, match="no such file"):
        fixtures.add(tmp_path / "nope.html", "other", fdir)
    assert not (fdir / "other").exists()


def test_capture_whose_outcome_is_an_error_stores_the_error_kind(tmp_path: Path):
    (tmp_path / "login.html").write_text(NO_ARTICLE_HTML, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    fixtures.add(tmp_path / "login.html", "login", tmp_path / "fx")
    fixtures.add(tmp_path / "empty.txt", "empty", tmp_path / "fx")
    assert json.loads((tmp_path / "fx/login/expected.json").read_text()) == {"error": "no_article"}
    assert json.loads((tmp_path / "fx/empty/expected.json").read_text()) == {"error": "empty"}
    assert [r.status for r in fixtures.check(tmp_path / "fx")] == ["passed", "passed"]


# --- names -----------------------------------------------------------------


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_names_are_input_errors_everywhere(fdir: Path, tmp_path: Path, name: str):
    with pytest.raises(InputError, match="bad fixture name"):
        fixtures.add(tmp_path / "page.html", name, fdir)
    with pytest.raises(InputError, match="bad fixture name"):
        fixtures.check(fdir, [name])
    with pytest.raises(InputError, match="bad fixture name"):
        fixtures.bless(fdir, [name])
    result = run("check", "--dir", str(fdir), "--", name)
    assert result.exit_code == 3 and "bad fixture name" in result.output
    assert not (tmp_path / "escape").exists()


@pytest.mark.parametrize("name", ["seed", "wp-load-more-widgets", "ja_article.v2", "A1"])
def test_good_names(name: str):
    assert fixtures.validate_name(name) == name


def test_unknown_name_and_missing_dir(fdir: Path, tmp_path: Path):
    with pytest.raises(InputError, match="no fixture named ghost"):
        fixtures.check(fdir, ["ghost"])
    with pytest.raises(InputError, match="no fixtures directory"):
        fixtures.check(tmp_path / "nowhere")
    assert run("check", "ghost", "--dir", str(fdir)).exit_code == 3


# --- check / bless -----------------------------------------------------------


def test_check_passes_on_fresh_fixtures(fdir: Path):
    results = fixtures.check(fdir)
    assert [(r.name, r.status) for r in results] == [("ferry", "passed"), ("seed-copy", "passed")]
    assert fixtures.summary(results) == "2 passed, 0 changed"
    cli = run("check", "--dir", str(fdir))
    assert cli.exit_code == 0 and cli.stdout.splitlines()[-1] == "2 passed, 0 changed"


def test_drift_reports_fields_removals_and_a_paragraph_diff(fdir: Path):
    expected = json.loads((fdir / "ferry/expected.json").read_text("utf-8"))
    paragraphs = expected["paragraphs"][:1] + ["A paragraph the extractor used to keep."] + expected["paragraphs"][1:]
    removed = expected["removed"] + [{"text": "Share this", "cleaner": "share_bar", "reason": "share phrase"}]
    edit_expected(fdir, "ferry", title="An Old Title", paragraphs=paragraphs, removed=removed)
    [result] = fixtures.check(fdir, ["ferry"])
    assert result.status == "changed"
    assert result.fields == ["title", "paragraphs", "removed"]
    assert "-A paragraph the extractor used to keep." in result.diff.splitlines()
    assert [(c.text, c.kind, c.expected_cleaner) for c in result.removed_changes] == [("Share this", "gone", "share_bar")]
    text = result.describe()
    assert 'title: "An Old Title" -> "Harbour Ferry Returns After Winter Repairs"' in text
    assert '"Share this" no longer removed (was: share_bar)' in text

    cli = run("check", "--dir", str(fdir))
    assert cli.exit_code == 1
    assert "CHANGED ferry" in cli.output and "fields changed: title, paragraphs, removed" in cli.output
    assert cli.stdout.splitlines()[-1] == "1 passed, 1 changed"
    assert "error: 1 fixture(s) did not pass" in cli.stderr


def test_bless_accepts_only_the_named_fixtures(fdir: Path):
    edit_expected(fdir, "ferry", title="Stale")
    edit_expected(fdir, "seed-copy", title="Stale too")
    before = fixtures.bless(fdir, ["ferry"])
    assert [(r.name, r.status) for r in before] == [("ferry", "changed")]
    assert [r.status for r in fixtures.check(fdir)] == ["passed", "changed"]
    cli = run("bless", "--dir", str(fdir))
    assert cli.exit_code == 0 and "blessed seed-copy (title)" in cli.output
    assert cli.stdout.splitlines()[-1] == "1 blessed, 1 unchanged, 0 could not be blessed"
    assert fixtures.summary(fixtures.check(fdir)) == "2 passed, 0 changed"


def test_broken_fixtures_are_errors_and_bless_repairs_a_missing_expected(fdir: Path):
    (fdir / "ferry/expected.json").unlink()
    (fdir / "seed-copy/meta.json").write_text("{not json", "utf-8")
    results = {r.name: r for r in fixtures.check(fdir)}
    assert results["ferry"].status == "error" and "no expected.json" in results["ferry"].message
    assert results["seed-copy"].status == "error" and "meta.json" in results["seed-copy"].message
    assert fixtures.summary(list(results.values())) == "0 passed, 0 changed, 2 errors"
    checked = run("check", "--dir", str(fdir))
    assert checked.exit_code == 3  # not 1: nothing was found changed, nothing could be compared
    assert checked.stderr == "error: 2 fixture(s) could not be checked\n"
    cli = run("bless", "--dir", str(fdir))
    assert cli.exit_code == 3 and "cannot bless seed-copy" in cli.output
    assert cli.stderr == "error: 1 fixture(s) could not be blessed\n"
    assert (fdir / "ferry/expected.json").exists()


def test_check_with_drift_and_a_broken_fixture_exits_3(fdir: Path):
    """Exit 1 says 'everything was compared and some changed'; with a fixture unread, that is not the whole story."""
    edit_expected(fdir, "ferry", title="Stale")
    (fdir / "seed-copy/meta.json").unlink()
    cli = run("check", "--dir", str(fdir))
    assert cli.exit_code == 3 and "CHANGED ferry" in cli.stdout and "ERROR seed-copy: no meta.json" in cli.stdout
    assert cli.stdout.splitlines()[-1] == "0 passed, 1 changed, 1 error"


def test_error_outcome_drift_is_one_outcome_change(tmp_path: Path):
    (tmp_path / "login.html").write_text(NO_ARTICLE_HTML, "utf-8")
    fixtures.add(tmp_path / "login.html", "login", tmp_path / "fx")
    (tmp_path / "fx/login/capture.html").write_text(ARTICLE_HTML, "utf-8")  # the site now serves an article
    [result] = fixtures.check(tmp_path / "fx")
    assert result.status == "changed" and result.fields == ["outcome"]
    assert result.changes[0].expected == "error: no_article" and result.changes[0].actual == "article"
    assert "+The harbour ferry resumed" in result.diff


# --- misbehaving cleaners -----------------------------------------------------


def test_a_cleaner_that_keeps_everything_fails_the_fixtures_it_guards(fdir: Path, monkeypatch):
    """The acceptance case: break the comments cleaner, the seed fixture names what broke.

    The region finder still keeps the widget out of the text (defence in
    depth), so what changes is who removed each line, and the check says so.
    """
    monkeypatch.setattr(CommentWidget, "judge", lambda self, ctx: Verdict())
    results = {r.name: r for r in fixtures.check(fdir)}
    assert results["ferry"].status == "passed"  # no comment widget on that page
    seed = results["seed-copy"]
    assert seed.status == "changed" and seed.fields == ["removed"]
    assert all(c.kind == "moved" and c.expected_cleaner == "comments" for c in seed.removed_changes)
    assert '"Notify of" now removed by region (was: comments)' in seed.describe()


def test_a_cleaner_that_eats_body_text_fails_with_a_paragraph_diff(fdir: Path, monkeypatch):
    def greedy(self, ctx):  # noqa: ANN001 — the cleaner contract
        verdict = Verdict()
        for block in ctx.blocks:
            if "ministry" in block.text:
                verdict.drop(block, "misbehaving on purpose")
        return verdict

    monkeypatch.setattr(CommentWidget, "judge", greedy)
    seed = {r.name: r for r in fixtures.check(fdir)}["seed-copy"]
    assert {"paragraphs", "text", "word_count", "removed"} <= set(seed.fields)
    lost = [line for line in seed.diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert lost and all("ministry" in line for line in lost)
    assert any(c.kind == "added" and c.actual_cleaner == "comments" for c in seed.removed_changes)


def test_a_custom_cleaner_list_that_drops_everything_fails_every_fixture(fdir: Path):
    class DropAll(CommentWidget):
        name = "drop_all"

        def judge(self, ctx):  # noqa: ANN001 — the cleaner contract
            verdict = Verdict()
            for block in ctx.blocks:
                verdict.drop(block, "misbehaving on purpose")
            return verdict

    results = fixtures.check(fdir, cleaners=[*default_cleaners(), DropAll()])
    assert [r.status for r in results] == ["changed", "changed"]
    for result in results:
        assert result.fields == ["outcome"] and result.changes[0].actual == "error: no_article"
        assert result.diff.count("\n-") >= 3  # every paragraph shown as lost


def test_without_one_cleaner_its_removals_move_or_return(fdir: Path):
    kept = [c for c in default_cleaners() if c.name != "subscribe"]
    [seed] = fixtures.check(fdir, ["seed-copy"], cleaners=kept)
    assert seed.status == "changed"
    assert any(c.text == "Subscribe" and c.expected_cleaner == "subscribe" for c in seed.removed_changes)


# --- atomic writes --------------------------------------------------------------


def test_interrupted_bless_leaves_the_old_expected_and_no_temp_file(fdir: Path, monkeypatch):
    edit_expected(fdir, "ferry", title="Stale")
    before = (fdir / "ferry/expected.json").read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fixtures.bless(fdir, ["ferry"])
    monkeypatch.undo()
    assert (fdir / "ferry/expected.json").read_bytes() == before
    assert sorted(p.name for p in (fdir / "ferry").iterdir()) == ["capture.html", "expected.json", "meta.json"]


def test_failed_rename_leaves_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "expected.json"
    target.write_text('{"old": true}\n', "utf-8")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        fixtures.write_atomic(target, '{"new": true}\n')
    assert target.read_text("utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["expected.json"]


def test_interrupted_add_leaves_no_fixture(tmp_path: Path, monkeypatch):
    (tmp_path / "page.html").write_text(ARTICLE_HTML, "utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fixtures.add(tmp_path / "page.html", "ferry", tmp_path / "fx")
    assert list((tmp_path / "fx").iterdir()) == []


# --- report (markup only; the browser test opens it for real) --------------------


def test_report_escapes_page_text_and_loads_nothing(fdir: Path, tmp_path: Path):
    edit_expected(fdir, "ferry", title='<script>alert("x")</script>', paragraphs=["<img src=x onerror=alert(1)> & more"])
    report = tmp_path / "report.html"
    cli = run("check", "--dir", str(fdir), "--report", str(report))
    assert cli.exit_code == 1
    page = report.read_text("utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert not re.search(r"<[a-z][^>]*\ssrc=", page) and "@import" not in page and "url(" not in page
    assert all(href.startswith("#") for href in re.findall(r'<a [^>]*href="([^"]*)"', page))
    assert 'id="fixture-ferry"' in page and "1 passed, 1 changed" in page


def test_report_of_all_passed(fdir: Path):
    page = render_report(fixtures.check(fdir))
    assert "No fixture changed." in page and "2 passed, 0 changed" in page


def test_report_path_that_cannot_be_written_is_an_input_error(fdir: Path, tmp_path: Path):
    cli = run("check", "--dir", str(fdir), "--report", str(tmp_path / "no" / "such" / "dir" / "r.html"))
    assert cli.exit_code == 3 and "cannot write the report" in cli.stderr


def test_breaking_the_comments_cleaner_fails_exactly_the_repo_fixtures_that_rely_on_it(monkeypatch):
    """On our own suite: the fixtures whose expected removals name 'comments' fail, the others pass."""
    from conftest import ROOT

    root = ROOT / "fixtures"
    healthy = [r.name for r in fixtures.check(root) if r.passed]  # skip fixtures already drifting
    relying = {
        name
        for name in healthy
        if any(r["cleaner"] == "comments" for r in json.loads((root / name / "expected.json").read_text("utf-8")).get("removed", []))
    }
    assert "seed" in relying
    monkeypatch.setattr(CommentWidget, "judge", lambda self, ctx: Verdict())
    broken = {r.name: r for r in fixtures.check(root, healthy) if not r.passed}
    assert set(broken) == relying
    assert "(was: comments)" in broken["seed"].describe()


def test_a_new_removal_reason_is_a_change_of_its_own(fdir: Path):
    expected = json.loads((fdir / "seed-copy/expected.json").read_text("utf-8"))
    first = dict(expected["removed"][0], reason="an older wording")
    edit_expected(fdir, "seed-copy", removed=[first, *expected["removed"][1:]])
    [result] = fixtures.check(fdir, ["seed-copy"])
    assert result.fields == ["removed"] and not result.diff
    [change] = result.removed_changes
    assert change.kind == "reason" and change.expected_reason == "an older wording"
    assert "reason now" in result.describe() and '(was: "an older wording")' in result.describe()


def test_report_folds_long_runs_of_unchanged_paragraphs(fdir: Path):
    expected = json.loads((fdir / "seed-copy/expected.json").read_text("utf-8"))
    paragraphs = list(expected["paragraphs"])
    paragraphs[6] = "A different seventh paragraph."
    edit_expected(fdir, "seed-copy", paragraphs=paragraphs)
    page = render_report(fixtures.check(fdir, ["seed-copy"]))
    # 13 paragraphs, the 7th changed: 5 folded before it (one shown as context), 5 after
    assert page.count('<tr class="fold">') == 2 and "… 5 unchanged paragraphs …" in page
    assert page.count('<tr class="same">') == 2 and "A different seventh paragraph." in page


def test_report_shows_an_error_outcome_beside_the_article(tmp_path: Path):
    (tmp_path / "login.html").write_text(NO_ARTICLE_HTML, "utf-8")
    fixtures.add(tmp_path / "login.html", "login", tmp_path / "fx")
    (tmp_path / "fx/login/capture.html").write_text(ARTICLE_HTML, "utf-8")
    page = render_report(fixtures.check(tmp_path / "fx"))
    assert '<td class="del" dir="auto">[error: no_article]</td>' in page
    assert "The harbour ferry resumed" in page and "outcome" in page
