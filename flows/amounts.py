"""The `amounts` table: every money amount and percentage in the text, with its value.

One regex, built from the currency aliases in `seeds/reference/currencies.csv`, finds the
spans (vectorised over all documents); its named groups are then read back with polars
expressions to get number, scale, currency and sign. Only amounts written in words ("five
million yen") go through a small Python word-number parser.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pycountry

from flows.text import attach_sentence, find_matches

_DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian grouping 12,34,567.89
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.89
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.234.567,89
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?"  # 1 234 567,89 and 8 703.6
    r"|\d+(?:[.,]\d+)?)"
)
_NUMBER = rf"(?:\b{_DIGITS}|[.,]\d+\b)"
_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_NUMBER_WORDS = sorted({*_UNITS, *_FRACTIONS, "hundred", "dozen"} - {"a", "an"}, key=len, reverse=True)
_WORD = "(?:" + "|".join(_NUMBER_WORDS) + ")"
# "a"/"an" count as one only before "hundred", "quarter"... or, for money, a currency word.
_WORD_NUMBER = rf"(?i:\b(?:an?\s(?:hundred|quarter|half|dozen)|{_WORD})(?:(?:[\s-]|\sand\s){_WORD})*\b)"
_SCALES = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "crore": 1e7, "lakh crore": 1e12,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
}  # fmt: skip
_SCALE = (
    # ("a $1.5-billion loan", "a half-billion-dollar loan": news hyphenates scales used as adjectives)
    r"(?:[\s-]?(?i:thousand|lakhs?\s+crores?|lakhs?|crores?|million|billion|trillion|mln|bln|trn|mn|bn|tn)\b"
    r"|(?:[kKmMbBT])\b)"
)
_SUBUNIT_WORDS = r"(?i:cents?|c|sens?|pence|p)\b"
_PERCENT = r"(?:%|(?i:per\s?cents?|percent(?:ages?|s)?)\b)"
# A dollar figure given beside another currency: "179 trillion dong ($7 billion)".
_BESIDE_GAP = (
    r"^\s*(?:[(\[/]\s*|,?\s*(?i:or|equivalent to|worth)\s)?"
    r"(?i:about|around|approximately|roughly|some|nearly)?\s*$"
)

AMOUNT_COLUMNS = {
    "amount_id": pl.Utf8,
    "doc_id": pl.Utf8,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "text": pl.Utf8,
    "kind": pl.Utf8,
    "value": pl.Float64,
    "currency": pl.Utf8,
    "value_usd": pl.Float64,
    "value_usd_source": pl.Utf8,
    "sent_id": pl.Int32,
    "evidence": pl.Utf8,
}


def load_currency_aliases(path: Path) -> pl.DataFrame:
    """Currency aliases: alias, currency (ISO 4217), placement, case_sensitive, unit_factor.

    The file's aliases (symbols, news spellings), then, for every other ISO 4217 currency that
    pycountry knows, its code ("KWD 25 million") and its name ("12 billion forints")."""
    listed = pl.read_csv(path, schema_overrides={"unit_factor": pl.Float64})
    return pl.concat([listed, _iso4217_aliases()]).unique("alias", keep="first", maintain_order=True)


# Codes that are also English words in capitals ("TOP 10", "ALL 5"), and units that are not money.
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "TOP", "CUP", "SOS", "BOB", "MOP", "MAD", "BAM", "GEL", "PAB", "ANG"})
_NOT_MONEY = re.compile(
    r"gold|silver|platinum|palladium|bond|testing|no currency|unit|unidad|sdr|next day|wir|sucre", re.I
)


def _iso4217_aliases() -> pl.DataFrame:
    rows = []
    for currency in pycountry.currencies:
        code, name = currency.alpha_3, currency.name
        # (a currency the file lists still gets its code and name: "MVR 95 million" beside "Rf")
        if _NOT_MONEY.search(name):
            continue
        if code not in _CODES_THAT_ARE_WORDS:
            rows.append((code, code, "both", True, 1.0))
        rows += [(form, code, "after", False, 1.0) for form in (name.lower(), name.lower() + "s")]
    return pl.DataFrame(
        rows,
        schema={
            "alias": pl.Utf8,
            "currency": pl.Utf8,
            "placement": pl.Utf8,
            "case_sensitive": pl.Boolean,
            "unit_factor": pl.Float64,
        },
        orient="row",
    )


def load_currency_context(path: Path) -> pl.DataFrame:
    """Generic aliases ("Rs", "¥") whose currency follows the article's country: alias,
    default_country, country, currency ("Rs" is PKR in a story about Pakistan, not India)."""
    return pl.read_csv(path).with_columns(pl.col("alias").str.to_lowercase())


def _currency_from_context(amounts: pl.DataFrame, documents: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """Re-read a generic alias as the currency of the country the article is about (and the
    default country is not mentioned)."""
    countries = sorted(set(context["country"]) | set(context["default_country"]))
    # (only the documents that use a generic alias: each country name costs one pass over their text)
    generic = amounts.filter(pl.col("currency_alias").is_in(context["alias"].unique().implode()))
    docs = documents.join(generic.select("doc_id").unique(), on="doc_id", how="semi")
    mentions = docs.select(
        "doc_id", *[pl.col("text").str.count_matches(c, literal=True).alias(c) for c in countries]
    ).unpivot(index="doc_id", variable_name="country", value_name="mentioned")
    default_mentions = mentions.rename({"country": "default_country", "mentioned": "default_mentioned"})
    # the story's country: named more often than the alias's default country (a Nepalese story
    # about power sales to India writes "Rs" for Nepalese rupees)
    chosen = (
        amounts.select("doc_id", "char_start", pl.col("currency_alias").alias("alias"))
        .join(context.rename({"currency": "context_currency"}), on="alias")
        .join(mentions, on=["doc_id", "country"])
        .join(default_mentions, on=["doc_id", "default_country"])
        .filter(pl.col("mentioned") > pl.col("default_mentioned"))
        .sort("mentioned", descending=True, maintain_order=True)
        .group_by("doc_id", "char_start")
        .agg(pl.col("context_currency").first())
    )
    return (
        amounts.join(chosen, on=["doc_id", "char_start"], how="left")
        .with_columns(pl.coalesce("context_currency", "currency").alias("currency"))
        .drop("context_currency")
    )


def load_fx_rates(path: Path) -> pl.DataFrame:
    """Dated FX reference: currency, valid_from (Date), usd_per_unit."""
    return pl.read_csv(path, try_parse_dates=True).select(
        "currency", pl.col("valid_from").cast(pl.Date), pl.col("usd_per_unit").cast(pl.Float64)
    )


def _alias_regex(aliases: pl.DataFrame, side: str, *, words_only: bool = False) -> str:
    """Alternation of the aliases written on `side` ("before" or "after") of the number.

    Word boundaries only on the outer edge: "USD115" and "42RM" are common in price lists.
    """
    rows = aliases.filter(pl.col("placement").is_in((side, "both"))).sort(
        pl.col("alias").str.len_chars(), "alias", descending=[True, False]
    )
    if words_only:
        rows = rows.filter(pl.col("alias").str.contains(r"^[\p{L} .]*\p{Ll}[\p{L} .]*$"))
    parts = []
    for alias, case_sensitive in rows.select("alias", "case_sensitive").iter_rows():
        body = r"\s?".join(re.escape(word) for word in alias.split(" "))
        # (ASCII letters only: "元", "đ" need no boundary, and ASCII \b would refuse them)
        if side == "before" and alias[0].isascii() and alias[0].isalnum():
            body = r"\b" + body
        if side == "after" and alias[-1].isascii() and alias[-1].isalnum():
            body += r"\b"
        parts.append(body if case_sensitive else f"(?i:{body})")
    return "(?:" + "|".join(parts) + ")"


def _subunit(group: str) -> str:
    return rf"(?:\s?,?\s?(?i:and\s)?(?P<{group}>\d{{1,2}}|{_WORD_NUMBER})\s?{_SUBUNIT_WORDS})?"


def amount_pattern(aliases: pl.DataFrame) -> str:
    """The one regex that finds money amounts and percentages (Rust regex syntax).

    Alternatives, tried left to right at each position: URLs (skipped, so "%20" in a link is
    no percentage), currency before the number ("US$ 4.7 billion"), currency after it ("179
    trillion dong", "42RM"), amounts in words ("a quarter million US dollars"), percentage
    points (skipped: not a percentage), percentages.
    """
    before = _alias_regex(aliases, "before")
    after = _alias_regex(aliases, "after")
    after_words = _alias_regex(aliases, "after", words_only=True)
    big_scale = r"(?P<{g}>\s(?i:thousand|million|billion|trillion)\b)?"
    pattern = "|".join(
        [
            r"(?P<url>(?i:https?://|www\.)\S+)",
            rf"(?P<pre>{before})\s?(?::\s?)?(?P<neg_pre>-)?(?P<num_pre>{_DIGITS}|[.,]\d+)"
            rf"(?P<scale_pre>{_SCALE})?{_subunit('sub_pre')}",
            rf"(?P<neg_post>-)?(?P<num_post>{_NUMBER})(?P<scale_post>{_SCALE})?[\s-]?(?P<post>{after})"
            + big_scale.format(g="scale_after")
            + _subunit("sub_post"),
            rf"(?P<num_word>{_WORD_NUMBER})(?P<scale_word>{_SCALE})?[\s-](?P<post_word>{after})" + _subunit("sub_word"),
            rf"(?P<num_article>(?i:\ban?))(?P<scale_article>\s(?i:thousand|million|billion|trillion))?[\s-](?P<post_article>{after_words})",
            rf"(?P<points>(?:{_NUMBER}|{_WORD_NUMBER})\s?(?i:percentage points?|pp)\b)",
            rf"(?P<neg_pct>(?i:minus\s))?(?P<num_pct>{_NUMBER}|{_WORD_NUMBER})\s?(?P<pct>{_PERCENT})",
        ]
    )
    # ASCII word boundaries: a Unicode \b makes the regex engine leave its fast DFA on any
    # non-ASCII character ("—", "’", "€"), 50x slower on news text; amounts are ASCII words
    return pattern.replace(r"\b", r"(?-u:\b)")


def words_to_number(words: str) -> float | None:
    """'thirteen' -> 13, 'three quarters' -> 0.75, 'one hundred' -> 100, 'a' -> 1."""
    total, current = 0.0, 0.0
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    for i, token in enumerate(tokens):
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _FRACTIONS:
            is_last = i == len(tokens) - 1
            current = (current or 1) * _FRACTIONS[token] if is_last or token != "half" else 0.5
        elif token == "hundred":
            current = (current or 1) * 100
        elif token == "dozen":
            current = (current or 1) * 12
        else:
            return None
    return total + current


def _digits_value(num: pl.Expr, currency: pl.Expr, has_scale: pl.Expr) -> pl.Expr:
    """Parse a digit string whose separators may be English, European, Indian or spaced."""
    commas = num.str.count_matches(",", literal=True)
    dots = num.str.count_matches(".", literal=True)
    spaced = num.str.replace_all(r"[ \u00a0\u202f]", "")
    last_comma_decimal = spaced.str.contains(r",\d{1,2}$") | spaced.str.contains(r"\.\d{3},\d+$")
    # "12.500 ₫" is twelve thousand five hundred; "$1.234 billion" is one point two three four.
    single_dot_thousands = (dots == 1) & (commas == 0) & spaced.str.contains(r"^\d{1,3}\.\d{3}$")
    zero_decimal_currency = currency.is_in(["VND", "IDR", "KRW", "JPY", "KHR", "LAK"])
    european = (
        pl.when(last_comma_decimal)
        .then(True)
        .when(dots > 1)
        .then(True)
        .when(single_dot_thousands & zero_decimal_currency & ~has_scale)
        .then(True)
        .otherwise(False)
    )
    return (
        pl.when(european)
        .then(spaced.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .otherwise(spaced.str.replace_all(",", "", literal=True))
        .str.replace(r"^\.", "0.")
        .cast(pl.Float64, strict=False)
    )


def _parse_number(num: pl.Expr, currency: pl.Expr, has_scale: pl.Expr) -> pl.Expr:
    is_words = ~num.str.contains(r"\d")
    return (
        pl.when(is_words)
        .then(num.map_elements(words_to_number, return_dtype=pl.Float64, skip_nulls=True))
        .otherwise(_digits_value(num, currency, has_scale))
    )


def _alias_lookup(aliases: pl.DataFrame, column: str) -> tuple[dict, dict]:
    exact = dict(aliases.filter(pl.col("case_sensitive")).select("alias", column).iter_rows())
    folded = dict(
        aliases.filter(~pl.col("case_sensitive")).select(pl.col("alias").str.to_lowercase(), column).iter_rows()
    )
    return exact, folded


def _resolve_alias(alias: pl.Expr, aliases: pl.DataFrame, column: str, dtype: pl.DataType) -> pl.Expr:
    exact, folded = _alias_lookup(aliases, column)
    normalised = alias.str.replace_all(r"\s+", " ")
    return normalised.replace_strict(
        exact,
        default=normalised.str.to_lowercase().replace_strict(folded, default=None, return_dtype=dtype),
        return_dtype=dtype,
    )


def parse_matches(matches: pl.DataFrame, aliases: pl.DataFrame) -> pl.DataFrame:
    """Turn raw regex matches (column `match`) into kind, value and currency."""
    pattern = amount_pattern(aliases)
    groups = matches.with_columns(pl.col("match").str.extract_groups(pattern).alias("g")).unnest("g")
    alias = pl.coalesce("pre", "post", "post_word", "post_article")
    currency = _resolve_alias(alias, aliases, "currency", pl.Utf8)
    unit_factor = _resolve_alias(alias, aliases, "unit_factor", pl.Float64)
    scale_text = (
        pl.coalesce("scale_pre", "scale_post", "scale_word", "scale_article", "scale_after")
        .str.strip_chars(" \t\n-")
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .str.replace_all(r"(lakh|crore)s\b", "$1")
    )
    scale = scale_text.replace_strict(_SCALES, default=1.0, return_dtype=pl.Float64)
    num = pl.coalesce("num_pre", "num_post", "num_word", "num_article", "num_pct")
    number = _parse_number(num, currency, scale_text.is_not_null())
    subunit = pl.coalesce("sub_pre", "sub_post", "sub_word")
    subunit_value = _parse_number(subunit, pl.lit(None, pl.Utf8), pl.lit(False)).fill_null(0.0) / 100
    negative = pl.coalesce("neg_pre", "neg_post", "neg_pct").is_not_null()
    sign = pl.when(negative).then(-1.0).otherwise(1.0)
    is_money = alias.is_not_null()
    value = pl.when(is_money).then((number * scale + subunit_value) * unit_factor).otherwise(number) * sign
    return (
        groups.filter(pl.col("url").is_null() & pl.col("points").is_null())
        .with_columns(
            pl.when(is_money).then(pl.lit("money")).otherwise(pl.lit("percent")).alias("kind"),
            value.alias("value"),
            pl.when(is_money).then(currency).alias("currency"),
            alias.str.replace_all(r"\s+", " ").str.to_lowercase().alias("currency_alias"),
            (pl.col("num_article").is_not_null() & pl.col("scale_article").is_null()).alias("_article_only"),
        )
        .filter(pl.col("value").is_not_null() & ((pl.col("kind") == "percent") | pl.col("currency").is_not_null()))
        # a lone capital letter is a currency only with an amount that looks like money: "R156 billion"
        # is rand, "Route R23" is a road
        .filter(
            ~pl.col("currency_alias").fill_null("").str.contains(r"^[a-z]$")
            | pl.col("match").str.contains(r"[.,]\d|\d{4}|(?i:million|billion|trillion|bn|mn|m|k)(?-u:\b)")
        )
        .select(*[c for c in matches.columns], "kind", "value", "currency", "currency_alias", "_article_only")
    )


# "a yen loan", "A Rs 148 billion (...)": the article goes with what follows, not one unit of money.
_ARTICLE_NOT_AMOUNT = (
    r"^[\s-]*(?:[\d.]|(?i:loans?|bonds?|credit|deposits?|denominated|accounts?|notes?|debt|swaps?|facilit|clearing|"
    r"settlement|payments?|invoic|peg|exchange|financ|funding|zone|bloc|area|market|reserve|shortage|crisis|value))"
)


def _dollars_stated_beside(amounts: pl.DataFrame) -> pl.DataFrame:
    """value_usd from a dollar figure written right next to a non-dollar amount in the same sentence.

    `amounts` carries its sentence (`evidence`, starting at `_sent_start`): gaps are cut from the
    sentence, not the document, so the cost does not grow with the document's length.
    """
    in_sentence = ["doc_id", "sent_id"]
    relative = pl.col("char_start") - pl.col("_sent_start"), pl.col("char_end") - pl.col("_sent_start")
    start, end = relative
    next_gap = (end, start.shift(-1).over(in_sentence), -1)
    previous_gap = (end.shift(1).over(in_sentence), start, 1)
    neighbours = [
        pl.when(
            (pl.col("currency").shift(step).over(in_sentence) == "USD")
            & (gap_end - gap_start).is_between(0, 40)
            & pl.col("evidence").str.slice(gap_start, (gap_end - gap_start).clip(0, 40)).str.contains(_BESIDE_GAP)
        ).then(pl.col("value").shift(step).over(in_sentence))
        for gap_start, gap_end, step in (next_gap, previous_gap)
    ]
    return amounts.sort("doc_id", "char_start", maintain_order=True).with_columns(
        pl.coalesce(neighbours).alias("_stated_usd")
    )


def _fx_usd(amounts: pl.DataFrame, documents: pl.DataFrame, fx: pl.DataFrame) -> pl.DataFrame:
    """usd_per_unit in force at the document's publication date (latest rate when undated)."""
    latest = (
        fx.sort("valid_from", maintain_order=True)
        .group_by("currency")
        .agg(pl.col("usd_per_unit").last().alias("_latest"))
    )
    dated = amounts.join(documents.select("doc_id", pl.col("published").alias("_on")), on="doc_id", how="left")
    with_rate = (
        dated.with_columns(pl.col("_on").fill_null(pl.date(9999, 12, 31)))
        .sort("_on", maintain_order=True)
        .join_asof(
            fx.sort("valid_from", maintain_order=True),
            left_on="_on",
            right_on="valid_from",
            by="currency",
            strategy="backward",
            check_sortedness=False,
        )
        .join(latest, on="currency", how="left")
    )
    return with_rate.with_columns(pl.coalesce("usd_per_unit", "_latest").alias("_rate")).drop(
        "_on", "valid_from", "usd_per_unit", "_latest"
    )


def _amount_id(doc_id: pl.Expr, start: pl.Expr, end: pl.Expr) -> pl.Expr:
    return pl.concat_str([doc_id, start.cast(pl.Utf8), end.cast(pl.Utf8)], separator=":")


def _without_article_misreads(parsed: pl.DataFrame, documents: pl.DataFrame, aliases: pl.DataFrame) -> pl.DataFrame:
    """Drop "a"/"an" + currency read as one unit of money when the article goes with what
    follows ("a yen loan"), and read the amount it hid: "A Rs 148 billion" is Rs 148 billion."""
    article = parsed.filter("_article_only").select(
        "doc_id", "char_start", "char_end", (pl.col("text").str.extract(r"^(\S+\s)", 1).str.len_chars()).alias("_skip")
    )
    after = pl.col("text").str.slice(pl.col("char_end"), 20)
    misread = (
        documents.select("doc_id", "text")
        .join(article, on="doc_id")
        .filter(after.str.contains(_ARTICLE_NOT_AMOUNT))
        .with_columns(after.str.contains(r"^\s?[\d.]").alias("_hides_amount"))
    )
    kept = parsed.join(misread.select("doc_id", "char_end"), on=["doc_id", "char_end"], how="anti")
    hidden = misread.filter("_hides_amount").select(
        "doc_id",
        (pl.col("char_start") + pl.col("_skip")).alias("_offset"),
        pl.col("text").str.slice(pl.col("char_start") + pl.col("_skip"), 200),
    )
    if hidden.is_empty():
        return kept.drop("_article_only")
    reread = (
        parse_matches(find_matches(hidden, amount_pattern(aliases)), aliases)
        .filter(pl.col("match_start") == 0)
        .select(
            "doc_id",
            (pl.col("match_start") + pl.col("_offset")).alias("char_start"),
            (pl.col("match_end") + pl.col("_offset")).alias("char_end"),
            pl.col("match").alias("text"),
            "kind",
            "value",
            "currency",
            "currency_alias",
            "_article_only",
        )
    )
    return (
        pl.concat([kept, reread.select(kept.columns).cast(kept.schema)])
        .sort("doc_id", "char_start", maintain_order=True)
        .drop("_article_only")
    )


def extract_amounts(
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    aliases: pl.DataFrame,
    fx: pl.DataFrame,
    context: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """All amounts of `documents` (doc_id, text, published) as rows of the `amounts` table."""
    matches = find_matches(documents.select("doc_id", "text"), amount_pattern(aliases))
    parsed = parse_matches(matches, aliases).rename(
        {"match_start": "char_start", "match_end": "char_end", "match": "text"}
    )
    parsed = _without_article_misreads(parsed, documents, aliases)
    if context is not None and not parsed.is_empty():
        parsed = _currency_from_context(parsed, documents, context)
    if parsed.is_empty():
        return pl.DataFrame(schema=AMOUNT_COLUMNS)
    with_sentence = attach_sentence(parsed, sentences).join(
        sentences.select(
            "doc_id", "sent_id", pl.col("char_start").alias("_sent_start"), pl.col("sentence").alias("evidence")
        ),
        on=["doc_id", "sent_id"],
        how="left",
    )
    usd = _fx_usd(_dollars_stated_beside(with_sentence), documents, fx)
    value_usd_source = (
        pl.when(pl.col("kind") == "percent")
        .then(None)
        .when(pl.col("currency") == "USD")
        .then(pl.lit("as_written"))
        .when(pl.col("_stated_usd").is_not_null())
        .then(pl.lit("stated_beside"))
        .when(pl.col("_rate").is_not_null())
        .then(pl.lit("fx_reference"))
    )
    value_usd = (
        pl.when(pl.col("kind") == "percent")
        .then(None)
        .when(pl.col("currency") == "USD")
        .then(pl.col("value"))
        .otherwise(pl.coalesce(pl.col("_stated_usd"), pl.col("value") * pl.col("_rate")))
    )
    return (
        usd.with_columns(
            value_usd.alias("value_usd"),
            value_usd_source.alias("value_usd_source"),
            _amount_id(pl.col("doc_id"), pl.col("char_start"), pl.col("char_end")).alias("amount_id"),
        )
        .select([pl.col(name).cast(dtype) for name, dtype in AMOUNT_COLUMNS.items()])
        .sort("doc_id", "char_start", maintain_order=True)
    )
