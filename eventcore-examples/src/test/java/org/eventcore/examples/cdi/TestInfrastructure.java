package org.eventcore.examples.cdi;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eventcore.cdi.EventCoreExecutor;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.EventStore;

/**
 * What a server would provide and the tests produce instead: the application's event store (here
 * in memory), and the executor that runs durable projections and asynchronous commands.
 */
public class TestInfrastructure {

    /** {@code @Singleton}, not a client proxy, so that the bus also sees the store's other roles (the global log). */
    @Produces
    @Singleton
    EventStore store() {
        return InMemoryEventStore.create();
    }

    @Produces
    @Singleton
    @EventCoreExecutor
    ExecutorService executor() {
        return Executors.newFixedThreadPool(2);
    }

    void shutDown(@Disposes @EventCoreExecutor ExecutorService executor) {
        executor.shutdownNow();
    }
}
