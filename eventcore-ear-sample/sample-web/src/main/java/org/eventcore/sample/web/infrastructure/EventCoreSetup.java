package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.JtaJpa;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.spi.EventStore;

/** What the application gives EventCore: its store, checkpoints and leases, on its persistence unit. */
@ApplicationScoped
public class EventCoreSetup {

    @Inject
    EntityManager em;

    @Inject
    DatabaseSchema schema;

    /** The store; {@code @Singleton} so that the projections' runners also see it as the global log. */
    @Produces
    @Singleton
    EventStore store(EventTypeRegistry types) {
        JpaStoreSettings settings = JpaStoreSettings.DEFAULT.withDialect(schema.ensure());
        return JpaEventStore.create(JtaJpa.containerManaged(em), JsonbEventSerializer.create(types), settings);
    }

    @Produces
    @ApplicationScoped
    CheckpointStore checkpoints() {
        schema.ensure();
        return JpaCheckpointStore.create(JtaJpa.containerManaged(em));
    }

    @Produces
    @ApplicationScoped
    ProjectionLeases leases() {
        schema.ensure();
        return JpaProjectionLeases.create(JtaJpa.containerManaged(em), Clock.systemUTC());
    }
}
