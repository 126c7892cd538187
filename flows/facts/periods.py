"""Periods and dates written in news text, resolved against the publication date.

"last year", "in 2024", "in the first quarter", "early 2025", "the first four months",
"January-March", "in July" become (period_start, period_end); "starting in July" or
"from July 9" become one date. Phrases are found with one regex per kind (vectorised); the
few distinct (phrase, published) pairs are resolved in Python. Without a publication date a
relative phrase resolves to NULL: we never guess a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import polars as pl

from flows.facts.numbers import UNITS

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_ORDINAL = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_YEAR_REF = rf"(?:{_YEAR}|this\s+year|last\s+year|the\s+(?:current|previous|same)\s+year)"
_COUNT = "|".join(sorted(UNITS, key=len, reverse=True))
# Early/mid/late thirds of a year.
_PART_OF_YEAR = {
    "early": (1, 4),
    "beginning": (1, 4),
    "start": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (9, 12),
}

PERIOD_RE = (
    r"(?i)(?-u:\b)(?:"
    rf"(?:the\s+)?(?:fiscal|financial)\s+year\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:in\s+|on\s+)?{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+{_YEAR})?"
    rf"|(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+{_YEAR_REF})?"
    rf"|Q[1-4](?:\s+{_YEAR})?"
    rf"|(?:the\s+)?(?:first|second)\s+half(?:\s+of\s+{_YEAR_REF})?|H[12](?:\s+{_YEAR})?"
    rf"|(?:the\s+)?first\s+(?:{_COUNT}|\d{{1,2}})\s+months(?:\s+of\s+{_YEAR_REF})?"
    rf"|(?:the\s+)?(?:early|beginning|start|mid|middle|late|end)(?:\s+of)?[\s-]+{_YEAR}"
    rf"|(?:between\s+)?{_MONTH}\s*(?:-|–|to|through|and)\s*{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?:(?:last|past|previous)\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year)"
    rf"|(?:so\s+far\s+this\s+year|year[\s-]to[\s-]date|this\s+year)"
    rf"|last\s+month"
    rf"|(?:in|during|for|since|of|through)\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?:in|during|for|of|throughout|over)\s+(?:fiscal\s+|FY\s?)?{_YEAR}|{_YEAR}(?:’s|'s)"
    r")(?-u:\b)"
)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A date a measure starts from: "starting in July", "from July 9", "effective August 1, 2025".
EFFECTIVE_RE = (
    r"(?i)(?-u:\b)(?:starting|start|effective|from|as\s+of|beginning|begin|begins|since|"
    r"takes?\s+effect|took\s+effect|taking\s+effect|kicks?\s+in|come\s+into\s+force|came\s+into\s+force)"
    r"\s+(?:on\s+|in\s+|from\s+)?"
    rf"(?:{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b))?|\d{{1,2}}\s+{_MONTH}|{_WEEKDAY})(?:,?\s+{_YEAR})?"
)


def _year_of(text: str, published: dt.date | None) -> int | None:
    found = re.search(_YEAR, text)
    if found:
        return int(found.group(0))
    if published is None:
        return None
    if re.search(r"(?i)last\s+year|previous\s+year", text):
        return published.year - 1
    return published.year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int | None, first: int, last: int) -> tuple[dt.date | None, dt.date | None]:
    if year is None:
        return None, None
    return dt.date(year, first, 1), _month_end(year, last)


def _past_year(month: int, published: dt.date | None, explicit: int | None) -> int | None:
    """The year of a month named without one: this year, or last year if it has not come yet."""
    if explicit is not None or published is None:
        return explicit
    return published.year if month <= published.month else published.year - 1


def _year_of_part(text: str, year: int | None, published: dt.date | None, last_month: int) -> int | None:
    """The year of a quarter or half ending in `last_month` when the text names none: "of last year"
    if written; else the latest such period that has ended or begun by publication ("the first
    quarter" in April is this year's; "the fourth quarter" in April, last year's)."""
    if year is None and "of" in text:
        return _year_of(text, published)
    if year is None and published is not None:
        return published.year if last_month <= published.month else published.year - 1
    return year


def resolve_period(phrase: str | None, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of a period phrase; (None, None) when it cannot be anchored."""
    if not phrase:
        return None, None
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    explicit = re.search(_YEAR, text)
    year = int(explicit.group(0)) if explicit else None
    if re.search(r"(?:fiscal|financial) year", text) and (m := re.search(r"end\w*\s+(?:in\s+|on\s+)?([a-z]+)", text)):
        # "the fiscal year ended March 2024": the twelve months up to the end of March 2024
        month = MONTHS.get(m.group(1).rstrip("."))
        # "the fiscal year that ended in June": the last June by publication
        year = _past_year(month, published, year) if month is not None else None
        if month is None or year is None:
            return None, None
        first = dt.date(year - 1, month, 1) + dt.timedelta(days=32)
        return dt.date(first.year, first.month, 1), _month_end(year, month)
    if m := re.search(r"(first|second|third|fourth|final|1st|2nd|3rd|4th) quarter|q([1-4])", text):
        quarter = _ORDINAL[m.group(1)] if m.group(1) else int(m.group(2))
        return _months(_year_of_part(text, year, published, quarter * 3), quarter * 3 - 2, quarter * 3)
    if m := re.search(r"(first|second) half|h([12])", text):
        half = 1 if (m.group(1) == "first" or m.group(2) == "1") else 2
        return _months(_year_of_part(text, year, published, half * 6), half * 6 - 5, half * 6)
    if m := re.search(rf"first ({_COUNT}|\d{{1,2}}) months", text):
        n = int(m.group(1)) if m.group(1).isdigit() else UNITS[m.group(1)]
        if year is None and published is not None:
            year = (
                _year_of(text, published)
                if "of" in text
                else (published.year if n <= published.month else published.year - 1)
            )
        return _months(year, 1, min(max(n, 1), 12))
    if m := re.search(r"(early|beginning|start|mid|middle|late|end)(?: of)?[ -]+\d{4}", text):
        first, last = _PART_OF_YEAR[m.group(1)]
        return _months(year, first, last)
    names = [MONTHS[w.rstrip(".")] for w in re.findall(r"[a-z]+\.?", text) if w.rstrip(".") in MONTHS]
    if len(names) == 2:
        return _months(_past_year(names[1], published, year), names[0], names[1])
    if "last month" in text:
        if published is None:
            return None, None
        last = published.replace(day=1) - dt.timedelta(days=1)
        return dt.date(last.year, last.month, 1), last
    if "so far this year" in text or re.search(r"year.to.date", text):
        return (dt.date(published.year, 1, 1), published) if published else (None, None)
    if re.search(r"(last|past|previous) year|a year (earlier|ago)|this year", text):
        y = _year_of(text, published)
        return _months(y, 1, 12)
    if len(names) == 1:
        return _months(_past_year(names[0], published, year), names[0], names[0])
    if year is not None:
        return _months(year, 1, 12)
    return None, None


def resolve_effective(phrase: str | None, published: dt.date | None) -> dt.date | None:
    """The date a measure starts; the first day of the month when no day is given."""
    if not phrase:
        return None
    text = re.sub(r"\s+", " ", phrase.strip())
    month_word = re.search(_MONTH, text)
    weekday = re.search(_WEEKDAY, text)
    if weekday and not month_word:
        # "from Monday", "since Tuesday": the latest such day on or before publication
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS.index(weekday.group(0).lower())) % 7
        return published - dt.timedelta(days=back)
    if not month_word:
        return None
    month = MONTHS[month_word.group(0).lower().rstrip(".")]
    day_match = re.search(rf"{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}}) {_MONTH}", text)
    day = int(day_match.group(1) or day_match.group(2)) if day_match else 1
    explicit = re.search(_YEAR, text)
    if explicit:
        year = int(explicit.group(0))
    elif published is None:
        return None
    else:
        # the nearest such date to the article: "starting in July" read in April is this July,
        # "effective April 10" read in May is this April, "from January 1" read in November next
        # January; what has already started ("since February", "took effect on") is in the past
        options = [dt.date(y, month, min(day, 28)) for y in (published.year - 1, published.year, published.year + 1)]
        if re.match(r"(?i)since|took\s+effect|came\s+into\s+force", text):
            options = [d for d in options if d <= published] or options
        year = min(options, key=lambda d: abs((d - published).days)).year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_frame(frame: pl.DataFrame, phrase: str, published: str, how: str) -> pl.DataFrame:
    """Resolve the `phrase` column of `frame` against its `published` column, each distinct pair once.

    how="period" adds period_start and period_end; how="effective" adds effective_date.
    """
    pairs = frame.select(phrase, published).drop_nulls(phrase).unique()
    if how == "period":
        resolved = [(p, d, *resolve_period(p, d)) for p, d in pairs.iter_rows()]
        schema = {phrase: pl.Utf8, published: pl.Date, "period_start": pl.Date, "period_end": pl.Date}
    else:
        resolved = [(p, d, resolve_effective(p, d)) for p, d in pairs.iter_rows()]
        schema = {phrase: pl.Utf8, published: pl.Date, "effective_date": pl.Date}
    table = pl.DataFrame(resolved, schema=schema, orient="row")
    return frame.join(table, on=[phrase, published], how="left", nulls_equal=True)
