-- W1 with EventCore's guarantees in plain SQL: the minimal W1, plus the stream's advisory lock, the
-- command id inserted (a second run of the command fails on its key), and the event's global
-- position from the sequence and the transaction's id; a stale version rolls back (the command id
-- with it). Still one read and one write statement.
\set a random(0, :accounts - 1)
\set cents random(1, 100)
BEGIN;
SELECT version AS v, event_id, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM gb_events WHERE stream_id = 'account-' || :a ORDER BY version \aset
WITH locked AS (SELECT pg_advisory_xact_lock(hashtextextended('account-' || :a, 0))), cmd AS (INSERT INTO gb_commands SELECT gen_random_uuid()::text, now() FROM locked RETURNING command_id), moved AS (UPDATE gb_streams SET version = version + 1 WHERE stream_id = 'account-' || :a AND version = :v AND EXISTS (SELECT 1 FROM cmd) RETURNING stream_id, version), ins AS (INSERT INTO gb_events SELECT nextval('gb_position_seq'), cast(cast(pg_current_xact_id() AS text) AS bigint), stream_id, version, gen_random_uuid()::text, 'bench.Deposited', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), (SELECT command_id FROM cmd), (SELECT command_id FROM cmd), NULL, now(), '{}' FROM moved RETURNING 1) SELECT count(*) AS n FROM ins \gset
\if :n = 1
COMMIT;
\else
ROLLBACK;
\endif
