package org.eventcore.examples.banking;

import org.eventcore.StreamId;
import org.eventcore.serialization.EventType;

/** What happens to an account. One sealed family, plain public records, stable stored names. */
public sealed interface AccountEvent {

    /** Opened for {@code owner}; its balance goes to {@code payoutAccount} when it is closed. */
    @EventType(name = "banking.AccountOpened")
    record AccountOpened(String owner, StreamId payoutAccount) implements AccountEvent {}

    @EventType(name = "banking.MoneyDeposited")
    record MoneyDeposited(Money amount) implements AccountEvent {}

    @EventType(name = "banking.MoneyWithdrawn")
    record MoneyWithdrawn(Money amount) implements AccountEvent {}

    @EventType(name = "banking.AccountClosed")
    record AccountClosed() implements AccountEvent {}
}
