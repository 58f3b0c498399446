package org.eventcore.examples.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;

/** Opens an account for its owner, naming the account its balance goes to when it is closed. */
public record OpenAccount(@Stream StreamId account, String owner, StreamId payoutAccount)
        implements Command<OpenAccount, AccountState, AccountEvent> {

    @Override
    public AccountState initialState() {
        return AccountState.NONE;
    }

    @Override
    public AccountState apply(AccountState state, StoredEvent<AccountEvent> event) {
        return state.apply(event.payload());
    }

    @Override
    public void handle(AccountState state, Decision<OpenAccount, AccountEvent> decision) {
        require(!state.open(), "account %s is already open", account);
        require(owner != null && !owner.isBlank(), "an account needs an owner");
        require(payoutAccount != null, "an account needs a payout account");
        decision.emit(OpenAccountStreams.account(this), new AccountOpened(owner, payoutAccount));
    }
}
