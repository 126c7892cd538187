"""Export: Parquet files for BI tools, per version and `latest/`, never seen half-written.

Each file is written under a hidden temporary name in its final folder and then renamed into
place (an atomic rename on one file system); readers skip hidden files. A version folder is
renamed into place only once all its files are written. Exporting is idempotent: a version
whose folder is missing (say the process died right after publishing) is written by the next
run.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb

from flows.faults import crash_point

EXPORTED_TABLES = (
    "documents",
    "amounts",
    "trade_flows",
    "trade_measures",
    "financing",
    "aviation_deals",
    "agreements",
)


def column_descriptions(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, dict[str, str]]:
    """Type and description of each exported column of `table` (from the COMMENTs in sql/)."""
    rows = con.execute(
        "SELECT column_name, data_type, coalesce(comment, '') FROM duckdb_columns() "
        "WHERE table_name = ? AND column_name NOT IN ('row_hash', 'valid_from', 'valid_to') ORDER BY column_index",
        [f"{table}_history"],
    ).fetchall()
    return {name: {"type": data_type, "description": comment} for name, data_type, comment in rows}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, table: str | None = None) -> None:
    """COPY a query to Parquet (with the table's column descriptions as key-value metadata)."""
    tmp = target.with_name(f".{target.name}.tmp")
    # Row groups of 16k rows: the writer buffers one row group, and 122,880 documents' texts
    # (DuckDB's default) are ~330 MB, more than the publish's memory limit.
    options = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384"
    if table:
        pairs = {"tradefacts.table": table} | {
            f"tradefacts.column.{name}": info["description"] for name, info in column_descriptions(con, table).items()
        }
        options += ", KV_METADATA {" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in pairs.items()) + "}"
    # The query has no ORDER BY, so its order means nothing; letting DuckDB write rows in any
    # order lets it stream the COPY instead of buffering a whole table (300k documents ran out of
    # a 512 MB limit otherwise).
    con.execute("SET preserve_insertion_order = false")
    try:
        con.execute(f"COPY ({query}) TO '{_sql_path(tmp)}' ({options})")
    finally:
        con.execute("RESET preserve_insertion_order")
    crash_point("export")
    os.replace(tmp, target)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export_version(con: duckdb.DuckDBPyConnection, exports_dir: Path, version: int) -> list[Path]:
    """Write <table>/version=<v>/part-0.parquet for every exported table (skips existing ones)."""
    written = []
    for table in EXPORTED_TABLES:
        final = exports_dir / table / f"version={version}"
        if final.is_dir():
            continue
        staging = exports_dir / table / f".version={version}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        _copy(con, f"SELECT * FROM {table}_as_of({version})", staging / "part-0.parquet", table)
        os.rename(staging, final)
        written.append(final)
    return written


def write_data_dictionary(con: duckdb.DuckDBPyConnection, exports_dir: Path) -> Path:
    """exports/data_dictionary.json: every exported table's columns, types and descriptions."""
    target = exports_dir / "data_dictionary.json"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(json.dumps({t: column_descriptions(con, t) for t in EXPORTED_TABLES}, indent=1))
    os.replace(tmp, target)
    return target


def export_latest(con: duckdb.DuckDBPyConnection, exports_dir: Path, version: int) -> list[Path]:
    """Replace latest/<table>.parquet with the rows of `version`, one atomic rename per file.

    Readers that opened the previous file keep reading it: a rename never changes an open file,
    and the version folders are never written again."""
    latest = exports_dir / "latest"
    latest.mkdir(parents=True, exist_ok=True)
    targets = []
    for table in EXPORTED_TABLES:
        target = latest / f"{table}.parquet"
        written = exports_dir / table / f"version={version}" / "part-0.parquet"
        try:
            # the version's file holds exactly these rows: a hard link instead of a second write
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.unlink(missing_ok=True)
            os.link(written, tmp)
            os.replace(tmp, target)
        except OSError:  # no version file, or a file system without hard links
            _copy(con, f"SELECT * FROM {table}_as_of({version})", target, table)
        targets.append(target)
    _copy(con, f"SELECT * FROM versions WHERE version <= {version}", latest / "versions.parquet")
    return targets


def remove_unpublished(exports_dir: Path, published: int) -> None:
    """Remove the version folders above `published`: a killed run may have written some of
    them for a version that was never published, and the next version gets that number."""
    for folder in exports_dir.glob("*/version=*"):
        if int(folder.name.split("=", 1)[1]) > published:
            shutil.rmtree(folder)


def export_versions(con: duckdb.DuckDBPyConnection, exports_dir: Path) -> int | None:
    """Write the folders of every version that lacks one; returns the newest version.

    Folders of versions the warehouse does not have (written by a run that was killed before
    its version was published) are removed first, so they cannot pass for another version.
    """
    versions = [v for (v,) in con.execute("SELECT version FROM versions ORDER BY version").fetchall()]
    remove_unpublished(exports_dir, versions[-1] if versions else 0)
    for version in versions:
        export_version(con, exports_dir, version)
    return versions[-1] if versions else None


def export_all(con: duckdb.DuckDBPyConnection, exports_dir: Path) -> int | None:
    """Bring the version folders and latest/ up to the warehouse's current version."""
    newest = export_versions(con, exports_dir)
    if newest is None:
        return None
    write_data_dictionary(con, exports_dir)
    marker = exports_dir / "latest" / ".version"
    if not marker.is_file() or marker.read_text().strip() != str(newest):
        export_latest(con, exports_dir, newest)
        tmp = marker.with_name(".version.tmp")
        tmp.write_text(str(newest))
        os.replace(tmp, marker)
    return newest
