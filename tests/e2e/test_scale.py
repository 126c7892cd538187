"""Running as users will: on a Dask cluster, and served on a schedule."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.export import EXPORTED_TABLES
from flows.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.e2e
TRADEFACTS = Path(sys.executable).parent / "tradefacts"
TABLES = (*EXPORTED_TABLES, "quarantine")


def snapshot(warehouse: Path) -> dict[str, list]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def test_a_local_dask_cluster_of_two_workers_gives_the_same_facts(tmp_path):
    from flows.cli import _flow_for

    corpus = tmp_path / "in"
    shutil.copytree(PROJECT_ROOT / "tests" / "corpus" / "dev", corpus)
    shutil.copytree(PROJECT_ROOT / "seeds" / "articles", corpus / "seeds")
    results = {}
    for workers in (0, 2):
        settings = Settings(
            input_dir=corpus,
            warehouse=tmp_path / f"w{workers}.duckdb",
            exports_dir=tmp_path / f"x{workers}",
            batch_size=3,
            workers=workers,
        )
        summary = _flow_for(settings)(settings=settings)
        assert summary["version"] == 1
        results[workers] = snapshot(settings.warehouse)
    assert results[0]["trade_measures"], "the corpus must produce facts for the comparison to mean something"
    assert results[2] == results[0]


def _versions(warehouse: Path) -> list[int]:
    if not warehouse.exists():
        return []
    with contextlib.suppress(duckdb.Error), duckdb.connect(str(warehouse), read_only=True) as con:
        return [v for (v,) in con.execute("SELECT version FROM versions ORDER BY 1").fetchall()]
    return []


def _wait_for(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(1)
    return False


def test_served_flow_picks_up_a_dropped_article_and_stops_cleanly(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(PROJECT_ROOT / "seeds" / "articles" / "000_56e7f56bddd4fca7.md", inbox)
    warehouse = tmp_path / "w.duckdb"
    log = (tmp_path / "serve.log").open("w")
    # Its own Prefect home and server (no PREFECT_API_URL): what a user without a team server gets.
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "prefect")}
    served = subprocess.Popen(
        [str(TRADEFACTS), "serve", "--interval", "10", "--input", str(inbox), "--warehouse", str(warehouse), "--exports", str(tmp_path / "x")],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env,
    )  # fmt: skip
    try:
        assert _wait_for(lambda: _versions(warehouse) == [1], 300), (tmp_path / "serve.log").read_text()[-3000:]
        shutil.copy(PROJECT_ROOT / "seeds" / "articles" / "002_9658b47025ae1edb.md", inbox)
        assert _wait_for(lambda: _versions(warehouse) == [1, 2], 120), (tmp_path / "serve.log").read_text()[-3000:]
        served.send_signal(signal.SIGINT)
        assert served.wait(timeout=90) in (0, 130)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(served.pid, signal.SIGKILL)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT n_documents FROM versions ORDER BY version").fetchall() == [(1,), (2,)]
