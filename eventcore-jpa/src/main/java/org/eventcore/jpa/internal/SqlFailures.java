package org.eventcore.jpa.internal;

import java.util.Optional;
import org.eventcore.EventCoreException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.spi.Failures;

/**
 * The JPA store's failures in EventCore's error tree, by the library's one classification
 * ({@link Failures}): whether the database failed transiently (the operation runs again) or refused
 * what was asked (permanent). The message names the operation and the SQL state. A failed commit is
 * not translated here: every attempt boundary reports it through {@link Failures#commitFailure}.
 */
public final class SqlFailures {

    private SqlFailures() {}

    /** Translates a failure of {@code operation} into the EventCore error tree. */
    public static EventCoreException translate(Exception failure, String operation) {
        if (failure instanceof EventCoreException e) {
            return e;
        }
        Optional<String> state = Failures.sqlState(failure);
        String sqlState = state.orElse(null);
        String cause = rootMessage(failure);
        if (state.filter(s -> s.equals("40001") || s.equals("40P01")).isPresent()) {
            return new StoreUnavailableException(
                    JpaMessages.concurrentAccessAborted(operation, sqlState, cause), failure);
        }
        if (state.filter("23505"::equals).isPresent()) {
            return new StoreUnavailableException(
                    JpaMessages.concurrentWriteDetected(operation, sqlState, cause), failure);
        }
        if (Failures.classify(failure) == Failures.Kind.TRANSIENT) {
            return new StoreUnavailableException(JpaMessages.databaseUnavailable(operation, sqlState, cause), failure);
        }
        return new StoreFailureException(JpaMessages.databaseRefused(operation, sqlState, cause), failure);
    }

    /** The message of the root cause. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
