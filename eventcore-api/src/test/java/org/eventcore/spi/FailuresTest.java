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
}
