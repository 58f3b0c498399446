package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JtaJpaTest {

    /** Every call made to the fake factory and its entity managers, in order. */
    private final List<String> calls = new ArrayList<>();

    private final FakeRegistry registry = new FakeRegistry();

    private EntityManager entityManager(int n) {
        return (EntityManager) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    calls.add("em" + n + "." + method.getName());
                    return switch (method.getName()) {
                        case "isOpen" -> true;
                        case "toString" -> "em" + n;
                        case "hashCode" -> n;
                        case "equals" -> proxy == args[0];
                        default -> null;
                    };
                });
    }

    private final EntityManagerFactory factory = (EntityManagerFactory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {EntityManagerFactory.class}, (proxy, method, args) -> {
                calls.add("factory." + method.getName());
                if (method.getName().equals("createEntityManager")) {
                    return entityManager((int) calls.stream()
                            .filter(c -> c.equals("factory.createEntityManager"))
                            .count());
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void without_a_transaction_it_refuses_and_creates_no_entity_manager() {
        registry.status = Status.STATUS_NO_TRANSACTION;
        JtaJpa jpa = JtaJpa.create(factory, registry);

        assertThatThrownBy(() -> jpa.withEntityManager(em -> "never"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EC3010 The JPA event store needs an active JTA transaction, but there is none on this"
                        + " thread: call it inside a transaction (an attempt of JtaAttemptBoundary, a @Transactional"
                        + " method or UserTransaction.begin())");
        assertThat(calls).isEmpty();
    }

    @Test
    void a_transaction_marked_for_rollback_is_refused_as_a_transient_failure() {
        registry.status = Status.STATUS_MARKED_ROLLBACK;

        assertThatThrownBy(() -> JtaJpa.create(factory, registry).withEntityManager(em -> "never"))
                .isInstanceOf(org.eventcore.StoreUnavailableException.class)
                .hasMessageStartingWith("EC3017 The JTA transaction of this attempt is marked for rollback")
                .satisfies(e -> assertThat(((org.eventcore.StoreUnavailableException) e).isRetriable())
                        .isTrue());
        assertThat(calls).isEmpty();
    }

    @Test
    void one_transaction_gets_one_joined_entity_manager_which_is_closed_after_completion() {
        JtaJpa jpa = JtaJpa.create(factory, registry);

        EntityManager first = jpa.withEntityManager(em -> em);
        EntityManager again = jpa.withEntityManager(em -> em);

        assertThat(again).isSameAs(first);
        assertThat(calls).containsExactly("factory.createEntityManager", "em1.joinTransaction");
        assertThat(registry.synchronizations).hasSize(1);

        registry.complete(Status.STATUS_COMMITTED);
        assertThat(calls).endsWith("em1.isOpen", "em1.close");

        registry.status = Status.STATUS_ACTIVE;
        EntityManager next = jpa.withEntityManager(em -> em);
        assertThat(next).as("the next transaction").isNotSameAs(first);
    }

    @Test
    void two_accesses_keep_their_entity_managers_apart_in_one_transaction() {
        EntityManager one = JtaJpa.create(factory, registry).withEntityManager(em -> em);
        EntityManager two = JtaJpa.create(factory, registry).withEntityManager(em -> em);

        assertThat(two).isNotSameAs(one);
    }

    @Test
    void an_entity_manager_that_cannot_join_is_closed_and_not_kept() {
        EntityManagerFactory refusing = (EntityManagerFactory) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EntityManagerFactory.class},
                (p, m, a) -> Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                            calls.add(method.getName());
                            if (method.getName().equals("joinTransaction")) {
                                throw new jakarta.persistence.TransactionRequiredException("not a JTA unit");
                            }
                            return null;
                        }));

        assertThatThrownBy(() -> JtaJpa.create(refusing, registry).withEntityManager(em -> em))
                .hasMessage("not a JTA unit");
        assertThat(calls).containsExactly("joinTransaction", "close");
        assertThat(registry.resources).isEmpty();
        assertThat(registry.synchronizations).isEmpty();
    }

    @Test
    void a_container_managed_entity_manager_is_used_as_it_is() {
        EntityManager em = entityManager(7);

        EntityManager used = JtaJpa.containerManaged(em).withEntityManager(e -> e);
        assertThat(used).isSameAs(em);
        assertThat(calls).isEmpty();
    }

    /** A registry of one transaction on one thread. */
    static final class FakeRegistry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
            resources.clear();
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
