"""Score extracted fact tables against a gold file (docs/gold-format.md). Pure: no I/O but
`load_gold`.

A predicted row matches an unmatched gold row of the same article and table when all key
fields agree: numbers within 1 % relative, NULL only with NULL, a bilateral flow's two
countries in either order, `parties_iso3` as a set. Precision, recall and F1 per table and
micro-averaged; the other contract fields of matched pairs give attribute accuracy.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.facts.schema import FACT_TABLES, KEY_FIELDS, TABLE_COLUMNS

_LIST_FIELDS = {"parties_iso3", "signatories", "topics"}
_REL_TOL = 0.01


@dataclass(frozen=True)
class Score:
    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    tables: dict[str, Score]
    micro: Score
    # gold rows no prediction matched, and predicted rows no gold row matched (with evidence)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    # table -> field -> (agreeing matched pairs, matched pairs)
    attributes: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)


def load_gold(path: Path | str) -> list[dict]:
    """Gold rows of a JSON Lines file; `//` comment lines and blank lines are skipped."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("//"):
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{number}: not valid JSON ({err.msg})") from err
        if "doc" not in row or "table" not in row:
            raise ValueError(f"{path}:{number}: a gold row needs 'doc' and 'table'")
        if row["table"] is not None and row["table"] not in FACT_TABLES:
            raise ValueError(f"{path}:{number}: unknown table {row['table']!r}")
        rows.append(row)
    return rows


def gold_doc(row: dict) -> str:
    """The document path a gold row refers to: "<file>#<line>" for an article of a .jsonl file."""
    return f"{row['doc']}#{row['line']}" if row.get("line") is not None else str(row["doc"])


def _norm(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def values_agree(a: object, b: object, *, as_set: bool = False) -> bool:
    """Equality for scoring: numbers within 1 % relative, NULL only with NULL, lists as sets
    when `as_set` (an empty list counts as NULL), strings ignoring case and outer space."""
    a, b = _norm(a), _norm(b)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)) or as_set:
        left = {str(x).strip().lower() for x in (a or [])}
        right = {str(x).strip().lower() for x in (b or [])}
        return left == right
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) <= _REL_TOL * max(abs(a), abs(b))
    return str(a).lower() == str(b).lower()


def keys_agree(table: str, predicted: dict, gold: dict) -> bool:
    keys = KEY_FIELDS[table]
    if table == "trade_flows" and predicted.get("flow") == "bilateral" == gold.get("flow"):
        pair = (predicted.get("reporter_iso3"), predicted.get("partner_iso3"))
        gold_pair = (gold.get("reporter_iso3"), gold.get("partner_iso3"))
        same = values_agree(pair[0], gold_pair[0]) and values_agree(pair[1], gold_pair[1])
        swapped = values_agree(pair[0], gold_pair[1]) and values_agree(pair[1], gold_pair[0])
        rest = [k for k in keys if k not in ("reporter_iso3", "partner_iso3")]
        return (same or swapped) and all(values_agree(predicted.get(k), gold.get(k)) for k in rest)
    return all(values_agree(predicted.get(k), gold.get(k), as_set=k in _LIST_FIELDS) for k in keys)


def _attribute_fields(table: str) -> list[str]:
    return [c for c in TABLE_COLUMNS[table] if c not in KEY_FIELDS[table]]


def _attribute_hits(table: str, predicted: dict, gold: dict) -> int:
    return sum(values_agree(predicted.get(f), gold.get(f), as_set=f in _LIST_FIELDS) for f in _attribute_fields(table))


def score(predicted: dict[str, pl.DataFrame], doc_paths: dict[str, str], gold: list[dict]) -> EvalReport:
    """Compare predicted fact tables (doc_id keyed) with gold rows (path keyed).

    `doc_paths` maps doc_id -> document path relative to the input folder ("<file>#<N>" for
    line N of a .jsonl file). Every predicted row counts, whether or not its article has gold.
    """
    tables: dict[str, Score] = {}
    misses: list[dict] = []
    extras: list[dict] = []
    attributes: dict[str, dict[str, tuple[int, int]]] = {}
    for table in FACT_TABLES:
        frame = predicted.get(table)
        rows = frame.to_dicts() if frame is not None else []
        for row in rows:
            row["doc"] = doc_paths.get(row.get("doc_id"), row.get("doc_id"))
        gold_rows = [g for g in gold if g.get("table") == table]
        used = [False] * len(gold_rows)
        agree = dict.fromkeys(_attribute_fields(table), 0)
        matched = 0
        for row in rows:
            candidates = [
                i for i, g in enumerate(gold_rows)
                if not used[i] and gold_doc(g) == row["doc"] and keys_agree(table, row, g)
            ]  # fmt: skip
            if not candidates:
                extras.append({"table": table, **{k: v for k, v in row.items() if k != "doc_id"}})
                continue
            best = max(candidates, key=lambda i: _attribute_hits(table, row, gold_rows[i]))
            used[best] = True
            matched += 1
            for f in agree:
                agree[f] += values_agree(row.get(f), gold_rows[best].get(f), as_set=f in _LIST_FIELDS)
        misses += [g for i, g in enumerate(gold_rows) if not used[i]]
        tables[table] = Score(matched, len(rows), len(gold_rows))
        attributes[table] = {f: (n, matched) for f, n in agree.items()}
    micro = Score(
        sum(s.matched for s in tables.values()),
        sum(s.predicted for s in tables.values()),
        sum(s.gold for s in tables.values()),
    )
    return EvalReport(tables=tables, micro=micro, misses=misses, extras=extras, attributes=attributes)


def _fmt_value(value: object) -> str:
    value = _norm(value)
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return "NULL" if value is None else str(value)


def _fmt_fact(table: str, row: dict) -> str:
    keys = ", ".join(f"{k}={_fmt_value(row.get(k))}" for k in KEY_FIELDS[table])
    return f"{gold_doc(row) if 'line' in row else row.get('doc')}: {keys}"


def format_report(report: EvalReport) -> str:
    """Plain-text report: scores per table and overall, then misses, extras and attribute accuracy."""
    lines = [f"{'table':<16}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for table, s in [*report.tables.items(), ("micro", report.micro)]:
        lines.append(
            f"{table:<16}{s.gold:>6}{s.predicted:>6}{s.matched:>7}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    lines += ["", f"Misses (gold rows not found): {len(report.misses)}"]
    lines += [f"  [{m['table']}] {_fmt_fact(m['table'], m)}" for m in report.misses]
    lines += ["", f"Extras (extracted rows not in gold): {len(report.extras)}"]
    for e in report.extras:
        lines.append(f"  [{e['table']}] {_fmt_fact(e['table'], e)}")
        if e.get("evidence"):
            lines.append(f"      evidence: {e['evidence']}")
    lines += ["", "Attribute accuracy on matched rows:"]
    for table, fields in report.attributes.items():
        parts = [f"{f} {n}/{total}" for f, (n, total) in fields.items() if total]
        if parts:
            lines.append(f"  {table}: " + ", ".join(parts))
    return "\n".join(lines)
