"""The Prefect flow `build_warehouse`: ingest -> extract -> validate -> load -> export.

Tasks are thin wrappers over the stage modules. Documents move in batches (settings.batch_size)
whose outputs are staged as Parquet, so memory stays bounded and a Dask task runner can spread
the batches over workers (which then need the same file system).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import shutil
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flows import prefect_env

prefect_env.configure()

import polars as pl  # noqa: E402
from prefect import flow, get_run_logger, task, unmapped  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from rich.progress import Progress  # noqa: E402

from flows import export, ingest, load  # noqa: E402
from flows.extract import Reference, extract_tables, extractor_version, load_reference  # noqa: E402
from flows.faults import crash_point  # noqa: E402
from flows.settings import Settings  # noqa: E402
from flows.validate import Suite, check_columns, load_suites, validate_checked  # noqa: E402

ROW_KEYS = {"amounts": "amount_id", **{t: "fact_id" for t in load.FACT_TABLES}}
UNVALIDATED = "_unvalidated"  # <staging>/_unvalidated/<table>/: extracted rows awaiting validation


@dataclass
class BatchOutcome:
    seen: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, path) of every document read
    files: list[dict] = field(default_factory=list)  # file_index rows of the batch's files
    files_read: int = 0
    extracted: list[str] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class RunSummary:
    run_id: str
    status: str  # published / unchanged
    version: int | None
    current_version: int | None
    n_files: int
    n_files_read: int  # files opened this run; the others were unchanged since the last run
    n_documents_read: int
    n_documents_extracted: int
    n_rejected: int
    rows: dict[str, int]
    quarantined: dict[str, int]
    rejected: list[dict]
    seconds: dict[str, float]
    warehouse: str
    exports_dir: str

    def as_dict(self) -> dict:
        return asdict(self)


@functools.lru_cache(maxsize=4)
def _reference(reference_dir: str, extractor_version: str) -> Reference:
    """Reference data, loaded once per process and extractor version (its digest covers the files)."""
    return load_reference(Path(reference_dir))


@functools.lru_cache(maxsize=4)
def _suites(expectations_dir: str) -> dict[str, Suite]:
    return load_suites(Path(expectations_dir))


def _write(frame: pl.DataFrame, folder: Path, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(folder / f"{name}.parquet")


def stage_documents(
    documents: pl.DataFrame, batch_name: str, settings: Settings, staging: Path, version: str
) -> BatchOutcome:
    """Extract one batch of documents and stage every table's rows, with their check columns,
    as Parquet for validation (`validate_staged`)."""
    outcome = BatchOutcome(extracted=documents["doc_id"].to_list())
    started = time.perf_counter()
    tables = extract_tables(documents, _reference(str(settings.reference_dir), version))
    for table, frame in tables.items():
        _write(check_columns(table, frame, documents), staging / UNVALIDATED / table, batch_name)
        crash_point("extract")
    _write(documents.with_columns(pl.lit(version).alias("extractor_version")), staging / "documents", batch_name)
    outcome.seconds["extract"] = time.perf_counter() - started
    return outcome


@task(name="validate", cache_policy=NO_CACHE)
def validate_staged(table: str, settings: Settings, staging: Path) -> dict[str, float]:
    """Run the table's GX suite over all its staged rows, `settings.validate_rows` at a time.

    Validating big chunks rather than each extraction batch pays GX's fixed cost per validation
    (about 0.1 s per expectation) a few times per run instead of once per batch. Rows that pass
    go to <staging>/<table>/, the others to <staging>/quarantine/.
    """
    started = time.perf_counter()
    suite = _suites(str(settings.expectations_dir))[table]
    passed = quarantined = 0
    files = sorted((staging / UNVALIDATED / table).glob("*.parquet"))
    pending: list[pl.DataFrame] = []
    pending_rows = chunks = 0

    def flush() -> None:
        nonlocal passed, quarantined, chunks, pending_rows
        good, bad = validate_checked(table, pl.concat(pending), suite, ROW_KEYS[table])
        _write(good, staging / table, f"chunk-{chunks:06d}")
        _write(bad, staging / "quarantine", f"{table}-{chunks:06d}")
        passed, quarantined, chunks = passed + good.height, quarantined + bad.height, chunks + 1
        pending.clear()
        pending_rows = 0

    for file in files:
        pending.append(pl.read_parquet(file))
        pending_rows += pending[-1].height
        if pending_rows >= settings.validate_rows:
            flush()
    if pending:
        flush()
    return {"rows": passed, "quarantined": quarantined, "seconds": time.perf_counter() - started}


@task(name="ingest-extract-validate", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def process_file_batch(
    paths: list[str],
    batch_no: int,
    up_to_date: pl.Series,
    settings: Settings,
    staging: Path,
    version: str,
) -> BatchOutcome:
    """Read a batch of files; extract the documents that are new or were made by another extractor."""
    started = time.perf_counter()
    result = ingest.IngestResult()
    read: list[tuple[str, os.stat_result, int]] = []
    for path in paths:
        stat = os.stat(path)  # before reading: a file changed while read is read again next run
        before = len(result.documents)
        result.extend(ingest.read_file(Path(path), settings.input_dir, settings.max_file_bytes))
        read.append((path, stat, before))
    indexed = [
        {"file": path, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "doc_id": d["doc_id"], "doc_path": d["path"]}
        for i, (path, stat, start) in enumerate(read)
        for d in result.documents[start : read[i + 1][2] if i + 1 < len(read) else len(result.documents)]
    ]
    documents, rejected = result.frames()
    ingest_seconds = time.perf_counter() - started
    todo = documents.filter(~pl.col("doc_id").is_in(up_to_date.implode()))
    outcome = (
        stage_documents(todo, f"files-{batch_no:06d}", settings, staging, version) if todo.height else BatchOutcome()
    )
    outcome.seen = list(documents.select("doc_id", "path").iter_rows())
    outcome.files = indexed
    outcome.files_read = len(read)
    outcome.rejected = rejected.to_dicts()
    outcome.seconds["ingest"] = ingest_seconds
    return outcome


@task(name="re-extract-stored", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def process_stored_batch(
    documents_file: Path, batch_no: int, settings: Settings, staging: Path, version: str
) -> BatchOutcome:
    """Re-extract documents kept in the warehouse (the extractor changed since they were read)."""
    documents = pl.read_parquet(documents_file)
    return stage_documents(documents, f"stored-{batch_no:06d}", settings, staging, version)


@task(name="read-warehouse-state", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=2)
def read_state(settings: Settings) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Current documents (doc_id, path, extractor_version) and the file index; empty for a new warehouse."""
    if not settings.warehouse.exists():
        documents = pl.DataFrame(schema={"doc_id": pl.Utf8, "path": pl.Utf8, "extractor_version": pl.Utf8})
        return documents, pl.DataFrame(schema=load.FILE_INDEX_SCHEMA)
    con = load.connect(settings.warehouse, read_only=True)
    try:
        return load.current_documents(con), load.file_index(con)
    finally:
        con.close()


