"""Facts of a few texts in one call (for tests and quick checks): sentences and amounts come
from the pipeline's own components, so the result is what a run would extract."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import polars as pl

from flows.facts import extract_facts, load_reference
from flows.facts.reference import FactReference

_REFERENCE_DIR = Path(__file__).resolve().parents[2] / "seeds" / "reference"


@lru_cache(maxsize=2)
def _inputs(folder: str) -> tuple[FactReference, pl.DataFrame, pl.DataFrame]:
    from flows.amounts import load_currency_aliases, load_fx_rates

    path = Path(folder)
    return (
        load_reference(path),
        load_currency_aliases(path / "currencies.csv"),
        load_fx_rates(path / "fx_rates.csv"),
    )


def facts_for_texts(
    texts: list[str],
    published: dt.date | list[dt.date] | None = None,
    reference_dir: Path = _REFERENCE_DIR,
    titles: list[str | None] | None = None,
) -> dict[str, pl.DataFrame]:
    """The five fact tables for `texts` (doc_id "d0", "d1", ...), all published on `published`
    (or each on its own date, given a list), with their headlines `titles` where given."""
    from flows.amounts import extract_amounts
    from flows.text import split_sentences

    reference, aliases, fx = _inputs(str(reference_dir))
    dates = published if isinstance(published, list) else [published] * len(texts)
    documents = pl.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "published": dates,
            "text": texts,
            "title": titles or [None] * len(texts),
        },
        schema={"doc_id": pl.Utf8, "published": pl.Date, "text": pl.Utf8, "title": pl.Utf8},
    )
    sentences = split_sentences(documents.select("doc_id", "text"))
    amounts = extract_amounts(documents, sentences, aliases, fx)
    return extract_facts(documents, sentences, amounts, reference)
