"""Which files an incremental run may skip: only files whose every document is current and up to
date and whose size and modification time are unchanged. The check runs on the whole file index
on every run, so its memory must grow with the index, not with its square."""

from __future__ import annotations

import os

import polars as pl
import psutil

from flows.load import FILE_INDEX_SCHEMA
from flows.pipeline import _unchanged_files


def _index(files: list) -> pl.DataFrame:
    rows = []
    for n, path in enumerate(files):
        stat = os.stat(path)
        rows += [(str(path), stat.st_size, stat.st_mtime_ns, f"doc-{n}-{k}", f"{path}#{k}") for k in range(2)]
    return pl.DataFrame(rows, schema=FILE_INDEX_SCHEMA, orient="row")


def test_only_files_with_every_document_current_and_the_same_stat_are_skipped(tmp_path):
    files = [tmp_path / f"a{n}.jsonl" for n in range(4)]
    for path in files:
        path.write_text('{"text": "x"}\n{"text": "y"}\n')
    index = _index(files)
    files[1].write_text('{"text": "changed, longer"}\n{"text": "y"}\n')  # size differs
    up_to_date = index.filter(pl.col("doc_id") != "doc-2-1")["doc_id"]  # one stale document in file 2
    skipped = _unchanged_files([str(f) for f in files], index, up_to_date)
    assert sorted(set(skipped["file"])) == [str(files[0]), str(files[3])]
    assert skipped.height == 4 and skipped.columns == index.columns


def test_the_check_on_a_large_index_stays_within_linear_memory(tmp_path):
    files = [tmp_path / f"{n}.md" for n in range(5_000)]
    for path in files:
        path.write_text("x")
    index = _index(files)  # 10,000 documents: a quadratic check would hold 10,000 x 10,000 ids
    before = psutil.Process().memory_info().rss
    skipped = _unchanged_files([str(f) for f in files], index, index["doc_id"])
    grown_mib = (psutil.Process().memory_info().rss - before) / 2**20
    assert skipped.height == index.height
    assert grown_mib < 200
