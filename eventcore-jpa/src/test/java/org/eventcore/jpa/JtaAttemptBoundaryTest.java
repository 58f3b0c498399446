package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.EventCoreException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JtaAttemptBoundaryTest {

    private final FakeTransactionManager tm = new FakeTransactionManager();
    private final JtaAttemptBoundary boundary = JtaAttemptBoundary.create(tm);

    private static <E extends Exception> E causedBy(E failure, String sqlState) {
        failure.initCause(new SQLException("driver says " + sqlState, sqlState));
        return failure;
    }

    /** What a commit that throws {@code failure} is reported as; the thread has left the transaction. */
    private EventCoreException commitFailing(Exception failure) {
        tm.commitFailure = failure;
        List<String> hooks = new ArrayList<>();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> boundary.execute(attempt -> {
            attempt.afterCommit(() -> hooks.add("after-commit"));
            attempt.afterRollback(() -> hooks.add("after-rollback"));
            return "result";
        }));
        assertThat(hooks).containsExactly("after-rollback");
        assertThat(tm.status).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(thrown).isInstanceOf(EventCoreException.class).hasCause(failure);
        return (EventCoreException) thrown;
    }

    @Test
    void a_commit_whose_connection_was_lost_has_an_unknown_outcome() {
        assertThat(commitFailing(causedBy(new RollbackException("one-phase commit failed"), "08006")))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320")
                .hasMessageContaining("driver says 08006");
        assertThat(commitFailing(causedBy(new HeuristicRollbackException("gone"), "57P01")))
                .isInstanceOf(CommitOutcomeUnknownException.class);
    }

    @Test
    void a_lost_connection_reported_as_a_suppressed_resource_failure_is_found() {
        // Narayana's shape: the resource's XAException, caused by the driver's, is suppressed, not a cause
        RollbackException narayana = new RollbackException("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException resource = new javax.transaction.xa.XAException("local commit failed");
        resource.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        narayana.addSuppressed(resource);

        assertThat(commitFailing(narayana))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320")
                .hasMessageEndingWith("FATAL: terminating connection due to administrator command");
    }

    @Test
    void a_heuristic_mixed_outcome_is_unknown() {
        assertThat(commitFailing(new HeuristicMixedException("partly")))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1321 The transaction ended with a heuristic mixed outcome");
    }

    @Test
    void a_failing_transaction_manager_leaves_the_outcome_unknown() {
        assertThat(commitFailing(new SystemException("log full")))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1324 The transaction manager failed while committing");
        tm.status = Status.STATUS_NO_TRANSACTION;
        assertThat(commitFailing(new IllegalStateException("no transaction")))
                .isInstanceOf(CommitOutcomeUnknownException.class);
    }

    @Test
    void a_transaction_rolled_back_instead_of_committed_is_transient() {
        EventCoreException e = commitFailing(new RollbackException("timed out"));
        assertThat(e)
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(e.isRetriable()).isTrue();
        assertThat(e).hasMessageStartingWith("EC1323 The transaction was rolled back instead of committed");
    }

    @Test
    void other_database_failures_at_commit_are_classified_by_SQL_state() {
        assertThat(commitFailing(causedBy(new RollbackException("serialization"), "40001")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("EC1323");
        assertThat(commitFailing(causedBy(new RollbackException("denied"), "42501")))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageStartingWith("EC1322");
    }

    @Test
    void work_that_throws_is_rolled_back_and_never_committed() {
        IllegalArgumentException failure = new IllegalArgumentException("no");

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(tm.calls).containsExactly("getStatus", "begin", "rollback", "getStatus");
    }

    @Test
    void a_before_commit_hook_that_throws_rolls_back() {
        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    attempt.beforeCommit(() -> {
                        throw new IllegalStateException("veto");
                    });
                    return "result";
                }))
                .hasMessage("veto");
        assertThat(tm.calls).contains("rollback").doesNotContain("commit");
    }

    @Test
    void a_provider_exception_from_the_work_is_translated() {
        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    throw causedBy(new PersistenceException("deadlock"), "40P01");
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("EC3301");
    }

    @Test
    void an_attempt_refuses_to_start_in_a_running_transaction() {
        tm.status = Status.STATUS_ACTIVE;

        assertThatThrownBy(() -> boundary.execute(attempt -> "never"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("EC3011 A JTA transaction is already active on this thread")
                .hasMessageContaining("does not join the caller's")
                .hasMessageContaining("eventcore-cdi");
        assertThat(tm.calls).containsExactly("getStatus");
    }

    @Test
    void a_transaction_manager_that_cannot_begin_is_a_transient_failure() {
        tm.beginFailure = new SystemException("no log");

        assertThatThrownBy(() -> boundary.execute(attempt -> "never"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("EC1325");
    }

    /** A transaction manager of one thread whose commit can be made to fail. */
    static final class FakeTransactionManager implements TransactionManager {
        int status = Status.STATUS_NO_TRANSACTION;
        Exception commitFailure;
        SystemException beginFailure;
        final List<String> calls = new ArrayList<>();

        @Override
        public void begin() throws SystemException {
            calls.add("begin");
            if (beginFailure != null) {
                throw beginFailure;
            }
            status = Status.STATUS_ACTIVE;
        }

        @Override
        public void commit()
                throws RollbackException, HeuristicMixedException, HeuristicRollbackException, SystemException {
            calls.add("commit");
            Exception failure = commitFailure;
            if (failure == null) {
                status = Status.STATUS_NO_TRANSACTION;
                return;
            }
            // like Narayana, a failed commit may leave the thread associated: the boundary must leave
            if (failure instanceof RollbackException e) {
                throw e;
            } else if (failure instanceof HeuristicMixedException e) {
                throw e;
            } else if (failure instanceof HeuristicRollbackException e) {
                throw e;
            } else if (failure instanceof SystemException e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }

        @Override
        public int getStatus() {
            calls.add("getStatus");
            return status;
        }

        @Override
        public Transaction getTransaction() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume(Transaction tobj) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rollback() {
            calls.add("rollback");
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public void setTransactionTimeout(int seconds) {}

        @Override
        public Transaction suspend() {
            calls.add("suspend");
            status = Status.STATUS_NO_TRANSACTION;
            return null;
        }
    }
}
