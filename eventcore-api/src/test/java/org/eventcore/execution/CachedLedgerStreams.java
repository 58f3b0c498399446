package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link CachedLedger}. */
public final class CachedLedgerStreams extends StreamDeclarations<CachedLedger> {

    @Override
    public Class<CachedLedger> commandType() {
        return CachedLedger.class;
    }

    @Override
    public List<StreamId> streams(CachedLedger command) {
        return List.of(command.from(), command.to());
    }

    static StreamHandle<CachedLedger> from(CachedLedger command) {
        return handleOf(CachedLedger.class, command.from());
    }

    static StreamHandle<CachedLedger> to(CachedLedger command) {
        return handleOf(CachedLedger.class, command.to());
    }
}
