"""Writes the W3 scripts of the two baselines into a folder: one transaction that appends 1,000
events to a new stream, the rows sent by the client as literal values (payloads as the harness
sends them), in one INSERT driven by the insert of the stream's row (a stream that exists fails
the transaction); and the replay of the JPA store's W3, one call of ec_append with the 1,000 payloads
sent as one bytea[] literal, as the store sends them. Usage: python3 w3-scripts.py OUT_DIR (writes
minimal-w3.sql, guarantees-w3.sql, replay-w3.sql)"""
import sys, os

N = 1000
out = sys.argv[1]
rows = ",".join("(%d, convert_to('{\"index\":%d}', 'UTF8'))" % (i, i - 1) for i in range(1, N + 1))
# a stream id unique per transaction: the client, and a random 63-bit number
head = ("\\set r random(1, 9223372036854775806)\n"
        "BEGIN;\n")
minimal = head + (
    "WITH s AS (INSERT INTO mb_streams VALUES ('batch-' || :client_id || '-' || :r, %d) RETURNING stream_id) "
    "INSERT INTO mb_events SELECT s.stream_id, v.version, gen_random_uuid()::text, 'bench.Written', 1, v.payload, "
    "'c', 'c', NULL, now(), '{}' FROM s, (VALUES %s) v(version, payload);\n"
    "COMMIT;\n") % (N, rows)
guarantees = head + (
    "WITH locked AS (SELECT pg_advisory_xact_lock(hashtextextended('batch-' || :client_id || '-' || :r, 0))), "
    "cmd AS (INSERT INTO gb_commands SELECT gen_random_uuid()::text, now() FROM locked RETURNING command_id), "
    "s AS (INSERT INTO gb_streams SELECT 'batch-' || :client_id || '-' || :r, %d FROM cmd RETURNING stream_id) "
    "INSERT INTO gb_events SELECT nextval('gb_position_seq'), cast(cast(pg_current_xact_id() AS text) AS bigint), "
    "s.stream_id, v.version, gen_random_uuid()::text, 'bench.Written', 1, v.payload, (SELECT command_id FROM cmd), "
    "(SELECT command_id FROM cmd), NULL, now(), '{}' FROM s, (VALUES %s) v(version, payload) ORDER BY v.version;\n"
    "COMMIT;\n") % (N, rows)
payloads = "{" + ",".join('"\\\\x%s"' % ('{"index":%d}' % (i - 1)).encode().hex() for i in range(1, N + 1)) + "}"
command = "'cmd-' || :client_id || '-' || :r"
stream = "'batch-' || :client_id || '-' || :r"
replay = head + (
    "SELECT outcome, writer_tx, event_position, stale_stream, stale_version, newer_tx FROM ec_append("
    "%(cmd)s, now(), ARRAY[%(stream)s], ARRAY[CAST(0 AS bigint)], "
    "ARRAY(SELECT gen_random_uuid()::text FROM generate_series(1, %(n)d)), "
    "array_fill(CAST(%(stream)s AS text), ARRAY[%(n)d]), array_fill(CAST('bench.Item' AS text), ARRAY[%(n)d]), "
    "array_fill(1, ARRAY[%(n)d]), CAST('%(payloads)s' AS bytea[]), array_fill(CAST(%(cmd)s AS text), ARRAY[%(n)d]), "
    "array_fill(CAST(%(cmd)s AS text), ARRAY[%(n)d]), array_fill(CAST(NULL AS text), ARRAY[%(n)d]), "
    "array_fill(now(), ARRAY[%(n)d]), array_fill(CAST('{}' AS text), ARRAY[%(n)d]));\n"
    "COMMIT;\n") % {"cmd": command, "stream": stream, "n": N, "payloads": payloads}
for name, text in (("minimal-w3.sql", minimal), ("guarantees-w3.sql", guarantees), ("replay-w3.sql", replay)):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)
