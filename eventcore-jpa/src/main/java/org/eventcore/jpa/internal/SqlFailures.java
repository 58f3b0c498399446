package org.eventcore.jpa.internal;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Optional;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.EventCoreException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.spi.Failures;

/**
 * Classifies database failures by SQL state, found anywhere in the cause chain (or among the
 * suppressed exceptions, where a JTA transaction manager puts its resources' failures), into what the
 * executor understands: transient (retry may help), or permanent. Constraint violations of the
 * command table are recognised separately, as a command already applied.
 */
public final class SqlFailures {

    /** The primary key of {@code ec_commands}: a violation means the command was applied before. */
    public static final String COMMANDS_KEY = "ec_commands_pkey";

    private SqlFailures() {}

    /**
     * {@code failure}, its causes, and the exceptions suppressed by any of them with their causes,
     * each once: a JTA transaction manager reports the failures of its resources (a JDBC commit
     * that failed) as suppressed exceptions of its own.
     */
    static List<Throwable> chain(Throwable failure) {
        return Failures.chain(failure);
    }

    /** The first {@link SQLException} in the {@linkplain #chain chain} of {@code failure}. */
    public static Optional<SQLException> sqlException(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** The SQL state of the first SQL exception in the chain that has one. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        return Optional.of(s.getSQLState());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is a unique violation of the command id. */
    public static boolean isDuplicateCommand(Throwable failure) {
        return sqlState(failure).filter("23505"::equals).isPresent() && mentions(failure, COMMANDS_KEY);
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t : chain(failure)) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure means the connection is gone or the server is going away. */
    static boolean isConnectionLoss(Throwable failure) {
        Optional<String> state = sqlState(failure);
        if (state.isPresent()) {
            String s = state.get();
            return s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03");
        }
        return sqlException(failure)
                .filter(e -> e instanceof SQLRecoverableException)
                .isPresent();
    }

    /** Translates a failure of {@code operation} into the EventCore error tree. */
    public static EventCoreException translate(Exception failure, String operation) {
        if (failure instanceof EventCoreException e) {
            return e;
        }
        Optional<String> state = sqlState(failure);
        String detail = state.map(s -> " (SQLState " + s + ")").orElse("") + ": " + rootMessage(failure);
        if (state.isPresent()) {
            String s = state.get();
            if (s.equals("40001") || s.equals("40P01")) {
                return new StoreUnavailableException(
                        "EC3301 The database aborted the " + operation + " to resolve concurrent access" + detail,
                        failure);
            }
            if (s.equals("23505")) {
                return new StoreUnavailableException(
                        "EC3302 A concurrent " + operation
                                + " was detected by a unique constraint; the command runs again" + detail,
                        failure);
            }
            if (isConnectionLoss(failure)
                    || s.startsWith("53")
                    || s.equals("57014")
                    || s.equals("55P03")
                    || s.equals("HYT00")
                    || isTimeoutOrTransient(failure)) {
                return new StoreUnavailableException(
                        "EC3303 The database is unavailable or timed out during the " + operation
                                + "; the command runs again if attempts remain" + detail,
                        failure);
            }
            return new StoreFailureException("EC3399 The database refused the " + operation + detail, failure);
        }
        if (isTimeoutOrTransient(failure)) {
            return new StoreUnavailableException(
                    "EC3303 The database is unavailable or timed out during the " + operation + detail, failure);
        }
        return new StoreFailureException("EC3399 The " + operation + " failed" + detail, failure);
    }

    /** Whether the provider or driver says the failure was a timeout or is transient. */
    private static boolean isTimeoutOrTransient(Throwable failure) {
        return failure instanceof QueryTimeoutException
                || failure instanceof LockTimeoutException
                || failure instanceof PessimisticLockException
                || sqlException(failure)
                        .filter(e -> e instanceof SQLTransientException
                                || e instanceof SQLRecoverableException
                                || e instanceof SQLTimeoutException)
                        .isPresent();
    }

    /**
     * Translates a failure of a commit (a provider's exception, or a JTA transaction manager's
     * checked one): a lost connection leaves its outcome unknown.
     */
    public static EventCoreException translateCommit(Exception failure) {
        if (failure instanceof EventCoreException e) {
            return e;
        }
        if (isConnectionLoss(failure)) {
            return new CommitOutcomeUnknownException(
                    "EC3304 The connection was lost while committing; the command may or may not be stored: "
                            + rootMessage(failure),
                    failure);
        }
        return translate(failure, "commit");
    }

    /** The message of the root cause, below the SQL exception if there is one. */
    private static String rootMessage(Throwable failure) {
        Throwable root = sqlException(failure).<Throwable>map(e -> e).orElse(failure);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
