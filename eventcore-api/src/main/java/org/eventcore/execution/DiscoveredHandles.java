package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/**
 * Makes the handles of discovered streams for {@code Decision.stream}; never used as declarations. The
 * executor's tests make handles the same way to forge a write the executor must refuse.
 */
final class DiscoveredHandles extends StreamDeclarations<Object> {

    private DiscoveredHandles() {}

    static <C> StreamHandle<C> of(Class<C> commandType, StreamId stream) {
        return handleOf(commandType, stream);
    }

    @Override
    public Class<Object> commandType() {
        return Object.class;
    }

    @Override
    public List<StreamId> streams(Object command) {
        return List.of();
    }
}
