package org.eventcore.jpa;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.ContractEvent;

/** Test command: the benchmark's W1, one deposit to one existing stream. */
public record DepositOne(@Stream StreamId account, long cents) implements Command<DepositOne, Long, ContractEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<ContractEvent> event) {
        return balance + event.payload().number();
    }

    @Override
    public void handle(Long balance, Decision<DepositOne, ContractEvent> decision) {
        decision.emit(DepositOneStreams.account(this), new ContractEvent("deposited", cents));
    }
}
