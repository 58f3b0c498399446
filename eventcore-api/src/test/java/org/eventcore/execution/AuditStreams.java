package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link Audit}. */
public final class AuditStreams extends StreamDeclarations<Audit> {

    @Override
    public Class<Audit> commandType() {
        return Audit.class;
    }

    @Override
    public List<StreamId> streams(Audit command) {
        return List.of(command.account());
    }
}
