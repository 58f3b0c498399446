package org.eventcore.cdi;

import java.util.List;
import org.eventcore.EventCoreException;
import org.eventcore.StreamConflict;
import org.eventcore.cdi.messages.CdiMessages;

/**
 * A command executed inside the caller's transaction met a conflict. The bus cannot retry it there
 * (the transaction has already seen the failed attempt), so the caller's transaction is marked for
 * rollback. Retriable as a whole: running the caller's unit of work again may succeed. To have the
 * bus retry conflicts by itself, execute commands outside a transaction.
 */
public final class ConflictInCallerTransactionException extends EventCoreException {

    private final List<StreamConflict> conflicts;

    public ConflictInCallerTransactionException(String commandType, List<StreamConflict> conflicts, Throwable cause) {
        super(CdiMessages.conflictInCallerTransaction(commandType, conflicts), cause);
        this.conflicts = List.copyOf(conflicts);
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
