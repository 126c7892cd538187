import datetime as dt

import polars as pl
import pytest

from conftest import REFERENCE
from flows.amounts import extract_amounts, load_currency_aliases, load_currency_context, load_fx_rates, words_to_number
from flows.text import split_sentences

ALIASES = load_currency_aliases(REFERENCE / "currencies.csv")
FX = load_fx_rates(REFERENCE / "fx_rates.csv")


def amounts_of(
    text: str, published: dt.date | None = dt.date(2025, 4, 15), context: pl.DataFrame | None = None
) -> pl.DataFrame:
    docs = pl.DataFrame(
        {"doc_id": ["d"], "text": [text], "published": [published]}, schema_overrides={"published": pl.Date}
    )
    return extract_amounts(docs, split_sentences(docs), ALIASES, FX, context)


@pytest.mark.parametrize(
    ("text", "written", "kind", "value", "currency"),
    [
        ("a deal worth $8.4 billion was signed", "$8.4 billion", "money", 8.4e9, "USD"),
        ("exports reached US$31.4bn last year", "US$31.4bn", "money", 31.4e9, "USD"),
        ("a USD 1.2 billion credit line", "USD 1.2 billion", "money", 1.2e9, "USD"),
        ("the 179 trillion dong project", "179 trillion dong", "money", 179e12, "VND"),
        ("RM2.5 billion in palm oil", "RM2.5 billion", "money", 2.5e9, "MYR"),
        ("loans of 10 billion yuan", "10 billion yuan", "money", 10e9, "CNY"),
        ("a RMB 3.2 billion facility", "RMB 3.2 billion", "money", 3.2e9, "CNY"),
        ("priced at €1,250,000", "€1,250,000", "money", 1_250_000, "EUR"),
        ("a Rp 4.5 trillion port", "Rp 4.5 trillion", "money", 4.5e12, "IDR"),
        ("fees of Rs 35 lakh", "Rs 35 lakh", "money", 3.5e6, "INR"),
        ("1.800.000₫ per unit", "1.800.000₫", "money", 1_800_000, "VND"),
        ("five million yen", "five million yen", "money", 5e6, "JPY"),
        ("duties of 145% on imports", "145%", "percent", 145.0, None),
        ("a 46 per cent tariff", "46 per cent", "percent", 46.0, None),
        ("up 12.5 percent", "12.5 percent", "percent", 12.5, None),
        ("a twenty percent cut", "twenty percent", "percent", 20.0, None),
        # every ISO 4217 code and name pycountry knows, beyond currencies.csv
        ("a KWD 25 million loan", "KWD 25 million", "money", 25e6, "KWD"),
        ("it cost 12 billion forints", "12 billion forints", "money", 12e9, "HUF"),
        ("a 3 billion tenge budget", "3 billion tenge", "money", 3e9, "KZT"),
        ("a plant costing E£7.2 billion", "E£7.2 billion", "money", 7.2e9, "EGP"),
        # the article goes with the amount after it
        ("A Rs 148 billion credit line", "Rs 148 billion", "money", 148e9, "INR"),
        # scales hyphenated as adjectives
        ("a $1.5-billion loan", "$1.5-billion", "money", 1.5e9, "USD"),
        ("approved a half-billion-dollar loan", "a half-billion-dollar", "money", 5e8, "USD"),
        ("a billion-dollar plant", "a billion-dollar", "money", 1e9, "USD"),
        # a lone letter is a currency only with a figure that looks like money
        ("South Africa sold R156 billion of goods", "R156 billion", "money", 156e9, "ZAR"),
        ("a NZ$2.4 billion trade", "NZ$2.4 billion", "money", 2.4e9, "NZD"),
        ("a JD 3.05 billion scheme", "JD 3.05 billion", "money", 3.05e9, "JOD"),
        # dollar signs of smaller economies are theirs, not US dollars
        ("logs worth SI$2.9 billion", "SI$2.9 billion", "money", 2.9e9, "SBD"),
        ("a J$160 million fund", "J$160 million", "money", 160e6, "JMD"),
        ("sales of RD$3.4 billion", "RD$3.4 billion", "money", 3.4e9, "DOP"),
        ("a TT$500 million plant", "TT$500 million", "money", 500e6, "TTD"),
        # a currency the file lists keeps its ISO code as an alias too
        ("just MVR 95 million of fish", "MVR 95 million", "money", 95e6, "MVR"),
    ],
)
def test_amount_forms(text, written, kind, value, currency):
    row = amounts_of(text).row(0, named=True)
    assert (row["text"], row["kind"], row["currency"]) == (written, kind, currency)
    assert row["value"] == pytest.approx(value)
    assert text[row["char_start"] : row["char_end"]] == written


def test_value_usd_comes_from_the_dollar_figure_written_beside_another_currency():
    rows = amounts_of("Jakarta will borrow 1.5 trillion rupiah ($92 million) for the port.")
    rupiah = rows.filter(pl.col("currency") == "IDR").row(0, named=True)
    assert rupiah["value_usd"] == pytest.approx(92e6)
    assert rupiah["value_usd_source"] == "stated_beside"


