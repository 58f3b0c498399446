package org.eventcore.sample.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;

/** Opens an account for {@code owner}; an account opens once. */
public record OpenAccount(@Stream StreamId account, String owner)
        implements Command<OpenAccount, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Accounts state, Decision<OpenAccount, AccountEvent> decision) {
        require(!state.of(account).open(), "account %s is already open", account);
        require(owner != null && !owner.isBlank(), "an account needs an owner");
        decision.emit(OpenAccountStreams.account(this), new AccountOpened(owner));
    }
}
