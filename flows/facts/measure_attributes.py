"""Attributes of trade_measures rows: status, product, start date and duration, read from the
text around each anchor (`left`, `left_tail`, `right` of the anchor; see measures.py)."""

from __future__ import annotations

import polars as pl

from flows.facts.context import after_last_break, vocabulary_matches, words
from flows.facts.lexicon import MEASURE_CUES, MEASURE_STATUS
from flows.facts.numbers import UNITS
from flows.facts.periods import EFFECTIVE_RE, resolve_frame
from flows.facts.products import product_of

# another kind of measure further right has its own status ("restore a 25% tariff ..., and scrap the
# quota"); more tariff words are usually the same measure ("hit with a 49% duty in the round of
# levies ..., before the White House suspended it")
_OTHER_MEASURE = words(
    sorted({c for m, cues in MEASURE_CUES.items() if m != "tariff" for c in cues}, key=len, reverse=True)
)
_WILL_IMPOSE = (
    r"(?:will|would)\s+(?:impose|introduce|apply|levy|raise|slap|start|begin|take\s+effect)",
    # an export stop decided for later: "will halt exports of beef from next month"
    r"will\s+(?:halt|stop|suspend|ban|bar|restrict|curb|require)",
    r"set\s+to\s+(?:impose|take\s+effect)",
)
# A product after "on": "anti-dumping duties on galvanised steel from China".
_PRODUCT_AFTER = (
    r"^[^.;%]{0,40}?(?-u:\b)(?:on|against|into)\s+(?:imports?\s+of\s+|exports?\s+of\s+|certain\s+|the\s+)*"
    r"(?:[A-Z][\w’'-]*\s+)?((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*(?:\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)?)"
    r"(?:\s+(?:from|made|imports?|exports?|imported|exported|shipped|sold|produced|originating|by|for|at|worth|and\s+[A-Z]|in|last|this|next|since|"
    r"falls?|fell|rises?|rose|drops?|dropped|goes|went|stays?|remains?|pays?|paid|will|would|is|are|was|were|has|have|had|"
    r"above|beyond|exceeding|"
    r"effective|starting|until|as|amid|after|before|following|over|to|with|if|when|which|that|on)(?-u:\b)|\s*[,.;—–(]|$)"
)
_GENERIC_PRODUCTS = r"^(?:goods|products|imports?|exports?|items|shipments|merchandise|any|anything|all|country|countries|economies|it|them|ones)$"
_BAN_PRODUCT = (
    r"(?i)(?:ban|bans|banned|restrictions?|curbs?|controls?)\s+on\s+(?:the\s+)?exports?\s+of\s+(?:raw\s+|unprocessed\s+)?"
    r"((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)(?:[,.;]|\s+(?:from|to|in|since|and|which|that|was|is|has|had|for)(?-u:\b)|$)"
)
# "importers of brandy from the EU have had to pay ... duties": the product before the measure
_PRODUCT_BEFORE = r"(?i)(?:imports?|importers?|exports?|exporters?|shipments?)\s+of\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:from|to)(?-u:\b)"
_DURATION = rf"(?i)(?-u:\b)(\d+|{'|'.join(UNITS)})[-\s](day|month|week|year)s?(?-u:\b)|for\s+(\d+|{'|'.join(UNITS)})\s+(day|month|week|year)s(?-u:\b)"


def with_attributes(cand: pl.DataFrame) -> pl.DataFrame:
    """Add status, product, effective_text, effective_date and duration_days."""
    return _inherit_attributes(_local_attributes(cand))


def _duration_days(text: pl.Expr) -> pl.Expr:
    groups = text.str.extract_groups(_DURATION)
    number = pl.coalesce(groups.struct.field("1"), groups.struct.field("3")).str.to_lowercase()
    unit = pl.coalesce(groups.struct.field("2"), groups.struct.field("4")).str.to_lowercase()
    value = number.replace_strict({k: str(v) for k, v in UNITS.items()}, default=number).cast(pl.Int32, strict=False)
    factor = unit.replace_strict({"day": 1, "week": 7, "month": 30, "year": 365}, default=None, return_dtype=pl.Int32)
    return value * factor


