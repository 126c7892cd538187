"""Column order and types of the five fact tables (data contract §2), and the stable fact id."""

from __future__ import annotations

import hashlib

import polars as pl

PROVENANCE: dict[str, pl.DataType] = {
    "fact_id": pl.Utf8(),
    "doc_id": pl.Utf8(),
    "char_start": pl.Int32(),
    "char_end": pl.Int32(),
    "evidence": pl.Utf8(),
}

_LIST = pl.List(pl.Utf8())

TABLE_COLUMNS: dict[str, dict[str, pl.DataType]] = {
    "trade_flows": {
        "reporter_iso3": pl.Utf8(),
        "partner_iso3": pl.Utf8(),
        "flow": pl.Utf8(),
        "value_usd": pl.Float64(),
        "value_original": pl.Float64(),
        "currency": pl.Utf8(),
        "qualifier": pl.Utf8(),
        "period_start": pl.Date(),
        "period_end": pl.Date(),
        "product": pl.Utf8(),
    },
    "trade_measures": {
        "imposer_iso3": pl.Utf8(),
        "target_iso3": pl.Utf8(),
        "measure": pl.Utf8(),
        "rate_pct": pl.Float64(),
        "product": pl.Utf8(),
        "status": pl.Utf8(),
        "effective_date": pl.Date(),
        "duration_days": pl.Int32(),
    },
    "financing": {
        "lender_iso3": pl.Utf8(),
        "lender": pl.Utf8(),
        "borrower_iso3": pl.Utf8(),
        "instrument": pl.Utf8(),
        "amount_usd": pl.Float64(),
        "amount_original": pl.Float64(),
        "currency": pl.Utf8(),
        "sector": pl.Utf8(),
        "project": pl.Utf8(),
        "status": pl.Utf8(),
    },
    "aviation_deals": {
        "customer": pl.Utf8(),
        "customer_iso3": pl.Utf8(),
        "manufacturer": pl.Utf8(),
        "model": pl.Utf8(),
        "model_as_written": pl.Utf8(),
        "quantity": pl.Int32(),
        "deal": pl.Utf8(),
        "counterparty": pl.Utf8(),
        "status": pl.Utf8(),
    },
    "agreements": {
        "parties_iso3": _LIST,
        "count": pl.Int32(),
        "count_qualifier": pl.Utf8(),
        "kind": pl.Utf8(),
        "signatories": _LIST,
        "topics": _LIST,
    },
}

FACT_TABLES: tuple[str, ...] = tuple(TABLE_COLUMNS)

# The fields that identify a fact (docs/gold-format.md); they also feed the fact id.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "trade_flows": ("reporter_iso3", "partner_iso3", "flow", "value_usd"),
    "trade_measures": ("imposer_iso3", "target_iso3", "measure", "rate_pct"),
    "financing": ("lender_iso3", "borrower_iso3", "instrument", "amount_usd"),
    "aviation_deals": ("manufacturer", "model", "quantity", "deal", "customer_iso3"),
    "agreements": ("parties_iso3", "count", "kind"),
}

# Extra columns, after the contract columns: the phrase a date or period was read from,
# so an analyst can check the resolution against the text.
EXTRA_COLUMNS: dict[str, dict[str, pl.DataType]] = {
    "trade_flows": {"period_text": pl.Utf8()},
    "trade_measures": {"effective_text": pl.Utf8()},
    "financing": {},
    "aviation_deals": {},
    "agreements": {},
}


def table_schema(table: str) -> dict[str, pl.DataType]:
    """Provenance columns, then the contract columns, then our extra columns, in order."""
    return {**PROVENANCE, **TABLE_COLUMNS[table], **EXTRA_COLUMNS[table]}


def empty_table(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=table_schema(table))


def fact_id(table: str, doc_id: str, char_start: int, char_end: int, keys: list[object]) -> str:
    """First 16 hex digits of sha256 over table, doc, span and the key fields (stable across runs)."""
    parts = [table, doc_id, str(char_start), str(char_end)] + [_key_text(k) for k in keys]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _key_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(sorted(str(v) for v in value))
    return str(value)


def finish_table(table: str, rows: pl.DataFrame) -> pl.DataFrame:
    """Cast to the table schema, add fact ids, and drop rows that repeat a fact of the same span.

    `rows` holds doc_id, char_start, char_end, evidence and any of the table's columns;
    missing columns become NULL.
    """
    schema = table_schema(table)
    if rows.is_empty():
        return empty_table(table)
    filled = rows.with_columns(
        [pl.lit(None, dtype=dtype).alias(name) for name, dtype in schema.items() if name not in rows.columns]
    ).select([pl.col(name).cast(dtype) for name, dtype in schema.items()])
    keys = KEY_FIELDS[table]
    key_rows = filled.select("doc_id", "char_start", "char_end", *keys).rows()
    ids = [fact_id(table, r[0], r[1], r[2], list(r[3:])) for r in key_rows]
    return (
        filled.with_columns(pl.Series("fact_id", ids, dtype=pl.Utf8))
        .unique(subset=["fact_id"], keep="first", maintain_order=True)
        .sort("doc_id", "char_start", maintain_order=True)
    )
