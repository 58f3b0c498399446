package org.eventcore.sample.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;

/**
 * Opens an account for the authenticated user, who becomes its owner. An account opens once, and its id
 * begins with its owner's name ({@code alice-1} for alice), so nobody can take another user's ids.
 */
public record OpenAccount(@Stream StreamId account) implements Command<OpenAccount, Accounts, AccountEvent> {

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
        String owner = decision.execution().requireUser();
        String id = Accounts.idOf(account);
        require(
                Accounts.belongsTo(id, owner),
                "an account id begins with its owner's name and a dash, like %s-1",
                owner);
        require(!state.of(account).open(), "account %s is already open", account);
        decision.emit(OpenAccountStreams.account(this), new AccountOpened(owner));
    }
}
