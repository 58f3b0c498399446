package org.eventcore.examples.concepts;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** The stream declarations of {@link TransferMoney}, written by hand. */
public final class TransferMoneyStreams implements StreamDeclarations<TransferMoney> {

    public static StreamHandle<TransferMoney> from(TransferMoney command) {
        return StreamHandle.of(TransferMoney.class, command.from());
    }

    public static StreamHandle<TransferMoney> to(TransferMoney command) {
        return StreamHandle.of(TransferMoney.class, command.to());
    }

    @Override
    public Class<TransferMoney> commandType() {
        return TransferMoney.class;
    }

    @Override
    public List<StreamId> streams(TransferMoney command) {
        return List.of(command.from(), command.to());
    }
}
