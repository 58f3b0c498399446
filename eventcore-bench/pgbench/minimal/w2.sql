-- W2, minimal: a transfer between two accounts in one transaction. One read of both streams (the
-- window aggregates hand the client both versions read); one statement that moves both versions,
-- the lower stream id first, and inserts both events; commit only if both moved, else roll back.
\set x random(0, :accounts - 1)
\set d random(1, :accounts - 1)
\set y (:x + :d) % :accounts
\set lo least(:x, :y)
\set hi greatest(:x, :y)
\set cents random(1, 100)
BEGIN;
SELECT max(version) FILTER (WHERE stream_id = 'account-' || :lo) OVER () AS vlo, max(version) FILTER (WHERE stream_id = 'account-' || :hi) OVER () AS vhi, stream_id, version, event_id, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM mb_events WHERE stream_id IN ('account-' || :lo, 'account-' || :hi) ORDER BY stream_id, version \aset
WITH m1 AS (UPDATE mb_streams SET version = version + 1 WHERE stream_id = 'account-' || :lo AND version = :vlo RETURNING stream_id, version), m2 AS (UPDATE mb_streams SET version = version + 1 WHERE stream_id = 'account-' || :hi AND version = :vhi RETURNING stream_id, version), ins AS (INSERT INTO mb_events SELECT stream_id, version, gen_random_uuid()::text, 'bench.Transferred', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), 'c', 'c', NULL, now(), '{}' FROM (SELECT * FROM m1 UNION ALL SELECT * FROM m2) m RETURNING 1) SELECT count(*) AS n FROM ins \gset
\if :n = 2
COMMIT;
\else
ROLLBACK;
\endif
