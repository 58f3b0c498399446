package org.eventcore.execution;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventcore.Command;
import org.eventcore.CommandDefinitionException;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.ExecutionContext;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;
import org.eventcore.StreamVersion;
import org.eventcore.TagQuery;
import org.eventcore.messages.ApiMessages;
import org.eventcore.spi.AppendCondition;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.Snapshot;
import org.eventcore.spi.StreamRead;
import org.eventcore.spi.TagRead;
import org.eventcore.spi.TagReader;

/**
 * One attempt of one command: read, fold, discover, decide, append. Runs inside an attempt boundary;
 * knows nothing of retries.
 */
final class CommandAttempt<C extends Command<C, S, E>, S, E> {

    private static final System.Logger LOG = System.getLogger(CommandAttempt.class.getName());

    private static final Comparator<StoredEvent<Object>> BY_POSITION = Comparator.comparing(StoredEvent::position);

    private final EventStore store;
    private final Clock clock;
    private final int maxDiscoveryRounds;
    private final int maxStreams;
    private final CommandModel<C> model;
    private final C command;
    private final CommandId commandId;
    private final ExecutionContext execution;
    private final ExecutionListener listener;
    private final String typeName;
    private boolean foundNotStored;
    /** The state cache, when the command type is cached and the executor has one; else null. */
    private final StateCache cache;
    /** The command type's cache policy, when {@link #cache} is set. */
    private final CommandModel.CachePolicy policy;

    private final Optional<Snapshots> snapshots;
    /** The events the current attempt read through the command's tag queries; empty without queries. */
    private List<StoredEvent<Object>> tagged = List.of();
    /** The position of the current attempt's tag read, or null without queries. */
    private String taggedAt;

    /** The key of the command's state, when cached; set by {@link #run}. */
    private StateCache.Key key;
    /** The entry the current attempt started from, or null. */
    private StateCache.Entry startedFrom;
    /** The entry to store once the current attempt has committed, or null. */
    private StateCache.Entry toCache;

    CommandAttempt(
            EventStore store,
            ExecutorSettings settings,
            StateCache cache,
            CommandModel<C> model,
            C command,
            ExecutionContext execution) {
        this.policy = cache == null ? null : model.cachePolicy();
        this.cache = policy == null ? null : cache;
        this.snapshots = settings.snapshots();
        this.listener = settings.listener();
        this.typeName = model.commandType().getSimpleName();
        this.store = store;
        this.clock = settings.clock();
        this.maxDiscoveryRounds = settings.maxDiscoveryRounds();
        this.maxStreams = settings.maxStreamsPerCommand();
        this.model = model;
        this.command = command;
        this.commandId = execution.commandId();
        this.execution = execution;
    }

    /**
     * Whether the current attempt's {@link #run} looked the command id up and found it not stored: an
     * earlier attempt whose commit outcome was unknown did not commit. False until this attempt's run
     * has looked, also when the attempt failed before its run began.
     */
    boolean foundNotStored() {
        return foundNotStored;
    }

    /**
     * Starts a new attempt: forgets what the last one's look-up found. An attempt can fail before its
     * {@link #run} begins (no connection to begin a transaction with); the look-up of the attempt before
     * it says nothing about that attempt's own commit, whose outcome may be the unknown one.
     */
    void beginAttempt() {
        foundNotStored = false;
        startedFrom = null;
        toCache = null;
    }

