package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Withdraw}. */
public final class WithdrawStreams extends StreamDeclarations<Withdraw> {

    @Override
    public Class<Withdraw> commandType() {
        return Withdraw.class;
    }

    @Override
    public List<StreamId> streams(Withdraw command) {
        return List.of(command.account());
    }

    static StreamHandle<Withdraw> account(Withdraw command) {
        return handleOf(Withdraw.class, command.account());
    }
}
