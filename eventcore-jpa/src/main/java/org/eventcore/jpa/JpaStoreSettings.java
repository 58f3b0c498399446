package org.eventcore.jpa;

import java.time.Duration;
import java.util.Objects;
import org.eventcore.jpa.messages.JpaMessages;

/**
 * Settings of a {@link JpaEventStore}.
 *
 * <pre>{@code
 * JpaStoreSettings settings = JpaStoreSettings.DEFAULT.withStatementTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The statement timeout bounds every statement of the store, including the wait for the locks of
 * contended streams, so nothing waits forever on the database; a timed-out statement is a transient
 * failure that the executor retries. On PostgreSQL, when the connections carry a
 * {@code statement_timeout} of their own no longer than this one (checked once, on the store's
 * first statement), the store leaves the bound to the server and sets no JDBC query timeout, which
 * the driver would enforce with a timer task per statement. Connecting is bounded by the connection pool and the JDBC
 * driver (for PostgreSQL the URL parameters {@code connectTimeout} and {@code socketTimeout}), see
 * the manual page "PostgreSQL and JPA". Immutable and thread-safe.
 *
 * <p>Without it, the attempts that follow a conflict already read with the streams' locks taken
 * ({@link JpaEventStore#readLocked}), so a command needs at most one retry for its declared streams.
 * With {@link #withLockOnRead lockOnRead}, every read takes the streams' locks (PostgreSQL only),
 * first attempts included, in the transaction of the attempt: a command on a hot stream then waits
 * for the command before it instead of meeting a conflict at all. It costs one statement per read and
 * holds the locks from the read to the commit, so it pays off for streams that many commands write
 * at once (benchmark W4), not for spread-out writes. A command that discovers more streams takes
 * their locks later; two such commands may deadlock, which PostgreSQL detects and the executor
 * retries.
 *
 * @param dialect the database
 * @param statementTimeout the longest a statement may run, at least 1 s; providers apply it in whole
 *     seconds
 * @param lockOnRead whether reads take the streams' locks (default false)
 */
public record JpaStoreSettings(JpaDialect dialect, Duration statementTimeout, boolean lockOnRead) {

    /** PostgreSQL, 10 s statement timeout, optimistic reads. */
    public static final JpaStoreSettings DEFAULT = new JpaStoreSettings(JpaDialect.POSTGRESQL, Duration.ofSeconds(10));

    /** Settings with optimistic reads. */
    public JpaStoreSettings(JpaDialect dialect, Duration statementTimeout) {
        this(dialect, statementTimeout, false);
    }

    public JpaStoreSettings {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException(JpaMessages.statementTimeoutTooShort(statementTimeout));
        }
    }

    public JpaStoreSettings withDialect(JpaDialect dialect) {
        return new JpaStoreSettings(dialect, statementTimeout, lockOnRead);
    }

    public JpaStoreSettings withStatementTimeout(Duration statementTimeout) {
        return new JpaStoreSettings(dialect, statementTimeout, lockOnRead);
    }

    /** A copy whose reads take the streams' locks ({@code true}) or not. */
    public JpaStoreSettings withLockOnRead(boolean lockOnRead) {
        return new JpaStoreSettings(dialect, statementTimeout, lockOnRead);
    }
}
