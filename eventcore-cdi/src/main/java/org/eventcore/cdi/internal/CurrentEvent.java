package org.eventcore.cdi.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.eventcore.StoredEvent;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.messages.CdiMessages;

/** The event being dispatched on this thread, and the producer of {@link EventContext}. */
@Dependent
public class CurrentEvent {

    private static final ThreadLocal<StoredEvent<?>> CURRENT = new ThreadLocal<>();

    /** Makes {@code event} current; returns the event that was current before (or null). */
    static StoredEvent<?> set(StoredEvent<?> event) {
        StoredEvent<?> previous = CURRENT.get();
        CURRENT.set(event);
        return previous;
    }

    /** Makes {@code previous} (from {@link #set}) current again. */
    static void restore(StoredEvent<?> previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A snapshot of the event being dispatched to in-transaction observers. */
    @Produces
    @Dependent
    EventContext eventContext() {
        StoredEvent<?> event = CURRENT.get();
        if (event == null) {
            throw new IllegalStateException(CdiMessages.eventContextOutsideDispatch());
        }
        return () -> event;
    }
}
