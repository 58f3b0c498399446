package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.CommitOutcomeUnknownException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The resource-local boundary's outcomes, on a fake factory: an attempt that committed is reported as
 * committed whatever happens when its entity manager is closed (a pool refusing a broken connection
 * back), and a commit that fails as a lost connection is an unknown outcome.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResourceLocalJpaTest {

    private final List<String> calls = new ArrayList<>();

    /** A factory whose entity managers close with {@code onClose} and commit with {@code onCommit}. */
    private EntityManagerFactory factory(RuntimeException onCommit, RuntimeException onClose) {
        boolean[] active = {false};
        EntityTransaction tx = (EntityTransaction) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityTransaction.class}, (p, m, a) -> {
                    calls.add("tx." + m.getName());
                    switch (m.getName()) {
                        case "begin" -> active[0] = true;
                        case "commit" -> {
                            active[0] = false;
                            if (onCommit != null) {
                                throw onCommit;
                            }
                        }
                        case "rollback" -> active[0] = false;
                        case "isActive" -> {
                            return active[0];
                        }
                        default -> {}
                    }
                    return null;
                });
        EntityManager em = (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (p, m, a) -> {
                    calls.add("em." + m.getName());
                    return switch (m.getName()) {
                        case "getTransaction" -> tx;
                        case "close" -> {
                            if (onClose != null) {
                                throw onClose;
                            }
                            yield null;
                        }
                        default -> null;
                    };
                });
        return (EntityManagerFactory) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EntityManagerFactory.class},
                (p, m, a) -> m.getName().equals("createEntityManager") ? em : null);
    }

    @Test
    void an_attempt_that_committed_stays_committed_when_closing_its_entity_manager_fails() {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(
                factory(null, new PersistenceException("the pool could not take the connection back")));
        List<String> hooks = new ArrayList<>();

        String result = jpa.execute(attempt -> {
            attempt.afterCommit(() -> hooks.add("after commit"));
            attempt.afterRollback(() -> hooks.add("after rollback"));
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(hooks).containsExactly("after commit");
        assertThat(calls).containsSubsequence("tx.begin", "tx.commit", "em.close");
    }

    @Test
    void a_commit_that_loses_the_connection_has_an_unknown_outcome_and_the_entity_manager_is_closed() {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(factory(
                new PersistenceException(new java.sql.SQLException("I/O error", "08006")),
                new PersistenceException("closed")));

        assertThatThrownBy(() -> jpa.execute(attempt -> "maybe stored"))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320 ");
        assertThat(calls).contains("em.close");
    }
}
