package org.eventcore.projection.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.LeaseLostException;
import org.eventcore.projection.spi.ProjectionControls;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.projection.spi.SkippedEventLog;

/**
 * Projection leases in memory, for tests and single-JVM applications: the nodes are runners in the
 * same JVM. A fenced save writes the checkpoint to the {@link CheckpointStore} given at creation
 * (the one the runners load from), checked against the current epoch under one lock.
 *
 * <pre>{@code
 * InMemoryCheckpointStore checkpoints = InMemoryCheckpointStore.create();
 * InMemoryProjectionLeases leases = InMemoryProjectionLeases.create(checkpoints, Clock.systemUTC());
 * }</pre>
 *
 * <p>It keeps the events projections skipped under {@link org.eventcore.projection.ErrorPolicy#SKIP_AND_RECORD}
 * too, in memory: there is no unit of work to join, so a record is kept from the moment it is made.
 *
 * <p>Lease expiry follows the injected {@link Clock}, so tests can move time forward instead of
 * sleeping. Thread-safe.
 */
public final class InMemoryProjectionLeases implements ProjectionLeases, SkippedEventLog {

    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final Map<String, Holder> holders = new HashMap<>();
    private final Map<String, NavigableMap<GlobalPosition, SkippedEvent>> skipped = new HashMap<>();

    /** The lease state of one projection; guarded by {@code this}. */
    private static final class Holder {
        long epoch;
        String owner;
        Instant until;
    }

    private InMemoryProjectionLeases(CheckpointStore checkpoints, Clock clock) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Leases whose fenced saves go to {@code checkpoints}, timed by {@code clock}. */
    public static InMemoryProjectionLeases create(CheckpointStore checkpoints, Clock clock) {
        return new InMemoryProjectionLeases(checkpoints, clock);
    }

    @Override
    public synchronized Optional<Lease> acquire(String projection, String owner, Duration duration) {
        CheckpointStore.requireValidName(projection);
        ProjectionLeases.requireValidOwner(owner);
        ProjectionLeases.requirePositive(duration);
        Instant now = clock.instant();
        Holder h = holders.computeIfAbsent(projection, k -> new Holder());
        boolean free = h.owner == null || !h.until.isAfter(now) || h.owner.equals(owner);
        if (!free) {
            return Optional.empty();
        }
        h.epoch++;
        h.owner = owner;
        h.until = now.plus(duration);
        return Optional.of(new Lease(projection, h.epoch, owner, h.until, duration));
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease) {
        Holder h = holders.get(lease.projection());
        if (h == null || h.epoch != lease.epoch() || h.owner == null) {
            return Optional.empty();
        }
        h.until = clock.instant().plus(lease.duration());
        return Optional.of(new Lease(lease.projection(), h.epoch, h.owner, h.until, lease.duration()));
    }

    @Override
    public synchronized void release(Lease lease) {
        Holder h = holders.get(lease.projection());
        if (h != null && h.epoch == lease.epoch()) {
            h.owner = null;
            h.until = null;
        }
    }

    @Override
    public synchronized void saveFenced(Lease lease, GlobalPosition position) {
        Objects.requireNonNull(position, "position");
        Holder h = holders.get(lease.projection());
        long current = h == null ? 0 : h.epoch;
        if (current != lease.epoch()) {
            throw LeaseLostException.of(lease.projection(), lease.epoch(), current);
        }
        checkpoints.save(lease.projection(), position);
    }

    private final InMemoryProjectionControls controls = new InMemoryProjectionControls(this::epochIs);

    private synchronized boolean epochIs(String projection, long epoch) {
        Holder h = holders.get(projection);
        return h != null && h.epoch == epoch;
    }

    /** Changes asked of the projections using these leases (this JVM's nodes only). */
    @Override
    public Optional<ProjectionControls> controls() {
        return Optional.of(controls);
    }

    @Override
    public synchronized Optional<Lease> current(String projection) {
        Holder h = holders.get(projection);
        if (h == null || h.owner == null || !h.until.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Lease(
                projection,
                h.epoch,
                h.owner,
                h.until,
                Duration.between(clock.instant(), h.until).plusMillis(1)));
    }

    /** These leases themselves: they keep the skipped events. */
    @Override
    public Optional<SkippedEventLog> skippedEventLog() {
        return Optional.of(this);
    }

    @Override
    public synchronized void record(String projection, SkippedEvent event) {
        CheckpointStore.requireValidName(projection);
        Objects.requireNonNull(event, "event");
        skipped.computeIfAbsent(projection, k -> new TreeMap<>()).putIfAbsent(event.position(), event);
    }

    @Override
    public synchronized List<SkippedEvent> recent(String projection, int limit) {
        SkippedEventLog.requireValidLimit(limit);
        NavigableMap<GlobalPosition, SkippedEvent> events = skipped.get(projection);
        return events == null
                ? List.of()
                : events.descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized long count(String projection) {
        NavigableMap<GlobalPosition, SkippedEvent> events = skipped.get(projection);
        return events == null ? 0 : events.size();
    }

    @Override
    public synchronized void forgetAfter(String projection, GlobalPosition position) {
        Objects.requireNonNull(position, "position");
        NavigableMap<GlobalPosition, SkippedEvent> events = skipped.get(projection);
        if (events != null) {
            events.tailMap(position, false).clear();
        }
    }
}
