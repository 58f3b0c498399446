package org.eventcore.testkit.chaos;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CommandId;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.messages.TestkitMessages;

/**
 * A decorator over any {@link EventStore} that injects failures, conflicts and latency, drawn from a
 * seeded random source: transient read and append failures, conflicts, and failures reported
 * <em>after</em> the wrapped store stored the append (an unknown commit outcome). Use it to show that
 * the executor and your code keep their promises when the store misbehaves:
 *
 * <pre>{@code
 * EventStore chaos = ChaosEventStore.wrap(InMemoryEventStore.create(),
 *         ChaosSettings.NONE.withSeed(42).withUnknownOutcomeRate(0.1).withConflictRate(0.1));
 * }</pre>
 *
 * <p>An injected conflict names the first expected stream with its expected version as "actual"
 * too, since nothing really changed. Command log look-ups are never disturbed. Counters of what was
 * injected are available through {@link #injected()}. Thread-safe.
 */
public final class ChaosEventStore implements EventStore, org.eventcore.spi.TagReader {

    private final EventStore delegate;
    private final ChaosSettings settings;
    private final Random random;
    private final AtomicLong readFailures = new AtomicLong();
    private final AtomicLong appendFailures = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong unknownOutcomes = new AtomicLong();

    private ChaosEventStore(EventStore delegate, ChaosSettings settings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = new Random(settings.seed());
    }

    /** Wraps {@code delegate}. */
    public static ChaosEventStore wrap(EventStore delegate, ChaosSettings settings) {
        return new ChaosEventStore(delegate, settings);
    }

    /** What was injected so far. */
    public Injected injected() {
        return new Injected(readFailures.get(), appendFailures.get(), conflicts.get(), unknownOutcomes.get());
    }

    /**
     * Counts of injected faults.
     *
     * @param readFailures transient read failures
     * @param appendFailures transient append failures before the store
     * @param conflicts injected conflicts
     * @param unknownOutcomes appends that succeeded but were reported as failed
     */
    public record Injected(long readFailures, long appendFailures, long conflicts, long unknownOutcomes) {}

    private double draw() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private void delay() {
        long max = settings.maxLatency().toNanos();
        if (max <= 0) {
            return;
        }
        long nanos = (long) (draw() * max);
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
        beforeRead();
        return delegate.read(streams);
    }

    @Override
    public Map<StreamId, StreamRead> readLocked(Set<StreamId> streams) {
        beforeRead();
        return delegate.readLocked(streams);
    }

    @Override
    public Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
        beforeRead();
        return delegate.readAfter(after);
    }

    @Override
    public Map<StreamId, StreamRead> readLockedAfter(Map<StreamId, StreamVersion> after) {
        beforeRead();
        return delegate.readLockedAfter(after);
    }

    /**
     * The tag read of the wrapped store, with the delay and the read failures of the other reads; the
     * appends' conditions reach the wrapped store with the rest of the request.
     *
     * @throws UnsupportedOperationException (EC1953) if the wrapped store cannot read tags
     */
    @Override
    public org.eventcore.spi.TagRead readTagged(List<org.eventcore.TagQuery> queries) {
        if (!(delegate instanceof org.eventcore.spi.TagReader tags)) {
            throw new UnsupportedOperationException(
                    TestkitMessages.chaosWithoutTags(delegate.getClass().getName()));
        }
        beforeRead();
        return tags.readTagged(queries);
    }

    /** The delay, and a read failure at the configured rate. */
    private void beforeRead() {
        delay();
        if (draw() < settings.readFailureRate()) {
            readFailures.incrementAndGet();
            throw new StoreUnavailableException(TestkitMessages.injectedReadFailure());
        }
    }

    @Override
    public AppendResult append(AppendRequest request) {
        delay();
        double d = draw();
        if (d < settings.appendFailureRate()) {
            appendFailures.incrementAndGet();
            throw new StoreUnavailableException(TestkitMessages.injectedAppendFailure());
        }
        d -= settings.appendFailureRate();
        if (d < settings.conflictRate()) {
            conflicts.incrementAndGet();
            Map.Entry<StreamId, StreamVersion> first =
                    request.expectedVersions().entrySet().iterator().next();
            throw new StreamConflictException(
                    List.of(new StreamConflict(first.getKey(), first.getValue(), first.getValue())));
        }
        d -= settings.conflictRate();
        AppendResult result = delegate.append(request);
        if (d < settings.unknownOutcomeRate()) {
            unknownOutcomes.incrementAndGet();
            throw new CommitOutcomeUnknownException(TestkitMessages.injectedUnknownOutcome(), null);
        }
        return result;
    }

    @Override
    public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        return delegate.eventsOf(commandId);
    }
}
