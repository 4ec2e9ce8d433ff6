"""Batches on other executors: a dask.distributed cluster (on loopback), and pools that fail."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.batch import iter_articles
from scraper.cli import main
from test_batch import captures  # noqa: F401  (the fixture)

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    # Workers as threads of this process (they import what the tests import),
    # talking TCP on loopback as a real cluster's do.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


def _summary(records):  # type: ignore[no-untyped-def]
    return [(Path(r.source).name, r.data) for r in records]


def test_a_cluster_gives_the_records_local_processes_give(cluster, captures: Path):  # noqa: F811
    sources = [str(captures), str(captures / "missing.txt")]
    with distributed.Client(cluster) as client:
        remote = list(iter_articles(sources, executor=client.get_executor()))
    assert _summary(remote) == _summary(iter_articles(sources))
    assert [r.ok for r in remote] == [True, False, True, False]


def test_a_cluster_learns_the_same_site_templates(cluster):  # type: ignore[no-untyped-def]
    # The evidence pass runs on the cluster too (captures read here, lines counted there).
    sites = [str(Path(__file__).parent / "data" / "sites" / name) for name in ("diario", "verband")]
    with distributed.Client(cluster) as client:
        remote = list(iter_articles(sites, executor=client.get_executor()))
    assert _summary(remote) == _summary(iter_articles(sites))
    assert all(any(r["cleaner"] == "site_template" for r in record.data["removed"]) for record in remote)


def test_cli_batch_on_a_scheduler(cluster, captures: Path, tmp_path: Path):  # noqa: F811
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(captures), "-o", str(out), "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 12, result.output  # b-empty.txt is an error record
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [Path(r["source"]).name for r in lines] == ["a-seed.txt", "b-empty.txt", "c-page.html"]
    assert lines[1]["error"] == "empty" and "title" in lines[2]


def test_a_scheduler_that_does_not_answer_is_one_line(monkeypatch: pytest.MonkeyPatch, captures: Path):  # noqa: F811
    from scraper import cli_batch  # (after scraper.cli, which imports it)

    monkeypatch.setattr(cli_batch, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(main, ["batch", str(captures), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 7
    assert result.output.startswith("error: cannot reach the dask scheduler at tcp://127.0.0.1:9") and result.output.count("\n") == 1


@pytest.mark.parametrize("address", ["notanaddress", "tcp://127.0.0.1:notaport", "foo://127.0.0.1:8786"])
def test_an_address_that_does_not_parse_is_a_usage_error(address: str, captures: Path):  # noqa: F811
    result = CliRunner().invoke(main, ["batch", str(captures), "--scheduler", address])
    assert result.exit_code == 2, result.output
    assert f"'{address}' is not a scheduler address: " in result.output and result.output.count("\n") == 1


def test_a_pool_that_fails_leaves_error_records_not_a_traceback(captures: Path):  # noqa: F811
    pool = ThreadPoolExecutor(max_workers=1)
    pool.shutdown()  # it takes no more work: map() raises
    got = list(iter_articles([str(captures)], executor=pool))
    assert [r.data["error"] for r in got] == ["worker"] * 3
    assert got[0].data["message"].startswith("no worker could clean it: RuntimeError: cannot schedule new futures")
