package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * How the store reaches the {@link EntityManager} of the current unit of work. In Java SE,
 * {@link ResourceLocalJpa} provides it (and the attempt boundary that opens it); in a Jakarta EE
 * server, the CDI module wraps the container-managed, transaction-scoped entity manager.
 *
 * <p>Implementations are thread-safe.
 */
public interface EntityManagerAccess {

    /**
     * Runs {@code work} with the entity manager of the current attempt, or, when no attempt is
     * running on this thread, in a short transaction of its own.
     */
    <T> T withEntityManager(Function<EntityManager, T> work);
}
