package org.eventcore.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eventcore.CommandDefinitionException;
import org.eventcore.Decision;
import org.eventcore.ExecutionContext;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;
import org.eventcore.messages.ApiMessages;
import org.eventcore.spi.StreamRead;

/** The executor's {@link Decision}: checks every write against the streams read, and records it. */
final class RecordingDecision<C, E> implements Decision<C, E> {

    /** One emitted event. */
    record Emitted(StreamId stream, Object event, java.util.Set<org.eventcore.Tag> tags) {}

    private final Class<C> commandType;
    private final Class<?> eventType;
    private final Map<StreamId, StreamRead> reads;
    private final ExecutionContext execution;
    private final List<Emitted> emitted = new ArrayList<>(4);

    RecordingDecision(
            Class<C> commandType, Class<?> eventType, Map<StreamId, StreamRead> reads, ExecutionContext execution) {
        this.commandType = commandType;
        this.eventType = eventType;
        this.reads = reads;
        this.execution = execution;
    }

    @Override
    public ExecutionContext execution() {
        return execution;
    }

    @Override
    public void emit(StreamHandle<C> stream, E event) {
        emitTagged(stream, event, NO_TAGS);
    }

    private static final org.eventcore.Tag[] NO_TAGS = {};

    @Override
    public void emitTagged(StreamHandle<C> stream, E event, org.eventcore.Tag... tags) {
        Objects.requireNonNull(stream, () -> ApiMessages.nullFromCommand("emit needs a stream handle, got null"));
        Objects.requireNonNull(event, () -> ApiMessages.nullFromCommand("emit needs an event, got null"));
        if (stream.commandType() != commandType) {
            throw new CommandDefinitionException(ApiMessages.streamNotWritable(
                    commandType.getName(),
                    "emitted to " + stream.id() + " with a handle of command "
                            + stream.commandType().getName() + "; use the handles of its own declarations class"));
        }
        if (!eventType.isInstance(event)) {
            throw new CommandDefinitionException(ApiMessages.foreignEvent(
                    commandType.getName(), event.getClass().getName(), eventType.getName()));
        }
        requireRead(stream.id());
        java.util.Set<org.eventcore.Tag> tagSet = java.util.Set.of();
        if (tags != null && tags.length > 0) {
            tagSet = new java.util.TreeSet<>();
            for (org.eventcore.Tag t : tags) {
                if (t == null) {
                    throw new org.eventcore.InvalidTagException(
                            ApiMessages.invalidTag(null, "emit got a null tag", org.eventcore.Tag.MAX_LENGTH));
                }
                tagSet.add(t);
            }
            if (tagSet.size() > MAX_TAGS) {
                throw new org.eventcore.InvalidTagException(ApiMessages.invalidTag(
                        tagSet.iterator().next().value(),
                        "an event carries " + tagSet.size() + " tags, more than the " + MAX_TAGS + " allowed",
                        org.eventcore.Tag.MAX_LENGTH));
            }
        } else if (tags == null) {
            throw new org.eventcore.InvalidTagException(
                    ApiMessages.invalidTag(null, "emit got null tags", org.eventcore.Tag.MAX_LENGTH));
        }
        emitted.add(new Emitted(stream.id(), event, tagSet));
    }

    @Override
    public StreamHandle<C> stream(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        requireRead(stream);
        return DiscoveredHandles.of(commandType, stream);
    }

    private void requireRead(StreamId stream) {
        if (!reads.containsKey(stream)) {
            throw new CommandDefinitionException(ApiMessages.streamNotWritable(
                    commandType.getName(),
                    "wrote to stream " + stream + ", which it neither declared nor discovered (it read "
                            + reads.keySet()
                            + "). Declare it with @Stream, or add it with StreamResolver.add in discover()"));
        }
    }

    List<Emitted> emitted() {
        return emitted;
    }
}
