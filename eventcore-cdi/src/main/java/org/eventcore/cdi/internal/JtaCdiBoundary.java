package org.eventcore.cdi.internal;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.EventCoreException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.AttemptHooks;

/**
 * The bus's attempt boundary: each attempt in a new JTA transaction (through
 * {@link AttemptTransactions}), its after-commit and after-rollback hooks bound to the transaction's
 * completion. With {@code joinCaller}, the attempt runs in the caller's transaction instead.
 */
final class JtaCdiBoundary implements AttemptBoundary {

    private final AttemptTransactions transactions;
    private final TransactionSynchronizationRegistry registry;
    private final boolean joinCaller;

    JtaCdiBoundary(AttemptTransactions transactions, TransactionSynchronizationRegistry registry, boolean joinCaller) {
        this.transactions = transactions;
        this.registry = registry;
        this.joinCaller = joinCaller;
    }

    @Override
    public <T> T execute(AttemptWork<T> work) {
        if (joinCaller) {
            return inCurrentTransaction(work);
        }
        try {
            return transactions.inNewTransaction(() -> inCurrentTransaction(work));
        } catch (TransactionalException e) {
            throw commitFailure(e);
        }
    }

    private <T> T inCurrentTransaction(AttemptWork<T> work) {
        AttemptHooks hooks = new AttemptHooks();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    hooks.runAfterCommit();
                } else {
                    hooks.runAfterRollback();
                }
            }
        });
        T result = work.run(hooks);
        hooks.runBeforeCommit();
        return result;
    }

    /** A failure of the container's transaction interceptor at begin or commit. */
    private static EventCoreException commitFailure(TransactionalException e) {
        Throwable cause = e.getCause();
        if (cause instanceof EventCoreException ece) {
            return ece;
        }
        if (lostConnection(e)) {
            return new CommitOutcomeUnknownException(
                    "EC2020 The connection was lost while committing; the command may or may not be stored: " + e, e);
        }
        if (cause instanceof RollbackException || cause instanceof HeuristicRollbackException) {
            return new StoreUnavailableException(
                    "EC2021 The transaction was rolled back instead of committed; the command runs again if attempts"
                            + " remain: " + e,
                    e);
        }
        if (cause instanceof HeuristicMixedException) {
            return new CommitOutcomeUnknownException(
                    "EC2022 The transaction ended with a heuristic outcome; the command may or may not be stored", e);
        }
        return new CommitOutcomeUnknownException(
                "EC2023 The transaction manager failed; the command may or may not be stored: " + e, e);
    }

    private static boolean lostConnection(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return false;
    }
}
