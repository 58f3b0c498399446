package org.eventcore.cdi.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.jpa.JtaJpa;

/** An inline projection into a real table, in the command's transaction. */
@ApplicationScoped
public class TotalsTable {

    @Inject
    JtaJpa jpa;

    private volatile boolean fail;

    public void failNext() {
        fail = true;
    }

    void project(@Observes Added added, EventContext context) {
        jpa.withEntityManager(em -> em.createNativeQuery("insert into cdi_totals (counter, total) values (?1, ?2)"
                        + " on conflict (counter) do update set total = cdi_totals.total + excluded.total")
                .setParameter(1, context.streamId().value())
                .setParameter(2, added.amount())
                .executeUpdate());
        if (fail) {
            fail = false;
            throw new IllegalStateException("projection failed after writing its row");
        }
    }
}
