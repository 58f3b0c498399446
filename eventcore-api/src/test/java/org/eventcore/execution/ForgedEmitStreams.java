package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link ForgedEmit}: only {@code account} is declared. */
public final class ForgedEmitStreams extends StreamDeclarations<ForgedEmit> {

    @Override
    public Class<ForgedEmit> commandType() {
        return ForgedEmit.class;
    }

    @Override
    public List<StreamId> streams(ForgedEmit command) {
        return List.of(command.account());
    }

    static StreamHandle<ForgedEmit> account(ForgedEmit command) {
        return handleOf(ForgedEmit.class, command.account());
    }
}
