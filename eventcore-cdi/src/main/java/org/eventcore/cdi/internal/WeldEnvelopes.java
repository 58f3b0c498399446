package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Event;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eventcore.StoredEvent;
import org.jboss.weld.events.WeldEvent;

/**
 * The one server-specific part: fires an envelope with the type {@code StoredEvent<payload class>},
 * known only at run time, through Weld's {@link WeldEvent#select(java.lang.reflect.Type,
 * java.lang.annotation.Annotation...)}. The portable {@link Event} API can only select type arguments
 * written in the source. Loaded only when {@link Envelopes#firing} found Weld.
 */
final class WeldEnvelopes {

    private final WeldEvent<Object> events;
    private final Map<Class<?>, WeldEvent<Object>> byPayload = new ConcurrentHashMap<>();

    private WeldEnvelopes(WeldEvent<Object> events) {
        this.events = events;
    }

    /** Fires through Weld's API; {@code events} must be Weld's. */
    @SuppressWarnings("unchecked")
    static WeldEnvelopes over(Event<Object> events) {
        return new WeldEnvelopes((WeldEvent<Object>) events);
    }

    /** Fires {@code event} with the type {@code StoredEvent<payload class>}. */
    void fire(StoredEvent<?> event) {
        byPayload
                .computeIfAbsent(event.payload().getClass(), c -> events.select(EnvelopeTypes.envelopeOf(c)))
                .fire(event);
    }
}
