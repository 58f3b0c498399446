package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Holds a nested command, whose declarations class is {@code Bank_OpenStreams}. */
final class Bank {

    private Bank() {}

    /** Opens an account once. */
    record Open(@Stream StreamId account, String owner) implements Command<Open, Boolean, LedgerEvent> {

        @Override
        public Boolean initialState() {
            return false;
        }

        @Override
        public Boolean apply(Boolean open, StoredEvent<LedgerEvent> event) {
            return open || event.payload() instanceof LedgerEvent.Opened;
        }

        @Override
        public void handle(Boolean open, Decision<Open, LedgerEvent> decision) {
            require(!open, "account %s is already open", account);
            decision.emit(Bank_OpenStreams.account(this), new LedgerEvent.Opened(owner));
        }
    }
}
