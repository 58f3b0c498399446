package org.eventcore.bench.model;

import org.eventcore.serialization.EventType;

/** The benchmark's events: money in and out of accounts, and items of batches. */
public sealed interface BenchEvent {

    @EventType(name = "bench.Deposited")
    record Deposited(long cents) implements BenchEvent {}

    @EventType(name = "bench.Withdrawn")
    record Withdrawn(long cents) implements BenchEvent {}

    @EventType(name = "bench.Item")
    record Item(int index) implements BenchEvent {}

    /** The fold of W1 and W4: the balance after {@code event}. */
    static long balance(long balance, BenchEvent event) {
        if (event instanceof Deposited d) {
            return balance + d.cents();
        }
        return event instanceof Withdrawn w ? balance - w.cents() : balance;
    }
}
