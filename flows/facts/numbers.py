"""Counts written in digits or words ("45", "two", "a pair of", "three dozen", "dozens") and the
qualifiers around numbers ("around", "topping", "more than", "up to").

Phrases are found with the regexes below (vectorised); the few distinct phrases are then
parsed in Python with `parse_count`.
"""

from __future__ import annotations

import re

import polars as pl

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Fixed phrases that stand for a number.
FIXED: dict[str, int] = {
    "a pair of": 2, "a couple of": 2, "a dozen": 12, "half a dozen": 6, "a half-dozen": 6, "half-dozen": 6,
    "a single": 1,
}  # fmt: skip
# Vague amounts: the count is unknown, only its order of magnitude.
VAGUE = (
    "dozens", "scores", "hundreds", "thousands", "several", "numerous", "multiple", "many",
    "a number of", "a series of", "a raft of", "a flurry of", "a host of", "a slew of",
    "a string of", "a batch of", "a package of", "a range of", "various",
)  # fmt: skip

QUALIFIER_WORDS: dict[str, tuple[str, ...]] = {
    "approx": ("around", "about", "approximately", "roughly", "some", "an estimated", "estimated", "circa"),
    "at_least": (
        "more than", "over", "topping", "topped", "tops", "above", "exceeding", "exceeded",
        "in excess of", "at least", "upwards of", "surpassing", "surpassed", "north of", "beyond",
    ),
    "at_most": (
        "up to", "as much as", "as many as", "no more than", "at most", "less than", "under", "below",
        "nearly", "almost", "just under", "close to", "just shy of",
    ),
}  # fmt: skip

_UNIT_RE = "|".join(sorted(UNITS, key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{_UNIT_RE})(?:[\s-](?:{_UNIT_RE}))?(?:\s+(?:hundred|dozen))?)"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_QUALIFIER_RE = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted({w for ws in QUALIFIER_WORDS.values() for w in ws}, key=len, reverse=True)
)
_FIXED_RE = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(FIXED, key=len, reverse=True))
_VAGUE_RE = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(VAGUE, key=len, reverse=True))

# A count before a noun: "45", "more than 20", "two", "three dozen", "a pair of", "dozens of".
COUNT_RE = (
    rf"(?i:(?-u:\b)(?:(?:{_QUALIFIER_RE})\s+)?(?:{_FIXED_RE}|(?:{_VAGUE_RE})(?:\s+of)?|{_DIGITS}|{_WORD_NUMBER}"
    r"|an?(?-u:\b)))"
)
# The qualifier directly before a number, read at the end of the text before it.
QUALIFIER_BEFORE_RE = rf"(?i)(?:^|\W)({_QUALIFIER_RE})[\s:,]*(?:US)?$"


def qualifier_of(word: str | None) -> str | None:
    """The qualifier vocabulary value for a qualifier word ("topping" -> "at_least")."""
    if not word:
        return None
    word = re.sub(r"\s+", " ", word.lower())
    for qualifier, words in QUALIFIER_WORDS.items():
        if word in words:
            return qualifier
    return None


def qualifier_before(text_before: pl.Expr) -> pl.Expr:
    """`exact`, `approx`, `at_least` or `at_most` from the words right before a number."""
    word = text_before.str.extract(QUALIFIER_BEFORE_RE, 1).str.to_lowercase().str.replace_all(r"\s+", " ")
    mapping = {w: q for q, ws in QUALIFIER_WORDS.items() for w in ws}
    return word.replace_strict(mapping, default="exact", return_dtype=pl.Utf8)


def _word_number(text: str) -> int | None:
    total = 0
    for token in re.split(r"[\s-]+", text):
        if token in UNITS:
            total += UNITS[token]
        elif token == "hundred":
            total = max(total, 1) * 100
        elif token == "dozen":
            total = max(total, 1) * 12
        elif token in {"a", "an"}:
            total += 1
        else:
            return None
    return total or None


def parse_count(phrase: str | None) -> tuple[int | None, str | None]:
    """(count, count_qualifier) of a count phrase; (None, "approx") for "dozens of"."""
    if phrase is None:
        return None, None
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    qualifier = "exact"
    match = re.match(rf"({_QUALIFIER_RE}) (.*)$", text)
    if match and not text.startswith(("a ", "an ")):
        qualifier = qualifier_of(match.group(1)) or "exact"
        text = match.group(2)
    text = re.sub(r" of$", "", text) if text not in FIXED else text
    if text in FIXED or text + " of" in FIXED:
        return FIXED.get(text, FIXED.get(text + " of")), qualifier
    if any(text == v or text == v.removesuffix(" of") for v in VAGUE):
        return None, "approx"
    if re.fullmatch(_DIGITS, text):
        return int(text.replace(",", "")), qualifier
    if text in {"a", "an", "a single"}:
        return 1, qualifier
    value = _word_number(text)
    return (value, qualifier) if value is not None else (None, None)


def parse_counts(frame: pl.DataFrame, phrase: str, count_name: str, qualifier_name: str) -> pl.DataFrame:
    """Add count and qualifier columns parsed from the `phrase` column (each distinct phrase once)."""
    distinct = frame.get_column(phrase).drop_nulls().unique().to_list()
    parsed = [(p, *parse_count(p)) for p in distinct]
    table = pl.DataFrame(parsed, schema={phrase: pl.Utf8, count_name: pl.Int32, qualifier_name: pl.Utf8}, orient="row")
    return frame.join(table, on=phrase, how="left", nulls_equal=False)
