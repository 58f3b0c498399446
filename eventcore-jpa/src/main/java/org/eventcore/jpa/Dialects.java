package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that differs between databases: locking the streams of an append, allocating global
 * positions, and the horizon below which the global log may be read. All values are bound as
 * parameters; only the number of placeholders depends on the input.
 */
final class Dialects {

    private Dialects() {}

    /**
     * Serializes appends to the given streams (sorted, distinct) until the transaction ends. On
     * PostgreSQL one transaction-scoped advisory lock per stream, taken in ascending key order in one
     * statement, so two appends over the same streams never deadlock, and a stream that does not
     * exist yet is locked too. On H2 one lock row for all appends.
     */
    public static void lockStreams(
            EntityManager em, JpaDialect dialect, List<String> sortedStreams, int timeoutMillis) {
        if (dialect == JpaDialect.H2) {
            timed(em.createNativeQuery("select id from ec_log_lock where id = 1 for update"), timeoutMillis)
                    .getResultList();
            return;
        }
        StringBuilder sql = new StringBuilder(
                "select count(pg_advisory_xact_lock(k)) from (select hashtextextended(s, 0) as k from (values ");
        for (int i = 0; i < sortedStreams.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(?").append(i + 1).append(" as text))");
        }
        sql.append(") as v(s) order by 1) as ordered");
        Query q = timed(em.createNativeQuery(sql.toString()), timeoutMillis);
        for (int i = 0; i < sortedStreams.size(); i++) {
            q.setParameter(i + 1, sortedStreams.get(i));
        }
        q.getSingleResult();
    }

    /**
     * Allocates {@code count} global positions for one append, in ascending order, each with the
     * transaction id that orders it in the log ({@code [txId, position]} pairs). Runs after
     * {@link #lockStreams}.
     */
    public static List<long[]> allocatePositions(EntityManager em, JpaDialect dialect, int count, int timeoutMillis) {
        List<long[]> positions = new ArrayList<>(count);
        if (dialect == JpaDialect.H2) {
            // appends are serialized by the lock row, so max + 1 is free and commits in order
            Number max = (Number) timed(
                            em.createNativeQuery("select coalesce(max(global_position), 0) from ec_events"),
                            timeoutMillis)
                    .getSingleResult();
            for (int i = 1; i <= count; i++) {
                positions.add(new long[] {0, max.longValue() + i});
            }
            return positions;
        }
        Query q = timed(
                em.createNativeQuery("select cast(cast(pg_current_xact_id() as text) as bigint),"
                        + " nextval('ec_event_position_seq') from generate_series(1, ?1)"),
                timeoutMillis);
        q.setParameter(1, count);
        for (Object row : q.getResultList()) {
            Object[] cells = (Object[]) row;
            positions.add(new long[] {((Number) cells[0]).longValue(), ((Number) cells[1]).longValue()});
        }
        positions.sort((a, b) -> Long.compare(a[1], b[1]));
        return positions;
    }

    /** Rows per insert statement: 13 parameters each, far below PostgreSQL's 65,535. */
    static final int ROWS_PER_INSERT = 200;

    private static final String INSERT_EVENTS = "insert into ec_events (global_position, tx_id, event_id, stream_id,"
            + " stream_version, event_type, type_revision, payload, correlation_id, causation_id, user_name,"
            + " recorded_at, custom_metadata) values ";

    /**
     * The value of each column of {@link #INSERT_EVENTS}, {@code #} standing for its parameter: no user
     * is bound as '' (a user is never empty), the time as ISO-8601 text.
     */
    private static final String[] COLUMN_VALUES = {
        "#", "#", "#", "#", "#", "#", "#", "#", "#", "#", "nullif(#, '')", "cast(# as timestamptz)", "#"
    };

    /** The insert statement for n rows at index n, made on first use. */
    private static final String[] INSERTS = new String[ROWS_PER_INSERT + 1];

    private static String insertOf(int rows) {
        String sql = INSERTS[rows];
        if (sql == null) {
            StringBuilder b = new StringBuilder(INSERT_EVENTS);
            for (int i = 0; i < rows; i++) {
                b.append(i == 0 ? "(" : ", (");
                for (int c = 0; c < COLUMN_VALUES.length; c++) {
                    b.append(c == 0 ? "" : ", ")
                            .append(COLUMN_VALUES[c].replace("#", "?" + (i * COLUMN_VALUES.length + c + 1)));
                }
                b.append(')');
            }
            sql = b.toString();
            INSERTS[rows] = sql; // a race only builds the same text twice
        }
        return sql;
    }

    /**
     * Inserts {@code rows} with as few statements as possible, without making them managed entities:
     * on PostgreSQL multi-row inserts of up to {@value #ROWS_PER_INSERT} rows, every value a bound
     * parameter (the time as ISO-8601 text, cast by the database, so that no provider converts it
     * through the JVM's time zone). Returns false on H2, where the caller persists the entities.
     */
    public static boolean insertEvents(
            EntityManager em, JpaDialect dialect, List<org.eventcore.jpa.entity.EventRecord> rows, int timeoutMillis) {
        if (dialect != JpaDialect.POSTGRESQL) {
            return false;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<org.eventcore.jpa.entity.EventRecord> chunk =
                    rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            Query q = timed(em.createNativeQuery(insertOf(chunk.size())), timeoutMillis);
            for (int i = 0; i < chunk.size(); i++) {
                org.eventcore.jpa.entity.EventRecord r = chunk.get(i);
                int p = i * COLUMN_VALUES.length;
                q.setParameter(p + 1, r.globalPosition());
                q.setParameter(p + 2, r.txId());
                q.setParameter(p + 3, r.eventId());
                q.setParameter(p + 4, r.streamId());
                q.setParameter(p + 5, r.streamVersion());
                q.setParameter(p + 6, r.eventType());
                q.setParameter(p + 7, r.typeRevision());
                q.setParameter(p + 8, r.payload());
                q.setParameter(p + 9, r.correlationId());
                q.setParameter(p + 10, r.causationId());
                q.setParameter(p + 11, r.userName() == null ? "" : r.userName());
                q.setParameter(p + 12, r.recordedAt().toString());
                q.setParameter(p + 13, r.customMetadata());
            }
            q.executeUpdate();
        }
        return true;
    }

    /**
     * The transaction id below which every transaction has ended, so that every event with a smaller
     * {@code tx_id} that will ever be visible already is.
     */
    public static long logHorizon(EntityManager em, JpaDialect dialect, int timeoutMillis) {
        if (dialect == JpaDialect.H2) {
            return Long.MAX_VALUE;
        }
        Number xmin = (Number) timed(
                        em.createNativeQuery(
                                "select cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)"),
                        timeoutMillis)
                .getSingleResult();
        return xmin.longValue();
    }

    /** Sets the statement timeout of a query (portable hint, in milliseconds). */
    public static <Q extends Query> Q timed(Q query, int timeoutMillis) {
        query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
        return query;
    }
}
