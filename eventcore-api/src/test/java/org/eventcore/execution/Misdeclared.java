package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** A command whose declarations class claims to serve another command. */
record Misdeclared(@Stream StreamId account) implements Command<Misdeclared, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state;
    }

    @Override
    public void handle(Long state, Decision<Misdeclared, LedgerEvent> decision) {}
}
