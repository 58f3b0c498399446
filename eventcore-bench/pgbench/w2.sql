-- W2 as the JPA store runs it: a transfer between two random accounts, one transaction over both
-- streams (both read, both locked in one statement in a fixed order, two events, two versions moved).
\set a random(0, :accounts - 1)
\set d random(1, :accounts - 1)
\set b (:a + :d) % :accounts
\set cents random(1, 100)
BEGIN;
SELECT global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM ec_events WHERE stream_id IN ('account-:a', 'account-:b') ORDER BY stream_id, stream_version;
SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtextextended(s, 0) AS k FROM (VALUES ('account-:a'), ('account-:b')) v(s) ORDER BY k) l;
SELECT gen_random_uuid()::text AS cmd \gset
SELECT command_id FROM ec_commands WHERE command_id = ':cmd';
SELECT (SELECT stream_version FROM ec_streams WHERE stream_id = 'account-:a') AS va, (SELECT stream_version FROM ec_streams WHERE stream_id = 'account-:b') AS vb \gset
SELECT cast(cast(pg_current_xact_id() AS text) AS bigint) AS tx, min(p) AS pa, max(p) AS pb FROM (SELECT nextval('ec_event_position_seq') AS p FROM generate_series(1, 2)) n \gset
SELECT max(e.tx_id) FROM ec_events e, ec_streams s WHERE e.stream_id = s.stream_id AND e.stream_version = s.stream_version AND s.stream_id IN ('account-:a', 'account-:b');
INSERT INTO ec_commands (command_id, recorded_at) VALUES (':cmd', now());
INSERT INTO ec_events (global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata) VALUES (:pa, :tx, gen_random_uuid()::text, 'account-:a', :va + 1, 'bench.Withdrawn', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), ':cmd', ':cmd', NULL, now(), '{}'), (:pb, :tx, gen_random_uuid()::text, 'account-:b', :vb + 1, 'bench.Deposited', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), ':cmd', ':cmd', NULL, now(), '{}');
UPDATE ec_streams SET stream_version = :va + 1 WHERE stream_id = 'account-:a';
UPDATE ec_streams SET stream_version = :vb + 1 WHERE stream_id = 'account-:b';
END;
