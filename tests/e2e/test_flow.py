"""The real flow end to end: Prefect flow run, GX validation, DuckDB file, Parquet read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.settings import Settings

pytestmark = pytest.mark.e2e


def run_flow(input_dir: Path, out: Path, **overrides) -> dict:
    from flows.pipeline import build_warehouse

    settings = Settings(
        input_dir=input_dir, warehouse=out / "tradefacts.duckdb", exports_dir=out / "exports", **overrides
    )
    return build_warehouse(settings=settings)


def query(out: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(out / "tradefacts.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


SEED_AMOUNTS = {
    ("$205 billion", "money", 205e9, "USD"),
    ("$8.4 billion", "money", 8.4e9, "USD"),
    ("145%", "percent", 145.0, None),
    ("46%", "percent", 46.0, None),
    ("$30 billion", "money", 30e9, "USD"),
    ("$31.4 billion", "money", 31.4e9, "USD"),
}

NEW_ARTICLE = """---
title: Jakarta signs port loan
published: 2025-05-02
---
JAKARTA: Indonesia signed a 1.5 trillion rupiah ($92 million) loan with a Japanese state bank for the Patimban port.
Officials said exports of nickel rose 12% in the first quarter.
"""


def test_seeds_publish_once_then_only_on_change(seed_copy, tmp_path):
    out = tmp_path / "wh"
    first = run_flow(seed_copy, out)
    assert (first["status"], first["version"], first["n_documents_read"], first["n_rejected"]) == ("published", 1, 2, 0)

    documents = query(out, "SELECT path, published, published_source, n_chars > 2000 FROM documents ORDER BY path")
    assert documents == [
        ("articles/000_56e7f56bddd4fca7.md", dt.date(2025, 4, 15), "metadata", True),
        ("articles/002_9658b47025ae1edb.md", dt.date(2025, 4, 14), "metadata", True),
    ]
    amounts = query(
        out, "SELECT text, kind, value, currency, value_usd, evidence, doc_id, char_start, char_end FROM amounts"
    )
    assert {row[:4] for row in amounts} == SEED_AMOUNTS
    texts = dict(query(out, "SELECT doc_id, text FROM documents"))
    for text, *_, evidence, doc_id, start, end in amounts:
        assert texts[doc_id][start:end] == text
        assert text in evidence
    assert all(row[4] == row[2] for row in amounts if row[1] == "money")

    again = run_flow(seed_copy, out)
    assert (again["status"], again["version"], again["current_version"]) == ("unchanged", None, 1)
    assert query(out, "SELECT count(*) FROM versions") == [(1,)]

    (seed_copy / "articles" / "jakarta.md").write_text(NEW_ARTICLE)
    third = run_flow(seed_copy, out)
    assert (third["status"], third["version"], third["n_documents_extracted"]) == ("published", 2, 1)
    assert query(out, "SELECT count(*) FROM documents") == [(3,)]
    assert {row[:4] for row in query(out, "SELECT text, kind, value, currency FROM amounts_as_of(1)")} == SEED_AMOUNTS
    rupiah = query(out, "SELECT value, currency, value_usd, value_usd_source FROM amounts WHERE currency = 'IDR'")
    assert rupiah == [(1.5e12, "IDR", 92e6, "stated_beside")]
    versions = query(
        out, "SELECT version, n_documents, n_amounts, validation, extractor_version <> '' FROM versions ORDER BY 1"
    )
    assert versions == [(1, 2, 6, "passed", True), (2, 3, 9, "passed", True)]

    # Parquet: latest/ and every version, read back by two readers, equal to the tables.
    exports = out / "exports"
    for table in ("documents", "amounts", "trade_flows", "trade_measures", "financing", "aviation_deals", "agreements"):
        in_warehouse = sorted(map(repr, query(out, f"SELECT * FROM {table}")))
        latest = exports / "latest" / f"{table}.parquet"
        assert sorted(map(repr, duckdb.sql(f"SELECT * FROM '{latest}'").fetchall())) == in_warehouse
        assert pq.read_table(latest).num_rows == len(in_warehouse)
        for version in (1, 2):
            part = exports / table / f"version={version}" / "part-0.parquet"
            as_of = query(out, f"SELECT count(*) FROM {table}_as_of({version})")[0][0]
            assert pq.read_table(part).num_rows == as_of
    assert pq.read_table(exports / "latest" / "amounts.parquet").column("value").to_pylist().count(1.5e12) == 1
    assert not [p for p in exports.rglob("*") if p.name.startswith(".") and p.name != ".version"]


def test_bad_input_is_recorded_and_the_good_articles_load(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("---\npublished: 2025-01-10\n---\nMalaysia cut duties on rice by 15% this week.\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"maintext": "Thailand raised tariffs on steel to 30%.", "date_publish": "2025-02-01"})
        + "\n{broken json line\n"
    )
    (folder / "scan.pdf.txt").write_bytes(b"%PDF-1.7 binary stuff \x00\x01\x02")
    (folder / "latin1.txt").write_bytes("Exportaciones de caf\xe9".encode("latin-1"))
    (folder / "empty.md").write_text("")
    (folder / "huge.txt").write_text("A long article. " * 400)
    summary = run_flow(folder, tmp_path / "wh", max_file_bytes=4000)
    assert summary["status"] == "published"
    docs = query(tmp_path / "wh", "SELECT path FROM documents ORDER BY path")
    assert docs == [("feed.jsonl#1",), ("good.md",)]
    rejected = dict(query(tmp_path / "wh", "SELECT path, reason FROM rejected_inputs"))
    assert set(rejected) == {"feed.jsonl#2", "scan.pdf.txt", "latin1.txt", "empty.md", "huge.txt"}
    assert "not valid JSON" in rejected["feed.jsonl#2"]
    assert "binary data (a PDF document)" in rejected["scan.pdf.txt"]
    assert "not valid UTF-8" in rejected["latin1.txt"]
    assert "empty file" in rejected["empty.md"]
    assert "over the 4,000 bytes limit" in rejected["huge.txt"]
    assert sorted(r[0] for r in query(tmp_path / "wh", "SELECT value FROM amounts")) == [15.0, 30.0]


def test_a_row_that_breaks_an_expectation_is_quarantined_not_loaded(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "typo.md").write_text(
        "---\npublished: 2025-03-01\n---\nOfficials floated a 99999% levy, then settled on 25%.\n"
    )
    summary = run_flow(folder, tmp_path / "wh")
    assert summary["quarantined"]["amounts"] == 1
    out = tmp_path / "wh"
    assert query(out, "SELECT value FROM amounts") == [(25.0,)]
    [row] = query(out, "SELECT version, table_name, expectation, column_name, row_json FROM quarantine")
    assert row[:4] == (1, "amounts", "expect_column_values_to_be_between", "value")
    assert json.loads(row[4])["text"] == "99999%"
    assert query(out, "SELECT validation, n_quarantined FROM versions") == [("quarantined", 1)]


def test_a_run_reads_only_new_or_changed_files(seed_copy, tmp_path):
    out = tmp_path / "wh"
    assert run_flow(seed_copy, out)["n_files_read"] == 2
    again = run_flow(seed_copy, out)
    assert (again["n_files_read"], again["n_documents_read"], again["status"]) == (0, 2, "unchanged")

    (seed_copy / "articles" / "jakarta.md").write_text(NEW_ARTICLE)
    added = run_flow(seed_copy, out)
    assert (added["n_files_read"], added["n_documents_extracted"], added["version"]) == (1, 1, 2)

    edited = seed_copy / "articles" / "jakarta.md"
    edited.write_text(NEW_ARTICLE.replace("12%", "14%"))
    changed = run_flow(seed_copy, out)
    assert (changed["n_files_read"], changed["version"]) == (1, 3)
    assert query(out, "SELECT value FROM amounts WHERE kind = 'percent' AND value IN (12, 14)") == [(14.0,)]
    assert query(out, "SELECT count(*) FROM documents") == [(3,)]
