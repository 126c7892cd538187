-- tradefacts warehouse schema. Every published table keeps its full history in
-- <table>_history: a row is current from version `valid_from` until the version `valid_to`
-- that retired it (NULL while current). Plain-name views and <table>_as_of(v) macros are
-- created from versioned_views.sql for each of them.

CREATE TABLE IF NOT EXISTS versions (
    version            INTEGER PRIMARY KEY,
    created_at         TIMESTAMPTZ NOT NULL,
    n_documents        INTEGER NOT NULL,
    n_amounts          INTEGER NOT NULL,
    n_trade_flows      INTEGER NOT NULL,
    n_trade_measures   INTEGER NOT NULL,
    n_financing        INTEGER NOT NULL,
    n_aviation_deals   INTEGER NOT NULL,
    n_agreements       INTEGER NOT NULL,
    n_quarantined      INTEGER NOT NULL,
    validation         VARCHAR NOT NULL CHECK (validation IN ('passed', 'quarantined', 'failed')),
    rows_added         INTEGER NOT NULL,
    rows_retired       INTEGER NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    input_fingerprint  VARCHAR NOT NULL,
    flow_run_id        VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    status             VARCHAR NOT NULL,  -- published / unchanged / failed
    version            INTEGER,
    n_files            INTEGER,
    n_documents_read   INTEGER,
    n_documents_extracted INTEGER,
    n_rejected         INTEGER,
    message            VARCHAR
);

CREATE TABLE IF NOT EXISTS rejected_inputs_log (
    run_id       VARCHAR NOT NULL,
    path         VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    n_bytes      BIGINT,
    recorded_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS documents_history (
    doc_id VARCHAR NOT NULL, path VARCHAR, title VARCHAR, published DATE, published_source VARCHAR,
    n_chars INTEGER, source VARCHAR, url VARCHAR, format VARCHAR, text VARCHAR, extractor_version VARCHAR,
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS amounts_history (
    amount_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    kind VARCHAR, value DOUBLE, currency VARCHAR, value_usd DOUBLE, value_usd_source VARCHAR,
    sent_id INTEGER, evidence VARCHAR,
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS trade_flows_history (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, evidence VARCHAR,
    reporter_iso3 VARCHAR, partner_iso3 VARCHAR, flow VARCHAR, value_usd DOUBLE, value_original DOUBLE,
    currency VARCHAR, qualifier VARCHAR, period_start DATE, period_end DATE, product VARCHAR,
    period_text VARCHAR,  -- the phrase the period was read from
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS trade_measures_history (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, evidence VARCHAR,
    imposer_iso3 VARCHAR, target_iso3 VARCHAR, measure VARCHAR, rate_pct DOUBLE, product VARCHAR,
    status VARCHAR, effective_date DATE, duration_days INTEGER,
    effective_text VARCHAR,  -- the phrase the effective date was read from
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS financing_history (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, evidence VARCHAR,
    lender_iso3 VARCHAR, lender VARCHAR, borrower_iso3 VARCHAR, instrument VARCHAR, amount_usd DOUBLE,
    amount_original DOUBLE, currency VARCHAR, sector VARCHAR, project VARCHAR, status VARCHAR,
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS aviation_deals_history (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, evidence VARCHAR,
    customer VARCHAR, customer_iso3 VARCHAR, manufacturer VARCHAR, model VARCHAR, model_as_written VARCHAR,
    quantity INTEGER, deal VARCHAR, counterparty VARCHAR, status VARCHAR,
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS agreements_history (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, char_start INTEGER, char_end INTEGER, evidence VARCHAR,
    parties_iso3 VARCHAR[], count INTEGER, count_qualifier VARCHAR, kind VARCHAR, signatories VARCHAR[],
    topics VARCHAR[],
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

CREATE TABLE IF NOT EXISTS quarantine_history (
    table_name VARCHAR NOT NULL, row_key VARCHAR NOT NULL, doc_id VARCHAR, expectation VARCHAR NOT NULL,
    column_name VARCHAR, expectation_kwargs VARCHAR, row_json VARCHAR,
    row_hash VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER
);

-- The rejections of the most recent run that recorded any: what a person should fix.
CREATE OR REPLACE VIEW rejected_inputs AS
SELECT path, reason, n_bytes, run_id, recorded_at
FROM rejected_inputs_log
WHERE run_id = (SELECT run_id FROM runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1);

-- Which documents each input file held when last read, so that a run reads only new or
-- changed files (same size and modification time: not read again). Not versioned.
CREATE TABLE IF NOT EXISTS file_index (
    file      VARCHAR NOT NULL,  -- absolute path
    size      BIGINT NOT NULL,
    mtime_ns  BIGINT NOT NULL,
    doc_id    VARCHAR NOT NULL,
    doc_path  VARCHAR NOT NULL
);
