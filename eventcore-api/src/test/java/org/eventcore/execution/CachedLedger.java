package org.eventcore.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/**
 * A cached command over two streams whose state is the order of the events it folded: a fold in the
 * wrong order, or of stale events, shows in it. Deposits {@code amount} to {@code to}, taken from
 * {@code from} when {@code from} has it.
 */
@CachedState(snapshotEvery = 3)
record CachedLedger(@Stream StreamId from, @Stream StreamId to, long amount)
        implements Command<CachedLedger, CachedLedger.Seen, LedgerEvent> {

    /** How many events all commands of this type have folded, to tell a cached load from a whole one. */
    static final AtomicLong APPLIED = new AtomicLong();

    /** The state the last command decided on (the tests run one command at a time). */
    static final java.util.concurrent.atomic.AtomicReference<Seen> DECIDED =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The events folded, as "stream:version", in fold order, and the balance of {@code from}. */
    record Seen(List<String> folded, long fromBalance) {}

    @Override
    public Seen initialState() {
        return new Seen(List.of(), 0);
    }

    @Override
    public Seen apply(Seen state, StoredEvent<LedgerEvent> event) {
        APPLIED.incrementAndGet();
        List<String> folded = new ArrayList<>(state.folded());
        folded.add(event.streamId() + ":" + event.version());
        long balance = state.fromBalance();
        if (event.streamId().value().startsWith("from")) {
            balance = LedgerEvent.balance(balance, event.payload());
        }
        return new Seen(List.copyOf(folded), balance);
    }

    @Override
    public void handle(Seen state, Decision<CachedLedger, LedgerEvent> decision) {
        DECIDED.set(state);
        require(amount > 0, "amount must be positive, was %d", amount);
        if (state.fromBalance() >= amount) {
            decision.emit(CachedLedgerStreams.from(this), new LedgerEvent.Withdrawn(amount));
        }
        decision.emit(CachedLedgerStreams.to(this), new LedgerEvent.Deposited(amount));
    }
}
