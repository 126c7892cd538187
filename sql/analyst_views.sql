-- Views for the questions analysts ask. All read the current version; for an earlier one,
-- run the same SELECT over <table>_as_of(v).

-- Trade values by country pair and year (either direction), with how many articles report them.
CREATE OR REPLACE VIEW bilateral_trade_by_pair_year AS
SELECT
    least(reporter_iso3, partner_iso3) AS country_a,
    greatest(reporter_iso3, partner_iso3) AS country_b,
    year(period_start) AS year,
    flow,
    CASE WHEN flow = 'bilateral' THEN NULL ELSE reporter_iso3 END AS reporter_iso3,
    max(value_usd) AS value_usd,
    list(DISTINCT qualifier ORDER BY qualifier) AS qualifiers,
    count(DISTINCT doc_id) AS n_sources,
    list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
FROM trade_flows
WHERE partner_iso3 IS NOT NULL
GROUP BY ALL;

-- Tariffs and other barriers currently in force, by imposer and target.
CREATE OR REPLACE VIEW tariffs_in_force AS
SELECT
    imposer_iso3,
    target_iso3,
    measure,
    product,
    max(rate_pct) AS rate_pct,
    min(effective_date) AS effective_date,
    count(DISTINCT doc_id) AS n_sources,
    any_value(evidence) AS example_evidence
FROM trade_measures
WHERE status = 'in_force' AND measure <> 'tariff_pause'
GROUP BY ALL;

-- Financing by lender, borrower and sector: disclosed totals and how many deals had no amount.
CREATE OR REPLACE VIEW financing_by_lender_borrower_sector AS
SELECT
    lender_iso3,
    list(DISTINCT lender ORDER BY lender) FILTER (WHERE lender IS NOT NULL) AS lenders,
    borrower_iso3,
    sector,
    instrument,
    count(*) AS n_facts,
    sum(amount_usd) AS disclosed_usd,
    count(*) FILTER (WHERE amount_usd IS NULL) AS n_undisclosed,
    count(DISTINCT doc_id) AS n_sources
FROM financing
GROUP BY lender_iso3, borrower_iso3, sector, instrument;

-- Aircraft deals by manufacturer and customer.
CREATE OR REPLACE VIEW aircraft_deals_by_manufacturer_customer AS
SELECT
    manufacturer,
    coalesce(customer, customer_iso3) AS customer,
    customer_iso3,
    deal,
    model,
    sum(quantity) AS aircraft,
    count(*) AS n_facts,
    list(DISTINCT status ORDER BY status) AS statuses,
    count(DISTINCT doc_id) AS n_sources
FROM aviation_deals
GROUP BY ALL;

-- Agreements per state visit: the signings an article reports, with its date and parties.
CREATE OR REPLACE VIEW agreements_per_visit AS
SELECT
    a.doc_id,
    d.published,
    d.title,
    list_sort(list_distinct(flatten(list(a.parties_iso3)))) AS parties_iso3,
    sum(a.count) FILTER (WHERE a.count_qualifier = 'exact' AND a.kind <> 'committee') AS documents_counted,
    bool_or(a.count IS NULL OR a.count_qualifier <> 'exact') AS has_vague_counts,
    list(DISTINCT a.kind ORDER BY a.kind) AS kinds,
    list_sort(list_distinct(flatten(list(a.topics)))) AS topics,
    list_sort(list_distinct(flatten(list(a.signatories)))) AS signatories
FROM agreements a JOIN documents d USING (doc_id)
GROUP BY a.doc_id, d.published, d.title;

-- The same fact reported by several articles: grouped by its key fields (without the figure),
-- with the number of sources, which documents, the figures they give and whether they conflict.
CREATE OR REPLACE VIEW facts_across_sources AS
WITH keyed AS (
    SELECT 'trade_flows' AS table_name, fact_id, doc_id,
           concat_ws('|', reporter_iso3, partner_iso3, flow, coalesce(product, '*'), year(period_start)) AS fact_key,
           value_usd AS figure, qualifier AS figure_qualifier
    FROM trade_flows
    UNION ALL
    SELECT 'trade_measures', fact_id, doc_id,
           concat_ws('|', imposer_iso3, coalesce(target_iso3, '*'), measure, coalesce(product, '*')),
           rate_pct, status
    FROM trade_measures
    UNION ALL
    SELECT 'financing', fact_id, doc_id,
           concat_ws('|', coalesce(lender_iso3, lender, '*'), borrower_iso3, instrument, coalesce(sector, '*')),
           amount_usd, status
    FROM financing
    UNION ALL
    SELECT 'aviation_deals', fact_id, doc_id,
           concat_ws('|', manufacturer, coalesce(model, '*'), coalesce(customer, customer_iso3, '*'), deal),
           quantity, status
    FROM aviation_deals
    UNION ALL
    SELECT 'agreements', fact_id, doc_id,
           concat_ws('|', array_to_string(parties_iso3, ','), kind),
           count, count_qualifier
    FROM agreements
)
SELECT
    table_name,
    fact_key,
    count(DISTINCT doc_id) AS n_sources,
    list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
    list(DISTINCT figure ORDER BY figure) FILTER (WHERE figure IS NOT NULL) AS figures,
    list(DISTINCT figure_qualifier ORDER BY figure_qualifier) AS qualifiers,
    -- conflict: sources give different figures, or one gives a figure another leaves vague
    count(DISTINCT figure) > 1 OR (count(DISTINCT figure) = 1 AND bool_or(figure IS NULL)) AS conflict,
    list(fact_id ORDER BY fact_id) AS fact_ids
FROM keyed
GROUP BY table_name, fact_key;