    /**
     * Runs the attempt; {@code lookUpFirst} checks the command log before deciding anything;
     * {@code lock} reads the declared streams with {@link EventStore#readLocked} (after a conflict).
     */
    CommandResult<E> run(int attempt, boolean lookUpFirst, boolean lock) {
        foundNotStored = false;
        startedFrom = null;
        toCache = null;
        List<StreamId> declared = model.declaredStreams(command);
        Set<StreamId> streams = new LinkedHashSet<>(declared);
        requireWithinLimit(streams, "declares");
        List<TagQuery> queries = model.queries(command);
        tagged = List.of();
        taggedAt = null;
        if (!queries.isEmpty()) {
            if (!(store instanceof TagReader reader)) {
                throw new CommandDefinitionException(ApiMessages.tagQueriesUnsupported(
                        model.commandType().getName(), store.getClass().getName()));
            }
            // after a conflict too: no lock before the read (the append takes the queries' locks after the
            // streams', in the one order every append uses)
            TagRead read = reader.readTagged(queries);
            tagged = read.events();
            taggedAt = read.position();
        }
        Folded<S> folded = null;
        if (cache != null && queries.isEmpty()) {
            key = new StateCache.Key(model.commandType(), policy.foldRevision(), declared);
            folded = loadCached(lock);
        }
        if (folded == null) {
            folded = foldWhole(lock ? store.readLocked(streams) : store.read(streams));
        }
        Map<StreamId, StreamRead> reads = folded.reads;
        if (lookUpFirst) {
            // after the read: whatever the read saw of an earlier commit of this command is visible to
            // the look-up too, so the command is never decided on its own earlier events
            Optional<List<StoredEvent<Object>>> earlier = store.eventsOf(commandId);
            if (earlier.isPresent()) {
                return replayed(earlier.get(), attempt);
            }
            foundNotStored = true;
        }
        S state = folded.state;
        for (int round = 0; ; round++) {
            Discovered discovered = new Discovered(reads.keySet());
            command.discover(state, discovered);
            if (startedFrom != null && round == 0 && !discovered.mentionsAllBut(declared)) {
                // the cached state was folded from streams discovery no longer chooses: as if uncached
                cache.refolds.increment();
                startedFrom = null;
                streams = new LinkedHashSet<>(declared);
                folded = foldWhole(store.read(streams));
                reads = folded.reads;
                state = folded.state;
                round = -1;
                continue;
            }
            if (discovered.added == null) {
                break;
            }
            if (round >= maxDiscoveryRounds) {
                throw new CommandDefinitionException(ApiMessages.discoveryDoesNotEnd(
                        model.commandType().getName(), maxDiscoveryRounds, discovered.added));
            }
            // the streams read so far (a cached entry's may hold discovered ones), then the new ones
            streams = new LinkedHashSet<>(reads.keySet());
            streams.addAll(discovered.added);
            requireWithinLimit(streams, "declares and discovers");
            reads = store.read(streams);
            folded = foldWhole(reads);
            state = folded.state;
        }
        Map<StreamId, StreamVersion> readVersions = versionsOf(reads);
        if (cache != null && queries.isEmpty()) {
            toCache = entryToCache(folded, readVersions);
        }
        RecordingDecision<C, E> decision =
                new RecordingDecision<>(model.commandType(), model.eventType(), reads, execution);
        command.handle(state, decision);
        List<RecordingDecision.Emitted> emitted = decision.emitted();
        if (emitted.isEmpty()) {
            return new CommandResult<>(commandId, List.of(), readVersions, Optional.empty(), attempt, false);
        }
        List<AppendCondition> conditions = List.of();
        if (!queries.isEmpty()) {
            conditions = new ArrayList<>(queries.size());
            for (TagQuery q : queries) {
                conditions.add(new AppendCondition(q, taggedAt));
            }
        }
        EventMetadata metadata = metadata(attempt);
        List<PendingEvent> pending = new ArrayList<>(emitted.size());
        for (RecordingDecision.Emitted e : emitted) {
            pending.add(new PendingEvent(EventId.generate(), e.stream(), e.event(), metadata, e.tags()));
        }
        AppendResult appended;
        listen(() -> listener.appendStarted(commandId, typeName, attempt, readVersions.size(), pending.size()));
        long appendStarted = System.nanoTime();
        try {
            appended = store.append(new AppendRequest(commandId, readVersions, pending, conditions));
        } catch (DuplicateCommandException e) {
            appendEnded(attempt, appendStarted, e);
            return replayed(store.eventsOf(commandId).orElseThrow(() -> e), attempt);
        } catch (RuntimeException e) {
            appendEnded(attempt, appendStarted, e);
            throw e;
        }
        appendEnded(attempt, appendStarted, null);
        Map<StreamId, StreamVersion> versions;
        if (readVersions.size() == 1 && appended.streamVersions().keySet().equals(readVersions.keySet())) {
            versions = appended.streamVersions();
        } else {
            versions = new LinkedHashMap<>(readVersions);
            versions.putAll(appended.streamVersions());
        }
        return new CommandResult<>(
                commandId, cast(appended.events()), versions, Optional.of(appended.lastPosition()), attempt, false);
    }

