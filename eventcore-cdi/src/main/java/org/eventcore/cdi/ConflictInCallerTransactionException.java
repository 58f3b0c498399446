package org.eventcore.cdi;

import java.util.List;
import org.eventcore.EventCoreException;
import org.eventcore.StreamConflict;
import org.eventcore.TagConflict;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * A command executed inside the caller's transaction met a conflict. The bus cannot retry it there
 * (the transaction has already seen the failed attempt), so the caller's transaction is marked for
 * rollback. Retriable as a whole: running the caller's unit of work again may succeed. To have the
 * bus retry conflicts by itself, execute commands outside a transaction.
 */
public final class ConflictInCallerTransactionException extends EventCoreException {

    private final List<StreamConflict> conflicts;
    private final List<TagConflict> tagConflicts;

    public ConflictInCallerTransactionException(String commandType, List<StreamConflict> conflicts, Throwable cause) {
        this(commandType, conflicts, List.of(), cause);
    }

    /**
     * A conflict on streams, on tag queries, or both.
     *
     * @param tagConflicts the tag queries with events appended after the command read them
     */
    public ConflictInCallerTransactionException(
            String commandType, List<StreamConflict> conflicts, List<TagConflict> tagConflicts, Throwable cause) {
        super(CdiMessages.conflictInCallerTransaction(commandType, all(conflicts, tagConflicts)), cause);
        this.conflicts = List.copyOf(conflicts);
        this.tagConflicts = List.copyOf(tagConflicts);
    }

    private static List<Object> all(List<StreamConflict> conflicts, List<TagConflict> tagConflicts) {
        List<Object> all = new java.util.ArrayList<>(conflicts);
        all.addAll(tagConflicts);
        return all;
    }

    /** The tag queries with events appended after the command read them; empty for streams only. */
    public List<TagConflict> tagConflicts() {
        return tagConflicts;
    }

    /** The stale streams. */
    public List<StreamConflict> conflicts() {
        return conflicts;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
