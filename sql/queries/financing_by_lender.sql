-- Who lends to whom, for what, and how much was disclosed.
SELECT lender_iso3, borrower_iso3, sector, instrument, n_facts, disclosed_usd / 1e9 AS disclosed_usd_bn, n_undisclosed
FROM financing_by_lender_borrower_sector
ORDER BY disclosed_usd DESC NULLS LAST, lender_iso3, borrower_iso3;
