package org.eventcore.cdi.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.StoredEvent;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.jpa.JtaJpa;

/**
 * A durable projection into a table keyed by event id (a second application of an event breaks the
 * key), with small batches and a short lease so that fail-over happens within a test. One instance per
 * container (node); a test can hold the handler at an event to stop a node in the middle of a batch.
 */
@ApplicationScoped
@ProjectionOptions(projection = "cdi-failover", batchSize = 5, pollIntervalMillis = 50, leaseDurationMillis = 3_000)
public class FailoverLedger {

    /** Set by a test: the handler blocks when this many more events have been handled on any node. */
    static final AtomicInteger HOLD_AFTER = new AtomicInteger(Integer.MAX_VALUE);

    static volatile CountDownLatch held = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(0);

    private final AtomicInteger handled = new AtomicInteger();

    @Inject
    JtaJpa jpa;

    void on(@Observes @Projection("cdi-failover") StoredEvent<Added> event) throws InterruptedException {
        if (HOLD_AFTER.decrementAndGet() == 0) {
            held.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the held handler");
            }
        }
        jpa.withEntityManager(
                em -> em.createNativeQuery("insert into cdi_failover (event_id, counter, amount) values (?1, ?2, ?3)")
                        .setParameter(1, event.id().toString())
                        .setParameter(2, event.streamId().value())
                        .setParameter(3, event.payload().amount())
                        .executeUpdate());
        handled.incrementAndGet();
    }

    /** How many events this node's handler was called for (including batches that rolled back). */
    public int handled() {
        return handled.get();
    }

    /** Holds the handler at the {@code after}-th event from now; returns the latch that opens when it is held. */
    static CountDownLatch holdAfter(int after, CountDownLatch releasedBy) {
        held = new CountDownLatch(1);
        release = releasedBy;
        HOLD_AFTER.set(after);
        return held;
    }

    static void noHold() {
        HOLD_AFTER.set(Integer.MAX_VALUE);
        release.countDown();
    }
}
