package org.eventcore.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.messages.ApiMessages;

/**
 * What a {@link LogBrowser#browse(LogQuery)} looks for: events before a position, newest first, that match
 * every filter given. Start with {@link #newest(int)} and add filters:
 *
 * <pre>{@code
 * LogPage page = browser.browse(LogQuery.newest(50).streamPrefix("account-").eventType("MoneyDeposited"));
 * LogPage more = browser.browse(query.before(page.next().orElseThrow()));
 * }</pre>
 *
 * <p>Which filters an index serves exactly depends on the store; a command id and a stream id always are.
 * The others are applied to bounded stretches of the log ({@link LogPage}). Immutable.
 *
 * @param before only events before this position (exclusive); empty: from the newest event
 * @param limit the most events a page holds, 1 to {@link #MAX_LIMIT}
 * @param streamId only events of this stream
 * @param streamPrefix only events of streams whose id starts with this text
 * @param eventType only events of this payload type name
 * @param correlationId only events with this correlation id
 * @param commandId only events written by this command
 * @param from only events recorded at or after this instant
 * @param to only events recorded before this instant (exclusive)
 */
public record LogQuery(
        Optional<GlobalPosition> before,
        int limit,
        Optional<String> streamId,
        Optional<String> streamPrefix,
        Optional<String> eventType,
        Optional<String> correlationId,
        Optional<String> commandId,
        Optional<Instant> from,
        Optional<Instant> to) {

    /** The most events one page holds. */
    public static final int MAX_LIMIT = 200;

    /** The most log entries one page examines when a filter is applied to a stretch of the log. */
    public static final int MAX_EXAMINED = 100_000;

    /** The most events {@link LogBrowser#command(String)} returns. */
    public static final int MAX_COMMAND_EVENTS = 1_000;

    /** The longest text a filter may hold (the longest id a store keeps). */
    public static final int MAX_FILTER_LENGTH = 255;

    public LogQuery {
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidLogQuery("limit " + limit + " is not from 1 to " + MAX_LIMIT));
        }
        check("streamId", streamId);
        check("streamPrefix", streamPrefix);
        check("eventType", eventType);
        check("correlationId", correlationId);
        check("commandId", commandId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidLogQuery("the time range from " + from.get() + " to " + to.get() + " is empty"));
        }
    }

    private static void check(String name, Optional<String> filter) {
        Objects.requireNonNull(filter, name);
        if (filter.isPresent()) {
            String text = filter.get();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(ApiMessages.invalidLogQuery(name + " is empty"));
            }
            if (text.length() > MAX_FILTER_LENGTH) {
                throw new IllegalArgumentException(ApiMessages.invalidLogQuery(
                        name + " is " + text.length() + " characters long, more than " + MAX_FILTER_LENGTH));
            }
        }
    }

    /** The newest {@code limit} events of the log, no filter. */
    public static LogQuery newest(int limit) {
        return new LogQuery(
                Optional.empty(),
                limit,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** This query for events before {@code position}: the next page after one that ended there. */
    public LogQuery before(GlobalPosition position) {
        return new LogQuery(
                Optional.of(position), limit, streamId, streamPrefix, eventType, correlationId, commandId, from, to);
    }

    /** This query for the events of stream {@code id} only. */
    public LogQuery streamId(String id) {
        return new LogQuery(
                before, limit, Optional.of(id), streamPrefix, eventType, correlationId, commandId, from, to);
    }

    /** This query for events of streams whose id starts with {@code prefix} only. */
    public LogQuery streamPrefix(String prefix) {
        return new LogQuery(
                before, limit, streamId, Optional.of(prefix), eventType, correlationId, commandId, from, to);
    }

    /** This query for events of payload type {@code type} only. */
    public LogQuery eventType(String type) {
        return new LogQuery(
                before, limit, streamId, streamPrefix, Optional.of(type), correlationId, commandId, from, to);
    }

    /** This query for events with correlation id {@code id} only. */
    public LogQuery correlationId(String id) {
        return new LogQuery(before, limit, streamId, streamPrefix, eventType, Optional.of(id), commandId, from, to);
    }

    /** This query for events written by command {@code id} only. */
    public LogQuery commandId(String id) {
        return new LogQuery(before, limit, streamId, streamPrefix, eventType, correlationId, Optional.of(id), from, to);
    }

    /** This query for events recorded at or after {@code from} and before {@code to}; either may be null. */
    public LogQuery recorded(Instant from, Instant to) {
        return new LogQuery(
                before,
                limit,
                streamId,
                streamPrefix,
                eventType,
                correlationId,
                commandId,
                Optional.ofNullable(from),
                Optional.ofNullable(to));
    }

    /** Whether {@code e} matches every filter and lies before {@link #before()}. */
    public boolean matches(LoggedEvent e) {
        return before.map(b -> e.position().compareTo(b) < 0).orElse(true)
                && streamId.map(e.streamId()::equals).orElse(true)
                && streamPrefix.map(e.streamId()::startsWith).orElse(true)
                && eventType.map(e.eventType()::equals).orElse(true)
                && correlationId.map(e.correlationId()::equals).orElse(true)
                && commandId.map(e.commandId()::equals).orElse(true)
                && from.map(f -> !e.recordedAt().isBefore(f)).orElse(true)
                && to.map(t -> e.recordedAt().isBefore(t)).orElse(true);
    }
}
