package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;

/** Wrong on purpose: says it declares the streams of {@link Deposit}. */
public final class MisdeclaredStreams extends StreamDeclarations<Misdeclared> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Misdeclared> commandType() {
        return (Class) Deposit.class;
    }

    @Override
    public List<StreamId> streams(Misdeclared command) {
        return List.of(command.account());
    }
}
