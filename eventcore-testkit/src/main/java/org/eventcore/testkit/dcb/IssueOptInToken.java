package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.dcb.DcbEvent.OptInTokenIssued;

/** Sends an opt-in token to an address: a stream command (the address's stream) that tags the token. */
public record IssueOptInToken(@Stream StreamId address, String email, String token)
        implements Command<IssueOptInToken, Integer, DcbEvent> {

    /** Issues {@code token} for {@code email} (stream {@code address-<email>}). */
    public static IssueOptInToken of(String email, String token) {
        return new IssueOptInToken(StreamId.of("address-" + email), email, token);
    }

    /** The tokens issued to the address. */
    @Override
    public Integer initialState() {
        return 0;
    }

    @Override
    public Integer apply(Integer issued, StoredEvent<DcbEvent> event) {
        return event.payload() instanceof OptInTokenIssued ? issued + 1 : issued;
    }

    @Override
    public void handle(Integer issued, Decision<IssueOptInToken, DcbEvent> decision) {
        require(issued < 10, "address %s was sent %d tokens, the most allowed", email, issued);
        decision.emitTagged(
                IssueOptInTokenStreams.address(this), new OptInTokenIssued(token, email), DcbTags.token(token));
    }
}
