package org.eventcore.examples.concepts;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Opens an account, naming the account that receives its balance when it is closed. */
public record OpenAccount(@Stream StreamId account, String owner, StreamId payoutAccount)
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
        decision.emit(OpenAccountStreams.account(this), new AccountOpened(owner, payoutAccount));
    }
}
