-- Every amount of a billion dollars or more, with the sentence it came from.
SELECT d.path, a.text, a.value_usd / 1e9 AS value_usd_bn, a.evidence
FROM amounts a JOIN documents d USING (doc_id)
WHERE a.value_usd >= 1e9
ORDER BY a.value_usd DESC;
