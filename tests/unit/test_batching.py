"""Facts must not depend on how documents are batched: a document gets the same rows whether it
is extracted with 1,500 others or with 500 (the flow's batch size is a setting, and Dask
workers see different batches). Polars parallelises sorts on large frames, so this needs a
corpus big enough for that: the benchmark's corpus builder makes one."""

from __future__ import annotations

import sys

import polars as pl

from flows import ingest
from flows.extract import extract_tables, load_reference
from flows.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
import corpus


def test_the_same_documents_give_the_same_rows_in_any_batching(tmp_path):
    corpus.build(1500, tmp_path / "c", seed=7)
    files, _, _ = ingest.discover(tmp_path / "c")
    read = ingest.IngestResult()
    for path in files:
        read.extend(ingest.read_file(path, tmp_path / "c", 10**8))
    documents, _ = read.frames()
    reference = load_reference(PROJECT_ROOT / "seeds" / "reference")
    whole = extract_tables(documents, reference)
    parts = [extract_tables(documents.slice(start, 500), reference) for start in range(0, documents.height, 500)]
    for table, frame in whole.items():
        batched = pl.concat([p[table] for p in parts], how="vertical_relaxed")
        key = "amount_id" if table == "amounts" else "fact_id"
        assert frame.height > 100, table
        assert sorted(frame[key].to_list()) == sorted(batched[key].to_list()), table
