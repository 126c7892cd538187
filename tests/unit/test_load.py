"""Publishing versions into a real DuckDB file."""

import polars as pl

from flows import load
from flows.ingest import DOCUMENT_SCHEMA


def _stage(folder, docs: list[tuple[str, str]], amounts: list[tuple[str, str, float]]):
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    (folder / "amounts").mkdir(parents=True, exist_ok=True)
    pl.DataFrame(
        [{"doc_id": d, "path": p, "text": "t", "n_chars": 1, "published_source": "none"} for d, p in docs],
        schema=DOCUMENT_SCHEMA,
    ).with_columns(pl.lit("x1").alias("extractor_version")).write_parquet(folder / "documents" / "b.parquet")
    pl.DataFrame(
        [{"amount_id": a, "doc_id": d, "kind": "percent", "value": v, "text": "1%"} for a, d, v in amounts]
    ).write_parquet(folder / "amounts" / "b.parquet")


def _publish(con, folder, scope):
    return load.publish(con, load.PublishRequest(folder, scope, "x1", "fp", None))


def test_versions_history_and_as_of(tmp_path):
    con = load.connect(tmp_path / "w.duckdb")
    _stage(tmp_path / "s1", [("d1", "a.md")], [("d1:0:2", "d1", 1.0), ("d1:5:7", "d1", 2.0)])
    first = _publish(con, tmp_path / "s1", ["d1"])
    assert first.version == 1 and first.rows_added == 3

    assert _publish(con, tmp_path / "s1", ["d1"]).version is None  # identical: no version

    _stage(
        tmp_path / "s2",
        [("d1", "a.md"), ("d2", "b.md")],
        [("d1:0:2", "d1", 1.0), ("d1:5:7", "d1", 9.0), ("d2:0:2", "d2", 3.0)],
    )
    second = _publish(con, tmp_path / "s2", ["d1", "d2"])
    assert (second.version, second.rows_added, second.rows_retired) == (2, 3, 1)

    current = con.execute("SELECT amount_id, value FROM amounts ORDER BY amount_id").fetchall()
    assert current == [("d1:0:2", 1.0), ("d1:5:7", 9.0), ("d2:0:2", 3.0)]
    old = con.execute("SELECT amount_id, value FROM amounts_as_of(1) ORDER BY amount_id").fetchall()
    assert old == [("d1:0:2", 1.0), ("d1:5:7", 2.0)]
    assert con.execute(
        "SELECT version, n_documents, n_amounts, validation FROM versions ORDER BY version"
    ).fetchall() == [
        (1, 1, 2, "passed"),
        (2, 2, 3, "passed"),
    ]


def test_documents_outside_the_scope_are_kept(tmp_path):
    con = load.connect(tmp_path / "w.duckdb")
    _stage(tmp_path / "s1", [("d1", "a.md"), ("d2", "b.md")], [("d1:0:2", "d1", 1.0), ("d2:0:2", "d2", 2.0)])
    _publish(con, tmp_path / "s1", ["d1", "d2"])
    _stage(tmp_path / "s2", [("d3", "c.md")], [("d3:0:2", "d3", 3.0)])
    assert _publish(con, tmp_path / "s2", ["d3"]).version == 2
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_a_failed_publish_leaves_the_previous_version(tmp_path):
    con = load.connect(tmp_path / "w.duckdb")
    _stage(tmp_path / "s1", [("d1", "a.md")], [("d1:0:2", "d1", 1.0)])
    _publish(con, tmp_path / "s1", ["d1"])
    (tmp_path / "s2" / "amounts").mkdir(parents=True)
    (tmp_path / "s2" / "amounts" / "b.parquet").write_bytes(b"not parquet")
    try:
        _publish(con, tmp_path / "s2", ["d1"])
    except Exception:
        pass
    else:
        raise AssertionError("a broken staging file must fail the publish")
    assert load.current_version(con) == 1
    assert con.execute("SELECT count(*) FROM amounts").fetchone()[0] == 1
