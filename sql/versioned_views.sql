-- Applied once per versioned table, with {table} replaced by its name.
-- `{table}` shows the current version; `{table}_as_of(v)` the rows of version v.
CREATE OR REPLACE VIEW {table} AS
SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM {table}_history WHERE valid_to IS NULL;

CREATE OR REPLACE MACRO {table}_as_of(v) AS TABLE
SELECT * EXCLUDE (row_hash, valid_from, valid_to) FROM {table}_history
WHERE valid_from <= v AND (valid_to IS NULL OR valid_to > v);
