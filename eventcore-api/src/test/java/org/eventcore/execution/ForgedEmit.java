package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * Writes to its declared stream and then to a stream it neither declared nor discovered, through a
 * handle made up with {@link Forge}; or, with {@code borrowHandle}, to its own stream
 * through a handle of another command.
 */
record ForgedEmit(@Stream StreamId account, StreamId elsewhere, boolean borrowHandle)
        implements Command<ForgedEmit, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state + 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void handle(Long state, Decision<ForgedEmit, LedgerEvent> decision) {
        decision.emit(ForgedEmitStreams.account(this), new LedgerEvent.Deposited(1));
        if (borrowHandle) {
            StreamHandle<ForgedEmit> borrowed = (StreamHandle) DiscoveredHandles.of(Deposit.class, account);
            decision.emit(borrowed, new LedgerEvent.Deposited(2));
        } else {
            decision.emit(DiscoveredHandles.of(ForgedEmit.class, elsewhere), new LedgerEvent.Deposited(2));
        }
    }
}
