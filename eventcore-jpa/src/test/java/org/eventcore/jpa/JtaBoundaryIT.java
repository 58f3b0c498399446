package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JtaAttemptBoundary} and {@link JtaJpa} on Narayana and PostgreSQL: where the hooks run,
 * what a failing attempt leaves behind, and what a lost connection at commit is reported as.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JtaBoundaryIT {

    private static final String HIBERNATE = "eventcore-hibernate-jta";

    private final TransactionManager tm = TestJta.transactionManager();
    private final JtaAttemptBoundary boundary = JtaAttemptBoundary.create(tm);
    private final StoreFixture streams = StoreFixture.withPrefix("jta-boundary");

    private String status() {
        try {
            return JtaJpa.statusName(tm.getStatus());
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int eventsIn(String unit, StreamId stream) {
        return StoreFixture.read(TestJta.storePerCall(unit), stream).events().size();
    }

    /** The events of {@code stream} that another thread, in a transaction of its own, can see. */
    private static int eventsSeenByOthers(String unit, StreamId stream) {
        return CompletableFuture.supplyAsync(() -> eventsIn(unit, stream))
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    @Test
    void hooks_run_before_commit_inside_and_after_commit_outside_the_transaction() {
        JpaEventStore store = TestJta.store(HIBERNATE);
        StreamId a = streams.stream("a");
        List<String> order = new ArrayList<>();

        String result = boundary.execute(attempt -> {
            attempt.afterCommit(
                    () -> order.add("after-commit " + status() + ", visible: " + eventsSeenByOthers(HIBERNATE, a)));
            attempt.afterRollback(() -> order.add("after-rollback"));
            attempt.beforeCommit(
                    () -> order.add("before-commit " + status() + ", visible: " + eventsSeenByOthers(HIBERNATE, a)));
            attempt.afterCommit(() -> {
                throw new IllegalStateException("a failing after-commit hook is logged");
            });
            attempt.afterCommit(() -> order.add("second after-commit"));
            store.append(request().expect(a, 0).write(a, event(1)).build());
            order.add("work " + status());
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(order)
                .containsExactly(
                        "work active",
                        "before-commit active, visible: 0",
                        "after-commit absent, visible: 1",
                        "second after-commit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void work_that_throws_after_appending_rolls_back_and_runs_only_the_after_rollback_hooks(String unit) {
        JpaEventStore store = TestJta.store(unit);
        StreamId a = streams.stream(unit + "-a");
        StreamId b = streams.stream(unit + "-b");
        List<String> order = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    attempt.beforeCommit(() -> order.add("before-commit"));
                    attempt.afterCommit(() -> order.add("after-commit"));
                    attempt.afterRollback(() -> {
                        throw new IllegalStateException("a failing after-rollback hook is logged");
                    });
                    attempt.afterRollback(() -> order.add("after-rollback " + status()));
                    store.append(request()
                            .expect(a, 0)
                            .expect(b, 0)
                            .write(a, event(1))
                            .write(b, event(2))
                            .build());
                    order.add(
                            "appended " + store.read(Set.of(a)).get(a).events().size());
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(order).containsExactly("appended 1", "after-rollback absent");
        assertThat(eventsIn(unit, a)).isZero();
        assertThat(eventsIn(unit, b)).isZero();
    }

    @Test
    void an_attempt_does_not_start_inside_the_callers_transaction() throws Exception {
        tm.begin();
        try {
            assertThatThrownBy(() -> boundary.execute(attempt -> "never"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("EC3011 A JTA transaction is already active on this thread")
                    .hasMessageContaining("CDI");
            assertThat(tm.getStatus())
                    .as("the caller's transaction is untouched")
                    .isEqualTo(Status.STATUS_ACTIVE);
        } finally {
            tm.rollback();
        }
    }

    @Test
    void the_store_refuses_to_work_outside_a_transaction() {
        JpaEventStore store = TestJta.store(HIBERNATE);
        StreamId a = streams.stream("a");

        assertThatThrownBy(() -> store.read(Set.of(a)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("EC3010")
                .hasMessageContaining("there is none on this thread")
                .hasMessageContaining("call it inside a transaction");
        assertThatThrownBy(() ->
                        store.append(request().expect(a, 0).write(a, event(1)).build()))
                .hasMessageStartingWith("EC3010");
    }

    @Test
    void each_transaction_has_its_own_entity_manager_closed_at_its_end() {
        JtaJpa jpa = TestJta.jpa(HIBERNATE);
        List<jakarta.persistence.EntityManager> seen = new ArrayList<>();

        boundary.execute(attempt -> {
            seen.add(jpa.withEntityManager(em -> em));
            seen.add(jpa.withEntityManager(em -> em));
            return null;
        });
        boundary.execute(attempt -> seen.add(jpa.withEntityManager(em -> em)));

        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isNotSameAs(seen.get(0));
        assertThat(seen).noneMatch(jakarta.persistence.EntityManager::isOpen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void a_connection_lost_at_commit_leaves_the_outcome_unknown(String unit) throws Exception {
        JtaJpa jpa = TestJta.jpa(unit);
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        StreamId a = streams.stream(unit + "-a");
        List<String> hooks = new ArrayList<>();

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    store.append(request().expect(a, 0).write(a, event(1)).build());
                    int pid = backendPid(jpa);
                    attempt.beforeCommit(() -> terminate(pid));
                    attempt.afterCommit(() -> hooks.add("after-commit"));
                    attempt.afterRollback(() -> hooks.add("after-rollback"));
                    return null;
                }))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320 The connection was lost while committing");

        assertThat(hooks).containsExactly("after-rollback");
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(eventsIn(unit, a)).as("the database rolled back").isZero();
    }

    /** The PostgreSQL backend of the current transaction's connection. */
    static int backendPid(JtaJpa jpa) {
        return jpa.withEntityManager(
                em -> ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue());
    }

    /** Ends backend {@code pid} as an administrator would, and waits until it is gone. */
    static void terminate(int pid) {
        try (Connection admin = TestDatabases.adminConnection();
                PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)");
                PreparedStatement alive =
                        admin.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
            kill.setInt(1, pid);
            kill.execute();
            alive.setInt(1, pid);
            for (int i = 0; i < 500; i++) {
                try (ResultSet r = alive.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("backend " + pid + " is still alive");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
