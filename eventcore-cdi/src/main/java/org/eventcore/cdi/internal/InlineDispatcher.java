package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import org.eventcore.StoredEvent;
import org.eventcore.execution.AppendListener;
import org.eventcore.execution.CommandResult;

/**
 * Fires each appended event's payload as a CDI event inside the attempt's transaction:
 * in-transaction observers (inline projections) run now, {@code AFTER_SUCCESS} observers are
 * registered with the transaction and run only if it commits. When the application observes
 * envelopes, each event is also fired as {@code StoredEvent<payload class>} right after its payload.
 * An observer that fails marks the transaction for rollback.
 */
final class InlineDispatcher implements AppendListener {

    private final Event<Object> events;
    private final TransactionSynchronizationRegistry registry;
    private final Consumer<StoredEvent<?>> envelopes;

    /**
     * @param envelopes fires an event's envelope, or null when the application observes none
     */
    InlineDispatcher(
            Event<Object> events, TransactionSynchronizationRegistry registry, Consumer<StoredEvent<?>> envelopes) {
        this.events = events;
        this.registry = registry;
        this.envelopes = envelopes;
    }

    @Override
    public void appended(CommandResult<?> result) {
        for (StoredEvent<?> event : result.events()) {
            StoredEvent<?> previous = CurrentEvent.set(event);
            try {
                events.fire(event.payload());
                if (envelopes != null) {
                    envelopes.accept(event);
                }
            } catch (RuntimeException e) {
                // the events are appended in this transaction: they must not commit without their inline
                // projections, also when a caller whose transaction this is catches the exception
                registry.setRollbackOnly();
                throw e;
            } finally {
                CurrentEvent.restore(previous);
            }
        }
    }
}
