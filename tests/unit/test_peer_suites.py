"""The amount extractor against the test cases of four open-source money/percentage parsers.

The cases live in ../shared/peer-suites (see its README). A case counts as passed when the
extractor finds, in the case's sentence, an amount of the same kind, value (1e-9 relative) and
currency. Cases we decided not to support are listed, with the reason, in
tests/peer_suites_unsupported.json.
"""

import json
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from conftest import REFERENCE, SHARED
from flows.amounts import extract_amounts, load_currency_aliases, load_fx_rates
from flows.text import split_sentences

SUITES = SHARED / "peer-suites"
UNSUPPORTED = {
    (c["source"], c["text"]): c["reason"]
    for c in json.loads((Path(__file__).parent.parent / "peer_suites_unsupported.json").read_text())
}

pytestmark = pytest.mark.skipif(not SUITES.is_dir(), reason=f"{SUITES} is not here")


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (SUITES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _extract(sentences: list[str]) -> dict[str, list[dict]]:
    docs = pl.DataFrame(
        {"doc_id": [str(i) for i in range(len(sentences))], "text": sentences, "published": [None] * len(sentences)},
        schema_overrides={"published": pl.Date},
    )
    aliases = load_currency_aliases(REFERENCE / "currencies.csv")
    found = extract_amounts(docs, split_sentences(docs), aliases, load_fx_rates(REFERENCE / "fx_rates.csv"))
    by_sentence: dict[str, list[dict]] = {s: [] for s in sentences}
    for row in found.iter_rows(named=True):
        by_sentence[sentences[int(row["doc_id"])]].append(row)
    return by_sentence


def _matches(case: dict, row: dict) -> bool:
    return (
        row["kind"] == case["kind"]
        and row["currency"] == case["currency"]
        and abs(row["value"] - case["value"]) <= 1e-9 * max(1.0, abs(case["value"]))
    )


def test_peer_suite_money_and_percent_cases():
    cases = _read("money_cases.jsonl")
    found = _extract(sorted({c["sentence"] for c in cases}))
    passed, failed = Counter(), []
    for case in cases:
        hit = any(_matches(case, row) for row in found[case["sentence"]])
        passed[case["source"]] += hit
        if not hit:
            failed.append((case["source"], case["text"]))
    total = Counter(c["source"] for c in cases)
    report = ", ".join(f"{s} {passed[s]}/{total[s]}" for s in sorted(total))
    print(f"\npeer suites: {sum(passed.values())}/{len(cases)} passed ({report})")
    unexpected = [f for f in failed if f not in UNSUPPORTED]
    assert not unexpected, f"cases that should pass: {unexpected}"
    stale = [key for key in UNSUPPORTED if key not in failed]
    assert not stale, f"listed as unsupported but now passing (remove from the list): {stale}"


def test_peer_suite_sentences_without_amounts_give_none():
    cases = _read("no_amount_cases.jsonl")
    found = _extract([c["sentence"] for c in cases])
    false_positives = {s: [r["text"] for r in rows] for s, rows in found.items() if rows}
    assert not false_positives
