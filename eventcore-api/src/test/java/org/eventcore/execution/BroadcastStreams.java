package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Broadcast}: one collection member. */
public final class BroadcastStreams extends StreamDeclarations<Broadcast> {

    @Override
    public Class<Broadcast> commandType() {
        return Broadcast.class;
    }

    @Override
    public List<StreamId> streams(Broadcast command) {
        return List.copyOf(command.accounts());
    }

    static List<StreamHandle<Broadcast>> accounts(Broadcast command) {
        return command.accounts().stream()
                .map(id -> handleOf(Broadcast.class, id))
                .toList();
    }
}
