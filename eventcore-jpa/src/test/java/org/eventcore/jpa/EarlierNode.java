package org.eventcore.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.serialization.SerializedEvent;

/**
 * A node of EventCore 0.1 before schema version 3, on PostgreSQL: it appends with the statements of
 * that version, one by one (the stream's advisory lock, the command id, the version, the transaction
 * id and positions, the command, the events, the version moved). The upgrade tests write data with
 * it, and run it beside this version's store on an upgraded database.
 */
final class EarlierNode {

    private EarlierNode() {}

    /**
     * Appends {@code payloads} to {@code stream} at {@code expectedVersion} in the caller's transaction
     * on {@code app} (auto-commit off; the caller commits); returns the last event's position.
     */
    static GlobalPosition append(Connection app, String stream, long expectedVersion, Object... payloads)
            throws Exception {
        String command = "earlier-" + EventId.generate();
        try (PreparedStatement lock = app.prepareStatement("select count(pg_advisory_xact_lock(k)) from"
                + " (select hashtextextended(s, 0) as k from (values (cast(? as text))) as v(s) order by 1) as l")) {
            lock.setString(1, stream);
            lock.executeQuery().close();
        }
        long version;
        try (PreparedStatement read =
                app.prepareStatement("select stream_version from ec_streams where stream_id = ?")) {
            read.setString(1, stream);
            try (ResultSet r = read.executeQuery()) {
                version = r.next() ? r.getLong(1) : 0;
            }
        }
        if (version != expectedVersion) {
            throw new IllegalStateException("stream " + stream + " is at " + version + ", not " + expectedVersion);
        }
        try (PreparedStatement insert =
                app.prepareStatement("insert into ec_commands (command_id, recorded_at) values (?, now())")) {
            insert.setString(1, command);
            insert.executeUpdate();
        }
        GlobalPosition last = null;
        for (Object payload : payloads) {
            long tx;
            long position;
            try (PreparedStatement place = app.prepareStatement(
                            "select cast(cast(pg_current_xact_id() as text) as bigint), nextval('ec_event_position_seq')");
                    ResultSet r = place.executeQuery()) {
                r.next();
                tx = r.getLong(1);
                position = r.getLong(2);
            }
            SerializedEvent serialized = TestDatabases.serializer().serialize(payload);
            try (PreparedStatement insert = app.prepareStatement("insert into ec_events (global_position, tx_id,"
                    + " event_id, stream_id, stream_version, event_type, type_revision, payload, correlation_id,"
                    + " causation_id, user_name, recorded_at, custom_metadata)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, now(), '{}')")) {
                insert.setLong(1, position);
                insert.setLong(2, tx);
                insert.setString(3, EventId.generate().toString());
                insert.setString(4, stream);
                insert.setLong(5, ++version);
                insert.setString(6, serialized.type());
                insert.setInt(7, serialized.revision());
                insert.setBytes(8, serialized.data());
                insert.setString(9, command);
                insert.setString(10, command);
                insert.executeUpdate();
            }
            last = GlobalPosition.of(tx, position);
        }
        try (PreparedStatement move = app.prepareStatement("insert into ec_streams (stream_id, stream_version)"
                + " values (?, ?) on conflict (stream_id) do update set stream_version = excluded.stream_version")) {
            move.setString(1, stream);
            move.setLong(2, version);
            move.executeUpdate();
        }
        return last;
    }

    /**
     * Appends as a node of schema version 3 does: one call of {@code ec_append} with the command's
     * streams, versions and events as arrays, in the caller's transaction on {@code app} (auto-commit
     * off; the caller commits); returns the last event's position.
     */
    static GlobalPosition appendThroughFunction(Connection app, String stream, long expectedVersion, Object... payloads)
            throws Exception {
        try (PreparedStatement call = app.prepareStatement("select outcome, writer_tx, event_position from ec_append("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindAppend(call, app, "version-3-", stream, expectedVersion, payloads);
            GlobalPosition last = null;
            try (ResultSet r = call.executeQuery()) {
                while (r.next()) {
                    if (!"ok".equals(r.getString(1))) {
                        throw new IllegalStateException("ec_append answered " + r.getString(1) + " for " + stream);
                    }
                    last = GlobalPosition.of(r.getLong(2), r.getLong(3));
                }
            }
            return last;
        }
    }

    /**
     * Binds the 14 arguments that {@code ec_append} and {@code ec_append_tagged} share: a command named
     * {@code prefix} and an id, {@code payloads} to {@code stream} after {@code expectedVersion}, now.
     */
    private static void bindAppend(
            PreparedStatement call,
            Connection app,
            String prefix,
            String stream,
            long expectedVersion,
            Object... payloads)
            throws Exception {
        String command = prefix + EventId.generate();
        int n = payloads.length;
        String[] ids = new String[n];
        String[] types = new String[n];
        Integer[] revisions = new Integer[n];
        byte[][] data = new byte[n][];
        for (int i = 0; i < n; i++) {
            SerializedEvent serialized = TestDatabases.serializer().serialize(payloads[i]);
            ids[i] = EventId.generate().toString();
            types[i] = serialized.type();
            revisions[i] = serialized.revision();
            data[i] = serialized.data();
        }
        String[] streams = new String[n];
        String[] commands = new String[n];
        String[] custom = new String[n];
        java.sql.Timestamp[] times = new java.sql.Timestamp[n];
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        java.util.Arrays.fill(streams, stream);
        java.util.Arrays.fill(commands, command);
        java.util.Arrays.fill(custom, "{}");
        java.util.Arrays.fill(times, now);
        call.setString(1, command);
        call.setTimestamp(2, now);
        call.setArray(3, app.createArrayOf("text", new String[] {stream}));
        call.setArray(4, app.createArrayOf("bigint", new Long[] {expectedVersion}));
        call.setArray(5, app.createArrayOf("text", ids));
        call.setArray(6, app.createArrayOf("text", streams));
        call.setArray(7, app.createArrayOf("text", types));
        call.setArray(8, app.createArrayOf("integer", revisions));
        call.setArray(9, app.createArrayOf("bytea", data));
        call.setArray(10, app.createArrayOf("text", commands));
        call.setArray(11, app.createArrayOf("text", commands));
        call.setArray(12, app.createArrayOf("text", new String[n]));
        call.setArray(13, app.createArrayOf("timestamptz", times));
        call.setArray(14, app.createArrayOf("text", custom));
    }

    /**
     * A version-8 node's append of {@code payloads} to {@code stream}, each tagged {@code tag}, without
     * conditions: a call of version 8's {@code ec_append_tagged} on {@code app} (not committed).
     */
    static void appendTaggedThroughVersion8(
            Connection app, String stream, long expectedVersion, String tag, Object... payloads) throws Exception {
        Integer[] tagEvents = new Integer[payloads.length];
        String[] tags = new String[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            tagEvents[i] = i + 1;
            tags[i] = tag;
        }
        try (PreparedStatement call = app.prepareStatement("select outcome from ec_append_tagged("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
            bindAppend(call, app, "version-8-", stream, expectedVersion, payloads);
            call.setArray(15, app.createArrayOf("integer", tagEvents));
            call.setArray(16, app.createArrayOf("text", tags));
            call.setString(17, "[]");
            try (ResultSet r = call.executeQuery()) {
                while (r.next()) {
                    if (!"ok".equals(r.getString(1))) {
                        throw new IllegalStateException(
                                "ec_append_tagged answered " + r.getString(1) + " for " + stream);
                    }
                }
            }
        }
    }
}
