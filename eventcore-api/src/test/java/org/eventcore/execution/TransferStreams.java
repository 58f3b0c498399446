package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Transfer}. */
public final class TransferStreams extends StreamDeclarations<Transfer> {

    @Override
    public Class<Transfer> commandType() {
        return Transfer.class;
    }

    @Override
    public List<StreamId> streams(Transfer command) {
        return List.of(command.from(), command.to());
    }

    static StreamHandle<Transfer> from(Transfer command) {
        return handleOf(Transfer.class, command.from());
    }

    static StreamHandle<Transfer> to(Transfer command) {
        return handleOf(Transfer.class, command.to());
    }
}
