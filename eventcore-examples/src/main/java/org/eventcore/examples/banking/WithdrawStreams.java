package org.eventcore.examples.banking;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * The stream declarations of {@link Withdraw}: its {@code @Stream} members and their typed handles.
 * Written by hand in the shape the EventCore annotation processor generates.
 */
public final class WithdrawStreams implements StreamDeclarations<Withdraw> {

    /** Used by the executor, which finds this class by its name. */
    public WithdrawStreams() {}

    @Override
    public Class<Withdraw> commandType() {
        return Withdraw.class;
    }

    @Override
    public List<StreamId> streams(Withdraw command) {
        return List.of(command.account());
    }

    /** The handle of the stream {@code account} of {@code command}. */
    public static StreamHandle<Withdraw> account(Withdraw command) {
        return StreamHandle.of(Withdraw.class, command.account());
    }
}
