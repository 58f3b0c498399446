-- The pgbench side's data, after EventCore's schema scripts: 10,000 accounts with 10 events each,
-- as the harness pre-loads them.
INSERT INTO ec_events (global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata)
SELECT nextval('ec_event_position_seq'), 1, gen_random_uuid()::text, 'account-' || a, v, 'bench.Deposited', 1, convert_to('{"cents":1000}', 'UTF8'), 'preload', 'preload', NULL, now(), '{}'
FROM generate_series(0, 9999) a, generate_series(1, 10) v;
INSERT INTO ec_streams (stream_id, stream_version) SELECT 'account-' || a, 10 FROM generate_series(0, 9999) a;
ANALYZE;
