-- Facts that several articles report with different figures: worth a second look.
SELECT table_name, fact_key, n_sources, figures, qualifiers
FROM facts_across_sources
WHERE n_sources > 1 AND conflict
ORDER BY table_name, fact_key;
