#!/usr/bin/env bash
# Cost of an incremental run: add 10 new articles to a warehouse already holding N documents.
# Usage: bench/incremental.sh N   (needs bench/out/corpus-N from `python bench/corpus.py`)
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1
corpus=bench/out/corpus-$n
out=bench/out/incremental-$n
rm -rf "$out" && mkdir -p "$out/new"
tf() { .venv/bin/tradefacts run --input "$corpus" --warehouse "$out/w.duckdb" --exports "$out/x" "$@"; }
start=$(date +%s.%N); /usr/bin/time -v -o "$out/initial.time" .venv/bin/tradefacts run --input "$corpus" --warehouse "$out/w.duckdb" --exports "$out/x" > "$out/initial.log"; end=$(date +%s.%N)
echo "initial run, $n documents: $(echo "$end - $start" | bc) s, peak RSS of the run's process $(awk -F': ' '/Maximum resident/ {printf "%.0f MiB", $2/1024}' "$out/initial.time")"
start=$(date +%s.%N); tf > "$out/unchanged.log"; end=$(date +%s.%N)
echo "re-run, nothing new: $(echo "$end - $start" | bc) s ($(head -1 "$out/unchanged.log"))"
for i in $(seq 1 10); do
  printf -- "---\npublished: 2025-06-%02d\n---\nVietnam and Laos signed %d agreements; Hanoi will lend US\$%d million for a railway.\n" "$i" "$i" "$((i * 10))" > "$corpus/zz-incremental-$i.md"
done
start=$(date +%s.%N); tf > "$out/plus10.log"; end=$(date +%s.%N)
rm -f "$corpus"/zz-incremental-*.md
echo "run adding 10 articles: $(echo "$end - $start" | bc) s ($(head -1 "$out/plus10.log"))"
