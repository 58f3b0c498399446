package org.eventcore;

import java.util.List;
import org.eventcore.messages.ApiMessages;

/**
 * A conditional append found streams that changed after the command read them (invariant I3), or
 * events matching one of its {@linkplain TagQuery tag queries} appended after it read them.
 * Nothing was written. Retriable: the executor runs the whole command again (read, fold, decide),
 * never just the append.
 */
public final class StreamConflictException extends EventCoreException {

    private final List<StreamConflict> conflicts;
    private final List<TagConflict> tagConflicts;

    /**
     * @param conflicts every stale stream, at least one
     */
    public StreamConflictException(List<StreamConflict> conflicts) {
        this(conflicts, List.of());
    }

    /**
     * A conflict on streams, on tag queries, or on both.
     *
     * @param conflicts every stale stream
     * @param tagConflicts every tag query with an event appended after the command read it
     * @throws IllegalArgumentException if both lists are empty
     */
    public StreamConflictException(List<StreamConflict> conflicts, List<TagConflict> tagConflicts) {
        super(message(conflicts, tagConflicts));
        this.conflicts = List.copyOf(conflicts);
        this.tagConflicts = List.copyOf(tagConflicts);
    }

    private static String message(List<StreamConflict> conflicts, List<TagConflict> tagConflicts) {
        if (conflicts.isEmpty() && tagConflicts.isEmpty()) {
            throw new IllegalArgumentException("a conflict names at least one stream or tag query");
        }
        if (tagConflicts.isEmpty()) {
            return ApiMessages.streamConflict(
                    conflicts.stream().map(StreamConflict::toString).toList());
        }
        String tags = ApiMessages.tagConflict(
                tagConflicts.stream().map(TagConflict::toString).toList());
        return conflicts.isEmpty()
                ? tags
                : ApiMessages.streamConflict(
                                conflicts.stream().map(StreamConflict::toString).toList()) + "; " + tags;
    }

    /** Every stale stream with its expected and actual version; empty when only tag queries conflicted. */
    public List<StreamConflict> conflicts() {
        return conflicts;
    }

    /** Every tag query with a matching event appended after the command read it; empty for streams only. */
    public List<TagConflict> tagConflicts() {
        return tagConflicts;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