    /**
     * The metadata of the attempt's events: the caller's, with the listener's entries (a trace context)
     * where the caller has none of that key. Entries a listener gets wrong are left out, with a warning.
     */
    private EventMetadata metadata(int attempt) {
        Map<String, String> custom = execution.metadata();
        Map<String, String> added;
        try {
            added = listener.eventMetadata(commandId, typeName);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
            added = Map.of();
        }
        if (added != null && !added.isEmpty()) {
            Map<String, String> merged = added;
            if (!custom.isEmpty()) {
                merged = new java.util.HashMap<>(added);
                merged.putAll(custom);
            }
            try {
                return new EventMetadata(
                        execution.correlationId(), commandId, execution.user(), clock.instant(), merged);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
            }
        }
        return new EventMetadata(execution.correlationId(), commandId, execution.user(), clock.instant(), custom);
    }

    private void appendEnded(int attempt, long startedNanos, RuntimeException failure) {
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - startedNanos);
        listen(() -> listener.appendEnded(commandId, typeName, attempt, took, Optional.ofNullable(failure)));
    }

    /** Calls the listener; its failure is logged and ignored. */
    private static void listen(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
        }
    }

    /** A command over more streams than the limit fails before it reads them (a store would fail worse). */
    private void requireWithinLimit(Set<StreamId> streams, String how) {
        if (streams.size() > maxStreams) {
            throw new CommandDefinitionException(
                    ApiMessages.tooManyStreams(model.commandType().getName(), how, streams.size(), maxStreams));
        }
    }

    private CommandResult<E> replayed(List<StoredEvent<Object>> events, int attempt) {
        Map<StreamId, StreamVersion> versions = new HashMap<>();
        GlobalPosition last = GlobalPosition.start();
        for (StoredEvent<Object> e : events) {
            versions.merge(e.streamId(), e.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            last = e.position().compareTo(last) > 0 ? e.position() : last;
        }
        return new CommandResult<>(
                commandId,
                cast(events),
                versions,
                events.isEmpty() ? Optional.empty() : Optional.of(last),
                attempt,
                true);
    }

    /**
     * A state and what it was folded from.
     *
     * @param state the state
     * @param reads the streams read for it (whole, or after a cached entry's versions)
     * @param last the position of the last event folded into it
     * @param eventsFolded how many events it holds
     * @param sinceSnapshot how many of them since the last snapshot
     */
    private record Folded<S>(
            S state, Map<StreamId, StreamRead> reads, GlobalPosition last, long eventsFolded, long sinceSnapshot) {}

    /** Folds whole reads from the initial state. */
    private Folded<S> foldWhole(Map<StreamId, StreamRead> reads) {
        List<StoredEvent<Object>> events = inLogOrder(reads);
        S state = foldOnto(command.initialState(), events);
        GlobalPosition last = events.isEmpty()
                ? GlobalPosition.start()
                : events.get(events.size() - 1).position();
        return new Folded<>(state, reads, last, events.size(), events.size());
    }

    /**
     * The events of the reads in the log's order, with those of the attempt's tag read, each event once
     * (an event of a stream read may match a query too).
     */
    private List<StoredEvent<Object>> inLogOrder(Map<StreamId, StreamRead> reads) {
        if (reads.size() == 1 && tagged.isEmpty()) {
            return reads.values().iterator().next().events();
        }
        List<StoredEvent<Object>> events = new ArrayList<>(tagged);
        for (StreamRead read : reads.values()) {
            events.addAll(read.events());
        }
        events.sort(BY_POSITION);
        if (!tagged.isEmpty()) {
            List<StoredEvent<Object>> once = new ArrayList<>(events.size());
            for (StoredEvent<Object> e : events) {
                if (once.isEmpty() || !once.get(once.size() - 1).id().equals(e.id())) {
                    once.add(e);
                }
            }
            return once;
        }
        return events;
    }

    private S foldOnto(S state, List<StoredEvent<Object>> events) {
        Class<?> eventType = model.eventType();
        for (StoredEvent<Object> event : events) {
            if (eventType.isInstance(event.payload())) {
                @SuppressWarnings("unchecked")
                StoredEvent<E> typed = (StoredEvent<E>) (StoredEvent<?>) event;
                state = command.apply(state, typed);
            }
        }
        return state;
    }

    /**
     * The cached state (or, without an entry, the snapshot) of the command's key with the events after
     * it folded on top, or null when the state is folded whole: no entry, or a newly read event that
     * precedes the entry's last one in the log (its transaction committed late), so the fold in log
     * order must start again.
     */
    private Folded<S> loadCached(boolean lock) {
        StateCache.Entry entry = cache.get(key);
        boolean fromSnapshot = false;
        if (entry == null) {
            entry = snapshots.isPresent() && policy.snapshotEvery() > 0 ? loadSnapshot(snapshots.get()) : null;
            if (entry == null) {
                cache.misses.increment();
                return null;
            }
            fromSnapshot = true;
        }
        Map<StreamId, StreamRead> tail =
                lock ? store.readLockedAfter(entry.versions()) : store.readAfter(entry.versions());
        List<StoredEvent<Object>> fresh = inLogOrder(tail);
        if (!fresh.isEmpty() && fresh.get(0).position().compareTo(entry.last()) < 0) {
            cache.refolds.increment();
            return null;
        }
        (fromSnapshot ? cache.snapshotsLoaded : cache.hits).increment();
        startedFrom = entry;
        @SuppressWarnings("unchecked")
        S state = foldOnto((S) entry.state(), fresh);
        GlobalPosition last =
                fresh.isEmpty() ? entry.last() : fresh.get(fresh.size() - 1).position();
        return new Folded<>(
                state, tail, last, entry.eventsFolded() + fresh.size(), entry.sinceSnapshot() + fresh.size());
    }

    /** The version of each stream read, in the reads' order; one stream: a compact immutable map. */
    private static Map<StreamId, StreamVersion> versionsOf(Map<StreamId, StreamRead> reads) {
        if (reads.size() == 1) {
            StreamRead only = reads.values().iterator().next();
            return Map.of(only.streamId(), only.version());
        }
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        reads.forEach((id, read) -> versions.put(id, read.version()));
        return java.util.Collections.unmodifiableMap(versions);
    }

    /** The entry for the folded state, or null when its value holds a modifiable collection. */
    private StateCache.Entry entryToCache(Folded<S> folded, Map<StreamId, StreamVersion> versions) {
        if (policy.shape().checksValues()) {
            String part = policy.shape().mutablePart(folded.state);
            if (part != null) {
                cache.warnOnce(model.commandType(), part);
                return null;
            }
        }
        return new StateCache.Entry(folded.state, versions, folded.last, folded.eventsFolded, folded.sinceSnapshot);
    }

    /** The snapshot of the key as an entry, or null when there is none or it cannot be used. */
    private StateCache.Entry loadSnapshot(Snapshots configured) {
        String name = Snapshot.keyOf(model.commandType(), key.declared());
        Optional<Snapshot> found = configured.store().load(name);
        if (found.isEmpty()) {
            return null;
        }
        Snapshot s = found.get();
        if (!s.key().equals(name)
                || s.foldRevision() != policy.foldRevision()
                || s.stateRevision() != policy.stateRevision()
                || !s.fingerprint().equals(configured.fingerprint())
                || !s.versions().keySet().containsAll(key.declared())) {
            // written by another release: rebuilt by the next snapshot
            cache.snapshotsIgnored.increment();
            LOG.log(
                    Level.DEBUG,
                    () -> "snapshot of " + name.replace('\n', ' ') + " written by another fold, state or registry;"
                            + " folding from the start");
            return null;
        }
        Object state;
        try {
            state = configured.serializer().deserialize(s.state(), policy.stateClass());
            if (state == null) {
                throw new IllegalArgumentException("it holds no state");
            }
            String part = policy.shape().checksValues() ? policy.shape().mutablePart(state) : null;
            if (part != null) {
                throw new IllegalArgumentException("the state read back holds a modifiable collection at " + part);
            }
        } catch (RuntimeException e) {
            cache.snapshotsIgnored.increment();
            LOG.log(Level.WARNING, ApiMessages.unreadableSnapshot(name, String.valueOf(e.getMessage())), e);
            return null;
        }
        // the versions in the order of the key's streams, discovered ones after them
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        for (StreamId id : key.declared()) {
            versions.put(id, s.versions().get(id));
        }
        s.versions().forEach(versions::putIfAbsent);
        return new StateCache.Entry(state, versions, s.lastPosition(), s.eventsFolded(), 0);
    }

    /**
     * After the attempt committed: stores the state it decided on in the cache (called by an after-commit
     * hook, so a rolled back attempt stores nothing).
     */
    void committed() {
        if (toCache != null) {
            cache.put(key, toCache);
        }
    }

    /**
     * After a conflict: drops the entry the attempt started from when a stream is below the entry's
     * version (the store lost events the entry holds: restored from a backup, say). Otherwise the entry
     * stays: the next attempt reads the events after it, those of the conflicting commit among them.
     */
    void conflicted(org.eventcore.StreamConflictException conflict) {
        if (startedFrom == null) {
            return;
        }
        for (org.eventcore.StreamConflict c : conflict.conflicts()) {
            StreamVersion cached = startedFrom.versions().get(c.streamId());
            if (cached != null && c.actual().compareTo(cached) < 0) {
                cache.remove(key);
                return;
            }
        }
    }

    /**
     * After the attempt committed: stores a snapshot of the state it decided on, when its command type
     * has {@link org.eventcore.CachedState#snapshotEvery()} events folded since the last one. Runs in a
     * unit of work of its own; a failure is logged, never thrown.
     */
    void snapshotIfDue(org.eventcore.spi.AttemptBoundary boundary) {
        StateCache.Entry entry = toCache;
        if (entry == null
                || boundary.joinsCallerTransaction()
                || snapshots.isEmpty()
                || policy.snapshotEvery() == 0
                || entry.sinceSnapshot() < policy.snapshotEvery()) {
            return;
        }
        Snapshots configured = snapshots.get();
        String name = Snapshot.keyOf(model.commandType(), key.declared());
        try {
            Snapshot snapshot = new Snapshot(
                    name,
                    entry.versions(),
                    entry.last(),
                    policy.foldRevision(),
                    policy.stateRevision(),
                    configured.fingerprint(),
                    entry.eventsFolded(),
                    configured.serializer().serialize(entry.state()));
            boundary.execute(attempt -> {
                configured.store().save(snapshot);
                return null;
            });
            cache.snapshotsWritten.increment();
            cache.put(
                    key, new StateCache.Entry(entry.state(), entry.versions(), entry.last(), entry.eventsFolded(), 0));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, ApiMessages.snapshotFailed("stored", name), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> List<StoredEvent<E>> cast(List<StoredEvent<Object>> events) {
        return (List<StoredEvent<E>>) (List<?>) events;
    }

    /** Collects the streams {@code discover} adds that were not read yet, and all it names. */
    private static final class Discovered implements StreamResolver {
        private final Set<StreamId> known;
        /** The streams added that were not read yet; null until one is (most commands discover none). */
        Set<StreamId> added;
        /** Every stream discover named; null until it names one. */
        Set<StreamId> mentioned;

        /** Whether discover named again every stream it had been given except {@code declared}. */
        boolean mentionsAllBut(List<StreamId> declared) {
            for (StreamId s : known) {
                if ((mentioned == null || !mentioned.contains(s)) && !declared.contains(s)) {
                    return false;
                }
            }
            return true;
        }

        Discovered(Set<StreamId> known) {
            this.known = known;
        }

        @Override
        public void add(StreamId stream) {
            java.util.Objects.requireNonNull(stream, () -> ApiMessages.nullFromCommand("discover added a null stream"));
            if (mentioned == null) {
                mentioned = new java.util.HashSet<>();
            }
            mentioned.add(stream);
            if (!known.contains(stream)) {
                if (added == null) {
                    added = new LinkedHashSet<>();
                }
                added.add(stream);
            }
        }
    }
}
