package org.eventcore.sample.it.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.projection.inmemory.InMemoryCheckpointStore;
import org.eventcore.projection.inmemory.InMemoryProjectionLeases;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.spi.EventStore;

/** The stores of the WAR that {@code WarReadinessIT} deploys: in memory. */
@ApplicationScoped
public class InMemoryStores {

    private final InMemoryEventStore events = InMemoryEventStore.create();
    private final InMemoryCheckpointStore checkpoints = InMemoryCheckpointStore.create();
    private final InMemoryProjectionLeases leases = InMemoryProjectionLeases.create(checkpoints, Clock.systemUTC());

    @Produces
    EventStore events() {
        return events;
    }

    @Produces
    CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Produces
    ProjectionLeases leases() {
        return leases;
    }
}
