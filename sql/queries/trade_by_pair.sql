-- Trade values between two economies, by year and direction.
SELECT country_a, country_b, year, flow, reporter_iso3, value_usd / 1e9 AS value_usd_bn, qualifiers, n_sources
FROM bilateral_trade_by_pair_year
ORDER BY country_a, country_b, year, flow;
