package org.eventcore.sample.it.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;

/**
 * Test only: a projection that cannot handle an account whose owner holds markup, and says so with markup in its
 * error, which it skips and records: the console shows that error as text.
 */
@ApplicationScoped
@ProjectionOptions(projection = "hostile-skips", errorPolicy = ErrorPolicy.SKIP_AND_RECORD, pollIntervalMillis = 100)
public class HostileProjection {

    void opened(@Observes @Projection("hostile-skips") AccountOpened opened) {
        if (opened.owner().contains("<")) {
            throw new IllegalStateException("cannot project " + Hostile.ERROR + " for owner " + opened.owner());
        }
    }
}
