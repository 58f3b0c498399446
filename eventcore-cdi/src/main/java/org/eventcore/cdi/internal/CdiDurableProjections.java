package org.eventcore.cdi.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eventcore.GlobalPosition;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;

/**
 * The {@link DurableProjections} bean: starts the runners when the application starts (through a
 * {@link ProjectionStarter}), stops them when it stops, and answers for them: status, read-your-writes
 * waits, rebuilds. The handlers are {@link ProjectionHandlers}.
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
    Instance<Object> beans;

    private ProjectionStarter starter;

    @PostConstruct
    void init() {
        starter =
                new ProjectionStarter(extension, store, logReader, checkpoints, leases, executors, transactions, beans);
    }

    /**
     * Starts the runners when the application starts. Configuration errors (EC2045, EC2046, EC2047) fail
     * the deployment. When the application's own beans cannot be created yet (Payara fires this event
     * before the application's EJBs accept calls), the runners start in the background as soon as they
     * can, within {@link ProjectionStarter#START_PATIENCE}; until then their status says why they are
     * not running.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        extension.projectionsStarted(this);
        starter.start();
        if (!extension.projections().isEmpty()) {
            metrics = Telemetry.observeProjections(
                    () -> names().stream().sorted().map(this::status).toList(),
                    beans,
                    CdiDurableProjections.class.getClassLoader());
        }
    }

    @PreDestroy
    void stopAll() {
        try {
            metrics.close();
        } catch (Exception e) {
            System.getLogger(CdiDurableProjections.class.getName())
                    .log(System.Logger.Level.DEBUG, "closing the projection metrics failed", e);
        }
        starter.stopAll();
    }

    /** The projections' metrics, closed when the application stops. */
    private AutoCloseable metrics = () -> {};

    /** The runner of {@code name}; empty while the runners have not started. */
    private Optional<ProjectionRunner> runner(String name) {
        Optional<ProjectionRunner> runner = starter.runner(name);
        if (runner.isEmpty() && !extension.projections().containsKey(name)) {
            throw new IllegalArgumentException(
                    CdiMessages.noSuchProjection(name, extension.projections().keySet()));
        }
        return runner;
    }

    /** The runner of {@code name}, waiting up to {@code timeout} for the runners to start. */
    private Optional<ProjectionRunner> awaitRunner(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ProjectionRunner> runner = runner(name);
        while (runner.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            runner = runner(name);
        }
        return runner;
    }

    /**
     * Reads the log's head (or, without a global log, a stream) in a transaction of its own, for the
     * store's health check; returns the head, encoded, or throws what the store threw.
     */
    String probeStore() {
        return transactions.inNewTransaction(() -> {
            Optional<GlobalLogReader> log = ProjectionStarter.globalLogOf(logReader, store);
            if (log.isPresent()) {
                return log.get().head().encode();
            }
            store.get().read(Set.of(org.eventcore.StreamId.of("eventcore-health-probe")));
            return "";
        });
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(extension.projections().keySet());
    }

    @Override
    public ProjectionStatus status(String name) {
        Optional<ProjectionRunner> runner = runner(name);
        if (runner.isPresent()) {
            return runner.get().status();
        }
        return new ProjectionStatus(
                name,
                ProjectionState.STOPPED,
                GlobalPosition.start(),
                GlobalPosition.start(),
                false,
                0,
                Optional.of(starter.notStarted()
                        .orElseGet(() -> CdiMessages.projectionsNotStartedYet(Set.of(), null, null, false))),
                0,
                Optional.empty(),
                List.of(),
                0,
                Optional.empty(),
                Optional.empty(),
                0,
                Duration.ZERO,
                0);
    }

    @Override
    public boolean awaitPosition(String name, GlobalPosition position, Duration timeout) {
        long started = System.nanoTime();
        Optional<ProjectionRunner> runner = awaitRunner(name, timeout);
        if (runner.isEmpty()) {
            return false;
        }
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        return runner.get().awaitPosition(position, left.isNegative() ? Duration.ZERO : left);
    }

    @Override
    public CompletionStage<Boolean> whenPosition(String name, GlobalPosition position, Duration timeout) {
        java.util.Objects.requireNonNull(position, "position");
        java.util.Objects.requireNonNull(timeout, "timeout");
        return runner(name)
                .map(r -> r.whenPosition(position, timeout))
                .orElseGet(() -> CompletableFuture.completedStage(false));
    }

    @Override
    public void rebuild(String name, GlobalPosition from, Runnable reset) {
        ProjectionRunner runner = awaitRunner(name, Duration.ofSeconds(30))
                .orElseThrow(() -> new IllegalStateException(CdiMessages.projectionsNotRunning(
                        name, Set.of(), starter.notStarted().orElse("not started"))));
        runner.rebuild(from, reset);
    }
}
