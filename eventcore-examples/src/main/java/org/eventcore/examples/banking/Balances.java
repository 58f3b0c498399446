package org.eventcore.examples.banking;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.StreamId;

/**
 * The states of several accounts, folded from their streams. Immutable.
 *
 * @param accounts the state of each account that has events
 */
public record Balances(Map<StreamId, AccountState> accounts) {

    public static final Balances EMPTY = new Balances(Map.of());

    public Balances {
        accounts = Map.copyOf(accounts);
    }

    /** The state of {@code account}; {@link AccountState#NONE} if it has no events. */
    public AccountState of(StreamId account) {
        return accounts.getOrDefault(account, AccountState.NONE);
    }

    /** The balances after {@code event} happened to {@code account}. */
    public Balances apply(StreamId account, AccountEvent event) {
        Map<StreamId, AccountState> copy = new HashMap<>(accounts);
        copy.put(account, of(account).apply(event));
        return new Balances(copy);
    }
}
