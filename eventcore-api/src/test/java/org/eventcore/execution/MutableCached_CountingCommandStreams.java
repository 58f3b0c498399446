package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link MutableCached.CountingCommand}. */
public final class MutableCached_CountingCommandStreams extends StreamDeclarations<MutableCached.CountingCommand> {

    @Override
    public Class<MutableCached.CountingCommand> commandType() {
        return MutableCached.CountingCommand.class;
    }

    @Override
    public List<StreamId> streams(MutableCached.CountingCommand command) {
        return List.of(command.stream());
    }

    static StreamHandle<MutableCached.CountingCommand> stream(MutableCached.CountingCommand command) {
        return handleOf(MutableCached.CountingCommand.class, command.stream());
    }
}
