package org.eventcore.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a reader of the global log is behind: the events after its position that a reader can see
 * now, counted up to a bound, and the earliest time among them. Answered by
 * {@link GlobalLogReader#lag(org.eventcore.GlobalPosition, int)}.
 *
 * <pre>{@code
 * LogLag lag = log.lag(checkpoint, 100_000);
 * long behind = lag.events();                  // 0 when caught up
 * Duration waited = lag.waited(Instant.now()); // ZERO when caught up
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param events the events after the position, at most the bound asked for
 * @param bounded whether there may be more than {@code events} ({@code events} reached the bound)
 * @param earliest the earliest {@link org.eventcore.EventMetadata#time()} among the counted events,
 *     empty when there is none
 */
public record LogLag(long events, boolean bounded, Optional<Instant> earliest) {

    private static final LogLag NONE = new LogLag(0, false, Optional.empty());

    public LogLag {
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative: " + events);
        }
        Objects.requireNonNull(earliest, "earliest");
        if (events == 0 && (bounded || earliest.isPresent())) {
            throw new IllegalArgumentException("a lag of no events has no bound and no earliest time");
        }
    }

    /** No event after the position: the reader is caught up. */
    public static LogLag none() {
        return NONE;
    }

    /**
     * How long the earliest event after the position has waited at {@code now}: {@link Duration#ZERO}
     * when caught up, or when the event's time is after {@code now} (clocks of other nodes).
     */
    public Duration waited(Instant now) {
        Objects.requireNonNull(now, "now");
        return earliest.map(t -> Duration.between(t, now))
                .filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }
}
