"""Validate: run the GX suite of each table on a batch; failing rows go to quarantine.

Suites are JSON files in `expectations/<table>.json`, loaded into an ephemeral GX context. GX
validates pandas, so the polars frame is converted here and nowhere else. Checks that GX has no
expectation for (the evidence contains the amount, the offsets lie inside the document) are
computed as boolean check columns first, and the suite expects them to be true.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

import polars as pl

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

QUARANTINE_SCHEMA = {
    "table_name": pl.Utf8,
    "row_key": pl.Utf8,
    "doc_id": pl.Utf8,
    "expectation": pl.Utf8,
    "column_name": pl.Utf8,
    "expectation_kwargs": pl.Utf8,
    "row_json": pl.Utf8,
}


class SuiteError(Exception):
    """A suite file that cannot be used as written: malformed JSON or an expectation GX refused."""


class TableLevelFailure(Exception):
    """An expectation about a whole table failed (no single row to quarantine)."""


@dataclass(frozen=True)
class Suite:
    table: str
    gx_suite: gx.ExpectationSuite
    n_expectations: int
    columns: tuple[str, ...]  # the columns its expectations read: only these go to pandas


def load_suite(path: Path) -> Suite:
    """Load one suite file and check that GX kept every expectation in it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        configs = [
            ExpectationConfiguration(type=item["type"], kwargs=item.get("kwargs", {}), meta=item.get("meta", {}))
            for item in raw["expectations"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise SuiteError(f"{path}: cannot read suite: {err}") from err
    suite = gx.ExpectationSuite(name=raw.get("name", path.stem))
    for config in configs:
        try:
            suite.add_expectation_configuration(config)
        except Exception as err:  # GX raises several types for a bad configuration
            raise SuiteError(f"{path}: expectation {config.type} {dict(config.kwargs)} rejected by GX: {err}") from err
    if len(suite.expectations) != len(configs):
        raise SuiteError(
            f"{path}: {len(configs)} expectations in the file but GX loaded {len(suite.expectations)} "
            "(duplicates of the same column and type are merged; give each a distinct meta.id)"
        )
    if any("column" not in c.kwargs for c in configs):
        raise SuiteError(f"{path}: every expectation must name one `column` (table-level ones are not supported)")
    columns = tuple(dict.fromkeys(c.kwargs["column"] for c in configs))
    return Suite(table=path.stem, gx_suite=suite, n_expectations=len(configs), columns=columns)


def load_suites(folder: Path) -> dict[str, Suite]:
    return {p.stem: load_suite(p) for p in sorted(folder.glob("*.json"))}


# GX's own pandas indexing warns on every failing row condition; it is not about our data.
warnings.filterwarnings("ignore", message="Boolean Series key will be reindexed", category=UserWarning)


_GX_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _batch_definition() -> gx.core.batch_definition.BatchDefinition:
    # GX pins this module's logger at INFO, which would print a line on every run.
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    asset = context.data_sources.add_pandas("tradefacts").add_dataframe_asset("batch")
    return asset.add_batch_definition_whole_dataframe("whole")


# The column holding the number a fact states, as written (before any conversion to dollars).
_FIGURE_COLUMN = {"trade_flows": "value_original", "financing": "amount_original", "trade_measures": "rate_pct"}
_SCALES = (1, 1e3, 1e5, 1e6, 1e7, 1e9, 1e12)


def figure_in_evidence(figure: float | None, evidence: str | None) -> bool:
    """Whether `figure` is written in `evidence` at some scale: 8.4e9 as "8.4 billion", "8,400 million"..."""
    if figure is None:
        return True
    if not evidence:
        return False
    # (thousands grouped by commas or by spaces: "USD 8 703.6 million")
    plain = re.sub(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))", "", evidence.replace(",", "")).replace("\u00a0", "")
    for scale in _SCALES:
        mantissa = f"{abs(figure) / scale:.6f}".rstrip("0").rstrip(".")
        if mantissa not in ("", "0") and mantissa in plain:
            return True
    return False


def check_columns(table: str, frame: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Add the boolean check columns the suites expect: offsets inside the document, evidence."""
    sizes = documents.select("doc_id", pl.col("n_chars").alias("_doc_chars"))
    checked = frame.join(sizes, on="doc_id", how="left").with_columns(
        (
            (pl.col("char_start") >= 0)
            & (pl.col("char_end") > pl.col("char_start"))
            & (pl.col("char_end") <= pl.col("_doc_chars"))
        )
        .fill_null(False)
        .alias("check_offsets_in_document")
    )
    if table in _FIGURE_COLUMN:
        checked = checked.with_columns(
            pl.struct(pl.col(_FIGURE_COLUMN[table]).alias("figure"), "evidence")
            .map_elements(lambda r: figure_in_evidence(r["figure"], r["evidence"]), return_dtype=pl.Boolean)
            .alias("check_evidence_has_figure")
        )
    elif table != "amounts":
        checked = checked.with_columns(pl.lit(True).alias("check_evidence_has_figure"))
    if table == "agreements":
        parties = pl.col("parties_iso3")
        checked = checked.with_columns(
            ((parties.list.len() >= 1) & (parties == parties.list.unique().list.sort()))
            .fill_null(False)
            .alias("check_parties_sorted_unique")
        )
    if table == "amounts":
        checked = checked.with_columns(
            pl.col("evidence")
            .str.contains(pl.col("text"), literal=True)
            .fill_null(False)
            .alias("check_evidence_has_text")
        )
    return checked.drop("_doc_chars")


def validate(
    table: str, frame: pl.DataFrame, suite: Suite, key: str, documents: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows that pass, quarantine rows) for one table of one batch of documents."""
    return validate_checked(table, check_columns(table, frame, documents), suite, key)


def validate_checked(table: str, checked: pl.DataFrame, suite: Suite, key: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`validate` for rows that already carry their check columns (see `check_columns`).

    Only the columns the suite reads are converted to pandas: the evidence sentences, the bulk
    of a fact row, never cross that edge unless an expectation reads them.
    """
    frame = checked.select(pl.exclude("^check_.*$"))
    if frame.is_empty():
        return frame, pl.DataFrame(schema=QUARANTINE_SCHEMA)
    pandas_frame = checked.select(suite.columns).to_pandas(use_pyarrow_extension_array=False)
    with _GX_LOCK:  # one GX context per process, and GX is not thread-safe: batches take turns here
        batch = _batch_definition().get_batch(batch_parameters={"dataframe": pandas_frame})
        result = batch.validate(suite.gx_suite, result_format={"result_format": "COMPLETE"})
    failures: list[dict] = []
    for outcome in result.results:
        if outcome.success:
            continue
        config = outcome.expectation_config
        indexes = outcome.result.get("unexpected_index_list")
        if indexes is None:
            error = (outcome.exception_info or {}).get("exception_message")
            raise TableLevelFailure(
                f"{table}: {config.type} {dict(config.kwargs)} failed for the whole table"
                + (f" (GX raised: {error})" if error else "")
            )
        kwargs = {k: v for k, v in config.kwargs.items() if k not in ("result_format", "batch_id")}
        for index in indexes:
            row = index if isinstance(index, int) else index.get("index", index)
            failures.append(
                {
                    "_row": int(row),
                    "expectation": config.type,
                    "column_name": kwargs.get("column"),
                    "expectation_kwargs": json.dumps(kwargs, default=str),
                }
            )
    if not failures:
        return frame, pl.DataFrame(schema=QUARANTINE_SCHEMA)
    failed = pl.DataFrame(failures).unique(["_row", "expectation", "column_name"], maintain_order=True)
    indexed = frame.with_row_index("_row").with_columns(pl.col("_row").cast(pl.Int64))
    bad_rows = indexed.join(failed.with_columns(pl.col("_row").cast(pl.Int64)), on="_row")
    quarantine = bad_rows.select(
        pl.lit(table).alias("table_name"),
        pl.col(key).cast(pl.Utf8).alias("row_key"),
        "doc_id",
        "expectation",
        "column_name",
        "expectation_kwargs",
        pl.struct(frame.columns)
        .map_elements(lambda r: json.dumps(r, default=str, ensure_ascii=False), return_dtype=pl.Utf8)
        .alias("row_json"),
    )
    good = indexed.filter(~pl.col("_row").is_in(failed["_row"].implode())).drop("_row")
    return good, quarantine.cast(QUARANTINE_SCHEMA)
