package org.eventcore.execution;

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
import org.eventcore.messages.ApiMessages;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;

/**
 * One attempt of one command: read, fold, discover, decide, append. Runs inside an attempt boundary;
 * knows nothing of retries.
 */
final class CommandAttempt<C extends Command<C, S, E>, S, E> {

    private static final Comparator<StoredEvent<Object>> BY_POSITION = Comparator.comparing(StoredEvent::position);

    private final EventStore store;
    private final Clock clock;
    private final int maxDiscoveryRounds;
    private final int maxStreams;
    private final CommandModel<C> model;
    private final C command;
    private final CommandId commandId;
    private final ExecutionContext execution;
    private boolean foundNotStored;

    CommandAttempt(
            EventStore store, ExecutorSettings settings, CommandModel<C> model, C command, ExecutionContext execution) {
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
    }

    /**
     * Runs the attempt; {@code lookUpFirst} checks the command log before deciding anything;
     * {@code lock} reads the declared streams with {@link EventStore#readLocked} (after a conflict).
     */
    CommandResult<E> run(int attempt, boolean lookUpFirst, boolean lock) {
        foundNotStored = false;
        Set<StreamId> streams = new LinkedHashSet<>(model.declaredStreams(command));
        requireWithinLimit(streams, "declares");
        Map<StreamId, StreamRead> reads = lock ? store.readLocked(streams) : store.read(streams);
        if (lookUpFirst) {
            // after the read: whatever the read saw of an earlier commit of this command is visible to
            // the look-up too, so the command is never decided on its own earlier events
            Optional<List<StoredEvent<Object>>> earlier = store.eventsOf(commandId);
            if (earlier.isPresent()) {
                return replayed(earlier.get(), attempt);
            }
            foundNotStored = true;
        }
        S state = fold(reads);
        for (int round = 0; ; round++) {
            Discovered discovered = new Discovered(reads.keySet());
            command.discover(state, discovered);
            if (discovered.added.isEmpty()) {
                break;
            }
            if (round >= maxDiscoveryRounds) {
                throw new CommandDefinitionException(ApiMessages.discoveryDoesNotEnd(
                        model.commandType().getName(), maxDiscoveryRounds, discovered.added));
            }
            streams.addAll(discovered.added);
            requireWithinLimit(streams, "declares and discovers");
            reads = store.read(streams);
            state = fold(reads);
        }
        RecordingDecision<C, E> decision =
                new RecordingDecision<>(model.commandType(), model.eventType(), reads, execution);
        command.handle(state, decision);
        List<RecordingDecision.Emitted> emitted = decision.emitted();
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        reads.forEach((id, read) -> versions.put(id, read.version()));
        if (emitted.isEmpty()) {
            return new CommandResult<>(commandId, List.of(), versions, Optional.empty(), attempt, false);
        }
        EventMetadata metadata = new EventMetadata(
                execution.correlationId(), commandId, execution.user(), clock.instant(), execution.metadata());
        List<PendingEvent> pending = new ArrayList<>(emitted.size());
        for (RecordingDecision.Emitted e : emitted) {
            pending.add(new PendingEvent(EventId.generate(), e.stream(), e.event(), metadata));
        }
        AppendResult appended;
        try {
            appended = store.append(new AppendRequest(commandId, versions, pending));
        } catch (DuplicateCommandException e) {
            return replayed(store.eventsOf(commandId).orElseThrow(() -> e), attempt);
        }
        versions.putAll(appended.streamVersions());
        return new CommandResult<>(
                commandId, cast(appended.events()), versions, Optional.of(appended.lastPosition()), attempt, false);
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

    private S fold(Map<StreamId, StreamRead> reads) {
        Class<?> eventType = model.eventType();
        List<StoredEvent<Object>> events;
        if (reads.size() == 1) {
            events = reads.values().iterator().next().events();
        } else {
            events = new ArrayList<>();
            for (StreamRead read : reads.values()) {
                events.addAll(read.events());
            }
            events.sort(BY_POSITION);
        }
        S state = command.initialState();
        for (StoredEvent<Object> event : events) {
            if (eventType.isInstance(event.payload())) {
                @SuppressWarnings("unchecked")
                StoredEvent<E> typed = (StoredEvent<E>) (StoredEvent<?>) event;
                state = command.apply(state, typed);
            }
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<StoredEvent<E>> cast(List<StoredEvent<Object>> events) {
        return (List<StoredEvent<E>>) (List<?>) events;
    }

    /** Collects the streams {@code discover} adds that were not read yet. */
    private static final class Discovered implements StreamResolver {
        private final Set<StreamId> known;
        final Set<StreamId> added = new LinkedHashSet<>();

        Discovered(Set<StreamId> known) {
            this.known = known;
        }

        @Override
        public void add(StreamId stream) {
            java.util.Objects.requireNonNull(stream, () -> ApiMessages.nullFromCommand("discover added a null stream"));
            if (!known.contains(stream)) {
                added.add(stream);
            }
        }
    }
}
