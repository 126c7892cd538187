-- Which barriers hit Chinese goods now, and how high?
SELECT imposer_iso3, measure, product, rate_pct, n_sources
FROM tariffs_in_force
WHERE target_iso3 = 'CHN'
ORDER BY rate_pct DESC NULLS LAST, imposer_iso3;
