package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Withdraws money from one account if the balance covers it. */
record Withdraw(@Stream StreamId account, long amount) implements Command<Withdraw, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<LedgerEvent> event) {
        return LedgerEvent.balance(balance, event.payload());
    }

    @Override
    public void handle(Long balance, Decision<Withdraw, LedgerEvent> decision) {
        require(balance >= amount, "insufficient funds in %s: balance %d, amount %d", account, balance, amount);
        decision.emit(WithdrawStreams.account(this), new LedgerEvent.Withdrawn(amount));
    }
}
