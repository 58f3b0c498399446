package org.eventcore.sample.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;

/** Pays money into an open account. */
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
        require(state.of(account).open(), "account %s is not open", account);
        require(cents > 0, "a deposit must be more than zero, was %d cents", cents);
        decision.emit(DepositStreams.account(this), new MoneyDeposited(cents));
    }
}
