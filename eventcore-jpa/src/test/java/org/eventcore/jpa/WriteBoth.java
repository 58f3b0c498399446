package org.eventcore.jpa;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * Test command: one event numbered {@code number} in each of two streams, in one atomic append.
 * {@code inHandle} runs at the start of every attempt's decision: a hook for tests that watch the
 * attempts (their transactions) or interfere with them.
 */
public record WriteBoth(@Stream StreamId first, @Stream StreamId second, long number, Runnable inHandle)
        implements Command<WriteBoth, Long, ContractEvent> {

    /** The command without a hook. */
    public WriteBoth(StreamId first, StreamId second, long number) {
        this(first, second, number, () -> {});
    }

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long eventsSeen, StoredEvent<ContractEvent> event) {
        return eventsSeen + 1;
    }

    @Override
    public void handle(Long eventsSeen, Decision<WriteBoth, ContractEvent> decision) {
        inHandle.run();
        decision.emit(WriteBothStreams.first(this), new ContractEvent("first after " + eventsSeen, number));
        decision.emit(WriteBothStreams.second(this), new ContractEvent("second after " + eventsSeen, number));
    }
}
