package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Deposits money into one account; the state is the balance. */
record Deposit(@Stream StreamId account, long amount) implements Command<Deposit, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<LedgerEvent> event) {
        return LedgerEvent.balance(balance, event.payload());
    }

    @Override
    public void handle(Long balance, Decision<Deposit, LedgerEvent> decision) {
        require(amount > 0, "amount must be positive, was %d", amount);
        decision.emit(DepositStreams.account(this), new LedgerEvent.Deposited(amount));
    }
}
