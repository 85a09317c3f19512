"""The same export on a local Dask cluster of two worker processes: the manifest is byte for byte the local one."""

from __future__ import annotations

from pathlib import Path

import pytest
from exportkit import SMALL


def test_an_export_on_a_dask_cluster_gives_the_local_manifest(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local", tmp_path / "dask"
    assert cli("export", *SMALL, "-o", local, "-j", "1").code == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address.removeprefix("tcp://")
        result = cli("export", *SMALL, "-o", remote, "--executor", f"dask://{address}")
    assert result.code == 0, result.err
    assert (remote / "manifest.json").read_bytes() == (local / "manifest.json").read_bytes()


def test_a_dask_scheduler_nobody_runs_is_a_clear_refusal(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("distributed")
    result = cli("export", *SMALL, "-o", tmp_path / "out", "--executor", "dask://127.0.0.1:9")
    assert result.code == 2
    assert result.err.startswith("error: --executor dask://127.0.0.1:9: cannot reach the Dask scheduler")


def test_an_executor_that_is_not_dask(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("export", *SMALL, "-o", tmp_path / "out", "--executor", "spark://x:1")
    assert result.code == 2
    assert result.err.startswith("error: --executor spark://x:1: give dask://HOST:PORT")
