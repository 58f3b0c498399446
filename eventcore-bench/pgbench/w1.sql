-- W1 as the JPA store runs it (schema version 3): one deposit to a random account in the statements
-- of one executor attempt: the read of the stream, the append in one call of ec_append, the commit.
-- The read carries one more column than the store's, the version read (max over the rows), because
-- pgbench needs it as a variable where the store takes it from the rows.
-- W4 is this script with -D accounts=10 (10 hot accounts) and 16 clients.
\set a random(0, :accounts - 1)
\set cents random(1, 100)
\set c random(1, 9223372036854775806)
BEGIN;
SELECT max(stream_version) OVER () AS v, global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM ec_events WHERE stream_id = ANY (CAST(ARRAY['account-' || :a] AS text[])) ORDER BY stream_id, stream_version \aset
SELECT outcome, writer_tx, event_position, stale_stream, stale_version, newer_tx FROM ec_append('cmd-' || :client_id || '-' || :c, now(), ARRAY['account-' || :a], ARRAY[CAST(:v AS bigint)], ARRAY[gen_random_uuid()::text], ARRAY['account-' || :a], ARRAY['bench.Deposited'], ARRAY[1], ARRAY[convert_to('{"cents":' || :cents || '}', 'UTF8')], ARRAY['cmd-' || :client_id || '-' || :c], ARRAY['cmd-' || :client_id || '-' || :c], ARRAY[NULL::text], ARRAY[now()], ARRAY['{}']);
COMMIT;
