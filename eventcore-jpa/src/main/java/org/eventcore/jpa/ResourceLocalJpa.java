package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eventcore.jpa.internal.SqlFailures;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.spi.AttemptBoundaryTemplate;

/**
 * Resource-local transactions for Java SE: each attempt of a command gets a fresh entity manager and
 * transaction, committed when the attempt returns and rolled back when it throws. It is both the
 * executor's {@link AttemptBoundary} and the store's {@link EntityManagerAccess}.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("eventcore");
 * ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
 * JpaEventStore store = JpaEventStore.create(jpa, serializer, JpaStoreSettings.DEFAULT);
 * CommandExecutor executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withBoundary(jpa));
 * }</pre>
 *
 * <p>A failed commit whose connection was lost is reported as
 * {@link org.eventcore.CommitOutcomeUnknownException}, so the executor looks the command up before
 * running it again. Thread-safe: each thread has its own current attempt.
 */
public final class ResourceLocalJpa extends AttemptBoundaryTemplate implements EntityManagerAccess {

    private static final System.Logger LOG = System.getLogger(ResourceLocalJpa.class.getName());

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    private ResourceLocalJpa(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Transactions on entity managers of {@code factory} (a RESOURCE_LOCAL persistence unit). */
    public static ResourceLocalJpa create(EntityManagerFactory factory) {
        return new ResourceLocalJpa(factory);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> body) {
        if (current.get() != null) {
            throw new IllegalStateException(JpaMessages.nestedAttempt());
        }
        EntityManager em = factory.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            current.set(em);
            tx.begin();
            T result;
            try {
                result = body.get();
            } catch (RuntimeException | Error e) {
                rollback(tx);
                throw e;
            }
            try {
                tx.commit();
            } catch (RuntimeException e) {
                rollback(tx);
                throw commitFailed(e);
            }
            return result;
        } finally {
            current.remove();
            close(em);
        }
    }

    /**
     * Closes {@code em} once its attempt has ended. A failure here (the pool could not take back a
     * broken connection, say) says nothing about the attempt, which has committed or rolled back
     * already: it is logged, never thrown, so that a committed attempt is never reported as failed.
     */
    private static void close(EntityManager em) {
        try {
            em.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, JpaMessages.closeFailed(), e);
        }
    }

    @Override
    protected RuntimeException workFailed(RuntimeException failure) {
        return failure instanceof PersistenceException p ? SqlFailures.translate(p, "attempt") : failure;
    }

    @Override
    public <T> T withEntityManager(Function<EntityManager, T> work) {
        EntityManager em = current.get();
        if (em != null) {
            return work.apply(em);
        }
        return execute(attempt -> work.apply(current.get()));
    }

    private static void rollback(EntityTransaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, JpaMessages.rollbackFailed(), e);
        }
    }
}
