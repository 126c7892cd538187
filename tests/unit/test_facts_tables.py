"""Sentence-level behaviour of the five fact tables, on phrasings written for these tests."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import polars as pl
import pytest

from fact_cases import assert_case
from flows.facts import FACT_TABLES
from flows.facts.quick import facts_for_texts

PUBLISHED = dt.date(2025, 5, 20)

CASES: list[tuple[str, str, list[dict]]] = [
    # trade flows
    ("Vietnam's exports to the United States rose 20% to $119.5 billion in 2024.", "trade_flows",
     [{"reporter_iso3": "VNM", "partner_iso3": "USA", "flow": "export", "value_usd": 119.5e9}]),
    ("China exported goods worth $3.2 billion to Laos in the first half of 2024.", "trade_flows",
     [{"reporter_iso3": "CHN", "partner_iso3": "LAO", "flow": "export", "value_usd": 3.2e9}]),
    ("Two-way trade between Japan and Thailand reached $60 billion last year.", "trade_flows",
     [{"reporter_iso3": "JPN", "partner_iso3": "THA", "flow": "bilateral", "value_usd": 60e9}]),
    ("In early 2025, Indian imports from Russia totaled around $20 billion, while exports to the UAE reached $9.1 billion.",
     "trade_flows",
     [{"reporter_iso3": "IND", "partner_iso3": "RUS", "flow": "import", "value_usd": 20e9},
      {"reporter_iso3": "IND", "partner_iso3": "ARE", "flow": "export", "value_usd": 9.1e9}]),
    ("Chinese imports of Australian coal rose to $14 billion in 2024.", "trade_flows",
     [{"reporter_iso3": "CHN", "partner_iso3": "AUS", "flow": "import", "value_usd": 14e9}]),
    ("Bilateral trade is projected to reach $100 billion by 2030, officials said.", "trade_flows", []),
    ("Germany's trade surplus with the US widened to €70 billion last year.", "trade_flows", []),
    ("Two-way trade reached RM100 billion (US$22.4 billion) last year, Malaysia and Japan said.", "trade_flows",
     [{"reporter_iso3": "MYS", "partner_iso3": "JPN", "flow": "bilateral", "value_usd": 22.4e9}]),
    # trade measures
    ("Indonesia slapped a 200% import duty on Chinese textiles last month.", "trade_measures",
     [{"imposer_iso3": "IDN", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 200.0}]),
    ("Washington has paused the 46% levy on Vietnamese goods for 90 days.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "VNM", "measure": "tariff", "rate_pct": 46.0}]),
    ("The European Union lifted its anti-dumping duties on Chinese solar panels.", "trade_measures",
     [{"imposer_iso3": "EUU", "target_iso3": "CHN", "measure": "anti_dumping", "rate_pct": None}]),
    ("Trump threatened to impose 100% tariffs on Indian goods.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "IND", "measure": "tariff", "rate_pct": 100.0}]),
    ("China imposed export controls on gallium and germanium.", "trade_measures",
     [{"imposer_iso3": "CHN", "target_iso3": None, "measure": "export_control", "rate_pct": None}]),
    ("Canada imposed a 100% surtax on Chinese-made electric vehicles.", "trade_measures",
     [{"imposer_iso3": "CAN", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 100.0}]),
    ("The United States hit Chinese goods with tariffs of up to 145% this year.", "trade_measures",
     [{"imposer_iso3": "USA", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 145.0}]),
    ("Mexico raised tariffs on Chinese cars to 50%, up from 20%.", "trade_measures",
     [{"imposer_iso3": "MEX", "target_iso3": "CHN", "measure": "tariff", "rate_pct": 50.0}]),
    ("Seoul and Washington are locked in a tariff war.", "trade_measures", []),
    ("Brussels opened an anti-dumping investigation into Chinese biodiesel.", "trade_measures", []),
    # financing
    ("The Asian Development Bank approved a $500 million loan to Nepal for a hydropower project.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "NPL", "instrument": "loan", "amount_usd": 500e6}]),
    ("India extended a $1 billion line of credit to the Maldives in March.", "financing",
     [{"lender_iso3": "IND", "borrower_iso3": "MDV", "instrument": "credit_line", "amount_usd": 1e9}]),
    ("The Gwadar port expansion is estimated to cost $2.5 billion, the Pakistani government said.", "financing",
     [{"lender_iso3": None, "borrower_iso3": "PAK", "instrument": "project_cost", "amount_usd": 2.5e9}]),
    ("Saudi Arabia pledged to invest $10 billion in a refinery in Pakistan.", "financing",
     [{"lender_iso3": "SAU", "borrower_iso3": "PAK", "instrument": "investment", "amount_usd": 10e9}]),
    ("Myanmar is in talks with Beijing over a $2 billion soft loan for a deep-sea port.", "financing",
     [{"lender_iso3": "CHN", "borrower_iso3": "MMR", "instrument": "preferential_loan", "amount_usd": 2e9}]),
    ("Laos is seeking concessional loans from Japan for its power grid.", "financing",
     [{"lender_iso3": "JPN", "borrower_iso3": "LAO", "instrument": "preferential_loan", "amount_usd": None}]),
    ("The airline reported revenue of $3 billion and a net profit of $200 million.", "financing", []),
    # aviation
    # a family ("737 MAX") is no designation: model NULL (model_as_written keeps it)
    ("Vietnam Airlines signed an order for 50 Boeing 737 MAX jets.", "aviation_deals",
     [{"manufacturer": "Boeing", "model": None, "quantity": 50, "deal": "order", "customer_iso3": "VNM"}]),
    ("AirAsia has leased 10 A321neos from Avolon.", "aviation_deals",
     [{"manufacturer": "Airbus", "model": "A321neo", "quantity": 10, "deal": "lease", "customer_iso3": "MYS"}]),
    ("Lao Airlines has ordered a pair of ARJ21 regional jets from COMAC.", "aviation_deals",
     [{"manufacturer": "COMAC", "model": "C909", "quantity": 2, "deal": "order", "customer_iso3": "LAO"}]),
    ("Bamboo Airways cancelled its order for 20 Boeing 787-9 Dreamliners.", "aviation_deals",
     [{"manufacturer": "Boeing", "model": "787-9", "quantity": 20, "deal": "order", "customer_iso3": "VNM"}]),
    ("Korean Air operates a fleet of 160 aircraft, including 10 Boeing 787-10s.", "aviation_deals", []),
    ("Each A321neo will seat 236 passengers.", "aviation_deals", []),
    # agreements
    ("Indonesia and Japan inked three memorandums of understanding on energy transition.", "agreements",
     [{"parties_iso3": ["IDN", "JPN"], "count": 3, "kind": "mou"}]),
    ("The leaders of India and Vietnam issued a joint statement on maritime security.", "agreements",
     [{"parties_iso3": ["IND", "VNM"], "count": 1, "kind": "joint_statement"}]),
    ("Chile and Peru signed dozens of cooperation agreements.", "agreements",
     [{"parties_iso3": ["CHL", "PER"], "count": None, "kind": "agreement"}]),
    ("Officials said Chile and Peru could sign a trade agreement next year.", "agreements", []),
    ("Japan and the Philippines witnessed the signing of nine agreements, including a reciprocal access pact.",
     "agreements",
     [{"parties_iso3": ["JPN", "PHL"], "count": 9, "kind": "agreement"},
      {"parties_iso3": ["JPN", "PHL"], "count": 1, "kind": "agreement"}]),
    ("Cambodia and Thailand signed more than 30 agreements and memorandums on Thursday.", "agreements",
     [{"parties_iso3": ["KHM", "THA"], "count": 30, "kind": "agreement"}]),
    ("Ghana and Norway signed a half-dozen memorandums of understanding on health.", "agreements",
     [{"parties_iso3": ["GHA", "NOR"], "count": 6, "kind": "mou"}]),
    # more aviation
]  # fmt: skip


@lru_cache(maxsize=1)
def _results() -> dict[str, pl.DataFrame]:
    return facts_for_texts([text for text, _, _ in CASES], PUBLISHED)


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[0][:50] for c in CASES])
def test_sentence_gives_expected_key_fields(index: int, case: tuple[str, str, list[dict]]) -> None:
    _, table, expected = case
    assert_case(_results(), index, table, expected)


def test_attributes_of_measures() -> None:
    texts = [
        "Washington has paused the 46% levy on Vietnamese goods for 90 days.",
        "Beijing announced retaliatory tariffs of 34% on all US goods, effective June 10.",
        "The European Union lifted its anti-dumping duties on Chinese solar panels.",
    ]
    result = facts_for_texts(texts, PUBLISHED)
    measures = {row["doc_id"]: row for row in result["trade_measures"].to_dicts()}
    assert measures["d0"]["status"] == "paused" and measures["d0"]["duration_days"] == 90
    assert measures["d1"]["status"] == "announced" and measures["d1"]["effective_date"] == dt.date(2025, 6, 10)
    assert measures["d2"]["status"] == "lifted" and measures["d2"]["product"] == "solar panels"


def test_a_future_stop_of_exports_is_announced_not_paused() -> None:
    # "halt"/"suspend" name the measure itself here, not a pause of one
    texts = [
        "Uruguay will halt exports of live cattle from next month, the farm ministry said.",
        "Ghana and Liberia will suspend exports of unprocessed rubber from March 2026.",
        "Peru has suspended its 12% tariff on Bolivian cement for 60 days.",
    ]
    rows = facts_for_texts(texts, PUBLISHED)["trade_measures"].sort("doc_id", "imposer_iso3").to_dicts()
    assert [(r["imposer_iso3"], r["measure"], r["status"]) for r in rows] == [
        ("URY", "export_control", "announced"),
        ("GHA", "export_control", "announced"),
        ("LBR", "export_control", "announced"),
        ("PER", "tariff", "paused"),
    ]


def test_no_other_table_gets_rows_from_a_single_fact_sentence() -> None:
    results = _results()
    for index, (_, table, _) in enumerate(CASES):
        for other in FACT_TABLES:
            if other != table:
                rows = results[other].filter(pl.col("doc_id") == f"d{index}")
                assert rows.is_empty(), (CASES[index][0], other, rows.to_dicts())
