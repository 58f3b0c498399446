package org.eventcore.testkit.dcb;

import java.util.Set;
import org.eventcore.Command;
import org.eventcore.Consistency;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.TagQuery;
import org.eventcore.testkit.dcb.DcbEvent.AccountDeleted;
import org.eventcore.testkit.dcb.DcbEvent.UserRegistered;

/**
 * Registers a user under a username no current account holds: the rule reads the events tagged with the
 * username (a deleted account frees it), the user's own stream says whether the user exists.
 */
public record RegisterUser(@Stream StreamId user, String userId, String username)
        implements Command<RegisterUser, RegisterUser.State, DcbEvent> {

    /**
     * @param userExists whether this user registered before
     * @param holder the user that holds the username now, or null
     */
    public record State(boolean userExists, String holder) {}

    /** Registers {@code userId} (stream {@code user-<id>}) as {@code username}. */
    public static RegisterUser of(String userId, String username) {
        return new RegisterUser(StreamId.of("user-" + userId), userId, username);
    }

    /** Who took and freed the username. */
    @Consistency
    TagQuery holders() {
        return TagQuery.of(Set.of(UserRegistered.class, AccountDeleted.class), DcbTags.username(username));
    }

    @Override
    public State initialState() {
        return new State(false, null);
    }

    @Override
    public State apply(State state, StoredEvent<DcbEvent> event) {
        if (event.payload() instanceof UserRegistered r) {
            return new State(
                    state.userExists() || r.userId().equals(userId),
                    r.username().equals(username) ? r.userId() : state.holder());
        }
        if (event.payload() instanceof AccountDeleted d && d.username().equals(username)) {
            return new State(state.userExists(), d.userId().equals(state.holder()) ? null : state.holder());
        }
        return state;
    }

    @Override
    public void handle(State state, Decision<RegisterUser, DcbEvent> decision) {
        require(!state.userExists(), "user %s is already registered", userId);
        require(state.holder() == null, "username %s is taken", username);
        decision.emitTagged(
                RegisterUserStreams.user(this),
                new UserRegistered(userId, username),
                DcbTags.username(username),
                DcbTags.user(userId));
    }
}
