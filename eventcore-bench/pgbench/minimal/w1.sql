-- W1, minimal: the fewest statements that append one event to an existing stream with optimistic
-- concurrency. Read the stream's events (\aset keeps the last row's values: the version read); one
-- statement that moves the stream's version only if it is still the one read and, through the
-- CTE, inserts the event only when it did; commit. A stale version inserts nothing: compare.sh
-- counts successful commands as the events the run added, not as pgbench's transactions.
-- W4 is this script with -D accounts=10 and 16 clients.
\set a random(0, :accounts - 1)
\set cents random(1, 100)
BEGIN;
SELECT version AS v, event_id, event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at, custom_metadata FROM mb_events WHERE stream_id = 'account-' || :a ORDER BY version \aset
WITH moved AS (UPDATE mb_streams SET version = version + 1 WHERE stream_id = 'account-' || :a AND version = :v RETURNING stream_id, version) INSERT INTO mb_events SELECT stream_id, version, gen_random_uuid()::text, 'bench.Deposited', 1, convert_to('{"cents":' || :cents || '}', 'UTF8'), 'c', 'c', NULL, now(), '{}' FROM moved;
COMMIT;
