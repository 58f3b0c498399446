package org.eventcore.sample.banking;

import org.eventcore.serialization.EventType;

/** What happens to an account; amounts in cents. */
public sealed interface AccountEvent {

    @EventType(name = "sample.AccountOpened")
    record AccountOpened(String owner) implements AccountEvent {}

    @EventType(name = "sample.MoneyDeposited")
    record MoneyDeposited(long cents) implements AccountEvent {}

    @EventType(name = "sample.MoneyWithdrawn")
    record MoneyWithdrawn(long cents) implements AccountEvent {}
}
