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
import org.eventcore.EventId;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.Tag;
import org.eventcore.TagConflict;
import org.eventcore.TagQuery;
import org.eventcore.inmemory.messages.InMemoryMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.spi.AppendCondition;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogLag;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;
import org.eventcore.spi.TagRead;
import org.eventcore.spi.TagReader;

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
public final class InMemoryEventStore implements EventStore, GlobalLogReader, LogBrowser, TagReader {

    private final ConcurrentHashMap<StreamId, Slot> streams = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CommandId, List<StoredEvent<Object>>> commands = new ConcurrentHashMap<>();
    private final AppendOnlyList log = new AppendOnlyList();
    private final Object logLock = new Object();
    /** The tagged events by tag, in log order; guarded by {@link #logLock}. */
    private final Map<Tag, List<StoredEvent<Object>>> byTag = new HashMap<>();
    /** The tags of tagged events; guarded by {@link #logLock}. */
    private final Map<EventId, Set<Tag>> tagsOf = new HashMap<>();

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
            checkConditions(request);
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
            index(pending, stored);
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
            checkConditions(request);
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
            index(pending, events);
            commands.put(request.commandId(), events);
        }
        slot.events.addAll(events);
        return AppendResult.of(events);
    }

    /**
     * Refuses the request if an event that matches one of its conditions was appended after the read the
     * condition names (a log size). The caller holds {@link #logLock}, under which every append is
     * checked and written: nothing can be appended between this check and the write.
     */
    private void checkConditions(AppendRequest request) {
        if (request.conditions().isEmpty()) {
            return;
        }
        List<TagConflict> conflicts = new ArrayList<>();
        for (AppendCondition c : request.conditions()) {
            long after = positionOf(c.after());
            for (StoredEvent<Object> e : candidates(c.query())) {
                if (e.position().offset() > after && matches(c.query(), e)) {
                    conflicts.add(new TagConflict(
                            c.query(), e.id(), e.payload().getClass().getName(), e.position()));
                    break;
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new StreamConflictException(List.of(), conflicts);
        }
    }

    private static long positionOf(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(InMemoryMessages.foreignTagPosition(token), e);
        }
    }

    /** Indexes the just stored events by tag; the caller holds {@link #logLock}. */
    private void index(List<PendingEvent> pending, List<StoredEvent<Object>> stored) {
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent<Object> e = stored.get(i);
            Set<Tag> tags = pending.get(i).tags();
            if (!tags.isEmpty()) {
                tagsOf.put(e.id(), tags);
                for (Tag t : tags) {
                    byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    private boolean matches(TagQuery query, StoredEvent<Object> e) {
        return query.matches(e.payload().getClass(), tagsOf.getOrDefault(e.id(), Set.of()));
    }

    /**
     * The events that may match {@code query}, in log order per item (an item's first tag's events, or its
     * ), possibly with duplicates; the caller holds {@link #logLock}.
     */
    private List<StoredEvent<Object>> candidates(TagQuery query) {
        List<StoredEvent<Object>> all = new ArrayList<>();
        for (TagQuery.Item item : query.items()) {
            all.addAll(byTag.getOrDefault(item.tags().iterator().next(), List.of()));
        }
        return all;
    }

    /**
     * Every stored event that matches any of {@code queries}, in log order, and the log's size as the
     * position: an append whose condition names it fails if a matching event was stored after it.
     */
    @Override
    public TagRead readTagged(List<TagQuery> queries) {
        java.util.TreeMap<GlobalPosition, StoredEvent<Object>> found = new java.util.TreeMap<>();
        long size;
        synchronized (logLock) {
            size = log.size();
            for (TagQuery q : queries) {
                for (StoredEvent<Object> e : candidates(q)) {
                    if (matches(q, e)) {
                        found.put(e.position(), e);
                    }
                }
            }
        }
        return new TagRead(new ArrayList<>(found.values()), Long.toString(size));
    }

    /** The tags {@code event} was stored with (empty for an event without tags or not stored here). */
    public Set<Tag> tagsOf(EventId event) {
        synchronized (logLock) {
            return tagsOf.getOrDefault(event, Set.of());
        }
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

    /**
     * Walks the log backwards from the query's position, at most {@link LogQuery#MAX_EXAMINED} entries;
     * a command id or a stream id is served from the command's or the stream's own list.
     */
    @Override
    public LogPage browse(LogQuery query) {
        Objects.requireNonNull(query, "query");
        query.before().ifPresent(b -> {
            if (b.epoch() != 0) {
                throw new IllegalArgumentException(InMemoryMessages.foreignPosition(b.toString()));
            }
        });
        List<StoredEvent<Object>> source;
        boolean exact;
        if (query.commandId().isPresent()) {
            source = commandEvents(query.commandId().get());
            exact = true;
        } else if (query.streamId().isPresent()) {
            source = streamEvents(query.streamId().get());
            exact = true;
        } else {
            int size = log.size();
            int end = (int)
                    Math.min(size, query.before().map(GlobalPosition::offset).orElse((long) size) - 1);
            int start = Math.max(0, end + 1 - LogQuery.MAX_EXAMINED);
            source = end < 0 ? List.of() : log.range(start, end + 1);
            exact = start == 0;
        }
        List<LoggedEvent> found = new ArrayList<>();
        long examined = 0;
        int i = source.size() - 1;
        for (; i >= 0 && found.size() < query.limit(); i--) {
            StoredEvent<Object> e = source.get(i);
            if (query.before().isPresent()
                    && e.position().compareTo(query.before().get()) >= 0) {
                continue;
            }
            examined++;
            LoggedEvent logged = logged(e);
            if (query.matches(logged)) {
                found.add(logged);
            }
        }
        Optional<GlobalPosition> next = Optional.empty();
        if (found.size() == query.limit() && (i >= 0 || !exact)) {
            // older entries remain in this list, or before the stretch this list is
            next = Optional.of(found.get(found.size() - 1).position());
        } else if (found.size() < query.limit() && !exact) {
            next = Optional.of(source.get(0).position());
        }
        return new LogPage(found, next, examined, found.size() == query.limit() || next.isEmpty());
    }

    private List<StoredEvent<Object>> commandEvents(String commandId) {
        List<StoredEvent<Object>> events = null;
        try {
            events = commands.get(CommandId.of(commandId));
        } catch (IllegalArgumentException notAnId) {
            // no command with an id this store would not take
        }
        return events == null ? List.of() : events;
    }

    private List<StoredEvent<Object>> streamEvents(String streamId) {
        Slot slot;
        try {
            slot = streams.get(StreamId.of(streamId));
        } catch (org.eventcore.InvalidStreamIdException notAnId) {
            slot = null;
        }
        if (slot == null) {
            return List.of();
        }
        return slot.events.range(0, slot.events.size());
    }

    @Override
    public Optional<LoggedEvent> event(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        int size = log.size();
        for (StoredEvent<Object> e : log.range(0, size)) {
            if (e.id().toString().equals(eventId)) {
                return Optional.of(logged(e));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<LoggedEvent> command(String commandId) {
        Objects.requireNonNull(commandId, "commandId");
        List<StoredEvent<Object>> events = commandEvents(commandId);
        List<LoggedEvent> logged = new ArrayList<>();
        for (int i = 0; i < events.size() && i < LogQuery.MAX_COMMAND_EVENTS; i++) {
            logged.add(logged(events.get(i)));
        }
        return logged;
    }

    /** {@code e} as a {@link LoggedEvent}: its stored form when this store has a serializer, else the object. */
    private LoggedEvent logged(StoredEvent<Object> e) {
        String type = e.payload().getClass().getName();
        int revision = 1;
        Optional<byte[]> bytes = Optional.empty();
        Optional<Object> object = Optional.of(e.payload());
        if (serializer.isPresent()) {
            org.eventcore.serialization.SerializedEvent stored =
                    serializer.get().serialize(e.payload());
            type = stored.type();
            revision = stored.revision();
            bytes = Optional.of(stored.data());
            object = Optional.empty();
        }
        return new LoggedEvent(
                e.position(),
                e.id().toString(),
                e.streamId().toString(),
                e.version().value(),
                type,
                revision,
                bytes,
                object,
                e.metadata().correlationId(),
                e.metadata().causationId().toString(),
                e.metadata().user(),
                e.metadata().time(),
                MetadataText.of(e.metadata().custom()));
    }

    /** The event this store holds at {@code event}'s position (the payload a reader gets). */
    @Override
    public StoredEvent<Object> read(LoggedEvent event) {
        Objects.requireNonNull(event, "event");
        long offset = event.position().offset();
        if (event.position().epoch() != 0 || offset < 1 || offset > log.size()) {
            throw new IllegalArgumentException(
                    InMemoryMessages.foreignPosition(event.position().toString()));
        }
        return log.range((int) offset - 1, (int) offset).get(0);
    }

    @Override
    public Optional<org.eventcore.serialization.SerializedEvent> written(Object payload) {
        Objects.requireNonNull(payload, "payload");
        return serializer.map(s -> s.serialize(payload));
    }
}
