-- Applied once per versioned table, with {table} and {key} (the row key expression) replaced.
-- `{table}_diff(a, b)`: the rows added, removed and changed from version a to version b, each
-- with its key, document, and the row before and after as JSON.
CREATE OR REPLACE MACRO {table}_diff(a, b) AS TABLE
WITH
    before AS (
        SELECT {key} AS row_key, doc_id, to_json(r) AS row_json
        FROM (SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM {table}_history
              WHERE valid_from <= a AND (valid_to IS NULL OR valid_to > a)) r
    ),
    after AS (
        SELECT {key} AS row_key, doc_id, to_json(r) AS row_json
        FROM (SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM {table}_history
              WHERE valid_from <= b AND (valid_to IS NULL OR valid_to > b)) r
    )
SELECT
    '{table}' AS table_name,
    CASE WHEN before.row_key IS NULL THEN 'added' WHEN after.row_key IS NULL THEN 'removed' ELSE 'changed' END AS change,
    coalesce(after.row_key, before.row_key) AS row_key,
    coalesce(after.doc_id, before.doc_id) AS doc_id,
    before.row_json AS before,
    after.row_json AS after
FROM before FULL OUTER JOIN after ON before.row_key = after.row_key
WHERE before.row_json IS DISTINCT FROM after.row_json
ORDER BY change, row_key;
