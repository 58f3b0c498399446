package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** A command whose declarations class exists but does not implement StreamDeclarations. */
record NotDeclaring(@Stream StreamId account) implements Command<NotDeclaring, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state;
    }

    @Override
    public void handle(Long state, Decision<NotDeclaring, LedgerEvent> decision) {}
}
