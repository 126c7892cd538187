-- Measures announced, threatened or paused but not (yet) in force, with when they would start.
SELECT imposer_iso3, target_iso3, measure, rate_pct, status, effective_date, duration_days
FROM trade_measures
WHERE status IN ('announced', 'threatened', 'paused', 'proposed') OR measure = 'tariff_pause'
ORDER BY imposer_iso3, measure, rate_pct;
