"""The scorer: matching rules of docs/gold-format.md."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from flows.evaluate import format_report, keys_agree, load_gold, score, values_agree
from flows.facts.schema import empty_table


def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    base = empty_table(table)
    if not rows:
        return base
    full = [{**dict.fromkeys(base.columns), "char_start": 0, "char_end": 1, "evidence": "e", **r} for r in rows]
    return pl.DataFrame(full, schema=base.schema)


def _predicted(**tables: list[dict]) -> dict[str, pl.DataFrame]:
    names = ("trade_flows", "trade_measures", "financing", "aviation_deals", "agreements")
    return {t: _frame(t, tables.get(t, [])) for t in names}


def test_load_gold_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '// comment\n\n{"doc": "a.md", "table": null}\n{"doc": "b.jsonl", "line": 2, "table": "agreements"}\n'
    )
    assert load_gold(path) == [{"doc": "a.md", "table": None}, {"doc": "b.jsonl", "line": 2, "table": "agreements"}]


def test_load_gold_rejects_unknown_table(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "a.md", "table": "nope"}) + "\n")
    with pytest.raises(ValueError, match="unknown table"):
        load_gold(path)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (100.0, 100.9, True),
        (100.0, 102.0, False),
        (None, None, True),
        (None, 0.0, False),
        ("CHN", "CHN", True),
        ("2025-01-01", "2025-01-01", True),
    ],
)
def test_values_agree(a: object, b: object, agree: bool) -> None:
    assert values_agree(a, b) is agree


def test_bilateral_flows_match_in_either_order_and_parties_as_a_set() -> None:
    gold = {"reporter_iso3": "CHN", "partner_iso3": "VNM", "flow": "bilateral", "value_usd": 2.05e11}
    assert keys_agree("trade_flows", {**gold, "reporter_iso3": "VNM", "partner_iso3": "CHN"}, gold)
    export = {**gold, "flow": "export"}
    assert not keys_agree("trade_flows", {**export, "reporter_iso3": "VNM", "partner_iso3": "CHN"}, export)
    agreement = {"parties_iso3": ["VNM", "CHN"], "count": 45, "kind": "agreement"}
    assert keys_agree("agreements", {**agreement, "parties_iso3": ["CHN", "VNM"]}, agreement)


def test_missing_gold_key_field_counts_as_null() -> None:
    assert not keys_agree("trade_measures", {"imposer_iso3": "USA", "target_iso3": "CHN", "measure": "tariff", "rate_pct": None},
                          {"imposer_iso3": "USA", "measure": "tariff"})  # fmt: skip
    assert keys_agree("trade_measures", {"imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": None},
                      {"imposer_iso3": "USA", "measure": "tariff"})  # fmt: skip


def test_score_counts_matches_misses_extras_and_attributes() -> None:
    gold = [
        {"doc": "a.md", "table": "trade_measures", "imposer_iso3": "USA", "target_iso3": "CHN", "measure": "tariff",
         "rate_pct": 145.0, "status": "in_force"},
        {"doc": "a.md", "table": "trade_measures", "imposer_iso3": "USA", "target_iso3": "VNM", "measure": "tariff",
         "rate_pct": 46.0, "status": "threatened"},
        {"doc": "w.jsonl", "line": 2, "table": "agreements", "parties_iso3": ["CHN", "VNM"], "count": 1, "kind": "mou"},
        {"doc": "empty.md", "table": None},
    ]  # fmt: skip
    predicted = _predicted(
        trade_measures=[
            {"doc_id": "A", "imposer_iso3": "USA", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 145.0, "status": "announced"},
            {"doc_id": "A", "imposer_iso3": "USA", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 145.0},
            {"doc_id": "E", "imposer_iso3": "USA", "target_iso3": None, "measure": "tariff", "rate_pct": 10.0},
        ],
        agreements=[{"doc_id": "W2", "parties_iso3": ["VNM", "CHN"], "count": 1, "kind": "mou"}],
    )  # fmt: skip
    report = score(predicted, {"A": "a.md", "W2": "w.jsonl#2", "E": "empty.md"}, gold)
    measures = report.tables["trade_measures"]
    assert (measures.matched, measures.predicted, measures.gold) == (1, 3, 2)
    assert report.tables["agreements"].f1 == 1.0
    assert report.micro.matched == 2 and report.micro.predicted == 4 and report.micro.gold == 3
    assert [m["target_iso3"] for m in report.misses] == ["VNM"]
    assert len(report.extras) == 2 and all(e["evidence"] == "e" for e in report.extras)
    assert report.attributes["trade_measures"]["status"] == (0, 1)
    text = format_report(report)
    assert "micro" in text and "Misses" in text and "evidence: e" in text


def test_a_row_in_another_article_does_not_match() -> None:
    gold = [{"doc": "a.md", "table": "agreements", "parties_iso3": ["CHN", "VNM"], "count": 1, "kind": "mou"}]
    predicted = _predicted(agreements=[{"doc_id": "B", "parties_iso3": ["CHN", "VNM"], "count": 1, "kind": "mou"}])
    report = score(predicted, {"B": "b.md"}, gold)
    assert report.micro.matched == 0 and len(report.misses) == 1 and len(report.extras) == 1
