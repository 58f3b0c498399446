package org.eventcore.spi;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.EventCoreException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.messages.ApiMessages;

/**
 * The library's one classification of failures: whether trying the same work again may succeed. It
 * reads the whole chain of a failure (causes, and the exceptions suppressed by any of them, where a
 * JTA transaction manager puts its resources' failures), and knows databases, drivers, pools and
 * transaction managers only by SQL state and by the names of standard exception types, so that the
 * core needs none of them.
 *
 * <ul>
 *   <li>{@link Kind#TRANSIENT}: the infrastructure failed, not the work: a retriable EventCore
 *       failure (a conflict, the store unavailable); an SQL state of class 08 (connection), 25
 *       (transaction state), 40 (rollback: serialization, deadlock), 53 (insufficient resources),
 *       55 (object in use, lock not available), 57 (operator intervention: query cancelled or timed
 *       out, server shutting down), 58 (system error), HY (driver), XX (internal error), or any state
 *       not named below; a connection, socket or timeout exception anywhere in the chain; a
 *       transaction rolled back or in a state the work cannot use.
 *   <li>{@link Kind#DATA}: the database refused what the work wrote or asked: SQL states of class 22
 *       (data exception), 23 (integrity constraint), 42 (syntax or access rule), 21 (cardinality),
 *       27 (triggered data change), 0A (feature not supported), 44 (check option), 2F, 38, 39
 *       (routine exceptions), 54 (program limit exceeded), P0 (raised by PL/pgSQL).
 *   <li>{@link Kind#OTHER}: nothing of the above: the work's own exception.
 * </ul>
 *
 * Unknown SQL states count as transient on purpose: a failure of unknown cause is retried, never
 * taken for the data's fault.
 */
public final class Failures {

    /** What a failure says about trying again. */
    public enum Kind {
        /** The infrastructure failed; the same work may succeed later. */
        TRANSIENT,
        /** The database refused the data the work wrote. */
        DATA,
        /** The work itself failed. */
        OTHER
    }

    private static final Set<String> DATA_CLASSES =
            Set.of("0A", "21", "22", "23", "27", "42", "44", "2F", "38", "39", "54", "P0");

