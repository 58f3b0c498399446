package org.eventcore.examples.banking;

import org.eventcore.serialization.EventType;

/** What happens to an account. One sealed family, plain records, stable stored names. */
public sealed interface AccountEvent {

    @EventType(name = "banking.AccountOpened")
    record AccountOpened(String owner) implements AccountEvent {}

    @EventType(name = "banking.MoneyDeposited")
    record MoneyDeposited(Money amount) implements AccountEvent {}

    @EventType(name = "banking.MoneyWithdrawn")
    record MoneyWithdrawn(Money amount) implements AccountEvent {}
}
