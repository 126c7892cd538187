"""`tradefacts` command line: run the flow, and look at what it published."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from flows import prefect_env
from flows.settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    return Settings().with_overrides(
        input_dir=getattr(args, "input", None),
        warehouse=getattr(args, "warehouse", None),
        exports_dir=getattr(args, "exports", None),
        batch_size=getattr(args, "batch_size", None),
        threads=getattr(args, "threads", None),
        workers=getattr(args, "workers", None),
        dask_address=getattr(args, "dask_address", None),
    )


def _flow_for(settings: Settings):
    from flows.pipeline import build_warehouse

    if settings.dask_address or settings.workers:
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            runner = DaskTaskRunner(address=settings.dask_address)
        else:
            # one polars thread per worker process: the workers are the parallelism (polars' own
            # threads over many small steps gain little, and N workers x N threads oversubscribe)
            runner = DaskTaskRunner(
                cluster_kwargs={
                    "n_workers": settings.workers,
                    "threads_per_worker": 1,
                    "processes": True,
                    "env": {"POLARS_MAX_THREADS": "1"},
                }
            )
        return build_warehouse.with_options(task_runner=runner)
    from prefect.task_runners import ThreadPoolTaskRunner

    return build_warehouse.with_options(task_runner=ThreadPoolTaskRunner(max_workers=settings.threads))


def print_summary(summary: dict) -> None:
    from flows.pipeline import RunSummary, one_line

    run = RunSummary(**summary)
    print(one_line(run))
    print(f"{'table':<16}{'rows':>8}{'quarantined':>14}")
    for table, count in run.rows.items():
        print(f"{table:<16}{count:>8}{run.quarantined.get(table, 0):>14}")
    for row in run.rejected[:10]:
        print(f"rejected: {row['path']}: {row['reason']}")
    if len(run.rejected) > 10:
        print(f'... and {len(run.rejected) - 10} more: tradefacts sql "FROM rejected_inputs"')
    print(f'Warehouse: {run.warehouse}  (try: .venv/bin/tradefacts sql "FROM trade_measures")')
    print(f"Parquet:   {run.exports_dir}/latest/")


def _run_flow(settings: Settings, **parameters: object) -> dict:
    """Run build_warehouse once; Prefect's ephemeral server starts while the pipeline is imported."""
    server = prefect_env.start_ephemeral_server()
    flow = _flow_for(settings)
    if server is not None:
        server.wait_ready()
    return flow(settings=settings, **parameters)


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    summary = _run_flow(settings, prune=args.prune)
    print_summary(summary)
    return 0


def _read_only(settings: Settings):
    import duckdb

    if not settings.warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {settings.warehouse}: run `tradefacts run` first")
    return duckdb.connect(str(settings.warehouse), read_only=True)


def _show(con, sql: str, params: list | None = None, *, rows: int = 10_000) -> None:  # noqa: ANN001
    relation = con.sql(sql, params=params)
    relation.show(max_width=max(shutil.get_terminal_size().columns, 400), max_rows=rows)


def cmd_sql(args: argparse.Namespace) -> int:
    """A read-only query against the warehouse, printed as a table."""
    with _read_only(_settings(args)) as con:
        _show(con, args.query)
    return 0


