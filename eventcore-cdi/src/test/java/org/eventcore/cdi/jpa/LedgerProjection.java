package org.eventcore.cdi.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.jpa.JtaJpa;

/**
 * A durable projection into a table keyed by event id: a second application of an event would break
 * the key, so the table proves exactly-once.
 */
@ApplicationScoped
public class LedgerProjection {

    @Inject
    JtaJpa jpa;

    void on(@Observes @Projection("cdi-ledger") Added added, EventContext context) {
        jpa.withEntityManager(
                em -> em.createNativeQuery("insert into cdi_ledger (event_id, counter, amount) values (?1, ?2, ?3)")
                        .setParameter(1, context.event().id().toString())
                        .setParameter(2, context.streamId().value())
                        .setParameter(3, added.amount())
                        .executeUpdate());
    }
}
