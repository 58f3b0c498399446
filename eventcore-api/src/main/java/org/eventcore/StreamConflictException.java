package org.eventcore;

import java.util.List;
import org.eventcore.messages.ApiMessages;

/**
 * A conditional append found streams that changed after the command read them (invariant I3).
 * Nothing was written. Retriable: the executor runs the whole command again (read, fold, decide),
 * never just the append.
 */
public final class StreamConflictException extends EventCoreException {

    private final List<StreamConflict> conflicts;

    /**
     * @param conflicts every stale stream, at least one
     */
    public StreamConflictException(List<StreamConflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    private static String message(List<StreamConflict> conflicts) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("a stream conflict names at least one stream");
        }
        return ApiMessages.streamConflict(
                conflicts.stream().map(StreamConflict::toString).toList());
    }

    /** Every stale stream with its expected and actual version. */
    public List<StreamConflict> conflicts() {
        return conflicts;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