def cmd_versions(args: argparse.Namespace) -> int:
    with _read_only(_settings(args)) as con:
        _show(
            con,
            "SELECT version, created_at, validation, n_documents, n_amounts, n_trade_flows, n_trade_measures, "
            "n_financing, n_aviation_deals, n_agreements, n_quarantined, rows_added, rows_retired, extractor_version "
            "FROM versions ORDER BY version",
        )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """What changed between two versions: a count per table and change, then the rows."""
    from flows.load import VERSIONED_KEYS

    tables = [args.table] if args.table else list(VERSIONED_KEYS)
    union = " UNION ALL ".join(f"FROM {t}_diff($a, $b)" for t in tables)
    with _read_only(_settings(args)) as con:
        known = {v for (v,) in con.execute("SELECT version FROM versions").fetchall()}
        missing = [v for v in (args.a, args.b) if v not in known]
        if missing:
            raise ValueError(
                f"no version {missing[0]} in {args.warehouse or 'the warehouse'} (versions: {sorted(known)})"
            )
        params = {"a": args.a, "b": args.b}
        _show(con, f"SELECT table_name, change, count(*) AS n FROM ({union}) GROUP BY ALL ORDER BY ALL", params)
        _show(
            con,
            f"SELECT table_name, change, row_key, before, after FROM ({union}) ORDER BY ALL",
            params,
            rows=args.limit,
        )
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Run the flow on a folder into a scratch warehouse and score its facts against a gold file."""
    import json
    import tempfile

    from flows.evaluate import format_report, load_gold, score
    from flows.load import FACT_TABLES, query_frame

    gold = load_gold(args.gold)
    with tempfile.TemporaryDirectory(prefix="tradefacts-evaluate-") as scratch:
        settings = _settings(args).with_overrides(
            warehouse=Path(scratch) / "evaluate.duckdb", exports_dir=Path(scratch) / "exports"
        )
        _run_flow(settings)
        with _read_only(settings) as con:
            predicted = {table: query_frame(con, f"FROM {table}") for table in FACT_TABLES}
            doc_paths = dict(con.execute("SELECT doc_id, path FROM documents").fetchall())
    report = score(predicted, doc_paths, gold)
    print(format_report(report))
    if args.json:
        scores = {t: {"gold": s.gold, "predicted": s.predicted, "matched": s.matched, "precision": s.precision,
                      "recall": s.recall, "f1": s.f1} for t, s in [*report.tables.items(), ("micro", report.micro)]}  # fmt: skip
        args.json.write_text(json.dumps(scores, indent=2))
    if args.min_f1 is not None and report.micro.f1 < args.min_f1:
        print(f"tradefacts: micro-F1 {report.micro.f1:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the flow as a Prefect deployment that runs on a schedule until interrupted."""
    settings = _settings(args)
    schedule = {"cron": args.cron} if args.cron else {"interval": args.interval}
    with prefect_env.api_server() as api:
        flow = _flow_for(settings)
        print(
            f"Serving build_warehouse ({args.cron or f'every {args.interval:g} s'}) on {api}: {settings.input_dir} -> {settings.warehouse}",
            flush=True,
        )
        flow.serve(
            name=args.name,
            parameters={"settings": settings.model_dump(mode="json"), "prune": args.prune},
            print_starting_message=False,
            limit=1,  # one run at a time: a late run waits instead of competing for the warehouse lock
            **schedule,
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tradefacts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    flow_options = argparse.ArgumentParser(add_help=False)
    flow_options.add_argument("--input", type=Path, help="folder of articles, read recursively (default: seeds/)")
    flow_options.add_argument("--warehouse", type=Path, help="DuckDB file (default: warehouse/tradefacts.duckdb)")
    flow_options.add_argument("--exports", type=Path, help="Parquet exports folder (default: warehouse/exports)")
    flow_options.add_argument("--batch-size", type=int, help="documents per batch")
    flow_options.add_argument("--threads", type=int, help="batches extracted at once in-process (default 2)")
    flow_options.add_argument("--workers", type=int, help="start a local Dask cluster with N worker processes")
    flow_options.add_argument("--dask-address", help="use an existing Dask scheduler, e.g. tcp://host:8786")
    flow_options.add_argument("--prune", action="store_true", help="retire documents no longer in the input folder")
    run = sub.add_parser("run", parents=[flow_options], help="run the whole flow once and publish if anything changed")
    run.set_defaults(handler=cmd_run)

    serve = sub.add_parser(
        "serve", parents=[flow_options], help="serve the flow as a scheduled Prefect deployment (Ctrl-C stops)"
    )
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "0 * * * *" for every hour')
    when.add_argument("--interval", type=float, help="seconds between runs")
    serve.add_argument("--name", default="tradefacts", help="deployment name (default: tradefacts)")
    serve.set_defaults(handler=cmd_serve)

    sql = sub.add_parser("sql", help="run a read-only SQL query against the warehouse and print a table")
    sql.add_argument("query")
    sql.set_defaults(handler=cmd_sql)

    versions = sub.add_parser("versions", help="list the published versions")
    versions.set_defaults(handler=cmd_versions)

    diff = sub.add_parser("diff", help="facts added, removed and changed between versions A and B")
    diff.add_argument("a", type=int)
    diff.add_argument("b", type=int)
    diff.add_argument("--table", help="only this table")
    diff.add_argument("--limit", type=int, default=200, help="rows to print at most (default 200)")
    diff.set_defaults(handler=cmd_diff)

    evaluate = sub.add_parser("evaluate", help="precision, recall and F1 of the fact tables against a gold file")
    evaluate.add_argument("--gold", type=Path, required=True, help="gold facts, JSON Lines (docs/gold-format.md)")
    evaluate.add_argument("--input", type=Path, help="folder of the gold's articles (default: seeds/)")
    evaluate.add_argument("--json", type=Path, help="also write the scores as JSON to this file")
    evaluate.add_argument("--min-f1", type=float, help="exit 1 when micro-F1 is below this")
    evaluate.set_defaults(handler=cmd_evaluate)

    for command in (sql, versions, diff):
        command.add_argument("--warehouse", type=Path, help="DuckDB file (default: warehouse/tradefacts.duckdb)")
    return parser


def main(argv: list[str] | None = None) -> int:
    prefect_env.configure()
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("tradefacts: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # the contract: one line with the reason, non-zero exit
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        print(f"tradefacts: error: {reason}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
