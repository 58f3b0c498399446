package org.eventcore.projection.spi;

import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.Identifiers;
import org.eventcore.projection.messages.ProjectionMessages;

/**
 * Keeps how far each durable projection has followed the global log. A projection saves its
 * checkpoint in the same transaction as its read model, so both move together; after a restart it
 * continues after the saved position.
 *
 * <p>Contract: {@link #load} returns exactly the last position saved for the name, or empty if
 * none was; names are independent of each other; a save replaces the previous position, also with
 * an earlier one (a rebuild starts again from an earlier position). Names are 1 to 200 characters
 * without control characters. Implementations are thread-safe.
 */
public interface CheckpointStore {

    /** The longest projection name. */
    int MAX_NAME_LENGTH = 200;

    /**
     * The saved position of {@code projection}, or empty if it never saved one.
     *
     * @throws IllegalArgumentException if the name is invalid
     */
    Optional<GlobalPosition> load(String projection);

    /**
     * Saves {@code position} as the checkpoint of {@code projection}.
     *
     * @throws IllegalArgumentException if the name is invalid
     */
    void save(String projection, GlobalPosition position);

    /**
     * Checks a projection name; returns it.
     *
     * @throws IllegalArgumentException (EC1013) naming the bad input
     */
    static String requireValidName(String projection) {
        if (projection == null) {
            throw new IllegalArgumentException(ProjectionMessages.invalidProjectionName(null, null));
        }
        Optional<String> problem = Identifiers.problem(projection, MAX_NAME_LENGTH);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(ProjectionMessages.invalidProjectionName(projection, problem.get()));
        }
        return projection;
    }
}
