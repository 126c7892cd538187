"""Reference data: aliases, demonyms, capitals, organisations, airlines and aircraft models."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from flows.facts import load_reference
from flows.facts.context import actor_iso3_of, sentence_context
from flows.facts.reference import model_alias

REFERENCE = load_reference(Path(__file__).resolve().parents[2] / "seeds" / "reference")


def _entities(text: str) -> list[str]:
    return pl.select(pl.lit(text).str.extract_all(REFERENCE.entity_re)).item().to_list()


def _iso3(text: str) -> list[str]:
    actors = actor_iso3_of(REFERENCE)
    return [actors[e] for e in _entities(text) if actors.get(e)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington's imposition of 145% duties", ["USA"]),
        ("Vietnamese exports and Chinese loans", ["VNM", "CHN"]),
        ("the U.S. and the EU", ["USA", "EUU"]),
        ("talks in Brussels and Beijing", ["EUU", "CHN"]),
        ("South Korea, not Korea's north", ["KOR", "KOR"]),
        ("Viet Nam", ["VNM"]),
        # wires write "Congo" for the Democratic Republic after naming it once; the other Congo
        # goes by its full name or its capital
        ("cobalt from Congo and timber from the Republic of Congo", ["COD", "COG"]),
        ("the Export-Import Bank of China and China's Export-Import Bank", ["CHN", "CHN"]),
        ("Vietnam’s Chamber of Commerce and Industry", ["VNM"]),
        ("Chengdu Airlines and VietJet", ["CHN", "VNM"]),
    ],
)
def test_entities_resolve_to_iso3(text: str, expected: list[str]) -> None:
    assert _iso3(text) == expected


def test_longest_alias_wins_and_words_are_whole() -> None:
    assert _entities("China Airlines flew to Chinatown") == ["China Airlines"]
    assert _entities("USB drives") == []
    assert REFERENCE.canonical_of["Vietnam’s Chamber of Commerce and Industry"] == "VCCI"
    assert REFERENCE.canonical_of["Commercial Aircraft Corporation of China"] == "COMAC"


def test_multilateral_lenders_and_manufacturers_are_not_state_actors() -> None:
    actors = actor_iso3_of(REFERENCE)
    assert actors.get("AIIB") is None
    assert actors.get("Boeing") is None
    assert REFERENCE.iso3_of["KEXIM"] == "KOR"


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        ("two COMAC ARJ21 aircraft", ["ARJ21"]),
        ("10 Boeing 737 MAX 8 jets and five 787s", ["737 MAX 8", "787"]),
        ("102 A321neos and four Airbus A320s", ["A321neo", "A320"]),
        ("a $737 million deal", []),
        ("its 777 jets", ["777"]),
    ],
)
def test_models_are_found_with_plurals_and_bare_numbers_in_context(text: str, aliases: list[str]) -> None:
    found = pl.select(pl.lit(text).str.extract_all(REFERENCE.model_re).list.eval(model_alias(pl.element(), REFERENCE)))
    assert found.item().to_list() == aliases


def test_renamed_model_keeps_manufacturer() -> None:
    assert REFERENCE.model_of["ARJ21"] == "C909"
    assert REFERENCE.model_maker_of["ARJ21"] == "COMAC"
    assert REFERENCE.model_of["737 MAX 8"] == "737-8"


def test_currency_prefix_is_not_the_country() -> None:
    documents = pl.DataFrame({"doc_id": ["d"], "published": [None], "text": ["Trade hit US$108 billion."]})
    sentences = pl.DataFrame(
        {
            "doc_id": ["d"],
            "sent_id": [0],
            "char_start": [0],
            "char_end": [25],
            "sentence": ["Trade hit US$108 billion."],
        },
        schema_overrides={"sent_id": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32},
    )
    ctx = sentence_context(documents.cast({"published": pl.Date}), sentences, REFERENCE)
    assert ctx["isos"].to_list() == [[]]
    assert ctx["evidence"].to_list() == ["Trade hit US$108 billion."]


def test_the_alias_tree_matches_the_longest_alias_with_word_boundaries():
    import re

    from flows.facts.reference import alternation

    pattern = alternation(["Korea", "South Korea", "Korean", "Korea Exim Bank", "Malé", "US", "U.S."])
    text = "South  Korea and Korean banks; Korea Exim Bank lent to Malé; the US and the U.S. but not USA or us."
    found = re.findall(pattern.replace("(?-u:\\b)", r"\b"), text)
    assert found == ["South  Korea", "Korean", "Korea Exim Bank", "Malé", "US", "U.S."]
    import polars as pl

    assert pl.Series([text]).str.extract_all(pattern).to_list() == [found]


def test_an_ambiguous_country_name_counts_only_where_the_document_shows_the_country() -> None:
    import datetime as dt

    from flows.facts.quick import facts_for_texts

    texts = [
        "Georgia and Azerbaijan signed a transit agreement in Baku to move cargo across the Caucasus.",
        "ATLANTA — Georgia and Alabama signed a trade agreement with Mexico on Monday.",
    ]
    agreements = facts_for_texts(texts, dt.date(2025, 6, 1))["agreements"]
    parties = {row["doc_id"]: sorted(row["parties_iso3"]) for row in agreements.to_dicts()}
    assert parties["d0"] == ["AZE", "GEO"]
    assert "GEO" not in parties.get("d1", [])
