package org.eventcore.cdi.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.spi.CheckpointStore;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.ProjectionLeases;

/**
 * Starts one {@link ProjectionRunner} per durable projection found at deployment, each batch in its
 * own JTA transaction, on the application's {@link org.eventcore.cdi.EventCoreExecutor} or the server's default
 * managed executor; calls the captured observer methods directly.
 */
@ApplicationScoped
public class CdiDurableProjections implements DurableProjections {

    @Inject
    EventCoreExtension extension;

    @Inject
    Instance<EventStore> store;

    @Inject
    Instance<GlobalLogReader> logReader;

    @Inject
    Instance<CheckpointStore> checkpoints;

    @Inject
    Instance<ProjectionLeases> leases;

    @Inject
    EventCoreExecutors executors;

    @Inject
    AttemptTransactions transactions;

    @Inject
    TransactionSynchronizationRegistry registry;

    private final Map<String, ProjectionRunner> runners = new java.util.concurrent.ConcurrentSkipListMap<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Map<String, List<ObserverMethod<?>>> found = extension.projections();
        if (found.isEmpty()) {
            return;
        }
        GlobalLogReader log = globalLog(found.keySet());
        if (!checkpoints.isResolvable() || !leases.isResolvable()) {
            throw new IllegalStateException("EC2046 Durable projections " + found.keySet() + " need a CheckpointStore"
                    + " bean and a ProjectionLeases bean, for example JpaCheckpointStore and JpaProjectionLeases over"
                    + " the application's entity manager");
        }
        Executor runOn = executors.require("Durable projections " + found.keySet() + " need");
        String owner = "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        JtaCdiBoundary boundary = new JtaCdiBoundary(transactions, registry, false);
        for (Map.Entry<String, List<ObserverMethod<?>>> e : found.entrySet()) {
            List<ObserverMethod<?>> handlers = e.getValue();
            ProjectionDefinition definition = extension.definition(e.getKey(), event -> dispatch(handlers, event));
            ProjectionRunner runner =
                    ProjectionRunner.create(log, checkpoints.get(), boundary, runOn, leases.get(), definition, owner);
            runners.put(e.getKey(), runner);
            runner.start();
        }
    }

    /**
     * The global log: a GlobalLogReader bean if the application produces one, else the EventStore
     * bean itself when it is not behind a client proxy (a normal-scoped producer of type EventStore
     * hides the store's other interfaces).
     */
    private GlobalLogReader globalLog(Set<String> names) {
        if (logReader.isResolvable()) {
            return logReader.get();
        }
        EventStore events = store.get();
        if (events instanceof GlobalLogReader reader) {
            return reader;
        }
        throw new IllegalStateException("EC2045 Durable projections " + names + " need the global log, and the"
                + " EventStore bean (" + events.getClass().getName() + ") does not offer it: produce the store"
                + " @Singleton (no client proxy) or also produce it as a GlobalLogReader bean");
    }

    @PreDestroy
    void stopAll() {
        for (ProjectionRunner runner : runners.values()) {
            runner.stop(Duration.ofSeconds(10));
        }
    }

    private static void dispatch(List<ObserverMethod<?>> handlers, StoredEvent<Object> event) {
        Object payload = event.payload();
        for (ObserverMethod<?> handler : handlers) {
            Type observed = handler.getObservedType();
            boolean envelope = EnvelopeTypes.isEnvelope(observed);
            if (envelope ? EnvelopeTypes.hears(observed, payload.getClass()) : observes(observed, payload)) {
                StoredEvent<?> previous = CurrentEvent.set(event);
                try {
                    notify(handler, envelope ? event : payload);
                } finally {
                    CurrentEvent.restore(previous);
                }
            }
        }
    }

    private static boolean observes(Type observed, Object payload) {
        if (observed instanceof Class<?> c) {
            return c.isInstance(payload);
        }
        return observed instanceof ParameterizedType p
                && p.getRawType() instanceof Class<?> raw
                && raw.isInstance(payload);
    }

    @SuppressWarnings("unchecked")
    private static void notify(ObserverMethod<?> handler, Object fired) {
        ObserverMethod<Object> typed = (ObserverMethod<Object>) handler;
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
                        return handler.getObservedQualifiers();
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

    private ProjectionRunner runner(String name) {
        ProjectionRunner runner = runners.get(name);
        if (runner == null) {
            throw new IllegalArgumentException(
                    "EC2041 There is no durable projection \"" + name + "\"; the projections are " + runners.keySet());
        }
        return runner;
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(runners.keySet());
    }

    @Override
    public ProjectionStatus status(String name) {
        return runner(name).status();
    }

    @Override
    public boolean awaitPosition(String name, GlobalPosition position, Duration timeout) {
        return runner(name).awaitPosition(position, timeout);
    }

    @Override
    public void rebuild(String name, GlobalPosition from, Runnable reset) {
        runner(name).rebuild(from, reset);
    }
}
