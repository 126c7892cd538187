"""Load: publish a run's staged rows into the versioned DuckDB warehouse, atomically.

A run stages Parquet files per table for the documents it (re-)extracted. Publishing replaces,
for those documents only (the run's *scope*), the current rows by the staged ones, inside one
DuckDB transaction: rows that are new get `valid_from = v`, current rows that are gone get
`valid_to = v`. When nothing differs the transaction is rolled back and no version is made.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from flows.faults import crash_point
from flows.settings import Settings

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
FACT_TABLES = ("trade_flows", "trade_measures", "financing", "aviation_deals", "agreements")
# Versioned tables and the column that identifies a row within one version.
VERSIONED_KEYS = {
    "documents": ("doc_id",),
    "amounts": ("amount_id",),
    **{table: ("fact_id",) for table in FACT_TABLES},
    "quarantine": ("table_name", "row_key", "expectation"),
}
_BOOKKEEPING = ("row_hash", "valid_from", "valid_to")


@dataclass(frozen=True)
class PublishRequest:
    staging_dir: Path  # <staging_dir>/<table>/*.parquet
    scope_doc_ids: list[str]  # documents whose rows are replaced by the staged ones
    extractor_version: str
    input_fingerprint: str
    flow_run_id: str | None


@dataclass(frozen=True)
class PublishResult:
    version: int | None  # None: nothing changed, no version made
    current_version: int | None
    rows_added: int
    rows_retired: int
    row_counts: dict[str, int]


class WarehouseBusy(Exception):
    """Another run holds the warehouse lock for longer than this run is willing to wait."""


@contextlib.contextmanager
def warehouse_lock(warehouse: Path, timeout_s: float) -> Iterator[None]:
    """Hold `<warehouse>.lock` for a whole run, so two runs never interleave their versions."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise WarehouseBusy(
                        f"another tradefacts run (pid {holder}) is writing {warehouse}; waited {timeout_s:.0f} s, try again later"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def next_warehouse(warehouse: Path) -> Iterator[Path]:
    """A private copy of the warehouse to write; it replaces the warehouse only if the block succeeds.

    Readers keep reading the file they opened (the old version) and the next reader opens the
    new one: nobody sees a half-published version, and a crash leaves the old file untouched.
    DuckDB locks a file against other processes while it is open for writing, so writing a copy
    is also what lets analysts keep a read-only connection open while the scheduler publishes.
    """
    draft = warehouse.with_name(f".{warehouse.name}.next")
    for leftover in (draft, draft.with_name(draft.name + ".wal")):
        leftover.unlink(missing_ok=True)
    if warehouse.exists():
        shutil.copyfile(warehouse, draft)
    try:
        yield draft
    except BaseException:
        draft.unlink(missing_ok=True)
        raise
    os.replace(draft, warehouse)
    directory = os.open(warehouse.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def connect(
    warehouse: Path,
    *,
    read_only: bool = False,
    memory_limit: str = Settings.model_fields["duckdb_memory_limit"].default,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a writable connection also creates or upgrades the schema."""
    if read_only:
        return duckdb.connect(str(warehouse), read_only=True)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    # DuckDB's default memory limit is 80 % of RAM; a publish at 100k documents then grew the
    # run past 2.5 GiB. With a limit it spills to a temp folder beside the warehouse instead.
    con = duckdb.connect(
        str(warehouse),
        config={"memory_limit": memory_limit, "temp_directory": str(warehouse.parent / ".duckdb_tmp")},
    )
    con.execute((SQL_DIR / "schema.sql").read_text())
    con.execute((SQL_DIR / "column_comments.sql").read_text())
    views = (SQL_DIR / "versioned_views.sql").read_text()
    diff = (SQL_DIR / "versioned_diff.sql").read_text()
    for table, key in VERSIONED_KEYS.items():
        con.execute(views.replace("{table}", table))
        con.execute(diff.replace("{table}", table).replace("{key}", f"concat_ws('|', {', '.join(key)})"))
    con.execute((SQL_DIR / "quarantine_view.sql").read_text())
    con.execute((SQL_DIR / "analyst_views.sql").read_text())
    return con


def data_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [f"{table}_history"],
    ).fetchall()
    return [name for (name,) in rows if name not in _BOOKKEEPING]


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    return con.execute("SELECT max(version) FROM versions").fetchone()[0]


def query_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """A query's result as a polars DataFrame (through Arrow, no copy of the data)."""
    return pl.from_arrow(con.sql(sql, params=params).to_arrow_table())


def current_documents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """doc_id, path and extractor_version of every current document."""
    return query_frame(con, "SELECT doc_id, path, extractor_version FROM documents")


FILE_INDEX_SCHEMA = {"file": pl.Utf8, "size": pl.Int64, "mtime_ns": pl.Int64, "doc_id": pl.Utf8, "doc_path": pl.Utf8}


def file_index(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return query_frame(con, "SELECT file, size, mtime_ns, doc_id, doc_path FROM file_index").cast(FILE_INDEX_SCHEMA)


def replace_file_index(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> None:
    con.execute("DELETE FROM file_index")
    if not rows.is_empty():
        con.register("file_index_rows", rows.to_arrow())
        con.execute("INSERT INTO file_index BY NAME SELECT * FROM file_index_rows")
        con.unregister("file_index_rows")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _stage(con: duckdb.DuckDBPyConnection, table: str, folder: Path) -> None:
    """Temp table staged_<table>: the run's rows with their content hash."""
    columns = data_columns(con, table)
    con.execute(f"CREATE OR REPLACE TEMP TABLE staged_{table} AS SELECT * FROM {table}_history LIMIT 0")
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if files:
        listed = ", ".join(f"'{str(f).replace(chr(39), chr(39) * 2)}'" for f in files)
        source = f"read_parquet([{listed}], union_by_name = true)"
        present = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        # A column the batch lacks is NULL; a column the table lacks is an error (BY NAME). The
        # hash is computed while inserting: an UPDATE afterwards held the table twice in memory.
        fields = ", ".join(f"{_quote(c)} := {_quote(c) if c in present else 'NULL'}" for c in columns)
        con.execute(
            f"INSERT INTO staged_{table} BY NAME SELECT *, md5(to_json(struct_pack({fields}))) AS row_hash, "
            f"0 AS valid_from FROM {source}"
        )


def publish(con: duckdb.DuckDBPyConnection, request: PublishRequest) -> PublishResult:
    """Publish the staged rows as one new version, or nothing when no row differs."""
    before = current_version(con)
    version = (before or 0) + 1
    added = retired = 0
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE scope AS SELECT unnest(?::VARCHAR[]) AS doc_id", [request.scope_doc_ids]
        )
        for table, key in VERSIONED_KEYS.items():
            _stage(con, table, request.staging_dir / table)
            match = " AND ".join(f"c.{_quote(k)} = n.{_quote(k)}" for k in key)
            added += con.execute(
                f"INSERT INTO {table}_history BY NAME "
                f"SELECT n.* REPLACE ({version} AS valid_from) FROM staged_{table} n "
                f"WHERE NOT EXISTS (SELECT 1 FROM {table}_history c WHERE c.valid_to IS NULL "
                f"AND {match} AND c.row_hash = n.row_hash)"
            ).fetchone()[0]
            retired += con.execute(
                f"UPDATE {table}_history c SET valid_to = {version} "
                f"WHERE c.valid_to IS NULL AND c.valid_from < {version} "
                f"AND c.doc_id IN (SELECT doc_id FROM scope) "
                f"AND NOT EXISTS (SELECT 1 FROM staged_{table} n WHERE {match} AND c.row_hash = n.row_hash)"
            ).fetchone()[0]
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in VERSIONED_KEYS}
        if added == 0 and retired == 0:
            con.execute("ROLLBACK")
            return PublishResult(None, before, 0, 0, counts)
        con.execute(
            "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                version,
                dt.datetime.now(dt.UTC),
                counts["documents"],
                counts["amounts"],
                *(counts[t] for t in FACT_TABLES),
                counts["quarantine"],
                "quarantined" if counts["quarantine"] else "passed",
                added,
                retired,
                request.extractor_version,
                request.input_fingerprint,
                request.flow_run_id,
            ],
        )
        crash_point("load")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return PublishResult(version, version, added, retired, counts)


def record_run(con: duckdb.DuckDBPyConnection, run: dict, rejected: pl.DataFrame) -> None:
    """The run's outcome and its rejected inputs, for people to look up."""
    con.execute(
        "INSERT INTO runs BY NAME SELECT * FROM (SELECT ?::VARCHAR AS run_id, ?::VARCHAR AS flow_run_id, "
        "?::TIMESTAMPTZ AS started_at, ?::TIMESTAMPTZ AS finished_at, ?::VARCHAR AS status, ?::INTEGER AS version, "
        "?::INTEGER AS n_files, ?::INTEGER AS n_documents_read, ?::INTEGER AS n_documents_extracted, "
        "?::INTEGER AS n_rejected, ?::VARCHAR AS message)",
        [
            run["run_id"], run.get("flow_run_id"), run["started_at"], run["finished_at"], run["status"],
            run.get("version"), run.get("n_files"), run.get("n_documents_read"),
            run.get("n_documents_extracted"), run.get("n_rejected"), run.get("message"),
        ],
    )  # fmt: skip
    if not rejected.is_empty():
        log = rejected.select(
            pl.lit(run["run_id"]).alias("run_id"),
            "path",
            "reason",
            "n_bytes",
            pl.lit(run["finished_at"]).alias("recorded_at"),
        )
        con.register("rejected_batch", log.to_arrow())
        con.execute("INSERT INTO rejected_inputs_log BY NAME SELECT * FROM rejected_batch")
        con.unregister("rejected_batch")
