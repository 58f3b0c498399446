package org.eventcore.execution;

import org.eventcore.Decision;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Records the folded balance of an account; a command through {@link LedgerCommand}. */
record Audit(@Stream StreamId account) implements LedgerCommand<Audit> {

    @Override
    public void handle(Long balance, Decision<Audit, LedgerEvent> decision) {
        decision.emit(decision.stream(account), new LedgerEvent.Opened("audited balance " + balance));
    }
}
