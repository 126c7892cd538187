"""The analyst views and example queries of sql/, run against the warehouse built from the seeds."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.e2e
QUERIES = PROJECT_ROOT / "sql" / "queries"
TRADEFACTS = Path(sys.executable).parent / "tradefacts"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    from flows.pipeline import build_warehouse

    out = tmp_path_factory.mktemp("analyst")
    settings = Settings(warehouse=out / "w.duckdb", exports_dir=out / "x")
    assert build_warehouse(settings=settings)["version"] == 1
    return out / "w.duckdb"


def rows(warehouse: Path, name: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute((QUERIES / f"{name}.sql").read_text()).fetchall()


# What each example query must show on the seeds (the facts of the seed gold file).
CHECKS = {
    "tariffs_on_chinese_goods": lambda r: (
        ("USA", "tariff", None, 145.0, 1) in r and ("VNM", "anti_dumping") in {x[:2] for x in r}
    ),
    "threatened_and_paused_measures": lambda r: (
        ("USA", "VNM", "tariff", 46.0, "threatened", dt.date(2025, 7, 1), None) in r
        and any(x[2] == "tariff_pause" and x[6] == 90 for x in r)
    ),
    "trade_by_pair": lambda r: (
        ("CHN", "VNM", 2024, "bilateral", None, 205.0, ["at_least"], 1) in r
        and ("USA", "VNM", 2025, "export", "VNM", 31.4, ["exact"], 1) in r
    ),
    "financing_by_lender": lambda r: (
        any(x[2] == "railway" and x[3] == "project_cost" and x[5] == 8.4 for x in r)
        and any(x[0] == "CHN" and x[1] == "VNM" and x[6] >= 1 for x in r)
    ),
    "aircraft_by_manufacturer": lambda r: ("COMAC", "VietJet", "wet_lease", "C909", 2) in {x[:5] for x in r},
    "agreements_by_visit": lambda r: [x[2] for x in r if not x[3]] == [45] and all(x[1] == ["CHN", "VNM"] for x in r),
    "conflicting_reports": lambda r: any(
        x[0] == "agreements" and x[1] == "CHN,VNM|agreement" and x[3] == [45.0] for x in r
    ),
    "large_amounts_with_sources": lambda r: (
        [x[1] for x in r] == ["$205 billion", "$31.4 billion", "$30 billion", "$8.4 billion"]
        and all(x[1] in x[3] for x in r)
    ),
    "what_changed_in_the_latest_version": lambda r: r and {x[0] for x in r} == {"added"},
}


def test_every_query_file_is_checked():
    assert {p.stem for p in QUERIES.glob("*.sql")} == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_example_query(warehouse, name):
    result = rows(warehouse, name)
    assert CHECKS[name](result), result


def test_sql_command_is_read_only_and_prints_a_table(warehouse):
    shown = subprocess.run(
        [str(TRADEFACTS), "sql", "SELECT count(*) AS n FROM documents", "--warehouse", str(warehouse)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert shown.returncode == 0
    assert [line.strip("│ ") for line in shown.stdout.splitlines()][1:5] == ["n", "int64", "├───────┤", "2"]
    refused = subprocess.run(
        [str(TRADEFACTS), "sql", "DROP TABLE versions", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert "read-only" in refused.stderr.strip().splitlines()[-1]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM versions").fetchone() == (1,)


def test_versions_and_diff_commands(warehouse):
    listed = subprocess.run(
        [str(TRADEFACTS), "versions", "--warehouse", str(warehouse)], capture_output=True, text=True, timeout=120
    )
    assert listed.returncode == 0 and "passed" in listed.stdout
    diff = subprocess.run(
        [str(TRADEFACTS), "diff", "0", "1", "--warehouse", str(warehouse)], capture_output=True, text=True, timeout=120
    )
    assert diff.returncode == 1 and "no version 0" in diff.stderr
