package org.eventcore.jpa.faults;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * The fault suite's transfer: {@code amount} leaves {@code from} and arrives in {@code to} in one
 * atomic append over both streams, never overdrawing {@code from}. Money is a {@link ContractEvent}
 * whose text says which way it went and whose number is the amount.
 */
public record Move(@Stream StreamId from, @Stream StreamId to, long amount)
        implements Command<Move, Long, ContractEvent> {

    /** The text of money arriving in a stream. */
    public static final String DEPOSITED = "deposited";
    /** The text of money leaving a stream. */
    public static final String WITHDRAWN = "withdrawn";

    @Override
    public Long initialState() {
        return 0L;
    }

    /** The balance of {@code from}; the other stream is read only for its version. */
    @Override
    public Long apply(Long balance, StoredEvent<ContractEvent> event) {
        if (!event.streamId().equals(from)) {
            return balance;
        }
        return balance + signed(event.payload());
    }

    @Override
    public void handle(Long balance, Decision<Move, ContractEvent> decision) {
        require(!from.equals(to), "cannot move money from %s to itself", from);
        require(balance >= amount, "insufficient funds in %s: %s, needs %s", from, balance, amount);
        decision.emit(MoveStreams.from(this), new ContractEvent(WITHDRAWN, amount));
        decision.emit(MoveStreams.to(this), new ContractEvent(DEPOSITED, amount));
    }

    /** What an event does to its stream's balance. */
    public static long signed(ContractEvent event) {
        return switch (event.text()) {
            case DEPOSITED -> event.number();
            case WITHDRAWN -> -event.number();
            default -> throw new IllegalArgumentException("not a money event: " + event);
        };
    }
}
