package org.eventcore.testkit.dcb;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.testkit.dcb.DcbEvent.AccountDeleted;
import org.eventcore.testkit.dcb.DcbEvent.UserRegistered;

/**
 * Deletes a user's account, which frees its username. A stream-only command whose event carries the
 * username's tag, so that {@link RegisterUser} sees the name free again.
 */
public record DeleteAccount(@Stream StreamId user, String userId) implements Command<DeleteAccount, String, DcbEvent> {

    /** Deletes the account of {@code userId}. */
    public static DeleteAccount of(String userId) {
        return new DeleteAccount(StreamId.of("user-" + userId), userId);
    }

    /** The username the account holds, or null (none yet, or deleted). */
    @Override
    public String initialState() {
        return null;
    }

    @Override
    public String apply(String username, StoredEvent<DcbEvent> event) {
        if (event.payload() instanceof UserRegistered r) {
            return r.username();
        }
        return event.payload() instanceof AccountDeleted ? null : username;
    }

    @Override
    public void handle(String username, Decision<DeleteAccount, DcbEvent> decision) {
        require(username != null, "user %s has no account", userId);
        decision.emitTagged(
                DeleteAccountStreams.user(this),
                new AccountDeleted(userId, username),
                DcbTags.username(username),
                DcbTags.user(userId));
    }
}
