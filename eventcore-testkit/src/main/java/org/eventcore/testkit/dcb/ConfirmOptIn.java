package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;
import org.eventcore.testkit.dcb.DcbEvent.OptInConfirmed;
import org.eventcore.testkit.dcb.DcbEvent.OptInTokenIssued;

/**
 * Confirms a subscription with an opt-in token, which may be used once: the rule reads every event tagged
 * with the token (issued, used); the subscriber's stream receives the confirmation.
 */
public record ConfirmOptIn(@Stream StreamId subscriber, String subscriberId, String token)
        implements Command<ConfirmOptIn, ConfirmOptIn.State, DcbEvent> {

    /**
     * @param issued whether the token was issued
     * @param used whether it was used
     */
    public record State(boolean issued, boolean used) {}

    /** Confirms {@code subscriberId} (stream {@code subscriber-<id>}) with {@code token}. */
    public static ConfirmOptIn of(String subscriberId, String token) {
        return new ConfirmOptIn(StreamId.of("subscriber-" + subscriberId), subscriberId, token);
    }

    /** The token's events. */
    @Consistency
    TagQuery tokenEvents() {
        return TagQuery.tagged(DcbTags.token(token));
    }

    @Override
    public State initialState() {
        return new State(false, false);
    }

    @Override
    public State apply(State state, StoredEvent<DcbEvent> event) {
        if (event.payload() instanceof OptInTokenIssued i && i.token().equals(token)) {
            return new State(true, state.used());
        }
        if (event.payload() instanceof OptInConfirmed c && c.token().equals(token)) {
            return new State(state.issued(), true);
        }
        return state;
    }

    @Override
    public void handle(State state, Decision<ConfirmOptIn, DcbEvent> decision) {
        require(state.issued(), "token %s was never issued", token);
        require(!state.used(), "token %s was already used", token);
        decision.emitTagged(
                ConfirmOptInStreams.subscriber(this), new OptInConfirmed(token, subscriberId), DcbTags.token(token));
    }
}
