package org.eventcore.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;

/**
 * One page of a {@link LogBrowser#browse(LogQuery)}: the events found, newest first, and where to go on.
 *
 * <p>A filter that no index of the store serves exactly (a stream id prefix, a time range, and on stores
 * without such an index an event type or a correlation id) is applied to a bounded stretch of the log,
 * {@link LogQuery#MAX_EXAMINED} entries at most; the page then holds what that stretch held, possibly
 * fewer events than asked or none, and {@link #next()} says where the next stretch starts. A page with
 * {@link #examinedAll()} false is therefore not the end of the results: ask for {@code next} to go on.
 *
 * @param events the events found, newest first, at most {@link LogQuery#limit()}
 * @param next the position to pass as {@link LogQuery#before()} for the next page; empty when the log
 *     holds nothing further that the query could match
 * @param examined the log entries the store looked at for this page (the index entries of the stretch, or
 *     the events read through an exact index)
 * @param examinedAll whether the page holds every match before its {@code next} position (false: the
 *     stretch ended before {@code limit} events were found)
 */
public record LogPage(List<LoggedEvent> events, Optional<GlobalPosition> next, long examined, boolean examinedAll) {

    public LogPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
        if (examined < 0) {
            throw new IllegalArgumentException("examined must not be negative: " + examined);
        }
    }
}
