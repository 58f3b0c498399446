package org.eventcore.examples.concepts;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Puts money into an open account. */
public record Deposit(@Stream StreamId account, long cents) implements Command<Deposit, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Accounts state, Decision<Deposit, AccountEvent> decision) {
        require(cents > 0, "the amount must be positive, was %d", cents);
        require(state.of(account).open(), "account %s is not open", account);
        decision.emit(DepositStreams.account(this), new MoneyDeposited(cents));
    }
}
