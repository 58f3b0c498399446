package org.eventcore.execution;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.Tag;
import org.eventcore.TagQuery;

/** Claims a name once: a tag query over the name, written to the claimant's stream. */
record Claim(StreamId claimant, String name, TagQuery query) implements Command<Claim, Integer, Object> {

    static Claim of(String claimant, String name) {
        return new Claim(StreamId.of("claimant-" + claimant), name, TagQuery.tagged(Tag.of("name", name)));
    }

    @Override
    public Integer initialState() {
        return 0;
    }

    @Override
    public Integer apply(Integer seen, StoredEvent<Object> event) {
        return seen + 1;
    }

    @Override
    public void handle(Integer seen, Decision<Claim, Object> decision) {
        require(seen == 0, "name %s is taken (%d events)", name, seen);
        decision.emitTagged(ClaimStreams.claimant(this), "claimed " + name, Tag.of("name", name));
    }
}
