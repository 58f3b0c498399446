-- W2 as the JPA store runs it (schema version 3): a transfer between two random accounts, one
-- transaction over both streams: the read of both, the append of both events in one call of
-- ec_append (which locks both streams in key order), the commit. The read carries the versions read
-- as two more columns (pgbench needs them as variables; the store takes them from the rows).
\set x random(0, :accounts - 1)
\set d random(1, :accounts - 1)
\set y (:x + :d) % :accounts
\set cents random(1, 100)
\set c random(1, 9223372036854775806)
BEGIN;
SELECT coalesce(max(stream_version) FILTER (WHERE stream_id = 'account-' || :x) OVER (), 0) AS vx, coalesce(max(stream_version) FILTER (WHERE stream_id = 'account-' || :y) OVER (), 0) AS vy, global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM ec_events WHERE stream_id = ANY (CAST(ARRAY['account-' || :x, 'account-' || :y] AS text[])) ORDER BY stream_id, stream_version \aset
SELECT outcome, writer_tx, event_position, stale_stream, stale_version, newer_tx FROM ec_append('cmd-' || :client_id || '-' || :c, now(), ARRAY['account-' || :x, 'account-' || :y], ARRAY[CAST(:vx AS bigint), CAST(:vy AS bigint)], ARRAY[gen_random_uuid()::text, gen_random_uuid()::text], ARRAY['account-' || :x, 'account-' || :y], ARRAY['bench.Withdrawn', 'bench.Deposited'], ARRAY[1, 1], ARRAY[convert_to('{"cents":' || :cents || '}', 'UTF8'), convert_to('{"cents":' || :cents || '}', 'UTF8')], ARRAY['cmd-' || :client_id || '-' || :c, 'cmd-' || :client_id || '-' || :c], ARRAY['cmd-' || :client_id || '-' || :c, 'cmd-' || :client_id || '-' || :c], ARRAY[NULL::text, NULL::text], ARRAY[now(), now()], ARRAY['{}', '{}']);
COMMIT;
