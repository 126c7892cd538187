"""Extract: sentences, amounts and the typed facts of a batch of documents (pure, no I/O)."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import polars as pl

from flows import facts
from flows.amounts import extract_amounts, load_currency_aliases, load_currency_context, load_fx_rates
from flows.text import split_sentences

_FLOWS_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Reference:
    currency_aliases: pl.DataFrame
    currency_context: pl.DataFrame
    fx_rates: pl.DataFrame
    facts: facts.FactReference


def load_reference(folder: Path) -> Reference:
    return Reference(
        currency_aliases=load_currency_aliases(folder / "currencies.csv"),
        currency_context=load_currency_context(folder / "currency_context.csv"),
        fx_rates=load_fx_rates(folder / "fx_rates.csv"),
        facts=facts.load_reference(folder),
    )


def extractor_version(reference_dir: Path) -> str:
    """Package version plus a digest of the extraction code and reference data.

    A run re-extracts every stored document whose rows were made by another extractor version.
    """
    sources = [_FLOWS_DIR / "text.py", _FLOWS_DIR / "amounts.py", _FLOWS_DIR / "extract.py"]
    sources += sorted((_FLOWS_DIR / "facts").glob("*.py")) + sorted(reference_dir.glob("*.csv"))
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{version('tradefacts')}+{digest.hexdigest()[:12]}"


def extract_tables(documents: pl.DataFrame, reference: Reference) -> dict[str, pl.DataFrame]:
    """amounts and the five fact tables for `documents` (doc_id, text, published)."""
    sentences = split_sentences(documents.select("doc_id", "text"))
    # amounts and the sentences' entities do not depend on each other: found side by side
    with ThreadPoolExecutor(max_workers=2) as pool:
        amounts_future = pool.submit(
            extract_amounts,
            documents,
            sentences,
            reference.currency_aliases,
            reference.fx_rates,
            reference.currency_context,
        )
        ctx = facts.sentence_context(
            documents.select("doc_id", "published", "text", *(["title"] if "title" in documents.columns else [])),
            sentences,
            reference.facts,
        )
        amounts = amounts_future.result()
    return {"amounts": amounts, **facts.facts_in_context(ctx, amounts, reference.facts)}
