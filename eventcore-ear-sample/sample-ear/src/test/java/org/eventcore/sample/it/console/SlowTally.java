package org.eventcore.sample.it.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.ProjectionReset;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;

/**
 * Test only: a projection that takes its time over the deposits of streams {@code slow-...} (the others it counts at
 * once), in small batches, so that a rebuild lasts a few seconds and its lag can be watched falling; its reset
 * clears the tally.
 */
@ApplicationScoped
@ProjectionOptions(projection = "slow-tally", batchSize = 5, pollIntervalMillis = 100)
public class SlowTally {

    static final String PREFIX = "slow-";

    private final AtomicLong tally = new AtomicLong();

    void deposited(@Observes @Projection("slow-tally") MoneyDeposited deposited, EventContext context) {
        if (context.streamId().value().startsWith(PREFIX)) {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        tally.addAndGet(deposited.cents());
    }

    void reset(@Observes @Projection("slow-tally") ProjectionReset reset) {
        tally.set(0);
    }
}
