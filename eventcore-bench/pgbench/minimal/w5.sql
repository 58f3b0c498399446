-- W5, minimal: the fewest statements that append one event on the condition that no event with a tag
-- was appended after the read, with the guarantees EventCore gives: read the events carrying the tag
-- with the statement's own snapshot (\aset keeps the last row's values: the snapshot); lock the tag
-- (one exclusive advisory lock: every writer of this workload is conditional); in a later statement,
-- insert the receipt stream, its event and its tag only if no event with the tag is invisible to the
-- read's snapshot; commit. A failed condition inserts nothing: tags.sh counts the events the run added.
-- (The tag is written 'account:' || 'account-' ...: pgbench would take :account in one literal for a variable.)
\set a random(0, :accounts - 1)
\set cents random(1, 100)
\set r random(1, 1000000000000000)
BEGIN;
SELECT cast(pg_current_snapshot() AS text) AS snap, e.payload FROM (SELECT 1) AS one LEFT JOIN (mb_tags t JOIN mb_events e ON e.stream_id = t.stream_id AND e.version = 1) ON t.tag = 'account:' || 'account-' || cast(:a AS text) \aset
SELECT pg_advisory_xact_lock(hashtextextended('account:' || 'account-' || cast(:a AS text), 0));
WITH ok AS (SELECT 1 AS one WHERE NOT EXISTS (SELECT 1 FROM mb_tags t WHERE t.tag = 'account:' || 'account-' || cast(:a AS text) AND t.tx >= cast(cast(pg_snapshot_xmin(cast(cast(:snap AS text) AS pg_snapshot)) AS text) AS bigint) AND NOT pg_visible_in_snapshot(cast(cast(t.tx AS text) AS xid8), cast(cast(:snap AS text) AS pg_snapshot)))), st AS (INSERT INTO mb_streams SELECT 'receipt-' || cast(:r AS text), 1 FROM ok RETURNING stream_id), ev AS (INSERT INTO mb_events SELECT stream_id, 1, gen_random_uuid()::text, 'bench.Deposited', 1, convert_to('{"cents":' || cast(:cents AS text) || '}', 'UTF8'), 'c', 'c', NULL, now(), '{}' FROM st RETURNING stream_id) INSERT INTO mb_tags SELECT 'account:' || 'account-' || cast(:a AS text), cast(cast(pg_current_xact_id() AS text) AS bigint), stream_id FROM ev;
COMMIT;
