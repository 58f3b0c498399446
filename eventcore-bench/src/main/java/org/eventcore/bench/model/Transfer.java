package org.eventcore.bench.model;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.bench.model.BenchEvent.Deposited;
import org.eventcore.bench.model.BenchEvent.Withdrawn;

/** W2: one atomic command over two accounts, never overdrawing the first. */
public record Transfer(@Stream StreamId from, @Stream StreamId to, long cents)
        implements Command<Transfer, Transfer.Balances, BenchEvent> {

    /** The two balances. */
    public record Balances(long from, long to) {}

    @Override
    public Balances initialState() {
        return new Balances(0, 0);
    }

    @Override
    public Balances apply(Balances state, StoredEvent<BenchEvent> event) {
        long change = event.payload() instanceof Deposited d
                ? d.cents()
                : event.payload() instanceof Withdrawn w ? -w.cents() : 0;
        return event.streamId().equals(from)
                ? new Balances(state.from() + change, state.to())
                : new Balances(state.from(), state.to() + change);
    }

    @Override
    public void handle(Balances state, Decision<Transfer, BenchEvent> decision) {
        require(!from.equals(to), "cannot transfer from %s to itself", from);
        require(state.from() >= cents, "insufficient funds in %s", from);
        decision.emit(TransferStreams.from(this), new Withdrawn(cents));
        decision.emit(TransferStreams.to(this), new Deposited(cents));
    }
}
