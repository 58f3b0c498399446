package org.eventcore.sample.web.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eventcore.StoredEvent;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.ProjectionReset;
import org.eventcore.sample.banking.AccountEvent;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.sample.banking.StatementLine;

/** The durable projection "statements": a line per deposit or withdrawal, taking whole envelopes. */
@ApplicationScoped
@ProjectionOptions(projection = "statements", pollIntervalMillis = 200)
public class StatementProjection {

    @Inject
    EntityManager em;

    /** The reset of a rebuild asked through the console, from the start of the log only. */
    void reset(@Observes @Projection("statements") ProjectionReset reset) {
        if (!reset.fromStart()) {
            throw new IllegalArgumentException("statements are rebuilt from the start of the log only");
        }
        em.createQuery("delete from StatementLine").executeUpdate();
    }

    void on(@Observes @Projection("statements") StoredEvent<? extends AccountEvent> event) {
        long cents = event.payload() instanceof MoneyDeposited d
                ? d.cents()
                : event.payload() instanceof MoneyWithdrawn w ? -w.cents() : 0;
        if (cents != 0) {
            em.persist(new StatementLine(
                    event.id().toString(),
                    event.streamId().value(),
                    event.version().value(),
                    cents,
                    event.metadata().user().orElse(null),
                    event.metadata().causationId().value()));
        }
    }
}
