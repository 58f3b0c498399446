package org.eventcore.opentelemetry;

import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** {@link Deposit} with its state cached. */
@CachedState
public record CachedDeposit(@Stream StreamId account, long cents)
        implements Command<CachedDeposit, Long, Deposit.Deposited> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<Deposit.Deposited> event) {
        return balance + event.payload().cents();
    }

    @Override
    public void handle(Long balance, Decision<CachedDeposit, Deposit.Deposited> decision) {
        decision.emit(CachedDepositStreams.account(this), new Deposit.Deposited(cents));
    }
}
