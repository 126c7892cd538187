"""Where extraction time goes: every polars query (`collect`) timed by the line of flows/ that ran it.

    python bench/profile_extract.py [--corpus bench/out/corpus-10000] [--docs 2000] [--batch-size 500]
                                    [--ascii-word-boundary] [--top 25]

cProfile sees one opaque `collect` per polars query; this attributes each query's wall time to
the flows/ line that triggered it (an eager DataFrame method is a `collect` too), so a slow
regex shows up by name. It also splits the time into a fixed cost per batch and a cost per
document by timing one batch of `--batch-size` and one of `--docs` documents.

`--ascii-word-boundary` rewrites `\\b` to `(?-u:\\b)` in every regex given to polars' string
functions (a what-if for a change in flows/; nothing in flows/ is edited) and checks that the
tables come out identical.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402
import polars.expr.string as pl_string  # noqa: E402
from polars.lazyframe.frame import LazyFrame  # noqa: E402

from flows import ingest  # noqa: E402
from flows.extract import extract_tables, load_reference  # noqa: E402
from flows.settings import Settings  # noqa: E402

FLOWS = str(ROOT / "flows")
REGEX_METHODS = ("contains", "extract", "extract_all", "replace", "replace_all", "count_matches", "extract_groups")


class CollectTimer:
    """Wraps LazyFrame.collect and _collect_eager (behind every eager DataFrame method); wall
    seconds per flows/ call site."""

    METHODS = ("collect", "_collect_eager")

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._originals = {name: getattr(LazyFrame, name) for name in self.METHODS}
        self._depth = 0

    def _site(self) -> str:
        frame = sys._getframe(3)
        while frame is not None:
            if frame.f_code.co_filename.startswith(FLOWS):
                rel = Path(frame.f_code.co_filename).relative_to(ROOT)
                return f"{rel}:{frame.f_lineno} {frame.f_code.co_name}"
            frame = frame.f_back
        return "(outside flows/)"

    def install(self) -> None:
        timer = self

        def wrap(original):
            def collect(lf, *args, **kwargs):
                if timer._depth:  # a query inside a query (map_elements, collect -> _collect_eager): once
                    return original(lf, *args, **kwargs)
                site = timer._site()
                timer._depth += 1
                started = time.perf_counter()
                try:
                    return original(lf, *args, **kwargs)
                finally:
                    timer._depth -= 1
                    timer.seconds[site] += time.perf_counter() - started
                    timer.calls[site] += 1

            return collect

        for name, original in self._originals.items():
            setattr(LazyFrame, name, wrap(original))

    def uninstall(self) -> None:
        for name, original in self._originals.items():
            setattr(LazyFrame, name, original)

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


def ascii_word_boundaries() -> None:
    """What-if: `\\b` -> `(?-u:\\b)` in every non-literal pattern passed to polars' str functions."""
    for name in REGEX_METHODS:
        method = getattr(pl_string.ExprStringNameSpace, name)

        def patched(self, pattern, *args, _method=method, **kwargs):
            if isinstance(pattern, str) and not kwargs.get("literal"):
                pattern = pattern.replace(r"\b", r"(?-u:\b)")
            return _method(self, pattern, *args, **kwargs)

        setattr(pl_string.ExprStringNameSpace, name, patched)


def read_documents(folder: Path, limit: int) -> pl.DataFrame:
    files, _, _ = ingest.discover(folder)
    result = ingest.IngestResult()
    for path in files:
        result.extend(ingest.read_file(path, folder, 1 << 30))
        if len(result.documents) >= limit:
            break
    return result.frames()[0].head(limit)


def run_batches(documents: pl.DataFrame, reference: object, batch_size: int) -> tuple[float, dict[str, pl.DataFrame]]:
    started = time.perf_counter()
    parts: dict[str, list[pl.DataFrame]] = defaultdict(list)
    for start in range(0, documents.height, batch_size):
        for table, frame in extract_tables(documents.slice(start, batch_size), reference).items():
            parts[table].append(frame)
    return time.perf_counter() - started, {t: pl.concat(f) for t, f in parts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BENCH / "out" / "corpus-10000")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--ascii-word-boundary", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    documents = read_documents(args.corpus, args.docs)
    mb = documents.select(pl.col("text").str.len_bytes().sum()).item() / 1e6
    reference = load_reference(Settings().reference_dir)
    extract_tables(documents.head(5), reference)  # warm-up: imports, lazy module state
    baseline = None
    if args.ascii_word_boundary:
        baseline = run_batches(documents, reference, args.batch_size)
        ascii_word_boundaries()

    timer = CollectTimer()
    timer.install()
    one_batch = time.perf_counter()
    extract_tables(documents.head(args.batch_size), reference)
    one_batch = time.perf_counter() - one_batch
    timer.reset()
    total, tables = run_batches(documents, reference, args.batch_size)
    timer.uninstall()
    single, _ = run_batches(documents, reference, documents.height)

    n_batches = -(-documents.height // args.batch_size)
    # t(n_batches) = n_batches * fixed + variable; t(1 batch of everything) = fixed + variable
    fixed = (total - single) / (n_batches - 1) if n_batches > 1 else None
    print(f"{documents.height} documents, {mb:.1f} MB of text, batch size {args.batch_size} ({n_batches} batches)")
    print(
        f"  extract in batches: {total:.2f} s = {mb / total:.2f} MB/s; as one batch: {single:.2f} s = {mb / single:.2f} MB/s"
    )
    if fixed is not None:
        variable = single - fixed
        print(
            f"  fixed cost per batch ≈ {fixed:.2f} s; per document ≈ {variable / documents.height * 1000:.2f} ms "
            f"(asymptote {mb / variable:.1f} MB/s); one batch of {args.batch_size} alone: {one_batch:.2f} s"
        )
    if baseline is not None:
        same = all(baseline[1][t].equals(tables[t]) for t in tables)
        print(
            f"  with (?-u:\\b): {total:.2f} s vs {baseline[0]:.2f} s as written "
            f"({baseline[0] / total:.1f}x faster); identical tables: {same}"
        )
    timed = sum(timer.seconds.values())
    print(f"\npolars queries, by flows/ line ({timed:.2f} s of {total:.2f} s in batches):")
    print(f"{'seconds':>8} {'share':>6} {'calls':>6}  site")
    for site, seconds in sorted(timer.seconds.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{seconds:8.2f} {seconds / total:6.1%} {timer.calls[site]:6d}  {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