    /** Exception types, by name, that mean the connection, a timeout, or the transaction failed. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "java.net.SocketException",
            "java.net.SocketTimeoutException",
            "java.net.ConnectException",
            "java.io.EOFException",
            "java.io.InterruptedIOException",
            "java.util.concurrent.TimeoutException",
            "java.sql.SQLTransientException",
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLTimeoutException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.TransactionRequiredException",
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException",
            "jakarta.transaction.TransactionRolledbackException",
            "jakarta.transaction.InvalidTransactionException",
            "jakarta.ejb.EJBTransactionRolledbackException");

    private Failures() {}

    /** The kind of {@code failure}. */
    public static Kind classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof EventCoreException e && e.isRetriable()) {
                return Kind.TRANSIENT;
            }
        }
        Optional<String> state = sqlState(chain);
        if (state.isPresent()) {
            String s = state.get();
            return s.length() >= 2 && DATA_CLASSES.contains(s.substring(0, 2)) ? Kind.DATA : Kind.TRANSIENT;
        }
        for (Throwable t : chain) {
            if (isType(t.getClass(), TRANSIENT_TYPES)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.OTHER;
    }

    /**
     * Why a transient failure happened, for a status or a log line: the SQL state and the message of
     * the deepest cause, and that it is retried, for example {@code transient, SQLState 57P01:
     * terminating connection due to administrator command; retried under every error policy}.
     */
    public static String describeTransient(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
        }
        String message = root.getMessage() == null
                ? root.getClass().getName()
                : root.getMessage().strip();
        return "transient" + sqlState(chain).map(s -> ", SQLState " + s).orElse("") + ": " + message
                + "; retried under every error policy";
    }

    /**
     * Whether {@code failure} means the connection to the database is gone: an SQL state of class 08,
     * 57P01 to 57P03 (the server terminated the connection or is shutting down), a recoverable SQL
     * exception, or a socket or end-of-stream exception, anywhere in the chain.
     */
    public static boolean isConnectionLoss(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Optional<String> state = sqlState(chain);
        if (state.isPresent()) {
            String s = state.get();
            if (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03")) {
                return true;
            }
        }
        for (Throwable t : chain) {
            if (isType(t.getClass(), CONNECTION_TYPES)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A commit that failed, in EventCore's error tree, for every attempt boundary alike:
     *
     * <ul>
     *   <li>an {@link EventCoreException} as it is;
     *   <li>the connection lost ({@link #isConnectionLoss}), a heuristic mixed outcome, or a failure
     *       of the transaction manager that says nothing more: {@link CommitOutcomeUnknownException},
     *       since the commit may or may not have happened (the executor looks the command up before
     *       running it again);
     *   <li>the transaction rolled back instead (timed out, marked for rollback) or a transient
     *       failure of the database (serialization failure, deadlock): a retriable
     *       {@link StoreUnavailableException};
     *   <li>the database refusing the data at commit (a deferred constraint): a permanent
     *       {@link StoreFailureException}.
     * </ul>
     */
    public static EventCoreException commitFailure(Throwable failure) {
        if (failure instanceof EventCoreException e) {
            return e;
        }
        String why = describe(failure);
        if (isConnectionLoss(failure)) {
            return new CommitOutcomeUnknownException(ApiMessages.commitConnectionLost(why), failure);
        }
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> isType(t.getClass(), Set.of("jakarta.transaction.HeuristicMixedException")))) {
            return new CommitOutcomeUnknownException(ApiMessages.commitHeuristicMixed(why), failure);
        }
        if (sqlState(chain).isPresent()) {
            return classify(failure) == Kind.DATA
                    ? new StoreFailureException(ApiMessages.commitRefused(why), failure)
                    : new StoreUnavailableException(ApiMessages.commitRolledBack(false, why), failure);
        }
        if (chain.stream().anyMatch(t -> isType(t.getClass(), ROLLED_BACK_TYPES))) {
            return new StoreUnavailableException(ApiMessages.commitRolledBack(true, why), failure);
        }
        return new CommitOutcomeUnknownException(ApiMessages.commitFailedInTransactionManager(why), failure);
    }

    /** A transaction that could not begin: the infrastructure failed, a retriable {@link StoreUnavailableException}. */
    public static StoreUnavailableException beginFailure(Throwable failure) {
        return new StoreUnavailableException(ApiMessages.beginFailed(describe(failure)), failure);
    }

    /**
     * The failure for a message: its type, and the SQL state and message of the database's exception
     * in its chain (also among suppressed exceptions), or else of its deepest cause.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable reason = chain.stream()
                .filter(t -> t instanceof SQLException)
                .findFirst()
                .orElse(null);
        if (reason == null) {
            reason = failure;
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                reason = t;
            }
        }
        String message = reason.getMessage() == null
                ? reason.getClass().getSimpleName()
                : reason.getMessage().strip();
        return failure.getClass().getName()
                + sqlState(chain).map(s -> " (SQLState " + s + ")").orElse("")
                + (reason == failure ? ": " + message : ", caused by " + message);
    }

    /** Exception types, by name, that mean the connection broke. */
    private static final Set<String> CONNECTION_TYPES = Set.of(
            "java.net.SocketException",
            "java.net.SocketTimeoutException",
            "java.io.EOFException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException");

    /** Exception types, by name, that mean a transaction was rolled back instead of committed. */
    private static final Set<String> ROLLED_BACK_TYPES = Set.of(
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.HeuristicRollbackException",
            "jakarta.persistence.RollbackException",
            "jakarta.transaction.TransactionRolledbackException");

    private static boolean isType(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The SQL state of the first SQL exception in the chain of {@code failure} that has one. */
    public static Optional<String> sqlState(Throwable failure) {
        return sqlState(chain(failure));
    }

    private static Optional<String> sqlState(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && !s.getSQLState().isBlank()) {
                        return Optional.of(s.getSQLState());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code failure}, its causes, and the exceptions suppressed by any of them with their causes,
     * each once, at most 100.
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && chain.size() < 100) {
            for (Throwable t = pending.poll(); t != null && seen.add(t); t = t.getCause()) {
                chain.add(t);
                pending.addAll(Arrays.asList(t.getSuppressed()));
            }
        }
        return chain;
    }

    /** The first throwable of type {@code type} in the chain of {@code failure}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