def test_value_usd_from_the_rate_in_force_at_publication():
    older = amounts_of("a 10 billion yuan loan", dt.date(2023, 6, 1)).row(0, named=True)
    newer = amounts_of("a 10 billion yuan loan", dt.date(2025, 6, 1)).row(0, named=True)
    assert older["value_usd"] == pytest.approx(10e9 * 0.141)
    assert newer["value_usd"] == pytest.approx(10e9 * 0.138)
    assert newer["value_usd_source"] == "fx_reference"


def test_unknown_rate_gives_null_value_usd():
    assert amounts_of("a 5 million naira grant").row(0, named=True)["value_usd"] is None


def test_an_article_before_a_currency_word_that_names_a_kind_of_debt_is_not_one_unit_of_money():
    assert amounts_of("A yen loan and a dollar bond were signed; TOP 10 ALL 5 firms.").is_empty()
    assert amounts_of("it costs a dollar")["value"].to_list() == [1.0]


def test_not_amounts():
    text = (
        "Growth slowed by 2 percentage points. See https://example.com/q?x=30%25 for details. "
        "The 420-km railway has 300 seats per train, and 45 agreements were signed on 15.08.2017."
    )
    assert amounts_of(text).is_empty()


def test_evidence_is_the_sentence_of_the_amount():
    text = "First sentence. Tariffs of 25% apply. Last one."
    assert amounts_of(text)["evidence"].to_list() == ["Tariffs of 25% apply."]


@pytest.mark.parametrize(
    ("words", "value"),
    [("thirteen", 13), ("one hundred", 100), ("three quarters", 0.75), ("forty-five", 45), ("a", 1), ("half", 0.5)],
)
def test_words_to_number(words, value):
    assert words_to_number(words) == pytest.approx(value)


CONTEXT = load_currency_context(REFERENCE / "currency_context.csv")


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Pakistan will spend Rs4.3 trillion on the line.", "PKR"),
        ("Colombo approved a Rs 50 billion budget, Sri Lanka's cabinet said.", "LKR"),
        ("India and Pakistan each set aside Rs 10 billion.", "INR"),
        ("The Indian rupee plan: Rs 10 billion.", "INR"),
        ("China's ¥800 billion stimulus.", "CNY"),
        ("Japan's ¥800 billion stimulus.", "JPY"),
        ("Pakistan pays in INR 5 billion.", "INR"),
    ],
)
def test_generic_currency_signs_follow_the_country_of_the_article(text, currency):
    assert amounts_of(text, context=CONTEXT)["currency"].to_list() == [currency]


def test_lakh_crore_is_a_trillion():
    row = amounts_of("a ₹8.5 lakh crore budget").row(0, named=True)
    assert (row["value"], row["currency"]) == (8.5e12, "INR")


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # the story's country is named more often than the sign's default country
        ("Nepal's hydropower sales to India rose to Rs 9 billion, Nepal's grid operator said, and Nepal wants more.",
         "NPR"),
        ("Mexico's farm ministry said Mexico sold 40 billion pesos of tomatoes.", "MXN"),
        ("Manila's budget adds 20 billion pesos for roads.", "PHP"),
        # bare "francs": Swiss by default, CFA francs in a Central or West African story
        ("Switzerland sold goods worth 63.4 billion francs to the United States.", "CHF"),
        ("Cameroon's budget adds 92 billion francs for roads, Cameroon's ministry said.", "XAF"),
        ("Senegal will borrow 150 billion francs on the regional market.", "XOF"),
        ("Jordan's budget: 800 million dinars for water", "JOD"),
        ("Tanzania paid 6.9 trillion shillings for the line", "TZS"),
        ("Norway's exports worth 9.8 billion kroner", "NOK"),
    ],
)  # fmt: skip
def test_generic_currency_words_follow_the_country_named_most(text, currency):
    assert amounts_of(text, context=CONTEXT)["currency"].to_list() == [currency]


@pytest.mark.parametrize(
    ("text", "currency"),
    [("exports earned 8.1 billion birr", "ETB"), ("a 30 billion kwacha budget", "ZMW"), ("2.5 trillion som", "UZS")],
)
def test_more_local_currency_words(text, currency):
    assert amounts_of(text)["currency"].to_list() == [currency]


def test_a_lone_letter_before_a_small_number_is_no_currency():
    assert amounts_of("Route R23 was closed and lane B7 reopened.").is_empty()


def test_amounts_next_to_non_ascii_text_keep_their_boundaries():
    # ASCII word boundaries in the amount regex: dashes, curly quotes and accents around figures
    rows = amounts_of("São Paulo’s “$3.5 billion” deal—15% of it—was signed.")
    assert rows["text"].to_list() == ["$3.5 billion", "15%"]
