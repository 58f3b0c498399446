package org.eventcore.jpa;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link JpaEventStore}.
 *
 * <pre>{@code
 * JpaStoreSettings settings = JpaStoreSettings.DEFAULT.withStatementTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The statement timeout bounds every statement of the store, including the wait for the locks of
 * contended streams, so nothing waits forever on the database; a timed-out statement is a transient
 * failure that the executor retries. Connecting is bounded by the connection pool and the JDBC
 * driver (for PostgreSQL the URL parameters {@code connectTimeout} and {@code socketTimeout}), see
 * the manual page "PostgreSQL and JPA". Immutable and thread-safe.
 *
 * @param dialect the database
 * @param statementTimeout the longest a statement may run, at least 1 s; providers apply it in whole
 *     seconds
 */
public record JpaStoreSettings(JpaDialect dialect, Duration statementTimeout) {

    /** PostgreSQL, 10 s statement timeout. */
    public static final JpaStoreSettings DEFAULT = new JpaStoreSettings(JpaDialect.POSTGRESQL, Duration.ofSeconds(10));

    public JpaStoreSettings {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "EC3001 statementTimeout must be at least 1 ms, was " + statementTimeout);
        }
    }

    public JpaStoreSettings withDialect(JpaDialect dialect) {
        return new JpaStoreSettings(dialect, statementTimeout);
    }

    public JpaStoreSettings withStatementTimeout(Duration statementTimeout) {
        return new JpaStoreSettings(dialect, statementTimeout);
    }
}
