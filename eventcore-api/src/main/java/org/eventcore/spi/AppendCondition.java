package org.eventcore.spi;

import java.util.Objects;
import org.eventcore.TagQuery;

/**
 * The condition of an append on one tag query: no event matching {@code query} may have been appended
 * after the read that {@code after} stands for.
 *
 * @param query the query
 * @param after the read's position, as the store's {@link TagReader#readTagged} returned it ({@link
 *     TagRead#position()}); opaque to everyone but the store
 */
public record AppendCondition(TagQuery query, String after) {

    public AppendCondition {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(after, "after");
    }
}
