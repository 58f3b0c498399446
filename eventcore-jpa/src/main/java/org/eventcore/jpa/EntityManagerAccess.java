package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * How the store reaches the {@link EntityManager} of the current unit of work. In Java SE,
 * {@link ResourceLocalJpa} provides it (and the attempt boundary that opens it); with JTA,
 * {@link JtaJpa} gives each transaction its own entity manager (with {@link JtaAttemptBoundary}
 * beginning one transaction per attempt), and in a Jakarta EE server
 * {@link JtaJpa#containerManaged(EntityManager)} uses the container-managed, transaction-scoped
 * entity manager.
 *
 * <p>Implementations are thread-safe.
 */
public interface EntityManagerAccess {

    /**
     * Runs {@code work} with the entity manager of the current attempt. When no attempt is running
     * on this thread, {@link ResourceLocalJpa} runs it in a short transaction of its own, while
     * {@link JtaJpa} refuses: under JTA the caller owns the transaction.
     */
    <T> T withEntityManager(Function<EntityManager, T> work);
}
