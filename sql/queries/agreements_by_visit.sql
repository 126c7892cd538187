-- Signings per state visit (one article's report), with parties and topics.
SELECT published, parties_iso3, documents_counted, has_vague_counts, kinds, topics
FROM agreements_per_visit
ORDER BY published, doc_id;
