package org.eventcore;

import java.util.List;
import java.util.stream.Collectors;

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
        return "EC1200 Stream version conflict on "
                + conflicts.stream().map(StreamConflict::toString).collect(Collectors.joining(", "))
                + ": another command changed these streams after this one read them";
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
