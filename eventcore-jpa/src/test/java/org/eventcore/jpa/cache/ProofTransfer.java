package org.eventcore.jpa.cache;

import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Moves cents between two accounts; cached, with a snapshot every 7 events. */
@CachedState(snapshotEvery = 7)
public record ProofTransfer(@Stream StreamId from, @Stream StreamId to, long cents)
        implements Command<ProofTransfer, Seen, ProofEvent> {

    @Override
    public Seen initialState() {
        return Seen.NONE;
    }

    @Override
    public Seen apply(Seen state, StoredEvent<ProofEvent> event) {
        return Seen.fold(state, event);
    }

    @Override
    public void handle(Seen state, Decision<ProofTransfer, ProofEvent> decision) {
        require(state.balance(from.value()) >= cents, "insufficient funds in %s", from);
        decision.emit(ProofTransferStreams.from(this), new ProofEvent.Sent(cents, state.digest(), state.count()));
        decision.emit(ProofTransferStreams.to(this), new ProofEvent.Received(cents, state.digest(), state.count()));
    }
}
