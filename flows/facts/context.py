"""What every table module needs: sentences with their document date, the entities each
sentence mentions (as written and as ISO3), the document's main countries, and the clause
around an anchor (an amount or a cue word).

Roles are read with regex templates in which `{E}` stands for one entity mention (a capture
group over every alias of the reference data), e.g. `imports?\\s+from\\s+{E}`.
"""

from __future__ import annotations

import polars as pl

from flows.facts.reference import FactReference

B = r"(?-u:\b)"  # ASCII word boundary: keeps the regex on the fast DFA path
POSS = r"(?:'s|’s|’|')?"  # optional possessive after an entity
THE = r"(?:the\s+)?"
# Where a clause ends: a new subject, a contrast or a list of separate figures usually follows.
CLAUSE_BREAK = (
    r"(?:;|:\s|\s[–—-]\s|—|"
    r",\s*(?:while|whereas|but|although|though|and|compared|up|down|with|as|which|after|before|from|versus|against)"
    r"(?-u:\b)|(?-u:\b)(?:while|whereas|compared\s+with|compared\s+to|versus)(?-u:\b))"
)
# Actor countries exclude these kinds: they sell or lend aircraft, they do not act for a state.
_NOT_ACTOR_KINDS = ("manufacturer", "lessor", "multilateral")


def alt(fragments: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(fragments) + ")"


def words(fragments: tuple[str, ...] | list[str]) -> str:
    """Case-insensitive cue words with word boundaries."""
    return rf"(?i:{B}{alt(fragments)}{B})"


def entity_template(template: str, reference: FactReference) -> str:
    """Expand `{E}` to a capture group over all entity aliases."""
    return template.replace("{E}", f"({reference.entity_re})")


def actor_iso3_of(reference: FactReference) -> dict[str, str | None]:
    """Alias -> ISO3 for aliases that stand for a state actor (not manufacturers, lessors, multilaterals)."""
    frame = reference.entities.filter(~pl.col("kind").is_in(_NOT_ACTOR_KINDS))
    return dict(zip(frame["alias"], frame["iso3"], strict=True))


def to_iso3(expr: pl.Expr, reference: FactReference) -> pl.Expr:
    return expr.replace_strict(actor_iso3_of(reference), default=None, return_dtype=pl.Utf8)


def extract_iso3(text: pl.Expr, template: str, reference: FactReference, group: int = 1) -> pl.Expr:
    """ISO3 of the entity captured by `template` in `text` (first match), else NULL."""
    return to_iso3(text.str.extract(entity_template(template, reference), group), reference)


# Sentence-initial pronouns and descriptions that refer back to the previous sentence's actor.
_BACK_REFERENCE = r"^(?:It|They|The\s+(?:country|government|kingdom|nation|republic|island\s+nation|city-state|ministry|administration))(?-u:\b)"


def _mask_currency_prefixes(sentence: pl.Expr) -> pl.Expr:
    """"US$" and "US dollars" are currencies, not the country: lower-case them (same length,
    so offsets stay valid) before entities are read."""
    return sentence.str.replace_all(r"(?-u:\b)US(\s?\$|\s+dollars?(?-u:\b))", "us$1").str.replace_all(
        r"U\.S\.(\s?\$)", "u.s.$1"
    )


def sentence_context(documents: pl.DataFrame, sentences: pl.DataFrame, reference: FactReference) -> pl.DataFrame:
    """Sentences with published date, entity mentions (`ents`), their ISO3 in order (`isos`,
    actors only, repeats removed), the document's two main countries (`main`), the previous
    sentence's countries (`prev_isos`) and the sentence's subject country (`subject`: its first
    country, or the previous sentence's when it opens with "It"/"The country"...).

    `sentence` is the text used for matching ("US$" masked); `evidence` is the text as written."""
    actor_map = actor_iso3_of(reference)
    frame = (
        sentences.select(
            "doc_id", "sent_id", "char_start", "char_end", pl.col("sentence").alias("evidence"),
            _mask_currency_prefixes(pl.col("sentence")).alias("sentence"),
        )  # fmt: skip
        .join(documents.select("doc_id", "published"), on="doc_id", how="left")
        .with_columns(pl.col("sentence").str.extract_all(reference.entity_re).alias("ents"))
        .with_columns(
            pl.col("ents")
            .list.eval(pl.element().replace_strict(actor_map, default=None, return_dtype=pl.Utf8))
            .list.drop_nulls()
            .list.unique(maintain_order=True)
            .alias("isos")
        )
    )
    frame = frame.sort("doc_id", "sent_id").with_columns(pl.col("isos").shift(1).over("doc_id").alias("prev_isos"))
    frame = frame.with_columns(
        pl.when(pl.col("sentence").str.contains(_BACK_REFERENCE))
        .then(pl.col("prev_isos").list.first())
        .otherwise(pl.col("isos").list.first())
        .alias("subject")
    )
    return frame.join(main_countries(frame), on="doc_id", how="left").with_columns(
        pl.col("main").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
        pl.col("prev_isos").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))),
    )


def main_countries(frame: pl.DataFrame) -> pl.DataFrame:
    """doc_id -> `main`: the two countries a document mentions most (ties: first mentioned)."""
    mentions = (
        frame.select("doc_id", "sent_id", "isos")
        .explode("isos")
        .drop_nulls("isos")
        .with_row_index("_pos")
    )
    return (
        mentions.group_by("doc_id", "isos")
        .agg(pl.len().alias("_n"), pl.col("_pos").min().alias("_first"))
        .sort("doc_id", "_n", "_first", descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("isos").head(2).alias("main"))
    )


def with_clause(frame: pl.DataFrame, rel_start: str, rel_end: str) -> pl.DataFrame:
    """Add `left`/`right` (sentence text before/after the anchor) and `left_clause`/`right_clause`
    (the same, cut at the nearest clause break), from sentence-relative offsets."""
    left = pl.col("sentence").str.slice(0, pl.col(rel_start))
    right = pl.col("sentence").str.slice(pl.col(rel_end))
    return frame.with_columns(left.alias("left"), right.alias("right")).with_columns(
        pl.col("left").str.extract(rf"(?s)^(?:.*{CLAUSE_BREAK})?(.*)$", 1).alias("left_clause"),
        pl.col("right").str.extract(rf"(?s)^(.*?)(?:{CLAUSE_BREAK}|$)", 1).alias("right_clause"),
    )


def first_other(candidates: pl.Expr, *exclude: pl.Expr, depth: int = 4) -> pl.Expr:
    """The first ISO3 in a list expression that differs from every `exclude` value (NULLs
    ignored); only the first `depth` elements are looked at (set operations lose the order)."""
    options = []
    for i in range(depth):
        item = candidates.list.get(i, null_on_oob=True)
        keep = pl.lit(True)
        for value in exclude:
            keep = keep & item.ne_missing(value)
        options.append(pl.when(keep).then(item))
    return pl.coalesce(options)


def pick(*exprs: pl.Expr) -> pl.Expr:
    return pl.coalesce(*exprs)
