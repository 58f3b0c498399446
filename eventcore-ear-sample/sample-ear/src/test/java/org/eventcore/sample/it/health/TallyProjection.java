package org.eventcore.sample.it.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.cdi.Projection;

/** A durable projection of the WAR that {@code WarReadinessIT} deploys. */
@ApplicationScoped
public class TallyProjection {

    private final AtomicLong total = new AtomicLong();

    void on(@Observes @Projection("tally") Tallied tallied) {
        total.addAndGet(tallied.amount());
    }
}
