"""Extraction quality on every labelled corpus: runs `tradefacts evaluate` (the real flow, into a
scratch warehouse) once per split and prints one Markdown table of F1 per table and micro-F1.

    python bench/quality.py [--splits seeds,dev,...,holdout4] [--jobs 2] [--json FILE]

Tuning splits and untuned (holdout) splits are listed apart: only the holdouts measure how the
extractor does on articles it was not tuned on. Nothing here prints a holdout's misses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("trade_flows", "trade_measures", "financing", "aviation_deals", "agreements")


def splits() -> list[str]:
    """seeds, then every split that has both a corpus folder and a gold file."""
    names = sorted(
        p.stem for p in (ROOT / "tests" / "gold").glob("*.jsonl") if (ROOT / "tests/corpus" / p.stem).is_dir()
    )
    return ["seeds", *sorted(names, key=lambda n: (n.startswith("holdout"), n))]


def evaluate(split: str) -> dict:
    """Scores of one split, from `tradefacts evaluate --json`."""
    corpus = ROOT / "seeds" if split == "seeds" else ROOT / "tests" / "corpus" / split
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "scores.json"
        command = [sys.executable, "-m", "flows.cli", "evaluate", "--gold", str(ROOT / "tests/gold" / f"{split}.jsonl")]
        done = subprocess.run(
            [*command, "--input", str(corpus), "--json", str(out)], capture_output=True, text=True, cwd=ROOT
        )
        if done.returncode != 0:
            raise SystemExit(f"evaluate failed on {split}:\n{done.stderr[-2000:]}")
        return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--splits", help="comma-separated split names (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="splits evaluated at once")
    parser.add_argument("--json", type=Path, help="also write every split's scores to this file")
    args = parser.parse_args(argv)
    names = args.splits.split(",") if args.splits else splits()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        scores = dict(zip(names, pool.map(evaluate, names), strict=True))
    header = "| split | facts | " + " | ".join(TABLES) + " | micro-F1 |"
    print(header)
    print("|" + "---|" * (len(TABLES) + 3))
    for name, score in scores.items():
        cells = [f"{score[t]['f1']:.3f}" if score[t]["gold"] else "–" for t in TABLES]
        label = f"{name} (untuned)" if name.startswith("holdout") else name
        print(f"| {label} | {score['micro']['gold']} | " + " | ".join(cells) + f" | {score['micro']['f1']:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
