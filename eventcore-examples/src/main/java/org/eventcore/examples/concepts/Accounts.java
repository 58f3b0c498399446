package org.eventcore.examples.concepts;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;

/** The state the bank's commands share: one {@link Account} per stream read. Immutable. */
public record Accounts(Map<StreamId, Account> byId) {

    public static final Accounts NONE = new Accounts(Map.of());

    public Account of(StreamId account) {
        return byId.getOrDefault(account, Account.NONE);
    }

    public Accounts apply(StoredEvent<AccountEvent> event) {
        Map<StreamId, Account> next = new HashMap<>(byId);
        next.put(event.streamId(), of(event.streamId()).apply(event.payload()));
        return new Accounts(Map.copyOf(next));
    }
}
