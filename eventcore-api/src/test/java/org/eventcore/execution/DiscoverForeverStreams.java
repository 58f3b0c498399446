package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link DiscoverForever}. */
public final class DiscoverForeverStreams extends StreamDeclarations<DiscoverForever> {

    @Override
    public Class<DiscoverForever> commandType() {
        return DiscoverForever.class;
    }

    @Override
    public List<StreamId> streams(DiscoverForever command) {
        return List.of(command.start());
    }
}
