package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of the nested command {@link Bank.Open}. */
public final class Bank_OpenStreams extends StreamDeclarations<Bank.Open> {

    @Override
    public Class<Bank.Open> commandType() {
        return Bank.Open.class;
    }

    @Override
    public List<StreamId> streams(Bank.Open command) {
        return List.of(command.account());
    }

    static StreamHandle<Bank.Open> account(Bank.Open command) {
        return handleOf(Bank.Open.class, command.account());
    }
}
