package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link MutableCached.ListingCommand}. */
public final class MutableCached_ListingCommandStreams extends StreamDeclarations<MutableCached.ListingCommand> {

    @Override
    public Class<MutableCached.ListingCommand> commandType() {
        return MutableCached.ListingCommand.class;
    }

    @Override
    public List<StreamId> streams(MutableCached.ListingCommand command) {
        return List.of(command.stream());
    }

    static StreamHandle<MutableCached.ListingCommand> stream(MutableCached.ListingCommand command) {
        return handleOf(MutableCached.ListingCommand.class, command.stream());
    }
}
