package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eventcore.StoredEvent;
import org.eventcore.projection.ProjectionHandler;

/**
 * The handler of one durable projection: calls the observer methods qualified with its name directly,
 * each with the events whose payload (or envelope) it observes, never through the event bus, so that
 * a rebuild wakes no other observer. {@code EventContext} injected into an observer sees the event
 * being handled.
 */
final class ProjectionHandlers implements ProjectionHandler {

    private final List<Observer> observers;

    ProjectionHandlers(List<ObserverMethod<?>> observers) {
        this.observers = observers.stream().map(Observer::new).toList();
    }

    @Override
    public void handle(StoredEvent<Object> event) {
        Object payload = event.payload();
        for (Observer observer : observers) {
            if (observer.takes(payload)) {
                StoredEvent<?> previous = CurrentEvent.set(event);
                try {
                    notify(observer.method(), observer.envelope() ? event : payload);
                } finally {
                    CurrentEvent.restore(previous);
                }
            }
        }
    }

    /**
     * An observer method, and which payload classes it takes, worked out once per class rather than
     * from the observed type's reflection at every event.
     */
    private record Observer(ObserverMethod<?> method, boolean envelope, Map<Class<?>, Boolean> takesByClass) {

        Observer(ObserverMethod<?> method) {
            this(method, EnvelopeTypes.isEnvelope(method.getObservedType()), new ConcurrentHashMap<>());
        }

        boolean takes(Object payload) {
            return takesByClass.computeIfAbsent(payload.getClass(), this::takes);
        }

        private boolean takes(Class<?> payloadClass) {
            Type observed = method.getObservedType();
            if (envelope) {
                return EnvelopeTypes.hears(observed, payloadClass);
            }
            if (observed instanceof Class<?> c) {
                return c.isAssignableFrom(payloadClass);
            }
            return observed instanceof ParameterizedType p
                    && p.getRawType() instanceof Class<?> raw
                    && raw.isAssignableFrom(payloadClass);
        }
    }

    @SuppressWarnings("unchecked")
    private static void notify(ObserverMethod<?> method, Object fired) {
        ObserverMethod<Object> typed = (ObserverMethod<Object>) method;
        typed.notify(new jakarta.enterprise.inject.spi.EventContext<>() {
            @Override
            public Object getEvent() {
                return fired;
            }

            @Override
            public jakarta.enterprise.inject.spi.EventMetadata getMetadata() {
                return new jakarta.enterprise.inject.spi.EventMetadata() {
                    @Override
                    public Set<java.lang.annotation.Annotation> getQualifiers() {
                        return method.getObservedQualifiers();
                    }

                    @Override
                    public jakarta.enterprise.inject.spi.InjectionPoint getInjectionPoint() {
                        return null;
                    }

                    @Override
                    public Type getType() {
                        return fired instanceof StoredEvent<?> envelope
                                ? EnvelopeTypes.envelopeOf(envelope.payload().getClass())
                                : fired.getClass();
                    }
                };
            }
        });
    }
}
