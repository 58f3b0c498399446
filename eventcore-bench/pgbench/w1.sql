-- W1 as the JPA store runs it: one deposit to a random account, in the statements and order of one
-- executor attempt (read the stream; lock it; check the command id; read its version; take the
-- transaction id and a position; the log-order guard; insert the command, the event; move the version).
-- W4 is this script with -D accounts=10 (10 hot accounts) and 16 clients.
\set a random(0, :accounts - 1)
\set cents random(1, 100)
BEGIN;
SELECT global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM ec_events WHERE stream_id IN ('account-:a') ORDER BY stream_id, stream_version;
SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtextextended(s, 0) AS k FROM (VALUES ('account-:a')) v(s) ORDER BY k) l;
SELECT gen_random_uuid()::text AS cmd \gset
SELECT command_id FROM ec_commands WHERE command_id = ':cmd';
SELECT stream_version AS v FROM ec_streams WHERE stream_id IN ('account-:a') \gset
SELECT cast(cast(pg_current_xact_id() AS text) AS bigint) AS tx, nextval('ec_event_position_seq') AS pos FROM generate_series(1, 1) \gset
SELECT max(e.tx_id) FROM ec_events e, ec_streams s WHERE e.stream_id = s.stream_id AND e.stream_version = s.stream_version AND s.stream_id IN ('account-:a');
INSERT INTO ec_commands (command_id, recorded_at) VALUES (':cmd', now());
INSERT INTO ec_events (global_position, tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata) VALUES (:pos, :tx, gen_random_uuid()::text, 'account-:a', :v + 1, 'bench.Deposited', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), ':cmd', ':cmd', NULL, now(), '{}');
UPDATE ec_streams SET stream_version = :v + 1 WHERE stream_id = 'account-:a';
END;
