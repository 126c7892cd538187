"""Output shape of `extract_facts`: the contract's tables, columns, types and provenance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from flows.facts import FACT_TABLES, extract_facts, load_reference
from flows.facts.quick import facts_for_texts
from flows.facts.schema import TABLE_COLUMNS, fact_id

REFERENCE = load_reference(Path(__file__).resolve().parents[2] / "seeds" / "reference")
PROVENANCE = ["fact_id", "doc_id", "char_start", "char_end", "evidence"]

TEXT = (
    "HANOI - Vietnam and China signed 12 agreements on Monday. "
    "Vietnam's exports to China reached $61 billion last year. "
    "The US imposed a 46% tariff on Vietnamese goods. "
    "China Exim Bank will lend Vietnam $2 billion for a railway. "
    "VietJet ordered 20 Airbus A321neo jets."
)


def test_empty_input_gives_every_table_with_its_schema() -> None:
    documents = pl.DataFrame(schema={"doc_id": pl.Utf8, "published": pl.Date, "text": pl.Utf8})
    sentences = pl.DataFrame(
        schema={
            "doc_id": pl.Utf8,
            "sent_id": pl.Int32,
            "char_start": pl.Int32,
            "char_end": pl.Int32,
            "sentence": pl.Utf8,
        }
    )
    amounts = pl.DataFrame(
        schema={
            "doc_id": pl.Utf8, "sent_id": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.Utf8,
            "kind": pl.Utf8, "value": pl.Float64, "currency": pl.Utf8, "value_usd": pl.Float64,
        }
    )  # fmt: skip
    result = extract_facts(documents, sentences, amounts, REFERENCE)
    assert tuple(result) == FACT_TABLES
    for table, frame in result.items():
        assert frame.is_empty()
        assert frame.columns[: 5 + len(TABLE_COLUMNS[table])] == PROVENANCE + list(TABLE_COLUMNS[table])


def test_columns_types_and_provenance() -> None:
    result = facts_for_texts([TEXT], dt.date(2025, 4, 14))
    for table, frame in result.items():
        assert not frame.is_empty(), table
        assert frame.columns[: 5 + len(TABLE_COLUMNS[table])] == PROVENANCE + list(TABLE_COLUMNS[table])
        for name, dtype in TABLE_COLUMNS[table].items():
            assert frame.schema[name] == dtype, (table, name)
        assert frame.schema["char_start"] == pl.Int32
        for row in frame.iter_rows(named=True):
            assert TEXT[row["char_start"] : row["char_end"]] == row["evidence"]
        assert frame["fact_id"].n_unique() == frame.height
        assert frame["fact_id"].str.contains(r"^[0-9a-f]{16}$").all()


def test_fact_ids_are_stable_across_runs() -> None:
    first = facts_for_texts([TEXT], dt.date(2025, 4, 14))
    second = facts_for_texts([TEXT], dt.date(2025, 4, 14))
    for table in FACT_TABLES:
        assert first[table]["fact_id"].to_list() == second[table]["fact_id"].to_list()


def test_fact_id_depends_on_table_span_and_keys() -> None:
    base = fact_id("trade_flows", "d", 0, 10, ["VNM", "CHN", "export", 1.0])
    assert base == fact_id("trade_flows", "d", 0, 10, ["VNM", "CHN", "export", 1.0])
    assert base != fact_id("trade_flows", "d", 0, 10, ["VNM", "CHN", "import", 1.0])
    assert base != fact_id("trade_measures", "d", 0, 10, ["VNM", "CHN", "export", 1.0])
    assert fact_id("agreements", "d", 0, 1, [["VNM", "CHN"]]) == fact_id("agreements", "d", 0, 1, [["CHN", "VNM"]])


def test_relative_periods_stay_null_without_a_publication_date() -> None:
    flows = facts_for_texts([TEXT], None)["trade_flows"]
    assert flows["period_start"].to_list() == [None]
