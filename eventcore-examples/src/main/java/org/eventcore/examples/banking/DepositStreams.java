package org.eventcore.examples.banking;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * The stream declarations of {@link Deposit}: its {@code @Stream} members and their typed handles.
 * Written by hand in the shape the EventCore annotation processor generates.
 */
public final class DepositStreams implements StreamDeclarations<Deposit> {

    /** Used by the executor, which finds this class by its name. */
    public DepositStreams() {}

    @Override
    public Class<Deposit> commandType() {
        return Deposit.class;
    }

    @Override
    public List<StreamId> streams(Deposit command) {
        return List.of(command.account());
    }

    /** The handle of the stream {@code account} of {@code command}. */
    public static StreamHandle<Deposit> account(Deposit command) {
        return StreamHandle.of(Deposit.class, command.account());
    }
}
