package org.eventcore.jpa;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.contract.ContractEvent;

/** Test command: the benchmark's W1 with its state cached. */
@org.eventcore.CachedState
public record CachedDepositOne(@Stream StreamId account, long cents)
        implements Command<CachedDepositOne, Long, ContractEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<ContractEvent> event) {
        return balance + event.payload().number();
    }

    @Override
    public void handle(Long balance, Decision<CachedDepositOne, ContractEvent> decision) {
        decision.emit(CachedDepositOneStreams.account(this), new ContractEvent("deposited", cents));
    }
}
