package org.eventcore.examples.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;

/** Puts money into an open account. */
public record Deposit(@Stream StreamId account, Money amount) implements Command<Deposit, AccountState, AccountEvent> {

    @Override
    public AccountState initialState() {
        return AccountState.NONE;
    }

    @Override
    public AccountState apply(AccountState state, StoredEvent<AccountEvent> event) {
        return state.apply(event.payload());
    }

    @Override
    public void handle(AccountState state, Decision<Deposit, AccountEvent> decision) {
        require(state.open(), "account %s is not open", account);
        require(!amount.isZero(), "a deposit must be more than zero");
        decision.emit(DepositStreams.account(this), new MoneyDeposited(amount));
    }
}
