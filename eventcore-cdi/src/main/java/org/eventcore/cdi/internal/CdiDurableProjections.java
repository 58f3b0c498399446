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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;

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
    Instance<TransactionSynchronizationRegistry> registry;

    private static final System.Logger LOG = System.getLogger(CdiDurableProjections.class.getName());

    /** How long the runners may wait for the application's beans after it started. */
    static final Duration START_PATIENCE = Duration.ofMinutes(2);

    private final Map<String, ProjectionRunner> runners = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile boolean starting;
    /** Why the runners are not running yet, or null. */
    private volatile String notStarted;

    /**
     * Starts the runners when the application starts. Configuration errors (EC2045, EC2046, EC2047) fail
     * the deployment. When the application's own beans cannot be created yet (Payara fires this event
     * before the application's EJBs accept calls), the runners start in the background as soon as they
     * can, within {@link #START_PATIENCE}; until then their status says why they are not running.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Map<String, List<ObserverMethod<?>>> found = extension.projections();
        if (found.isEmpty() || starting) {
            return;
        }
        if (!checkpoints.isResolvable() || !leases.isResolvable()) {
            throw new IllegalStateException("EC2046 Durable projections " + found.keySet() + " need a CheckpointStore"
                    + " bean and a ProjectionLeases bean, for example JpaCheckpointStore and JpaProjectionLeases over"
                    + " the application's entity manager");
        }
        Executor runOn = executors.require("Durable projections " + found.keySet() + " need");
        starting = true;
        try {
            startRunners(found, runOn);
        } catch (RuntimeException e) {
            if (isConfigurationError(e)) {
                throw e;
            }
            notStarted = "EC2054 not started yet: " + e;
            reportStartFailure(found.keySet(), e);
            runOn.execute(() -> startLater(found, runOn));
        }
    }

    /** The last start failure reported, so that the same one is not logged every time the start is tried again. */
    private volatile String lastReported;

    /** When the first start failed (System.nanoTime), to tell a slow start from a failing one. */
    private volatile Long firstFailure;

    /**
     * Logs why the runners could not start, once per distinct failure: a failure of the database (an
     * SQL or store error anywhere in the causes, a permission missing, say) is an ERROR, since it does
     * not go away by itself; any other failure is INFO while the application may still be starting
     * (Payara creates its EJBs after this event) and a WARNING once it has lasted ten seconds.
     */
    private void reportStartFailure(Set<String> names, RuntimeException e) {
        long now = System.nanoTime();
        if (firstFailure == null) {
            firstFailure = now;
        }
        boolean database =
                causedBy(e, java.sql.SQLException.class) || causedBy(e, org.eventcore.EventCoreException.class);
        boolean lasting = now - firstFailure > java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String what = e + (lasting ? " (lasting)" : "");
        if (what.equals(lastReported)) {
            return;
        }
        lastReported = what;
        System.Logger.Level level =
                database ? System.Logger.Level.ERROR : lasting ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
        LOG.log(
                level,
                "EC2054 Durable projections " + names + " could not start (" + e + "); trying again for up to "
                        + START_PATIENCE.toMinutes() + " minutes"
                        + (database ? ": the database refused, see the cause" : ""),
                database || lasting ? e : null);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConfigurationError(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().startsWith("EC20");
    }

    private void startLater(Map<String, List<ObserverMethod<?>>> found, Executor runOn) {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        long pause = 100;
        while (true) {
            try {
                Thread.sleep(pause);
                startRunners(found, runOn);
                LOG.log(System.Logger.Level.INFO, "Durable projections " + found.keySet() + " started");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notStarted = "EC2055 not started: interrupted while waiting for the application";
                return;
            } catch (RuntimeException e) {
                notStarted = (isConfigurationError(e) ? "" : "EC2054 not started yet: ") + e;
                if (!isConfigurationError(e)) {
                    reportStartFailure(found.keySet(), e);
                }
                if (isConfigurationError(e) || System.nanoTime() > deadline) {
                    notStarted = "EC2055 Durable projections " + found.keySet() + " could not start: " + e;
                    LOG.log(System.Logger.Level.ERROR, notStarted, e);
                    return;
                }
                pause = Math.min(pause * 2, 2_000);
            }
        }
    }

    /** Creates every runner first, then starts them all: a failure leaves nothing half started. */
    private synchronized void startRunners(Map<String, List<ObserverMethod<?>>> found, Executor runOn) {
        GlobalLogReader log = globalLog(found.keySet());
        CheckpointStore checkpointStore = checkpoints.get();
        ProjectionLeases projectionLeases = leases.get();
        String owner = "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        JtaCdiBoundary boundary = new JtaCdiBoundary(transactions, JtaRegistry.resolve(registry), false);
        Map<String, ProjectionRunner> created = new java.util.TreeMap<>();
        for (Map.Entry<String, List<ObserverMethod<?>>> e : found.entrySet()) {
            List<Handler> handlers = e.getValue().stream().map(Handler::new).toList();
            ProjectionDefinition definition = extension.definition(e.getKey(), event -> dispatch(handlers, event));
            created.put(
                    e.getKey(),
                    ProjectionRunner.create(
                            log, checkpointStore, boundary, runOn, projectionLeases, definition, owner));
        }
        runners.putAll(created);
        created.values().forEach(ProjectionRunner::start);
        notStarted = null;
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

    /**
     * A durable projection's handler, and which payload classes it takes, worked out once per class
     * rather than from the observed type's reflection at every event.
     */
    private record Handler(ObserverMethod<?> observer, boolean envelope, Map<Class<?>, Boolean> takesByClass) {

        Handler(ObserverMethod<?> observer) {
            this(observer, EnvelopeTypes.isEnvelope(observer.getObservedType()), new ConcurrentHashMap<>());
        }

        boolean takes(Object payload) {
            return takesByClass.computeIfAbsent(payload.getClass(), this::takes);
        }

        private boolean takes(Class<?> payloadClass) {
            Type observed = observer.getObservedType();
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

    private static void dispatch(List<Handler> handlers, StoredEvent<Object> event) {
        Object payload = event.payload();
        for (Handler handler : handlers) {
            if (handler.takes(payload)) {
                StoredEvent<?> previous = CurrentEvent.set(event);
                try {
                    notify(handler.observer(), handler.envelope() ? event : payload);
                } finally {
                    CurrentEvent.restore(previous);
                }
            }
        }
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
            if (!extension.projections().containsKey(name)) {
                throw new IllegalArgumentException("EC2041 There is no durable projection \"" + name
                        + "\"; the projections are "
                        + new java.util.TreeSet<>(extension.projections().keySet()));
            }
            return null;
        }
        return runner;
    }

    /** The runner of {@code name}, waiting up to {@code timeout} for the runners to start; null if they did not. */
    private ProjectionRunner awaitRunner(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProjectionRunner runner = runner(name);
        while (runner == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            runner = runner(name);
        }
        return runner;
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(extension.projections().keySet());
    }

    @Override
    public ProjectionStatus status(String name) {
        ProjectionRunner runner = runner(name);
        if (runner == null) {
            String why = notStarted;
            return new ProjectionStatus(
                    name,
                    org.eventcore.projection.ProjectionState.STOPPED,
                    GlobalPosition.start(),
                    GlobalPosition.start(),
                    false,
                    0,
                    java.util.Optional.of(why == null ? "EC2054 not started yet" : why),
                    0,
                    java.util.Optional.empty(),
                    List.of(),
                    0,
                    java.util.Optional.empty(),
                    java.util.Optional.empty());
        }
        return runner.status();
    }

    @Override
    public boolean awaitPosition(String name, GlobalPosition position, Duration timeout) {
        long started = System.nanoTime();
        ProjectionRunner runner = awaitRunner(name, timeout);
        if (runner == null) {
            return false;
        }
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        return runner.awaitPosition(position, left.isNegative() ? Duration.ZERO : left);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> whenPosition(
            String name, GlobalPosition position, Duration timeout) {
        java.util.Objects.requireNonNull(position, "position");
        java.util.Objects.requireNonNull(timeout, "timeout");
        ProjectionRunner runner = runner(name);
        if (runner == null) {
            return java.util.concurrent.CompletableFuture.completedStage(false);
        }
        return runner.whenPosition(position, timeout);
    }

    @Override
    public void rebuild(String name, GlobalPosition from, Runnable reset) {
        ProjectionRunner runner = awaitRunner(name, Duration.ofSeconds(30));
        if (runner == null) {
            throw new IllegalStateException("EC2055 Durable projection \"" + name + "\" is not running, so it cannot"
                    + " rebuild: " + notStarted);
        }
        runner.rebuild(from, reset);
    }
}
