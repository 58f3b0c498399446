package org.eventcore.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.eventcore.EventCoreException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqlFailuresTest {

    /** A provider exception wrapping a driver exception two levels down, as Hibernate and EclipseLink do. */
    private static PersistenceException wrapped(String state, String message) {
        return new PersistenceException("provider", new RuntimeException("middle", new SQLException(message, state)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"40001", "40P01", "08006", "08001", "57P01", "57P02", "57P03", "53300", "57014", "55P03", "HYT00"
            })
    void transient_states_are_retriable(String state) {
        EventCoreException e = SqlFailures.translate(wrapped(state, "boom"), "append");
        assertThat(e).isInstanceOf(StoreUnavailableException.class);
        assertThat(e.isRetriable()).isTrue();
        assertThat(e.getMessage())
                .contains("SQLState " + state)
                .contains("boom")
                .contains("append");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42501", "42P01", "22001", "P0001", "23502"})
    void permanent_states_are_not_retriable(String state) {
        EventCoreException e = SqlFailures.translate(wrapped(state, "refused"), "append");
        assertThat(e).isInstanceOf(StoreFailureException.class);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage())
                .startsWith("EC3399")
                .contains("SQLState " + state)
                .contains("refused");
    }

    @Test
    void a_unique_violation_is_a_concurrent_append_the_command_runs_again_for() {
        assertThat(SqlFailures.translate(wrapped("23505", "ec_events_stream_version_key"), "append"))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("EC3302");
    }

    @Test
    void a_failure_without_sql_state_is_permanent_unless_it_is_a_timeout() {
        assertThat(SqlFailures.translate(new PersistenceException("mapping broken"), "read"))
                .isInstanceOf(StoreFailureException.class);
        assertThat(SqlFailures.translate(new jakarta.persistence.QueryTimeoutException("slow"), "read"))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void the_state_is_found_in_chained_next_exceptions_and_suppressed_ones() {
        SQLException batch = new SQLException("batch failed");
        batch.setNextException(new SQLException("the real one", "40P01"));
        assertThat(SqlFailures.translate(new PersistenceException(batch), "append"))
                .hasMessageStartingWith("EC3301");
        Exception transactionManager = new Exception("could not flush");
        transactionManager.addSuppressed(new RuntimeException("xa", new SQLException("refused", "42501")));
        assertThat(SqlFailures.translate(new RuntimeException("flush failed", transactionManager), "append"))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining("SQLState 42501");
    }

    @Test
    void a_cycle_of_causes_and_suppressed_exceptions_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertThat(SqlFailures.translate(b, "read")).isInstanceOf(StoreFailureException.class);
    }

    @Test
    void a_driver_timeout_that_also_carries_a_state_is_transient() {
        PersistenceException e = new PersistenceException(new java.sql.SQLTimeoutException("lock wait", "XX999"));
        assertThat(SqlFailures.translate(e, "append")).isInstanceOf(StoreUnavailableException.class);
    }
}
