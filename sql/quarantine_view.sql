-- Facts that failed validation, with the version that recorded them; never in the fact tables.
CREATE OR REPLACE VIEW quarantine AS
SELECT valid_from AS version, table_name, row_key, doc_id, expectation, column_name, expectation_kwargs, row_json
FROM quarantine_history WHERE valid_to IS NULL;
