package org.eventcore.projection;

import org.eventcore.StoredEvent;

/**
 * The code of a durable projection: called by the {@link ProjectionRunner} for each event of the
 * global log, in position order, inside the unit of work that also saves the projection's
 * checkpoint. Updating a read model in the same database therefore takes effect exactly once; the
 * handler itself may be called again for the same event after a crash, a rolled back batch or a
 * retry, so it must not have effects outside that unit of work (no mail, no remote calls).
 *
 * <pre>{@code
 * ProjectionHandler handler = event -> {
 *     if (event.payload() instanceof MoneyDeposited d) {
 *         balances.add(d.account(), d.amount());
 *     }
 * };
 * }</pre>
 *
 * <p>A handler sees every event type: it ignores the ones it does not need. Throwing fails the
 * batch, which the projection's {@link ErrorPolicy} then handles. A runner calls its handler from
 * one thread at a time; the event is never {@code null}.
 */
@FunctionalInterface
public interface ProjectionHandler {

    /** Applies {@code event} to the read model, in the runner's current unit of work. */
    void handle(StoredEvent<Object> event);
}
