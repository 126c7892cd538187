"""The installed `tradefacts` command, as a user or a scheduler runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e
TRADEFACTS = Path(sys.executable).parent / "tradefacts"


def tradefacts(*args: str, cwd: Path = PROJECT_ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(TRADEFACTS), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_run_exits_zero_and_says_what_it_did(seed_copy, tmp_path):
    done = tradefacts(
        "run", "--input", str(seed_copy), "--warehouse", str(tmp_path / "w.duckdb"), "--exports", str(tmp_path / "x")
    )
    assert done.returncode == 0, done.stderr
    assert "Read 2 documents from 2 files (2 extracted, 0 rejected); published version 1." in done.stdout
    assert (tmp_path / "x" / "latest" / "amounts.parquet").is_file()
    again = tradefacts(
        "run", "--input", str(seed_copy), "--warehouse", str(tmp_path / "w.duckdb"), "--exports", str(tmp_path / "x")
    )
    assert again.returncode == 0
    assert "nothing changed (current version 1)" in again.stdout


def test_run_fails_with_a_one_line_reason(tmp_path):
    done = tradefacts("run", "--input", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert done.returncode == 1
    assert (
        done.stderr.strip().splitlines()[-1] == f"tradefacts: error: input folder {tmp_path / 'missing'} does not exist"
    )


def test_settings_come_from_the_environment_too(seed_copy, tmp_path):
    env = {"TRADEFACTS_WAREHOUSE": str(tmp_path / "env.duckdb"), "TRADEFACTS_EXPORTS_DIR": str(tmp_path / "env-x")}
    done = tradefacts("run", "--input", str(seed_copy), env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.duckdb").is_file()


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("make") is None, reason="needs git and make")
def test_fresh_clone_sets_up_and_runs_with_the_readme_command(tmp_path):
    """The README's first command on a fresh clone of the committed tree: install, then run on the seeds."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT_ROOT), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "TRADEFACTS_"))}
    done = subprocess.run(["make", "run"], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "published version 1" in done.stdout
    assert (clone / "warehouse" / "tradefacts.duckdb").is_file()
    assert (clone / "warehouse" / "exports" / "latest" / "documents.parquet").is_file()
