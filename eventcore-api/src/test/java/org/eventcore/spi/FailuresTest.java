package org.eventcore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.spi.Failures.Kind;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailuresTest {

    /** How a JPA provider reports a driver's failure: its own exception around the SQL exception. */
    static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("could not execute statement", new SQLException("the driver's message", sqlState));
    }

    @ParameterizedTest(name = "SQLState {0} is {1}")
    @CsvSource({
        "08006, TRANSIENT", // connection failure
        "08003, TRANSIENT", // connection does not exist
        "57P01, TRANSIENT", // terminated by administrator command (pg_terminate_backend)
        "57014, TRANSIENT", // query cancelled (statement timeout)
        "40001, TRANSIENT", // serialization failure
        "40P01, TRANSIENT", // deadlock
        "53300, TRANSIENT", // too many connections
        "55P03, TRANSIENT", // lock not available
        "58030, TRANSIENT", // I/O error
        "XX000, TRANSIENT", // internal error
        "90067, TRANSIENT", // an unknown state (H2's connection broken): never taken for the data's fault
        "23505, DATA", // unique violation
        "23503, DATA", // foreign key violation
        "22001, DATA", // value too long
        "22P02, DATA", // invalid text representation
        "42P01, DATA", // undefined table
        "42501, DATA", // insufficient privilege
        "P0001, DATA", // raised by PL/pgSQL
        "21000, DATA", // cardinality violation
    })
    void a_database_failure_is_classified_by_the_class_of_its_sql_state(String state, Kind kind) {
        assertThat(Failures.classify(wrapped(state))).isEqualTo(kind);
    }

    @Test
    void the_handlers_own_exception_is_other() {
        assertThat(Failures.classify(new IllegalStateException("cannot project event 3")))
                .isEqualTo(Kind.OTHER);
        assertThat(Failures.classify(new StoreFailureException("EC3399 refused")))
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void a_retriable_eventcore_failure_is_transient() {
        assertThat(Failures.classify(new StoreUnavailableException("EC3303 down")))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(new RuntimeException(new CommitOutcomeUnknownException("EC3304 lost", null))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_timeout_or_connection_exception_anywhere_in_the_chain_is_transient() {
        assertThat(Failures.classify(new IllegalStateException(
                        "the REST call failed", new RuntimeException(new SocketTimeoutException("read timed out")))))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(Failures.classify(new RuntimeException(new SQLTransientConnectionException("pool exhausted"))))
                .as("a standard transient SQL exception without a state")
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void a_failure_a_transaction_manager_suppressed_counts() {
        RuntimeException rolledBack = new RuntimeException("the transaction rolled back");
        rolledBack.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(Failures.classify(rolledBack)).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void the_first_sql_state_of_the_chain_decides_and_a_data_error_is_not_hidden_by_a_wrapper() {
        RuntimeException outer = new RuntimeException(
                "flush failed", new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(Failures.sqlState(outer)).contains("23505");
        assertThat(Failures.classify(outer)).isEqualTo(Kind.DATA);
    }

    @Test
    void a_chain_with_a_cycle_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Failures.chain(a)).containsExactly(a, b);
        assertThat(Failures.classify(a)).isEqualTo(Kind.OTHER);
    }

    @ParameterizedTest(name = "SQLState {0} means the connection is gone: {1}")
    @CsvSource({
        "08006, true",
        "08003, true",
        "57P01, true",
        "57P02, true",
        "57P03, true",
        "57014, false",
        "40001, false"
    })
    void connection_loss_is_told_by_sql_state(String state, boolean lost) {
        assertThat(Failures.isConnectionLoss(wrapped(state))).isEqualTo(lost);
    }

    @Test
    void a_socket_exception_is_a_connection_loss_too() {
        assertThat(Failures.isConnectionLoss(new RuntimeException(new java.net.SocketException("Connection reset"))))
                .isTrue();
    }

    @Test
    void a_commit_that_lost_its_connection_has_an_unknown_outcome_whichever_boundary_reports_it() {
        // resource-local: the provider's exception around the driver's
        assertThat(Failures.commitFailure(wrapped("08006")))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320 The connection was lost while committing");
        // JTA: the transaction manager suppresses its resource's failure (57P01: terminated by an admin)
        Exception manager = new Exception("could not commit");
        manager.addSuppressed(new RuntimeException("xa", new SQLException("terminating connection", "57P01")));
        assertThat(Failures.commitFailure(manager))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageContaining("terminating connection");
    }

    @Test
    void a_commit_rolled_back_by_the_database_or_the_manager_is_retried_and_a_data_error_is_not() {
        assertThat(Failures.commitFailure(wrapped("40001")))
                .isInstanceOf(StoreUnavailableException.class)
                .isNotInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1323");
        assertThat(Failures.commitFailure(wrapped("23505")))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageStartingWith("EC1322");
    }

    @Test
    void a_commit_failure_that_says_nothing_more_has_an_unknown_outcome() {
        assertThat(Failures.commitFailure(new IllegalStateException("the transaction manager broke")))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1324")
                .hasMessageContaining("the transaction manager broke");
        StoreUnavailableException already = new StoreUnavailableException("EC3303 down");
        assertThat(Failures.commitFailure(already)).isSameAs(already);
    }

    @Test
    void a_transaction_that_cannot_begin_is_a_transient_failure() {
        assertThat(Failures.beginFailure(new IllegalStateException("no transaction manager")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("EC1325")
                .hasMessageContaining("no transaction manager");
    }
}