@task(name="stage-stored-documents", cache_policy=NO_CACHE)
def stage_stored(doc_ids: list[str], settings: Settings, staging: Path) -> list[Path]:
    """Write the stored text of `doc_ids` to Parquet batches for re-extraction."""
    if not doc_ids:
        return []
    folder = staging / "_stored_documents"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    con = load.connect(settings.warehouse, read_only=True)
    try:
        for number, chunk in enumerate(_batches(sorted(doc_ids), settings.batch_size)):
            target = folder / f"batch-{number:06d}.parquet"
            # DuckDB writes each batch straight to Parquet: the texts never all sit in memory.
            con.execute(
                f"COPY (SELECT * EXCLUDE (extractor_version) FROM documents WHERE doc_id IN (SELECT unnest($ids)) "
                f"ORDER BY doc_id) TO '{str(target).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)",
                {"ids": chunk},
            )
            files.append(target)
    finally:
        con.close()
    return files


@task(name="publish-and-export", cache_policy=NO_CACHE)
def publish_and_export(
    request: load.PublishRequest, settings: Settings, run: dict, rejected: pl.DataFrame, files: pl.DataFrame
) -> load.PublishResult:
    """Publish one version (or nothing) in a copy of the warehouse, export it, then swap the copy in.

    The version folders are written from the copy before it replaces the warehouse, so a crash
    at any point leaves the warehouse at its previous version; latest/ follows after the swap.
    """
    with load.next_warehouse(settings.warehouse) as draft:
        con = load.connect(draft, memory_limit=settings.duckdb_memory_limit)
        try:
            export.remove_unpublished(settings.exports_dir, load.current_version(con) or 0)
            result = load.publish(con, request)
            run.update(
                status="published" if result.version else "unchanged",
                version=result.version,
                finished_at=dt.datetime.now(dt.UTC),
            )
            load.record_run(con, run, rejected)
            load.replace_file_index(con, files)
            con.execute("CHECKPOINT")
            export.export_versions(con, settings.exports_dir)
        finally:
            con.close()
    con = load.connect(settings.warehouse, read_only=True)
    try:
        export.export_all(con, settings.exports_dir)
    finally:
        con.close()
    return result


