package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Deposit}. */
public final class DepositStreams extends StreamDeclarations<Deposit> {

    @Override
    public Class<Deposit> commandType() {
        return Deposit.class;
    }

    @Override
    public List<StreamId> streams(Deposit command) {
        return List.of(command.account());
    }

    static StreamHandle<Deposit> account(Deposit command) {
        return handleOf(Deposit.class, command.account());
    }
}
