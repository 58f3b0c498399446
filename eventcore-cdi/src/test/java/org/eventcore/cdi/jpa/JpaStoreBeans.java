package org.eventcore.cdi.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.JtaJpa;
import org.eventcore.jpa.TestJta;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.spi.EventStore;

/** What the application produces: the JPA store on its JTA persistence unit, and the access to it. */
@ApplicationScoped
public class JpaStoreBeans {

    private final JtaJpa jpa = TestJta.jpa("eventcore-hibernate-jta");

    private final JpaEventStore store = JpaEventStore.create(
            jpa,
            JsonbEventSerializer.create(EventTypeRegistry.builder()
                    .register("cdi.Added", 1, Added.class)
                    .build()),
            JpaStoreSettings.DEFAULT);

    /** The store, @Singleton so that it is not hidden behind a client proxy (it also reads the log). */
    @Produces
    @jakarta.inject.Singleton
    EventStore store() {
        return store;
    }

    @Produces
    JtaJpa jpa() {
        return jpa;
    }
}
