package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** A command without a declarations class (as if the annotation processor had not run). */
record Undeclared(@Stream StreamId account) implements Command<Undeclared, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state;
    }

    @Override
    public void handle(Long state, Decision<Undeclared, LedgerEvent> decision) {}
}
