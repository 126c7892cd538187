"""What-if for the benchmark, not for production: every DuckDB connection gets a memory limit.

    bench/run.py --variant "duckdb1g:PYTHONPATH=$PWD/bench/whatif/duckdb_memory_limit,BENCH_DUCKDB_MEMORY_LIMIT=1GB"

Python imports `sitecustomize` from PYTHONPATH at start-up; this one wraps `duckdb.connect` so
that `SET memory_limit` runs on each new connection (DuckDB's default is 80% of RAM, so a publish
keeps whatever it stages in memory). It measures the effect of the one-line change recommended
for `flows/load.connect` without editing flows/.
"""

import os

_LIMIT = os.environ.get("BENCH_DUCKDB_MEMORY_LIMIT")

if _LIMIT:
    import duckdb

    _connect = duckdb.connect

    def _limited_connect(*args, **kwargs):
        con = _connect(*args, **kwargs)
        con.execute(f"SET memory_limit = '{_LIMIT}'")
        return con

    duckdb.connect = _limited_connect
