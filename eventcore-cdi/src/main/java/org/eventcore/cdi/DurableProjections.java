package org.eventcore.cdi;

import java.time.Duration;
import java.util.Set;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.ProjectionStatus;

/**
 * The durable projections of the application, one per {@link Projection} name found on observer
 * methods at deployment; they start with the application and stop with it. Inject it to watch them,
 * to wait for your own writes, or to rebuild one:
 *
 * <pre>{@code
 * CommandResult<?> result = commands.execute(new Deposit(alice, euros(10)));
 * projections.awaitPosition("balances", result.lastPosition().orElseThrow(), Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface DurableProjections {

    /** The names of the projections. */
    Set<String> names();

    /**
     * The status of projection {@code name}: state, checkpoint, head, errors, lease.
     *
     * @throws IllegalArgumentException (EC2041) if there is no such projection
     */
    ProjectionStatus status(String name);

    /** Waits until projection {@code name} has passed {@code position}; false when the time is up. */
    boolean awaitPosition(String name, GlobalPosition position, Duration timeout);

    /**
     * Read your own writes without holding a thread: a result that completes with true once projection
     * {@code name} has passed {@code position}, with false when {@code timeout} has passed (noticed
     * within the projection's poll interval) or its runner is not running. It completes on the
     * runner's thread: continue with the {@code ...Async} methods and an executor of yours, for example
     * to resume a suspended JAX-RS response.
     *
     * <pre>{@code
     * projections.whenPosition("balances", after, Duration.ofSeconds(10))
     *         .thenAcceptAsync(reached -> response.resume(reached ? balances() : unavailable()), managedExecutor);
     * }</pre>
     *
     * @throws IllegalArgumentException (EC2041) if there is no such projection
     */
    java.util.concurrent.CompletionStage<Boolean> whenPosition(String name, GlobalPosition position, Duration timeout);

    /**
     * Rebuilds projection {@code name} from {@code from}; {@code reset} runs in the transaction that
     * moves the checkpoint back, to clear the read model.
     */
    void rebuild(String name, GlobalPosition from, Runnable reset);
}
