package org.eventcore.inmemory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import org.eventcore.CommandId;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.inmemory.messages.InMemoryMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogLag;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;

/**
 * An event store in memory: the embedded default for tests, demos and Java SE tools. Keeps the
 * full store contract (invariants I1-I4 and unique command ids) and forgets everything when
 * the JVM ends.
 *
 * <p>Concurrency: each stream has its own lock, so reads and appends of unrelated streams do not
 * wait for each other; reads take no lock at all unless an append to one of their streams is running
 * at that moment. An append locks all its streams in {@link StreamId} order (no deadlock), checks
 * every expected version, and publishes its events in one step per stream, so no reader sees a part
 * of an append. Global positions are taken under one short lock in append order, so a log reader
 * never skips an event.
 *
 * <p>By default payloads are kept as the objects given. {@link #create(EventSerializer)} passes
 * every payload through the serializer when appended (and keeps what reading it back gives), which
 * tests that events survive the trip to a real store.
 *
 * <pre>{@code
 * InMemoryEventStore store = InMemoryEventStore.create();
 * CommandExecutor executor = CommandExecutor.create(store);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InMemoryEventStore implements EventStore, GlobalLogReader {

    private final ConcurrentHashMap<StreamId, Slot> streams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CommandId, List<StoredEvent<Object>>> commands = new ConcurrentHashMap<>();
    private final AppendOnlyList log = new AppendOnlyList();
    private final Object logLock = new Object();
    private final Optional<EventSerializer> serializer;

    private InMemoryEventStore(Optional<EventSerializer> serializer) {
        this.serializer = serializer;
    }

    /** An empty store that keeps payload objects as given. */
    public static InMemoryEventStore create() {
        return new InMemoryEventStore(Optional.empty());
    }

    /** An empty store that round-trips every payload through {@code serializer} when appended. */
    public static InMemoryEventStore create(EventSerializer serializer) {
        return new InMemoryEventStore(Optional.of(Objects.requireNonNull(serializer, "serializer")));
    }

    /** One stream: its lock and its events. */
    private static final class Slot {
        final StampedLock lock = new StampedLock();
        final AppendOnlyList events = new AppendOnlyList();
    }

    private Slot slot(StreamId id) {
        Slot s = streams.get(id);
        return s != null ? s : streams.computeIfAbsent(id, k -> new Slot());
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> ids) {
        return read(ids, Map.of());
    }

    /** Reads the streams as one consistent snapshot, each without its events up to its version in {@code after}. */
    @Override
    public Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
        return read(after.keySet(), after);
    }

    @Override
    public Map<StreamId, StreamRead> readLockedAfter(Map<StreamId, StreamVersion> after) {
        return read(after.keySet(), after);
    }

    private Map<StreamId, StreamRead> read(Set<StreamId> ids, Map<StreamId, StreamVersion> after) {
        Map<StreamId, StreamRead> result = new LinkedHashMap<>(Math.max(4, ids.size() * 2));
        if (ids.size() == 1) {
            StreamId id = ids.iterator().next();
            Slot s = streams.get(id);
            result.put(id, s == null ? StreamRead.empty(id) : toRead(id, s.events.size(), s, after));
            return result;
        }
        StreamId[] sorted = ids.toArray(new StreamId[0]);
        Arrays.sort(sorted);
        Slot[] slots = new Slot[sorted.length];
        long[] stamps = new long[sorted.length];
        // Optimistic: streams that do not exist are read as empty without creating them. A writer that
        // creates one of them together with a stream we stamped invalidates that stamp.
        for (int i = 0; i < sorted.length; i++) {
            slots[i] = streams.get(sorted[i]);
            stamps[i] = slots[i] == null ? 1 : slots[i].lock.tryOptimisticRead();
        }
        int[] sizes = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            sizes[i] = slots[i] == null ? 0 : slots[i].events.size();
        }
        boolean valid = true;
        for (int i = 0; i < sorted.length && valid; i++) {
            valid = slots[i] == null
                    ? streams.get(sorted[i]) == null
                    : stamps[i] != 0 && slots[i].lock.validate(stamps[i]);
        }
        if (!valid) {
            for (int i = 0; i < sorted.length; i++) {
                slots[i] = slot(sorted[i]);
                stamps[i] = slots[i].lock.readLock();
            }
            try {
                for (int i = 0; i < sorted.length; i++) {
                    sizes[i] = slots[i].events.size();
                }
            } finally {
                for (int i = sorted.length - 1; i >= 0; i--) {
                    slots[i].lock.unlockRead(stamps[i]);
                }
            }
        }
        Map<StreamId, StreamRead> byId = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            byId.put(
                    sorted[i],
                    slots[i] == null ? StreamRead.empty(sorted[i]) : toRead(sorted[i], sizes[i], slots[i], after));
        }
        for (StreamId id : ids) {
            result.put(id, byId.get(id));
        }
        return result;
    }

    private static StreamRead toRead(StreamId id, int size, Slot slot, Map<StreamId, StreamVersion> after) {
        StreamVersion from = after.get(id);
        int skip = from == null ? 0 : (int) Math.min(size, from.value());
        return new StreamRead(id, StreamVersion.of(size), slot.events.range(skip, size));
    }

    @Override
    public AppendResult append(AppendRequest request) {
        List<PendingEvent> pending = request.events();
        List<Object> payloads = new ArrayList<>(pending.size());
        for (PendingEvent e : pending) {
            payloads.add(roundTrip(e));
        }
        StreamId[] sorted = request.expectedVersions().keySet().toArray(new StreamId[0]);
        Arrays.sort(sorted);
        Slot[] slots = new Slot[sorted.length];
        long[] stamps = new long[sorted.length];
        int locked = 0;
        try {
            for (; locked < sorted.length; locked++) {
                slots[locked] = slot(sorted[locked]);
                stamps[locked] = slots[locked].lock.writeLock();
            }
            if (commands.containsKey(request.commandId())) {
                throw new DuplicateCommandException(request.commandId());
            }
            List<StreamConflict> conflicts = new ArrayList<>();
            for (int i = 0; i < sorted.length; i++) {
                StreamVersion expected = request.expectedVersions().get(sorted[i]);
                long actual = slots[i].events.size();
                if (actual != expected.value()) {
                    conflicts.add(new StreamConflict(sorted[i], expected, StreamVersion.of(actual)));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new StreamConflictException(conflicts);
            }
            return write(request, payloads, sorted, slots);
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                slots[i].lock.unlockWrite(stamps[i]);
            }
        }
    }

    /** Stores the events; the caller holds the write locks of all the request's streams. */
    private AppendResult write(AppendRequest request, List<Object> payloads, StreamId[] sorted, Slot[] slots) {
        if (sorted.length == 1) {
            return writeOneStream(request, payloads, slots[0]);
        }
        List<PendingEvent> pending = request.events();
        Map<StreamId, List<StoredEvent<Object>>> perStream = new LinkedHashMap<>();
        List<StoredEvent<Object>> stored = new ArrayList<>(pending.size());
        Map<StreamId, Long> next = new HashMap<>();
        synchronized (logLock) {
            if (commands.containsKey(request.commandId())) {
                throw new DuplicateCommandException(request.commandId());
            }
            long position = log.size();
            for (int i = 0; i < pending.size(); i++) {
                PendingEvent e = pending.get(i);
                long version = next.merge(
                        e.streamId(),
                        request.expectedVersions().get(e.streamId()).value() + 1,
                        (a, b) -> a + 1);
                StoredEvent<Object> event = new StoredEvent<>(
                        e.id(),
                        e.streamId(),
                        StreamVersion.of(version),
                        GlobalPosition.of(++position),
                        payloads.get(i),
                        e.metadata());
                stored.add(event);
                perStream.computeIfAbsent(e.streamId(), k -> new ArrayList<>()).add(event);
            }
            log.addAll(stored);
            commands.put(request.commandId(), List.copyOf(stored));
        }
        for (int i = 0; i < sorted.length; i++) {
            List<StoredEvent<Object>> events = perStream.get(sorted[i]);
            if (events != null) {
                slots[i].events.addAll(events);
            }
        }
        return AppendResult.of(stored);
    }

    /** {@link #write} of a request over one stream: its versions follow one another, no map needed. */
    private AppendResult writeOneStream(AppendRequest request, List<Object> payloads, Slot slot) {
        List<PendingEvent> pending = request.events();
        StoredEvent<Object>[] stored = newArray(pending.size());
        List<StoredEvent<Object>> events;
        synchronized (logLock) {
            if (commands.containsKey(request.commandId())) {
                throw new DuplicateCommandException(request.commandId());
            }
            long position = log.size();
            long version = request.expectedVersions().values().iterator().next().value();
            for (int i = 0; i < stored.length; i++) {
                PendingEvent e = pending.get(i);
                stored[i] = new StoredEvent<>(
                        e.id(),
                        e.streamId(),
                        StreamVersion.of(++version),
                        GlobalPosition.of(++position),
                        payloads.get(i),
                        e.metadata());
            }
            events = List.of(stored);
            log.addAll(events);
            commands.put(request.commandId(), events);
        }
        slot.events.addAll(events);
        return AppendResult.of(events);
    }

    @SuppressWarnings("unchecked")
    private static StoredEvent<Object>[] newArray(int size) {
        return (StoredEvent<Object>[]) new StoredEvent<?>[size];
    }

    private Object roundTrip(PendingEvent e) {
        if (serializer.isEmpty()) {
            return e.payload();
        }
        try {
            return serializer.get().deserialize(serializer.get().serialize(e.payload()), e.metadata());
        } catch (EventSerializationException ex) {
            throw new EventSerializationException(
                    InMemoryMessages.roundTripFailed(
                            e.id().toString(), e.streamId().toString(), ex.getMessage()),
                    ex);
        }
    }

    @Override
    public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    @Override
    public List<StoredEvent<Object>> readLog(GlobalPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(InMemoryMessages.invalidLogLimit(limit));
        }
        if (after.epoch() != 0) {
            throw new IllegalArgumentException(InMemoryMessages.foreignPosition(after.toString()));
        }
        int size = log.size();
        long from = Math.min(after.offset(), size);
        int to = (int) Math.min(size, from + limit);
        return List.copyOf(log.range((int) from, to));
    }

    @Override
    public GlobalPosition head() {
        return GlobalPosition.of(log.size());
    }

    /** Counts without copying: the log's positions are its indexes. */
    @Override
    public LogLag lag(GlobalPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(InMemoryMessages.invalidLogLimit(limit));
        }
        if (after.epoch() != 0) {
            throw new IllegalArgumentException(InMemoryMessages.foreignPosition(after.toString()));
        }
        int size = log.size();
        int from = (int) Math.min(after.offset(), size);
        int to = (int) Math.min(size, (long) from + limit);
        if (to == from) {
            return LogLag.none();
        }
        java.time.Instant earliest = null;
        for (StoredEvent<Object> e : log.range(from, to)) {
            java.time.Instant t = e.metadata().time();
            earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
        }
        return new LogLag(to - from, to - from >= limit, java.util.Optional.of(earliest));
    }
}
