-- W3 as the JPA store runs it: 1,000 events appended to a fresh stream in one transaction (the
-- store inserts them in JDBC batches; here one multi-row INSERT).
BEGIN;
SELECT gen_random_uuid()::text AS s \gset
SELECT global_position FROM ec_events WHERE stream_id IN ('batch-:s') ORDER BY stream_id, stream_version;
SELECT count(pg_advisory_xact_lock(hashtextextended('batch-:s', 0)));
SELECT command_id FROM ec_commands WHERE command_id = ':s';
SELECT stream_version FROM ec_streams WHERE stream_id IN ('batch-:s');
INSERT INTO ec_commands (command_id, recorded_at) VALUES (':s', now());
INSERT INTO ec_events (global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata) SELECT nextval('ec_event_position_seq'), cast(cast(pg_current_xact_id() AS text) AS bigint), gen_random_uuid()::text, 'batch-:s', i, 'bench.Item', 1, convert_to('{"index":' || i || '}', 'UTF8'), ':s', ':s', NULL, now(), '{}' FROM generate_series(1, 1000) i;
INSERT INTO ec_streams (stream_id, stream_version) VALUES ('batch-:s', 1000);
END;
