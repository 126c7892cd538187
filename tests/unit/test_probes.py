"""The everyday-news probe set (tests/probes/everyday_news.jsonl): 160 short texts written blind
in the way wires write every day, each with the key fields of every fact it holds. It is a tuning
set (its failures were read), so the bar guards against regressions, not a quality claim."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl

from flows.facts.quick import facts_for_texts
from flows.facts.schema import FACT_TABLES, KEY_FIELDS

PROBES = Path(__file__).resolve().parents[1] / "probes" / "everyday_news.jsonl"


def _agrees(got: object, want: object) -> bool:
    if isinstance(want, float):
        return isinstance(got, float) and abs(got - want) <= 0.01 * abs(want)
    if isinstance(want, list):
        return sorted(got or []) == sorted(want)
    return got == want


def _matched(got: list[dict], want: list[dict], keys: list[str]) -> int:
    used = [False] * len(got)
    matched = 0
    for w in want:
        for i, g in enumerate(got):
            if not used[i] and all(_agrees(g.get(k), w.get(k)) for k in keys):
                used[i] = True
                matched += 1
                break
    return matched


def test_everyday_news_probes_keep_their_f1() -> None:
    probes = [json.loads(line) for line in PROBES.read_text().splitlines() if line.strip()]
    tables = facts_for_texts([p["text"] for p in probes], [dt.date.fromisoformat(p["published"]) for p in probes])
    matched = gold = predicted = 0
    for i, probe in enumerate(probes):
        for table in FACT_TABLES:
            got = tables[table].filter(pl.col("doc_id") == f"d{i}").select(KEY_FIELDS[table]).to_dicts()
            want = probe["expect"].get(table, [])
            matched += _matched(got, want, KEY_FIELDS[table])
            gold += len(want)
            predicted += len(got)
    precision, recall = matched / predicted, matched / gold
    f1 = 2 * precision * recall / (precision + recall)
    assert len(probes) == 160
    assert f1 >= 0.94, (round(precision, 3), round(recall, 3), round(f1, 3))
