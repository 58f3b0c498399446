package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that differs between databases: locking the streams (of an H2 append, and of a read that
 * locks), allocating global positions on H2, and the horizon below which the global log may be read.
 * A PostgreSQL append is one call of the schema's function ({@link OneStatementAppend}). All values are bound as
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
     * Allocates {@code count} global positions for one append on H2, in ascending order, after the
     * highest stored: appends are serialized by the lock row, so they are free and commit in order
     * ({@code [0, position]} pairs). Runs after {@link #lockStreams}. PostgreSQL allocates them in
     * {@code ec_append}.
     */
    public static List<long[]> allocatePositionsOnH2(EntityManager em, int count, int timeoutMillis) {
        Number max = (Number)
                timed(em.createNativeQuery("select coalesce(max(global_position), 0) from ec_events"), timeoutMillis)
                        .getSingleResult();
        List<long[]> positions = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            positions.add(new long[] {0, max.longValue() + i});
        }
        return positions;
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

    /**
     * The timeout that {@link #timed} leaves unset: the database bounds the statement itself
     * (PostgreSQL's {@code statement_timeout} on the connection).
     */
    public static final int SERVER_BOUNDS = 0;

    /**
     * Sets the statement timeout of a query (portable hint, in milliseconds), unless it is
     * {@link #SERVER_BOUNDS}.
     */
    public static <Q extends Query> Q timed(Q query, int timeoutMillis) {
        if (timeoutMillis != SERVER_BOUNDS) {
            query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
        }
        return query;
    }

    /** A text column of a native query as a string: H2 hands a {@code clob} over as a {@link java.sql.Clob}. */
    static String text(Object cell) {
        if (cell instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
            } catch (java.sql.SQLException e) {
                throw new jakarta.persistence.PersistenceException(e);
            }
        }
        return (String) cell;
    }

    /** A binary column of a native query as bytes, whichever form the provider hands it over in. */
    static Object bytes(Object cell) {
        if (cell instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) Math.min(Integer.MAX_VALUE, blob.length()));
            } catch (java.sql.SQLException e) {
                throw new jakarta.persistence.PersistenceException(e);
            }
        }
        return cell;
    }
}
