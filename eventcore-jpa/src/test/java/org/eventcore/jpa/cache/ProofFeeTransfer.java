package org.eventcore.jpa.cache;

import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;

/**
 * Moves cents between two accounts and pays a fee of 1 cent to a fee stream it discovers from the
 * state: the even or the odd fee stream, by the sender's balance, so that the discovered stream changes
 * from one command to the next. Cached.
 */
@CachedState
public record ProofFeeTransfer(
        @Stream StreamId from, @Stream StreamId to, long cents, String feePrefix)
        implements Command<ProofFeeTransfer, Seen, ProofEvent> {

    @Override
    public Seen initialState() {
        return Seen.NONE;
    }

    @Override
    public Seen apply(Seen state, StoredEvent<ProofEvent> event) {
        return Seen.fold(state, event);
    }

    private StreamId feeStream(Seen state) {
        return StreamId.of(feePrefix + (state.balance(from.value()) % 2 == 0 ? "even" : "odd"));
    }

    @Override
    public void discover(Seen state, StreamResolver streams) {
        streams.add(feeStream(state));
    }

    @Override
    public void handle(Seen state, Decision<ProofFeeTransfer, ProofEvent> decision) {
        require(state.balance(from.value()) >= cents + 1, "insufficient funds in %s", from);
        decision.emit(
                ProofFeeTransferStreams.from(this), new ProofEvent.Sent(cents + 1, state.digest(), state.count()));
        decision.emit(ProofFeeTransferStreams.to(this), new ProofEvent.Received(cents, state.digest(), state.count()));
        decision.emit(decision.stream(feeStream(state)), new ProofEvent.FeeTaken(1, state.digest(), state.count()));
    }
}
