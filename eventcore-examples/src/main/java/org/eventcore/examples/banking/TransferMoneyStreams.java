package org.eventcore.examples.banking;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * The stream declarations of {@link TransferMoney}: its {@code @Stream} members and their typed handles.
 * Written by hand in the shape the EventCore annotation processor generates.
 */
public final class TransferMoneyStreams implements StreamDeclarations<TransferMoney> {

    /** Used by the executor, which finds this class by its name. */
    public TransferMoneyStreams() {}

    @Override
    public Class<TransferMoney> commandType() {
        return TransferMoney.class;
    }

    @Override
    public List<StreamId> streams(TransferMoney command) {
        return List.of(command.from(), command.to());
    }

    /** The handle of the stream {@code from} of {@code command}. */
    public static StreamHandle<TransferMoney> from(TransferMoney command) {
        return StreamHandle.of(TransferMoney.class, command.from());
    }

    /** The handle of the stream {@code to} of {@code command}. */
    public static StreamHandle<TransferMoney> to(TransferMoney command) {
        return StreamHandle.of(TransferMoney.class, command.to());
    }
}
