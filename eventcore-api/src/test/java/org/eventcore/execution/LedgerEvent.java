package org.eventcore.execution;

/** The events of the test commands of this package. */
sealed interface LedgerEvent {

    record Opened(String owner) implements LedgerEvent {}

    record Deposited(long amount) implements LedgerEvent {}

    record Withdrawn(long amount) implements LedgerEvent {}

    record OrderPlaced(String customer) implements LedgerEvent {}

    record BonusAwarded(int customerEvents) implements LedgerEvent {}

    /** The balance after {@code event}. */
    static long balance(long balance, LedgerEvent event) {
        if (event instanceof Deposited d) {
            return balance + d.amount();
        }
        if (event instanceof Withdrawn w) {
            return balance - w.amount();
        }
        return balance;
    }
}
