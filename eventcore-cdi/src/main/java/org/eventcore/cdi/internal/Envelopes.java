package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Event;
import java.util.function.Consumer;
import org.eventcore.StoredEvent;

/**
 * Finds whether envelopes ({@code StoredEvent<P>}) can be fired in this container, without linking to
 * Weld's API when it is absent.
 */
final class Envelopes {

    private static final String WELD_EVENT = "org.jboss.weld.events.WeldEvent";

    private Envelopes() {}

    /** Whether {@code events} is Weld's, whose API fires a type known only at run time. */
    static boolean supported(Event<Object> events) {
        try {
            return Class.forName(WELD_EVENT, false, Envelopes.class.getClassLoader())
                    .isInstance(events);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** What fires an envelope through {@code events}; call only when {@link #supported} said yes. */
    static Consumer<StoredEvent<?>> firing(Event<Object> events) {
        return WeldEnvelopes.over(events)::fire;
    }
}
