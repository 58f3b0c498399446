package org.eventcore.jpa.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row of {@code ec_events} as the store's reads select it: a JPQL constructor expression
 * ({@link #SELECT}) or, for a command's streams on PostgreSQL, a native query ({@link #STREAMS_SQL})
 * makes these straight from the result set, so a read puts no entity in the
 * persistence context (nothing to track, snapshot or check at flush) and copies no row it does not
 * need. The numbers are boxed because both providers pass the selected values as objects when they
 * look up the constructor.
 *
 * @param globalPosition the event's position in the log
 * @param txId the id of the transaction that wrote it
 * @param eventId the event's id
 * @param streamId its stream
 * @param streamVersion its version in the stream
 * @param eventType the payload's type name
 * @param typeRevision the payload's type revision
 * @param payload the serialized payload
 * @param correlationId the correlation id
 * @param causationId the id of the command that wrote it
 * @param userName the user, or {@code null}
 * @param recordedAt when the command ran
 * @param customMetadata the custom metadata as JSON
 */
public record EventRow(
        Long globalPosition,
        Long txId,
        String eventId,
        String streamId,
        Long streamVersion,
        String eventType,
        Integer typeRevision,
        byte[] payload,
        String correlationId,
        String causationId,
        String userName,
        OffsetDateTime recordedAt,
        String customMetadata) {

    /**
     * The columns of {@link #of(Object[])}, in its order, of an event row named {@code e}: for native reads that
     * join {@code ec_events e} with other tables.
     */
    public static final String COLUMNS_OF_E = "e.global_position, e.tx_id, e.event_id, e.stream_id,"
            + " e.stream_version, e.event_type, e.type_revision, e.payload, e.correlation_id, e.causation_id,"
            + " e.user_name, cast(extract(epoch from e.recorded_at) * 1000000 as bigint), e.custom_metadata";

    /**
     * PostgreSQL's read of the events of several streams, in stream and version order: one native
     * statement whose text never changes (the stream ids arrive as one array parameter), so the
     * driver keeps it prepared and the provider translates nothing. Its columns are those of
     * {@link #of(Object[])}; the time comes as microseconds since the epoch, one type on both
     * providers.
     */
    public static final String STREAMS_SQL = "select global_position, tx_id, event_id, stream_id, stream_version,"
            + " event_type, type_revision, payload, correlation_id, causation_id, user_name,"
            + " cast(extract(epoch from recorded_at) * 1000000 as bigint), custom_metadata"
            + " from ec_events where stream_id = any (cast(?1 as text[])) order by stream_id, stream_version";

    /**
     * PostgreSQL: the events of streams after a version per stream, ?1 the stream ids and ?2 the
     * versions (arrays of the same length), in the same order and columns as {@link #STREAMS_SQL}:
     * one index range per stream, from the version after the given one.
     */
    public static final String STREAMS_AFTER_SQL = "select " + COLUMNS_OF_E
            + " from unnest(cast(?1 as text[]), cast(?2 as bigint[])) as a(stream_id, after_version)"
            + " join ec_events e on e.stream_id = a.stream_id and e.stream_version > a.after_version"
            + " order by e.stream_id, e.stream_version";

    /** A row of {@link #STREAMS_SQL}'s or {@link #STREAMS_AFTER_SQL}'s result, as the provider hands it over. */
    public static EventRow of(Object[] cells) {
        long micros = ((Number) cells[11]).longValue();
        return new EventRow(
                ((Number) cells[0]).longValue(),
                ((Number) cells[1]).longValue(),
                (String) cells[2],
                (String) cells[3],
                ((Number) cells[4]).longValue(),
                (String) cells[5],
                ((Number) cells[6]).intValue(),
                (byte[]) cells[7],
                (String) cells[8],
                (String) cells[9],
                (String) cells[10],
                OffsetDateTime.ofInstant(instantOfMicros(micros), ZoneOffset.UTC),
                (String) cells[12]);
    }

    /** The instant of {@code micros} microseconds since the epoch, as the native statements give times. */
    public static Instant instantOfMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * PostgreSQL and H2: how many events follow a position below the log's horizon, counted up to a
     * bound, and the earliest of their times in microseconds since the epoch; ?1 and ?3 the position's
     * transaction id, ?2 the horizon, ?4 the position's offset, ?5 the bound (no parameter is used twice:
     * not every provider binds a repeated one). The inner select walks
     * the log's index only ({@code ec_events_log_idx} and the rows' times), never a payload.
     */
    public static final String LAG_SQL =
            "select count(*), cast(extract(epoch from min(t.recorded_at)) * 1000000 as bigint)"
                    + " from (select e.recorded_at from ec_events e"
                    + " where e.tx_id >= ?1 and e.tx_id < ?2 and (e.tx_id > ?3 or e.global_position > ?4)"
                    + " order by e.tx_id, e.global_position limit ?5) t";

    /** The select clause of a JPQL read of {@code EventRecord e} into rows of this type. */
    public static final String SELECT = "select new " + EventRow.class.getName()
            + "(e.globalPosition, e.txId, e.eventId, e.streamId, e.streamVersion, e.eventType, e.typeRevision,"
            + " e.payload, e.correlationId, e.causationId, e.userName, e.recordedAt, e.customMetadata)";
}