def _unchanged_files(paths: list[str], index: pl.DataFrame, up_to_date: pl.Series) -> pl.DataFrame:
    """The file index rows of the files not to read again: every document of the file is current
    and up to date, and the file has the size and modification time it had when it was read."""
    # Membership first, then the window: an imploded list literal inside `.over()` is broadcast
    # to every row by polars (quadratic memory: 24 GB for a warehouse of 100,000 documents).
    current = index.with_columns(pl.col("doc_id").is_in(up_to_date.implode()).alias("_current"))
    fresh = current.filter(pl.col("_current").all().over("file")).drop("_current")
    known = set(fresh["file"].to_list())
    stats = [(path, stat.st_size, stat.st_mtime_ns) for path in paths if path in known for stat in [os.stat(path)]]
    now = pl.DataFrame(stats, schema={"file": pl.Utf8, "_size": pl.Int64, "_mtime_ns": pl.Int64}, orient="row")
    same = (pl.col("size") == pl.col("_size")) & (pl.col("mtime_ns") == pl.col("_mtime_ns"))
    return fresh.join(now, on="file").filter(same.all().over("file")).select(index.columns)


def _gather(futures: list, what: str, logger: logging.Logger | logging.LoggerAdapter) -> list[BatchOutcome]:
    """Batch results as they finish, with a progress bar on a terminal and a log line per batch."""
    if not futures:
        return []
    done: list[BatchOutcome] = []
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        bar = progress.add_task(what, total=len(futures))
        for future in as_completed(futures):
            done.append(future.result())
            progress.advance(bar)
            logger.info("%s: %d of %d batches done.", what, len(done), len(futures))
    return done


