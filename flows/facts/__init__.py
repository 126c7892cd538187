"""Typed facts from news text: trade flows, trade measures, financing, aviation deals, agreements.

`extract_facts` is pure: frames in, frames out. Each table module reads candidate sentences
with polars regex expressions (entities from the reference data, cue words from
`lexicon.py`) and decides roles from the patterns around an anchor (an amount, a measure word,
an aircraft model, an agreement noun).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from flows.facts.agreements import extract_agreements
from flows.facts.aviation import extract_aviation_deals
from flows.facts.context import sentence_context
from flows.facts.financing import extract_financing
from flows.facts.measures import extract_trade_measures
from flows.facts.reference import FactReference, load_reference
from flows.facts.schema import FACT_TABLES, finish_table
from flows.facts.trade_flows import extract_trade_flows

__all__ = ["FACT_TABLES", "FactReference", "extract_facts", "load_reference"]


def extract_facts(
    documents: pl.DataFrame, sentences: pl.DataFrame, amounts: pl.DataFrame, reference: FactReference
) -> dict[str, pl.DataFrame]:
    """The five fact tables (contract columns, provenance first) from documents, their
    sentences and their amounts."""
    ctx = sentence_context(documents, sentences, reference)
    amounts = amounts.select("doc_id", "sent_id", "char_start", "char_end", "kind", "value", "currency", "value_usd")
    extractors: dict[str, Callable[[], pl.DataFrame]] = {
        "trade_flows": lambda: extract_trade_flows(ctx, amounts, reference),
        "trade_measures": lambda: extract_trade_measures(ctx, amounts, reference),
        "financing": lambda: extract_financing(ctx, amounts, reference),
        "aviation_deals": lambda: extract_aviation_deals(ctx, reference),
        "agreements": lambda: extract_agreements(ctx, reference),
    }
    return {table: finish_table(table, extractors[table]()) for table in FACT_TABLES}
