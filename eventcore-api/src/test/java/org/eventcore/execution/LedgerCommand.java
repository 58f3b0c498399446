package org.eventcore.execution;

import org.eventcore.StoredEvent;

/**
 * An intermediate command interface that fixes the event type that {@link FoldingCommand} passes on
 * as a type variable; commands implementing it never name {@code Command} themselves.
 */
interface LedgerCommand<C extends LedgerCommand<C>> extends FoldingCommand<C, LedgerEvent> {

    @Override
    default Long initialState() {
        return 0L;
    }

    @Override
    default Long apply(Long balance, StoredEvent<LedgerEvent> event) {
        return LedgerEvent.balance(balance, event.payload());
    }
}