def _fingerprint(seen: list[tuple[str, str]], rejected: list[dict]) -> str:
    digest = hashlib.sha256()
    for doc_id, path in sorted(seen):
        digest.update(f"{path}\t{doc_id}\n".encode())
    for row in sorted(rejected, key=lambda r: r["path"]):
        digest.update(f"{row['path']}\trejected\n".encode())
    return digest.hexdigest()[:16]


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# In-process, at most `threads` batches are in flight: each holds its documents and tables in
# memory, and polars already uses every core within a batch.
@flow(
    name="build_warehouse",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=Settings().threads),
)
def build_warehouse(settings: Settings | dict | None = None, prune: bool = False) -> dict:
    """Run the whole pipeline once on settings.input_dir and publish a version if anything changed.

    `settings` may be a dict of Settings fields: that is how a deployment's parameters arrive.
    """
    settings = settings if isinstance(settings, Settings) else Settings.model_validate(settings or {})
    logger = get_run_logger()
    if not settings.input_dir.is_dir():
        raise FileNotFoundError(f"input folder {settings.input_dir} does not exist")
    run_id = uuid.uuid4().hex[:12]
    started_at = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    staging_root = settings.warehouse.parent / ".staging"
    staging = staging_root / run_id
    version = extractor_version(settings.reference_dir)
    with load.warehouse_lock(settings.warehouse, settings.lock_timeout_s):
        shutil.rmtree(staging_root, ignore_errors=True)  # what a killed run left; we hold the lock
        try:
            current, index = read_state(settings)
            files, discovery_rejected, skipped = ingest.discover(settings.input_dir)
            # a Series, not a set: Prefect walks every element of a collection argument, per task
            up_to_date = current.filter(pl.col("extractor_version") == version)["doc_id"]
            logger.info(
                "Found %d article files in %s (%d other files skipped); %d documents already extracted.",
                len(files), settings.input_dir, len(skipped), len(up_to_date),
            )  # fmt: skip
            paths = [str(f) for f in files]
            unchanged = _unchanged_files(paths, index, up_to_date)
            unchanged_paths = set(unchanged["file"].to_list())
            file_batches = _batches([p for p in paths if p not in unchanged_paths], settings.batch_size)
            file_futures = process_file_batch.map(
                file_batches,
                range(len(file_batches)),
                unmapped(up_to_date),
                unmapped(settings),
                unmapped(staging),
                unmapped(version),
            )
            outcomes = _gather(file_futures, "Extracting new articles", logger)
            seen = [pair for o in outcomes for pair in o.seen] + list(
                unchanged.select("doc_id", "doc_path").iter_rows()
            )
            input_ids = {doc_id for doc_id, _ in seen}
            input_paths = {path for _, path in seen}
            stale_stored = current.filter(
                (pl.col("extractor_version") != version) & ~pl.col("doc_id").is_in(list(input_ids))
            )
            if not prune:
                stale_stored = stale_stored.filter(~pl.col("path").is_in(list(input_paths)))
            stored_files = stage_stored(stale_stored["doc_id"].to_list(), settings, staging)
            stored_futures = process_stored_batch.map(
                stored_files, range(len(stored_files)), unmapped(settings), unmapped(staging), unmapped(version)
            )
            outcomes += _gather(stored_futures, "Re-extracting stored articles", logger)
            validated = dict(
                zip(
                    ROW_KEYS,
                    validate_staged.map(list(ROW_KEYS), unmapped(settings), unmapped(staging)).result(),
                    strict=True,
                )
            )
            replaced = current.filter(
                ~pl.col("doc_id").is_in(list(input_ids)) & pl.col("path").is_in(list(input_paths))
            )
            pruned = current.filter(~pl.col("doc_id").is_in(list(input_ids))) if prune else current.clear()
            scope = sorted({d for o in outcomes for d in o.extracted} | set(replaced["doc_id"]) | set(pruned["doc_id"]))
            rejected = [row for o in outcomes for row in o.rejected] + discovery_rejected
            request = load.PublishRequest(
                staging_dir=staging,
                scope_doc_ids=scope,
                extractor_version=version,
                input_fingerprint=_fingerprint(seen, rejected),
                flow_run_id=str(flow_run.get_id()) if flow_run.get_id() else None,
            )
            run = {
                "run_id": run_id,
                "flow_run_id": request.flow_run_id,
                "started_at": started_at,
                "n_files": len(files),
                "n_documents_read": len(seen),
                "n_documents_extracted": sum(len(o.extracted) for o in outcomes),
                "n_rejected": len(rejected),
            }
            file_index_rows = pl.concat(
                [pl.DataFrame([row for o in outcomes for row in o.files], schema=load.FILE_INDEX_SCHEMA), unchanged]
            )
            result = publish_and_export(
                request, settings, run, pl.DataFrame(rejected, schema=ingest.REJECTED_SCHEMA), file_index_rows
            )
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    seconds: dict[str, float] = {}
    for outcome in outcomes:
        for stage, value in outcome.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    seconds["validate"] = sum(v["seconds"] for v in validated.values())
    seconds["total"] = time.perf_counter() - clock
    summary = RunSummary(
        run_id=run_id,
        status="published" if result.version else "unchanged",
        version=result.version,
        current_version=result.current_version,
        n_files=len(files),
        n_files_read=sum(o.files_read for o in outcomes),
        n_documents_read=len(seen),
        n_documents_extracted=run["n_documents_extracted"],
        n_rejected=len(rejected),
        rows=result.row_counts,
        quarantined={t: int(v["quarantined"]) for t, v in validated.items()},
        rejected=rejected,
        seconds={k: round(v, 3) for k, v in seconds.items()},
        warehouse=str(settings.warehouse),
        exports_dir=str(settings.exports_dir),
    )
    create_markdown_artifact(
        markdown=summary_markdown(summary), key="build-warehouse-summary", description="tradefacts run summary"
    )
    logger.info("%s", one_line(summary))
    return summary.as_dict()


def one_line(summary: RunSummary) -> str:
    what = (
        f"published version {summary.version}"
        if summary.version
        else f"nothing changed (current version {summary.current_version})"
    )
    return (
        f"Read {summary.n_documents_read} documents from {summary.n_files} files "
        f"({summary.n_documents_extracted} extracted, {summary.n_rejected} rejected); {what}."
    )


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        f"# tradefacts run {summary.run_id}",
        "",
        one_line(summary),
        "",
        "| table | rows (current) | quarantined this run |",
        "|---|---|---|",
    ]
    lines += [f"| {t} | {n} | {summary.quarantined.get(t, 0)} |" for t, n in summary.rows.items()]
    if summary.rejected:
        lines += ["", "## Rejected inputs", "", "| path | reason |", "|---|---|"]
        lines += [f"| {r['path']} | {r['reason']} |" for r in summary.rejected]
    lines += ["", "## Seconds per stage", "", "| stage | seconds |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary.seconds.items()]
    return "\n".join(lines)
