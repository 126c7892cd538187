"""Products named near a fact ("anti-dumping duties on Chinese steel" -> "steel")."""

from __future__ import annotations

import polars as pl

from flows.facts.context import alt, words
from flows.facts.lexicon import PRODUCTS

PRODUCT_RE = words(sorted({c for cues in PRODUCTS.values() for c in cues}, key=len, reverse=True))


def product_of(text: pl.Expr) -> pl.Expr:
    """Canonical product of the first product word in `text`, NULL for "goods" or none."""
    found = text.str.extract(f"({PRODUCT_RE})", 1)
    result = pl.lit(None, dtype=pl.Utf8)
    for canonical, cues in reversed(PRODUCTS.items()):
        result = pl.when(found.str.contains(rf"(?i)^{alt(cues)}$")).then(pl.lit(canonical)).otherwise(result)
    return result
