-- The facts the latest version added, removed or changed (trade measures; same macro per table).
SELECT change, row_key, before, after
FROM trade_measures_diff((SELECT max(version) - 1 FROM versions), (SELECT max(version) FROM versions))
ORDER BY change, row_key;
