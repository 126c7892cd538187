"""Crashes, concurrent runs, readers during a publish, hostile text and odd paths."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows import load

pytestmark = pytest.mark.e2e
TRADEFACTS = Path(sys.executable).parent / "tradefacts"
EXTRA_ARTICLE = "---\npublished: 2025-05-02\n---\nThailand imposed a 30% safeguard duty on Chinese steel coil.\n"


class Run:
    """`tradefacts run` in its own process group, output to files (a killed run's orphaned
    Prefect server must not hold our pipes), the group cleaned up when it ends."""

    def __init__(self, input_dir: Path, out: Path, **env: str) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.log = out / f"run-{time.monotonic_ns()}"
        args = [
            str(TRADEFACTS),
            "run",
            "--input",
            str(input_dir),
            "--warehouse",
            str(out / "w.duckdb"),
            "--exports",
            str(out / "x"),
        ]
        with open(f"{self.log}.out", "w") as stdout, open(f"{self.log}.err", "w") as stderr:
            self.proc = subprocess.Popen(
                args, env={**os.environ, **env}, stdout=stdout, stderr=stderr, start_new_session=True
            )

    def wait(self) -> subprocess.CompletedProcess:
        try:
            code = self.proc.wait(timeout=600)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        return subprocess.CompletedProcess(
            self.proc.args, code, Path(f"{self.log}.out").read_text(), Path(f"{self.log}.err").read_text()
        )


def run(input_dir: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    return Run(input_dir, out, **env).wait()


def read(out: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(out / "w.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("stage", ["extract", "load", "export"])
def test_a_run_killed_mid_stage_leaves_the_previous_version_and_the_next_run_completes(stage, seed_copy, tmp_path):
    out = tmp_path / "out"
    assert run(seed_copy, out).returncode == 0
    before = read(out, "SELECT version, n_amounts FROM versions")
    (seed_copy / "articles" / "thai.md").write_text(EXTRA_ARTICLE)

    killed = run(seed_copy, out, TRADEFACTS_CRASH_AT=stage)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert read(out, "SELECT version, n_amounts FROM versions") == before == [(1, 6)]
    assert read(out, "SELECT count(*) FROM documents") == [(2,)]
    assert pq.read_table(out / "x" / "latest" / "documents.parquet").num_rows == 2

    # the input changes before the next run: what the killed run exported for "version 2" must not survive
    (seed_copy / "articles" / "thai-2.md").write_text(EXTRA_ARTICLE.replace("Thailand", "Cambodia"))
    again = run(seed_copy, out)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "published version 2" in again.stdout
    assert read(out, "SELECT version FROM versions ORDER BY 1") == [(1,), (2,)]
    assert read(out, "SELECT count(*) FROM documents") == [(4,)]
    for table in ("documents", "amounts", "trade_measures"):
        rows = read(out, f"SELECT count(*) FROM {table}")[0][0]
        assert pq.read_table(out / "x" / "latest" / f"{table}.parquet").num_rows == rows
        assert pq.read_table(out / "x" / table / "version=2").num_rows == rows
        assert sorted(p.name for p in (out / "x" / table).iterdir()) == ["version=1", "version=2"]


def test_a_second_run_waits_for_the_first_or_says_why_it_cannot(seed_copy, tmp_path):
    out = tmp_path / "out"
    other = tmp_path / "other"
    other.mkdir()
    (other / "thai.md").write_text(EXTRA_ARTICLE)
    first, second = Run(seed_copy, out), Run(other, out)
    results = first.wait(), second.wait()
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    assert read(out, "SELECT version, n_documents FROM versions ORDER BY 1")[-1] == (2, 3)
    assert [v for (v,) in read(out, "SELECT version FROM versions ORDER BY 1")] == [1, 2]

    with load.warehouse_lock(out / "w.duckdb", timeout_s=5):
        busy = run(seed_copy, out, TRADEFACTS_LOCK_TIMEOUT_S="1")
    assert busy.returncode == 1
    assert (
        busy.stderr.strip()
        .splitlines()[-1]
        .startswith(f"tradefacts: error: another tradefacts run (pid {os.getpid()}) is writing")
    )


def test_readers_see_the_old_or_the_new_version_never_a_mix(seed_copy, tmp_path):
    out = tmp_path / "out"
    assert run(seed_copy, out).returncode == 0
    analyst = duckdb.connect(str(out / "w.duckdb"), read_only=True)  # held open through the publish
    (seed_copy / "articles" / "thai.md").write_text(EXTRA_ARTICLE)
    seen, errors, done = set(), [], threading.Event()

    def poll() -> None:
        while not done.is_set():
            try:
                with duckdb.connect(str(out / "w.duckdb"), read_only=True) as con:
                    (version, n_docs), (actual,) = (
                        con.execute(
                            "SELECT version, n_documents FROM versions ORDER BY version DESC LIMIT 1"
                        ).fetchone(),
                        con.execute("SELECT count(*) FROM documents").fetchone(),
                    )
                seen.add(version)
                if n_docs != actual:
                    errors.append(f"version {version} says {n_docs} documents, table has {actual}")
            except duckdb.Error as err:
                errors.append(str(err))
            time.sleep(0.05)

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        assert run(seed_copy, out).returncode == 0
    finally:
        done.set()
        reader.join()
    assert not errors
    assert seen == {1, 2} or seen == {1} or seen == {2}
    assert 1 in seen
    assert analyst.execute("SELECT max(version), (SELECT count(*) FROM documents) FROM versions").fetchone() == (1, 2)
    analyst.close()
    assert read(out, "SELECT max(version) FROM versions") == [(2,)]


HOSTILE = (
    'Robert\'); DROP TABLE documents; -- said "tariffs" of 25% apply; SELECT * FROM versions;\n'
    "Nul \x00 byte, right-to-left \u202eGNIDART\u202c mark, look-alike Сhina and Vіetnam (Cyrillic), "
    "zero\u200bwidth, emoji 🚢 and a tab\there. Exports rose 5% to $3 billion.\n"
)


def test_hostile_text_and_odd_file_names_are_stored_and_exported_verbatim(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    names = ['quote \' and "double"; DROP.txt', "-dash.md", "ünï cödé 中文.txt", "new\nline.txt", "dots..in..name.md"]
    for name in names:
        (folder / name).write_text(HOSTILE + name)
    (folder / "one-line.txt").write_text(("Ships paid $5 million in duties " * 330_000)[:10_000_000])
    out = tmp_path / "out"
    before = set(tmp_path.iterdir())
    done = run(folder, out)
    assert done.returncode == 0, done.stderr[-2000:]
    stored = dict(read(out, "SELECT path, text FROM documents"))
    assert set(stored) == {*names, "one-line.txt"}
    for name in names:
        assert stored[name] == HOSTILE + name
    assert len(stored["one-line.txt"]) == 10_000_000
    exported = pq.read_table(out / "x" / "latest" / "documents.parquet").to_pydict()
    assert dict(zip(exported["path"], exported["text"], strict=True)) == stored
    assert read(out, "SELECT count(*) FROM versions") == [(1,)]
    tables = {t for (t,) in read(out, "SELECT table_name FROM information_schema.tables")}
    assert {"documents_history", "versions", "amounts_history"} <= tables
    assert set(tmp_path.iterdir()) - before == {out}
