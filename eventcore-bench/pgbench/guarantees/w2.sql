-- W2 with EventCore's guarantees in plain SQL: the minimal W2, plus both streams' advisory locks
-- in key order, the command id inserted, global positions from the sequence and the transaction's
-- id; commit only if both versions moved.
\set x random(0, :accounts - 1)
\set d random(1, :accounts - 1)
\set y (:x + :d) % :accounts
\set lo least(:x, :y)
\set hi greatest(:x, :y)
\set cents random(1, 100)
BEGIN;
SELECT max(version) FILTER (WHERE stream_id = 'account-' || :lo) OVER () AS vlo, max(version) FILTER (WHERE stream_id = 'account-' || :hi) OVER () AS vhi, stream_id, version, event_id, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM gb_events WHERE stream_id IN ('account-' || :lo, 'account-' || :hi) ORDER BY stream_id, version \aset
WITH locked AS (SELECT count(pg_advisory_xact_lock(k)) AS n FROM (SELECT hashtextextended(s, 0) AS k FROM (VALUES ('account-' || :lo), ('account-' || :hi)) v(s) ORDER BY k) l), cmd AS (INSERT INTO gb_commands SELECT gen_random_uuid()::text, now() FROM locked RETURNING command_id), m1 AS (UPDATE gb_streams SET version = version + 1 WHERE stream_id = 'account-' || :lo AND version = :vlo AND EXISTS (SELECT 1 FROM cmd) RETURNING stream_id, version), m2 AS (UPDATE gb_streams SET version = version + 1 WHERE stream_id = 'account-' || :hi AND version = :vhi AND EXISTS (SELECT 1 FROM cmd) RETURNING stream_id, version), ins AS (INSERT INTO gb_events SELECT nextval('gb_position_seq'), cast(cast(pg_current_xact_id() AS text) AS bigint), stream_id, version, gen_random_uuid()::text, 'bench.Transferred', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), (SELECT command_id FROM cmd), (SELECT command_id FROM cmd), NULL, now(), '{}' FROM (SELECT * FROM m1 UNION ALL SELECT * FROM m2) m RETURNING 1) SELECT count(*) AS n FROM ins \gset
\if :n = 2
COMMIT;
\else
ROLLBACK;
\endif
