package org.eventcore.cdi.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eventcore.cdi.EventCoreExecutor;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.JtaJpa;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;

/** Checkpoints and leases in the database, through the same JTA entity managers as the store. */
@ApplicationScoped
public class ProjectionBeans {

    @Produces
    @ApplicationScoped
    CheckpointStore checkpoints(JtaJpa jpa) {
        return JpaCheckpointStore.create(jpa);
    }

    @Produces
    @ApplicationScoped
    ProjectionLeases leases(JtaJpa jpa) {
        return JpaProjectionLeases.create(jpa, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    @EventCoreExecutor
    ExecutorService executor() {
        return Executors.newCachedThreadPool();
    }

    void close(@Disposes @EventCoreExecutor ExecutorService executor) {
        executor.shutdownNow();
    }
}
