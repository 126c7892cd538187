"""Shared checking for the sentence-case tests of the fact tables."""

from __future__ import annotations

import polars as pl
import pytest

from flows.facts.schema import KEY_FIELDS


def key_rows(table: str, frame: pl.DataFrame) -> list[dict]:
    """The key fields of each row, lists sorted."""
    rows = frame.select(KEY_FIELDS[table]).to_dicts()
    for row in rows:
        for name, value in row.items():
            if isinstance(value, list):
                row[name] = sorted(value)
    return rows


def _agrees(key: str, got: dict, want: dict) -> bool:
    value = want[key]
    if isinstance(value, float):
        return got[key] == pytest.approx(value, rel=0.01)
    # a bilateral flow's two countries may come in either order
    return got[key] == value or (key in ("reporter_iso3", "partner_iso3") and set(want.values()) <= set(got.values()))


def assert_case(results: dict[str, pl.DataFrame], index: int, table: str, expected: list[dict]) -> None:
    """Text number `index` gave exactly the `expected` rows (by key fields) in `table`."""
    got = key_rows(table, results[table].filter(pl.col("doc_id") == f"d{index}"))
    assert len(got) == len(expected), got
    for want in expected:
        assert any(all(_agrees(k, g, want) for k in want) for g in got), (want, got)
