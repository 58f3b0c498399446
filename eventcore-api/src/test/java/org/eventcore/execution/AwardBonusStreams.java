package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Hand-written declarations of {@link AwardBonus}. */
public final class AwardBonusStreams extends StreamDeclarations<AwardBonus> {

    @Override
    public Class<AwardBonus> commandType() {
        return AwardBonus.class;
    }

    @Override
    public List<StreamId> streams(AwardBonus command) {
        return List.of(command.order());
    }
}
