"""History across extractor changes and deletions, Parquet exports read by BI-style readers, run artifacts."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from conftest import REFERENCE
from flows.export import EXPORTED_TABLES
from flows.settings import Settings

pytestmark = pytest.mark.e2e

YUAN = "---\npublished: 2025-03-03\n---\nChina Exim Bank agreed a 10 billion yuan loan to Laos for a power line.\n"
RUPIAH = "---\npublished: 2025-03-04\n---\nIndonesia signed a 2 trillion rupiah grant for a port.\n"


def query(out: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(out / "w.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "yuan.md").write_text(YUAN)
    (folder / "rupiah.md").write_text(RUPIAH)
    return folder


def test_an_extractor_change_re_extracts_stored_documents_in_one_version(articles, tmp_path):
    from flows.pipeline import build_warehouse

    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE, reference)
    out = tmp_path / "out"
    settings = Settings(input_dir=articles, warehouse=out / "w.duckdb", exports_dir=out / "x", reference_dir=reference)
    assert build_warehouse(settings=settings)["version"] == 1
    (articles / "rupiah.md").unlink()  # stored, no longer in the input: kept, and re-extracted too

    rates = (reference / "fx_rates.csv").read_text().replace("CNY,2024-01-01,0.138,", "CNY,2024-01-01,0.140,")
    (reference / "fx_rates.csv").write_text(rates)
    second = build_warehouse(settings=settings)
    assert (second["version"], second["n_documents_extracted"]) == (2, 2)

    changed = query(out, "SELECT table_name, change, row_key FROM amounts_diff(1, 2)")
    assert [(t, c) for t, c, _ in changed] == [("amounts", "changed")]
    [(after,)] = query(out, "SELECT after FROM amounts_diff(1, 2)")
    assert json.loads(after)["value_usd"] == pytest.approx(10e9 * 0.140)
    docs = query(
        out,
        "SELECT change, json_extract_string(before, '$.extractor_version') <> json_extract_string(after, '$.extractor_version') FROM documents_diff(1, 2)",
    )
    assert docs == [("changed", True), ("changed", True)]
    assert query(out, "SELECT count(*) FROM documents") == [(2,)]
    assert build_warehouse(settings=settings)["version"] is None  # nothing left to change


def test_documents_gone_from_the_input_are_kept_until_prune(articles, tmp_path):
    from flows.pipeline import build_warehouse

    out = tmp_path / "out"
    settings = Settings(input_dir=articles, warehouse=out / "w.duckdb", exports_dir=out / "x")
    build_warehouse(settings=settings)
    (articles / "rupiah.md").unlink()
    assert build_warehouse(settings=settings)["version"] is None
    assert query(out, "SELECT count(*) FROM documents") == [(2,)]
    pruned = build_warehouse(settings=settings, prune=True)
    assert pruned["version"] == 2
    assert query(out, "SELECT path FROM documents") == [("yuan.md",)]
    assert query(out, "SELECT count(*) FROM amounts WHERE currency = 'IDR'") == [(0,)]
    assert query(out, "SELECT count(*) FROM amounts_as_of(1) WHERE currency = 'IDR'") == [(1,)]


def test_exports_read_with_hive_partitioning_and_polars_and_describe_their_columns(articles, tmp_path):
    from flows.pipeline import build_warehouse

    out = tmp_path / "out"
    settings = Settings(input_dir=articles, warehouse=out / "w.duckdb", exports_dir=out / "x")
    build_warehouse(settings=settings)
    (articles / "more.md").write_text("---\npublished: 2025-03-05\n---\nThailand raised duties on steel to 25%.\n")
    build_warehouse(settings=settings)
    exports = out / "x"
    dictionary = json.loads((exports / "data_dictionary.json").read_text())
    for table in EXPORTED_TABLES:
        dataset = ds.dataset(exports / table, format="parquet", partitioning="hive")
        by_version = dataset.to_table().to_pandas().groupby("version").size().to_dict()
        for version in (1, 2):
            assert by_version.get(version, 0) == query(out, f"SELECT count(*) FROM {table}_as_of({version})")[0][0]
        latest = pl.scan_parquet(exports / "latest" / f"{table}.parquet").collect()
        in_warehouse = pl.from_arrow(
            duckdb.connect(str(out / "w.duckdb"), read_only=True).sql(f"FROM {table}").to_arrow_table()
        )
        assert latest.sort(latest.columns[0]).equals(in_warehouse.sort(in_warehouse.columns[0]))
        metadata = pq.read_schema(exports / "latest" / f"{table}.parquet").metadata
        for column in latest.columns:
            assert dictionary[table][column]["description"], (table, column)
            assert metadata[f"tradefacts.column.{column}".encode()]


def test_each_run_leaves_a_markdown_artifact(articles, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.pipeline import build_warehouse

    summary = build_warehouse(
        settings=Settings(input_dir=articles, warehouse=tmp_path / "w.duckdb", exports_dir=tmp_path / "x")
    )

    async def latest_artifact() -> str:
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["build-warehouse-summary"])), limit=50
            )
            return next(a.data for a in found if summary["run_id"] in (a.data or ""))

    markdown = asyncio.run(latest_artifact())
    assert "published version 1" in markdown
    assert "| amounts |" in markdown and "Seconds per stage" in markdown
