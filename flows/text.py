"""Vectorised text primitives: regex matches with character offsets, and sentences.

Polars has no `finditer`: `extract_all` loses positions. We get them by wrapping every match
in a marker character, splitting on the marker and summing the piece lengths. Pieces then
alternate gap / match / gap / ..., so odd pieces are matches and the running length of the
pieces before one is its character offset in the original text.
"""

from __future__ import annotations

import polars as pl

# A private-use character: it never occurs in news text, and any occurrence is blanked first
# (a same-length replacement, so offsets stay exact).
MARKER = "\ue000"
# Same-length stand-in for a dot that must not end a sentence ("Mr.", "U.S.").
_SHIELDED_DOT = "\u2024"

_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|Jr|Sr|No|vs|etc|approx"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Bhd|Pte|Tbk|Ph|Rs|Fig|est"
)


# A "sentence" longer than this (a text without punctuation, a table flattened into one line) is
# cut at the next white space, so evidence stays readable and no row carries megabytes.
MAX_SENTENCE_CHARS = 1000


def _clean(text: pl.Expr) -> pl.Expr:
    return text.str.replace_all(MARKER, " ", literal=True)


def find_matches(frame: pl.DataFrame, pattern: str, *, text_col: str = "text") -> pl.DataFrame:
    """Every non-overlapping match of `pattern` in `text_col`, leftmost-first like `re.finditer`.

    Returns the frame's other columns (except `text_col`) plus `match_start`, `match_end`
    (character offsets, end exclusive) and `match` (the matched text). `pattern` must not match
    the empty string.
    """
    keep = [c for c in frame.columns if c != text_col]
    pieces = (
        frame.lazy()
        .select(
            *keep,
            _clean(pl.col(text_col)).str.replace_all(pattern, f"{MARKER}$0{MARKER}").str.split(MARKER).alias("piece"),
        )
        .with_row_index("_row")
        .explode("piece")
        .with_columns(
            pl.int_range(pl.len()).over("_row").alias("_i"),
            pl.col("piece").str.len_chars().cast(pl.Int64).alias("_len"),
        )
        .with_columns((pl.col("_len").cum_sum().over("_row") - pl.col("_len")).alias("match_start"))
    )
    return (
        pieces.filter(pl.col("_i") % 2 == 1)
        .select(
            *keep,
            pl.col("match_start").cast(pl.Int32),
            (pl.col("match_start") + pl.col("_len")).cast(pl.Int32).alias("match_end"),
            pl.col("piece").alias("match"),
        )
        .collect()
    )


def split_sentences(documents: pl.DataFrame) -> pl.DataFrame:
    """Sentences of each document: doc_id, sent_id, char_start, char_end, sentence.

    A sentence ends at . ! or ? (with closing quotes or brackets) before white space, at a line
    break, or at a full stop glued to the next capitalised word ("dynamics.Key"), a common
    scraper artefact. Dots of abbreviations and initialisms do not end sentences. Runs longer
    than MAX_SENTENCE_CHARS are cut at white space.
    """
    shielded = (
        _clean(pl.col("text"))
        .str.replace_all(rf"\b({_ABBREVIATIONS})\.", f"${{1}}{_SHIELDED_DOT}")
        .str.replace_all(r"\b([A-Z])\.([A-Z])\.", f"${{1}}{_SHIELDED_DOT}${{2}}{_SHIELDED_DOT}")
        .str.replace_all(r"([.!?][\"'”’)\]]*)(\s+)([\p{Lu}\d\"“‘(])", f"${{1}}{MARKER}${{2}}${{3}}")
        .str.replace_all(r"([a-z)][.!?])([A-Z][a-z])", f"${{1}}{MARKER}${{2}}")
        .str.replace_all(r"(\n)", f"${{1}}{MARKER}")
        .str.replace_all(rf"([^\n{MARKER}]{{{MAX_SENTENCE_CHARS}}}[^\s{MARKER}]*)(\s)", f"${{1}}{MARKER}${{2}}")
    )
    return (
        documents.lazy()
        .select("doc_id", "text", shielded.str.split(MARKER).alias("piece"))
        .with_row_index("_row")
        .explode("piece")
        .with_columns(pl.col("piece").str.len_chars().cast(pl.Int64).alias("_len"))
        .with_columns(
            (pl.col("_len").cum_sum().over("_row") - pl.col("_len")).alias("_start"),
            (pl.col("_len") - pl.col("piece").str.strip_chars_start().str.len_chars()).alias("_lead"),
            pl.col("piece").str.strip_chars().str.len_chars().cast(pl.Int64).alias("_body"),
        )
        .filter(pl.col("_body") > 0)
        .with_columns((pl.col("_start") + pl.col("_lead")).alias("char_start"))
        .select(
            "doc_id",
            (pl.int_range(pl.len()).over("_row")).cast(pl.Int32).alias("sent_id"),
            pl.col("char_start").cast(pl.Int32),
            (pl.col("char_start") + pl.col("_body")).cast(pl.Int32).alias("char_end"),
            pl.col("text").str.slice(pl.col("char_start"), pl.col("_body")).alias("sentence"),
        )
        .collect()
    )


def attach_sentence(spans: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Add `sent_id` to rows with `doc_id` and `char_start`: the sentence the span starts in."""
    return (
        spans.sort("doc_id", "char_start", maintain_order=True)
        .join_asof(
            sentences.select("doc_id", "sent_id", pl.col("char_start").alias("_sent_start")).sort(
                "doc_id", "_sent_start", maintain_order=True
            ),
            left_on="char_start",
            right_on="_sent_start",
            by="doc_id",
            strategy="backward",
            check_sortedness=False,
        )
        .drop("_sent_start")
    )