def _local_attributes(cand: pl.DataFrame) -> pl.DataFrame:
    left_local = after_last_break(pl.col("left_tail")).str.slice(-60)
    # up to the next clause, list item or rate: "145% duties on Chinese imports | and the threat of 46% ..."
    right_local = pl.col("right").str.extract(r"^(.*?)(?:[,;%]|\s(?:and|but|while)\s|$)", 1)
    # Dates and durations near the anchor: up to the next percentage on the right, back to the
    # previous one on the left.
    right_window = pl.col("right").str.extract(r"^([^;%]*)", 1)
    left_window = pl.col("left").str.extract(r"([^;%]*)$", 1)
    cand = vocabulary_matches(
        cand,
        {
            "_status_right": pl.col("right").str.replace(rf"{_OTHER_MEASURE}[\s\S]*$", ""),
            "_status_local": pl.concat_str(left_local, pl.lit(" "), right_local),
            # the anchor's own words are the measure, not its status ("will halt exports of")
            "_status_sentence": pl.coalesce(
                pl.concat_str(
                    pl.col("sentence").str.slice(0, pl.col("c_start")),
                    pl.lit(" "),
                    pl.col("sentence").str.slice(pl.col("c_end")),
                ),
                pl.col("sentence"),
            ),
        },
        MEASURE_STATUS,
    )
    cand = cand.with_columns(
        # a later pause or lifting overrides; then the nearest words; then the sentence's
        pl.coalesce(
            pl.when(pl.col("_status_right").is_in(["lifted", "paused"])).then("_status_right"),
            "_status_local",
            "_status_sentence",
            pl.lit("in_force"),
        ).alias("status"),
        pl.coalesce(
            pl.col("right").str.extract(_PRODUCT_AFTER, 1),
            pl.col("sentence").str.extract(_BAN_PRODUCT, 1),
            pl.col("left_tail").str.extract(_PRODUCT_BEFORE, 1),
        ).alias("product"),
        pl.coalesce(
            right_window.str.extract_all(EFFECTIVE_RE).list.first(),
            left_window.str.extract_all(EFFECTIVE_RE).list.last(),
        ).alias("effective_text"),
        pl.coalesce(_duration_days(pl.col("cue")), _duration_days(right_window), _duration_days(left_window)).alias(
            "duration_days"
        ),
    )
    cand = cand.with_columns(
        pl.when(
            pl.col("product").str.contains(_GENERIC_PRODUCTS)
            | pl.col("product").str.contains(words(MEASURE_CUES["tariff"]))
        )
        .then(None)
        .otherwise("product")
        .alias("product"),
        # a pause that is the news is itself in force (unless lifted or only threatened)
        pl.when((pl.col("measure") == "tariff_pause") & pl.col("status").is_in(["paused", "announced"]))
        .then(pl.lit("in_force"))
        .otherwise("status")
        .alias("status"),
    )
    cand = cand.with_columns(pl.coalesce("product", product_of(pl.col("right").str.head(60))).alias("product"))
    cand = resolve_frame(cand, "effective_text", "published", how="effective")
    # decided, but taking effect after the article's date: announced
    future = (
        (pl.col("effective_date") > pl.col("published")).fill_null(False)
        | pl.concat_str(left_local, pl.lit(" "), right_local).str.contains(words(_WILL_IMPOSE))
        # the cue is the verb: "Argentina will | halt exports of beef"
        | left_local.str.contains(r"(?i)(?-u:\b)will\s+$")
    )
    return cand.with_columns(
        pl.when((pl.col("status") == "in_force") & future & (pl.col("measure") != "tariff_pause"))
        .then(pl.lit("announced"))
        .otherwise("status")
        .alias("status")
    )


def _inherit_attributes(cand: pl.DataFrame) -> pl.DataFrame:
    """An anaphoric anchor also takes the product and start date of the measure it continues."""
    cand = cand.sort("doc_id", "sent_id", pl.coalesce("p_start", "c_start"), maintain_order=True)
    # from the previous measure of the same kind ("a lower 7.8% rate" continues the countervailing duties)
    prev = {c: pl.col(c).shift(1).forward_fill().over("doc_id", "measure") for c in ("product", "effective_date")}
    return cand.with_columns(
        *[pl.when(pl.col("anaphoric")).then(pl.coalesce(c, prev[c])).otherwise(c).alias(c) for c in prev]
    )
