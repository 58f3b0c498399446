package org.eventcore.execution;

import java.util.List;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;

/** Hand-written declarations of {@link Claim}: one stream and one tag query. */
public final class ClaimStreams extends StreamDeclarations<Claim> {

    @Override
    public Class<Claim> commandType() {
        return Claim.class;
    }

    @Override
    public List<StreamId> streams(Claim command) {
        return List.of(command.claimant());
    }

    @Override
    public List<TagQuery> queries(Claim command) {
        return List.of(requireQuery(Claim.class, "query", command.query()));
    }

    static StreamHandle<Claim> claimant(Claim command) {
        return handleOf(Claim.class, command.claimant());
    }
}
