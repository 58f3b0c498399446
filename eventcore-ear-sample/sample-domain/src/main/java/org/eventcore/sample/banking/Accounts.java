package org.eventcore.sample.banking;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/** The state of the accounts a command reads, folded from their events. Immutable. */
public record Accounts(Map<StreamId, Account> byStream) {

    /** One account: whether it is open, its owner and its balance in cents. */
    public record Account(boolean open, String owner, long balance) {
        static final Account UNKNOWN = new Account(false, "", 0);
    }

    public static final Accounts NONE = new Accounts(Map.of());

    public Accounts {
        byStream = Map.copyOf(byStream);
    }

    /** The account of {@code stream}; not open if it has no events. */
    public Account of(StreamId stream) {
        return byStream.getOrDefault(stream, Account.UNKNOWN);
    }

    /** This state with {@code event} applied. */
    public Accounts apply(StoredEvent<AccountEvent> event) {
        Account a = of(event.streamId());
        Account next = a;
        if (event.payload() instanceof AccountOpened opened) {
            next = new Account(true, opened.owner(), 0);
        } else if (event.payload() instanceof MoneyDeposited d) {
            next = new Account(a.open(), a.owner(), a.balance() + d.cents());
        } else if (event.payload() instanceof MoneyWithdrawn w) {
            next = new Account(a.open(), a.owner(), a.balance() - w.cents());
        }
        Map<StreamId, Account> copy = new HashMap<>(byStream);
        copy.put(event.streamId(), next);
        return new Accounts(copy);
    }

    /** The stream of the account with {@code id}, for example {@code account-alice-1}. */
    public static StreamId stream(String id) {
        return StreamId.of("account-" + id);
    }
}
