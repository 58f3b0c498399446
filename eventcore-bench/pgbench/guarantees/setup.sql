-- The same-guarantees baseline's own tables: the minimal ones, plus what EventCore adds to every
-- append, in plain SQL: a global position from a sequence and the writing transaction's id on each
-- event (the gap-free log), and the command id, kept so that a command runs once. 10,000 accounts
-- with 10 events each, as the harness pre-loads them.
CREATE TABLE gb_streams (
    stream_id text PRIMARY KEY,
    version   bigint NOT NULL
);
CREATE SEQUENCE gb_position_seq;
CREATE TABLE gb_commands (
    command_id  text PRIMARY KEY,
    recorded_at timestamptz NOT NULL
);
CREATE TABLE gb_events (
    global_position bigint NOT NULL UNIQUE,
    tx_id           bigint NOT NULL,
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
INSERT INTO gb_events
SELECT nextval('gb_position_seq'), 1, 'account-' || a, v, gen_random_uuid()::text, 'bench.Deposited', 1, convert_to('{"cents":1000}', 'UTF8'),
       'preload', 'preload', NULL, now(), '{}'
FROM generate_series(0, 9999) a, generate_series(1, 10) v;
INSERT INTO gb_streams SELECT 'account-' || a, 10 FROM generate_series(0, 9999) a;
ANALYZE;
