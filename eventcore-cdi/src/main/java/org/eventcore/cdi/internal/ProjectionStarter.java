package org.eventcore.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;

/**
 * Starts one {@link ProjectionRunner} per durable projection found at deployment, each batch in its
 * own JTA transaction, on the application's {@link org.eventcore.cdi.EventCoreExecutor} or the
 * server's default managed executor, and keeps them until the application stops.
 */
final class ProjectionStarter {

    private final EventCoreExtension extension;
    private final Instance<EventStore> store;
    private final Instance<GlobalLogReader> logReader;
    private final Instance<CheckpointStore> checkpoints;
    private final Instance<ProjectionLeases> leases;
    /** For the OpenTelemetry bean, resolved from EventCore's own archive. */
    private final Instance<Object> beans;

    private final EventCoreExecutors executors;
    private final AttemptTransactions transactions;

    ProjectionStarter(
            EventCoreExtension extension,
            Instance<EventStore> store,
            Instance<GlobalLogReader> logReader,
            Instance<CheckpointStore> checkpoints,
            Instance<ProjectionLeases> leases,
            EventCoreExecutors executors,
            AttemptTransactions transactions,
            Instance<Object> beans) {
        this.beans = beans;
        this.extension = extension;
        this.store = store;
        this.logReader = logReader;
        this.checkpoints = checkpoints;
        this.leases = leases;
        this.executors = executors;
        this.transactions = transactions;
    }

    private static final System.Logger LOG = System.getLogger(ProjectionStarter.class.getName());

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
    void start() {
        Map<String, List<ObserverMethod<?>>> found = extension.projections();
        if (found.isEmpty() || starting) {
            return;
        }
        if (!checkpoints.isResolvable() || !leases.isResolvable()) {
            throw new ProjectionSetupException(CdiMessages.noCheckpointStoreOrLeases(found.keySet()));
        }
        Executor runOn = executors.require("Durable projections " + found.keySet() + " need");
        starting = true;
        try {
            startRunners(found, runOn);
        } catch (RuntimeException e) {
            if (isConfigurationError(e)) {
                throw e;
            }
            notStarted = CdiMessages.projectionsNotStartedYet(Set.of(), e, START_PATIENCE, false);
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
                CdiMessages.projectionsNotStartedYet(names, e, START_PATIENCE, database),
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

    /** A mistake of the deployment, which trying again does not mend. */
    private static boolean isConfigurationError(RuntimeException e) {
        return e instanceof ProjectionSetupException || e instanceof IllegalArgumentException;
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
                notStarted = CdiMessages.projectionsNotRunning(null, found.keySet(), e);
                return;
            } catch (RuntimeException e) {
                notStarted = isConfigurationError(e)
                        ? e.toString()
                        : CdiMessages.projectionsNotStartedYet(Set.of(), e, START_PATIENCE, false);
                if (!isConfigurationError(e)) {
                    reportStartFailure(found.keySet(), e);
                }
                if (isConfigurationError(e) || System.nanoTime() > deadline) {
                    notStarted = CdiMessages.projectionsNotRunning(null, found.keySet(), e);
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
        JtaCdiBoundary boundary = new JtaCdiBoundary(transactions);
        Map<String, ProjectionRunner> created = new java.util.TreeMap<>();
        for (Map.Entry<String, List<ObserverMethod<?>>> e : found.entrySet()) {
            ProjectionDefinition definition = extension.definition(
                    e.getKey(),
                    Telemetry.traced(
                            e.getKey(),
                            new ProjectionHandlers(e.getValue()),
                            beans,
                            ProjectionStarter.class.getClassLoader()));
            ProjectionRunner.Builder runner = ProjectionRunner.builder(definition)
                    .log(log)
                    .checkpoints(checkpointStore)
                    .leases(projectionLeases)
                    .boundary(boundary)
                    .executor(runOn)
                    .owner(owner);
            if (extension.hasReset(e.getKey())) {
                String name = e.getKey();
                jakarta.enterprise.inject.spi.BeanManager manager = beans.select(
                                jakarta.enterprise.inject.spi.BeanManager.class)
                        .get();
                runner.reset(from -> () -> manager.getEvent()
                        .select(org.eventcore.cdi.ProjectionReset.class, org.eventcore.cdi.Projection.Literal.of(name))
                        .fire(new org.eventcore.cdi.ProjectionReset(name, from)));
            }
            created.put(e.getKey(), runner.build());
        }
        runners.putAll(created);
        created.values().forEach(ProjectionRunner::start);
        notStarted = null;
    }

    /** The global log ({@link #globalLogOf}); without one, durable projections cannot run. */
    private GlobalLogReader globalLog(Set<String> names) {
        return globalLogOf(logReader, store)
                .orElseThrow(() -> new ProjectionSetupException(
                        CdiMessages.noGlobalLog(names, store.get().getClass().getName())));
    }

    /**
     * The global log: a GlobalLogReader bean if the application produces one, else the EventStore
     * bean itself when it is not behind a client proxy (a normal-scoped producer of type EventStore
     * hides the store's other interfaces); empty when neither.
     */
    static Optional<GlobalLogReader> globalLogOf(Instance<GlobalLogReader> logReader, Instance<EventStore> store) {
        if (logReader.isResolvable()) {
            return Optional.of(logReader.get());
        }
        return store.get() instanceof GlobalLogReader reader ? Optional.of(reader) : Optional.empty();
    }

    /** The runner of {@code name} once the runners started. */
    Optional<ProjectionRunner> runner(String name) {
        return Optional.ofNullable(runners.get(name));
    }

    /** Why the runners are not running yet, or empty. */
    Optional<String> notStarted() {
        return Optional.ofNullable(notStarted);
    }

    void stopAll() {
        for (ProjectionRunner runner : runners.values()) {
            runner.stop(Duration.ofSeconds(10));
        }
    }
}
