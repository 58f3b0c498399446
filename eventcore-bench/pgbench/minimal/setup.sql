-- The minimal baseline's own tables: nothing of EventCore's schema, no function, no trigger. An
-- event row carries what an EventCore event carries (id, type, revision, payload, correlation and
-- causation ids, user, time, custom metadata); the stream row holds the stream's version, the
-- one value an optimistic append must check and move. 10,000 accounts with 10 events each, as the
-- harness pre-loads them.
CREATE TABLE mb_streams (
    stream_id text PRIMARY KEY,
    version   bigint NOT NULL
);
CREATE TABLE mb_events (
    stream_id       text NOT NULL,
    version         bigint NOT NULL,
    event_id        text NOT NULL,
    event_type      text NOT NULL,
    type_revision   int NOT NULL,
    payload         bytea NOT NULL,
    correlation_id  text NOT NULL,
    causation_id    text NOT NULL,
    user_name       text,
    recorded_at     timestamptz NOT NULL,
    custom_metadata text NOT NULL,
    PRIMARY KEY (stream_id, version)
);
-- W5: the tags of events, with the id of the transaction that wrote each (a condition is checked against
-- the reader's snapshot by it); the primary key is the index a tag's read and check walk
CREATE TABLE mb_tags (
    tag       text NOT NULL,
    tx        bigint NOT NULL,
    stream_id text NOT NULL,
    PRIMARY KEY (tag, tx, stream_id)
);
INSERT INTO mb_events
SELECT 'account-' || a, v, gen_random_uuid()::text, 'bench.Deposited', 1, convert_to('{"cents":1000}', 'UTF8'),
       'preload', 'preload', NULL, now(), '{}'
FROM generate_series(0, 9999) a, generate_series(1, 10) v;
INSERT INTO mb_streams SELECT 'account-' || a, 10 FROM generate_series(0, 9999) a;
ANALYZE;
