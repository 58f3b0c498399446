package org.eventcore.examples.concepts;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** The stream declarations of {@link Deposit}, written by hand. */
public final class DepositStreams implements StreamDeclarations<Deposit> {

    public static StreamHandle<Deposit> account(Deposit command) {
        return StreamHandle.of(Deposit.class, command.account());
    }

    @Override
    public Class<Deposit> commandType() {
        return Deposit.class;
    }

    @Override
    public List<StreamId> streams(Deposit command) {
        return List.of(command.account());
    }
}
