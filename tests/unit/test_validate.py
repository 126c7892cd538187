import json
import shutil

import polars as pl
import pytest

from flows.settings import PROJECT_ROOT
from flows.validate import SuiteError, figure_in_evidence, load_suite, load_suites, validate

EXPECTATIONS = PROJECT_ROOT / "expectations"


def test_every_suite_file_loads_whole():
    suites = load_suites(EXPECTATIONS)
    assert set(suites) == {"amounts", "trade_flows", "trade_measures", "financing", "aviation_deals", "agreements"}
    for name, suite in suites.items():
        in_file = len(json.loads((EXPECTATIONS / f"{name}.json").read_text())["expectations"])
        assert len(suite.gx_suite.expectations) == in_file == suite.n_expectations


def _suite_file(tmp_path, expectations):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"name": "t", "expectations": expectations}))
    return path


def test_a_suite_that_gx_would_silently_shrink_is_an_error(tmp_path):
    same = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}}
    with pytest.raises(SuiteError, match="2 expectations in the file but GX loaded 1"):
        load_suite(_suite_file(tmp_path, [same, same]))


def test_an_unknown_expectation_is_an_error(tmp_path):
    with pytest.raises(SuiteError, match="rejected by GX"):
        load_suite(_suite_file(tmp_path, [{"type": "expect_column_to_be_lovely", "kwargs": {"column": "a"}}]))


def _amount_rows(values, kinds, evidence="Tariffs of 25% and 99999% apply to $5 billion."):
    n = len(values)
    return pl.DataFrame(
        {
            "amount_id": [f"d:{i}" for i in range(n)],
            "doc_id": ["d"] * n,
            "char_start": [0] * n,
            "char_end": [3] * n,
            "text": ["25%"] * n,
            "kind": kinds,
            "value": values,
            "currency": [None if k == "percent" else "USD" for k in kinds],
            "value_usd": [None if k == "percent" else v for k, v in zip(kinds, values, strict=True)],
            "value_usd_source": [None if k == "percent" else "as_written" for k in kinds],
            "sent_id": [0] * n,
            "evidence": [evidence] * n,
        }
    )


def test_failing_rows_go_to_quarantine_with_the_expectation():
    suite = load_suite(EXPECTATIONS / "amounts.json")
    docs = pl.DataFrame({"doc_id": ["d"], "n_chars": [100]})
    rows = _amount_rows([25.0, 99999.0, 5e9], ["percent", "percent", "money"])
    good, quarantine = validate("amounts", rows, suite, "amount_id", docs)
    assert good["amount_id"].to_list() == ["d:0", "d:2"]
    [bad] = quarantine.to_dicts()
    assert (bad["row_key"], bad["expectation"], bad["column_name"]) == (
        "d:1",
        "expect_column_values_to_be_between",
        "value",
    )
    assert json.loads(bad["row_json"])["value"] == 99999.0


def test_offsets_outside_the_document_are_quarantined():
    suite = load_suite(EXPECTATIONS / "amounts.json")
    docs = pl.DataFrame({"doc_id": ["d"], "n_chars": [2]})
    good, quarantine = validate("amounts", _amount_rows([25.0], ["percent"]), suite, "amount_id", docs)
    assert good.is_empty()
    assert quarantine["column_name"].to_list() == ["check_offsets_in_document"]


@pytest.mark.parametrize(
    ("figure", "evidence", "found"),
    [
        (8.4e9, "an $8.4 billion railway", True),
        (1.5e6, "cost 1,500,000 euros", True),
        (145.0, "145% duties", True),
        (8.7036e9, "amounted to USD 8 703.6 million", True),
        (1.5e6, "cost 1 500 000 euros", True),
        (3e9, "a $4 billion loan", False),
        (None, "x", True),
    ],
)
def test_figure_in_evidence(figure, evidence, found):
    assert figure_in_evidence(figure, evidence) is found


def test_agreement_parties_must_be_sorted_and_distinct():
    suite = load_suite(EXPECTATIONS / "agreements.json")
    rows = pl.DataFrame(
        {
            "fact_id": ["a", "b", "c"],
            "doc_id": ["d"] * 3,
            "char_start": [0] * 3,
            "char_end": [5] * 3,
            "evidence": ["Two agreements were signed."] * 3,
            "parties_iso3": [["CHN", "VNM"], ["VNM", "CHN"], ["CHN", "CHN"]],
            "count": [2, 2, 2],
            "count_qualifier": ["exact"] * 3,
            "kind": ["agreement"] * 3,
            "signatories": [[], [], []],
            "topics": [[], [], []],
        },
        schema_overrides={"signatories": pl.List(pl.Utf8), "topics": pl.List(pl.Utf8)},
    )
    good, quarantine = validate("agreements", rows, suite, "fact_id", pl.DataFrame({"doc_id": ["d"], "n_chars": [100]}))
    assert good["fact_id"].to_list() == ["a"]
    assert sorted(quarantine["row_key"].to_list()) == ["b", "c"]


def test_a_table_level_expectation_is_refused_since_only_the_columns_suites_read_go_to_gx(tmp_path):
    table_level = {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}}
    with pytest.raises(SuiteError, match="must name one `column`"):
        load_suite(_suite_file(tmp_path, [table_level]))


def test_validating_in_chunks_gives_what_validating_at_once_gives(tmp_path):
    from flows.pipeline import UNVALIDATED, validate_staged
    from flows.settings import Settings
    from flows.validate import check_columns

    docs = pl.DataFrame({"doc_id": ["d"], "n_chars": [100]})
    values = [25.0, 99999.0, 5e9, 12.5, 99999.0, 7.0, 3e6]
    kinds = ["percent", "percent", "money", "percent", "percent", "percent", "money"]
    rows = _amount_rows(values, kinds).with_columns(pl.format("d:{}", pl.int_range(pl.len())).alias("amount_id"))
    staged = tmp_path / "staging"
    (staged / UNVALIDATED / "amounts").mkdir(parents=True)
    for i, part in enumerate(rows.iter_slices(3)):  # three staged batches
        check_columns("amounts", part, docs).write_parquet(staged / UNVALIDATED / "amounts" / f"b{i}.parquet")
    outcomes = {}
    for chunk in (2, 1000):
        staging = tmp_path / f"copy-{chunk}"
        shutil.copytree(staged, staging)
        counts = validate_staged.fn("amounts", Settings(validate_rows=chunk), staging)
        good = pl.read_parquet(staging / "amounts" / "*.parquet").sort("amount_id")
        bad = pl.read_parquet(staging / "quarantine" / "*.parquet").sort("row_key")
        assert (counts["rows"], counts["quarantined"]) == (good.height, bad.height) == (5, 2)
        assert not [c for c in good.columns if c.startswith("check_")]
        outcomes[chunk] = (good, bad["row_key"].to_list())
    assert outcomes[2][0].equals(outcomes[1000][0]) and outcomes[2][1] == outcomes[1000][1]
