package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.eventcore.jpa.internal.SqlFailures;

/** How the JPA store's parts run their statements: through the entity manager access, failures translated. */
final class StoreWork {

    private StoreWork() {}

    /**
     * Runs {@code work} through {@code access}, translating a provider failure of {@code operation}
     * into the EventCore error tree.
     */
    static <T> T run(EntityManagerAccess access, String operation, Function<EntityManager, T> work) {
        try {
            return access.withEntityManager(work);
        } catch (PersistenceException e) {
            throw SqlFailures.translate(e, operation);
        }
    }
}
