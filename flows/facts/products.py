"""Products named near a fact ("anti-dumping duties on Chinese steel" -> "steel"), as written
(lower case, with the modifiers that make the product: "battery electric vehicles")."""

from __future__ import annotations

import polars as pl

from flows.facts.context import words
from flows.facts.lexicon import PRODUCT_MODIFIERS, PRODUCTS

_CUES = sorted({c for cues in PRODUCTS.values() for c in cues}, key=len, reverse=True)
PRODUCT_RE = words([rf"(?:{PRODUCT_MODIFIERS}\s+)*(?:{c})" for c in _CUES])


def product_of(text: pl.Expr, *, single: bool = False) -> pl.Expr:
    """The first product phrase in `text` (lower case), NULL for none; with `single`, NULL
    also when the text names several different products ("garments, footwear and travel goods")."""
    found = text.str.extract_all(PRODUCT_RE).list.eval(pl.element().str.to_lowercase().str.replace_all(r"\s+", " "))
    first = found.list.first()
    if single:
        return pl.when(found.list.n_unique() == 1).then(first)
    return first
