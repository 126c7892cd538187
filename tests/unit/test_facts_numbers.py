"""Counts, qualifiers, periods and dates."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from flows.facts.numbers import parse_count, qualifier_before
from flows.facts.periods import PERIOD_RE, resolve_effective, resolve_period

APRIL = dt.date(2025, 4, 14)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("45", (45, "exact")),
        ("1,200", (1200, "exact")),
        ("two", (2, "exact")),
        ("twenty-five", (25, "exact")),
        ("a pair of", (2, "exact")),
        ("three dozen", (36, "exact")),
        ("a half-dozen", (6, "exact")),
        ("dozens of", (None, "approx")),
        ("more than 30", (30, "at_least")),
        ("nearly 40", (40, "at_most")),
        ("about 12", (12, "approx")),
        ("a", (1, "exact")),
    ],
)
def test_parse_count(phrase: str, expected: tuple) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("bilateral commerce topping ", "at_least"),
        ("totaled around ", "approx"),
        ("duties of up to ", "at_most"),
        ("less than ", "at_most"),
        ("reached ", "exact"),
    ],
)
def test_qualifier_before_a_number(before: str, qualifier: str) -> None:
    assert pl.select(qualifier_before(pl.lit(before))).item() == qualifier


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("last year", "2024-01-01", "2024-12-31"),
        ("in 2023", "2023-01-01", "2023-12-31"),
        ("early 2025", "2025-01-01", "2025-04-30"),
        ("in the first quarter", "2025-01-01", "2025-03-31"),
        ("the fourth quarter", "2024-10-01", "2024-12-31"),
        ("the first nine months of the year", "2025-01-01", "2025-09-30"),
        ("in the first half of 2024", "2024-01-01", "2024-06-30"),
        ("July-September", "2024-07-01", "2024-09-30"),
        ("mid-2024", "2024-05-01", "2024-08-31"),
        ("the fiscal year ended March 2024", "2023-04-01", "2024-03-31"),
        ("the fiscal year that ended in June 2024", "2023-07-01", "2024-06-30"),
        # without a year: the last such month by publication
        ("the fiscal year that ended in March", "2024-04-01", "2025-03-31"),
        ("the fiscal year that ended in June", "2023-07-01", "2024-06-30"),
    ],
)
def test_periods_resolve_against_the_publication_date(phrase: str, start: str, end: str) -> None:
    assert resolve_period(phrase, APRIL) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_relative_period_without_a_date_is_null() -> None:
    assert resolve_period("last year", None) == (None, None)
    assert resolve_period("in 2023", None) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@pytest.mark.parametrize(
    ("phrase", "published", "date"),
    [
        ("starting in July", APRIL, "2025-07-01"),
        ("from July 9", APRIL, "2025-07-09"),
        ("effective April 10", dt.date(2025, 5, 20), "2025-04-10"),
        ("from January 1", dt.date(2024, 11, 20), "2025-01-01"),
        ("since January 2020", APRIL, "2020-01-01"),
        ("took effect on Oct. 30", dt.date(2024, 10, 30), "2024-10-30"),
        # what has started is in the past, even when a later date of that month is nearer
        ("since February", dt.date(2025, 1, 20), "2024-02-01"),
        # a weekday: the latest such day on or before publication (a Friday here)
        ("with effect from Monday", dt.date(2025, 1, 31), "2025-01-27"),
        ("since Tuesday", dt.date(2025, 3, 6), "2025-03-04"),
    ],
)
def test_effective_dates(phrase: str, published: dt.date, date: str) -> None:
    assert resolve_effective(phrase, published) == dt.date.fromisoformat(date)


def test_period_phrases_are_found_in_text() -> None:
    text = "In early 2025, imports totaled $30 billion, up from last year."
    assert pl.select(pl.lit(text).str.extract_all(PERIOD_RE)).item().to_list() == ["early 2025", "last year"]
