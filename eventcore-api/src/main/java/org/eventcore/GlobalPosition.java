package org.eventcore;

import java.util.Objects;
import org.eventcore.messages.ApiMessages;

/**
 * The place of a stored event in the store's global log. Positions are opaque and comparable: a
 * reader that follows the log in position order sees every committed event once (invariant I4).
 *
 * <p>A store may need more than one number to order its log (for example a transaction id and a
 * sequence within it), so a position holds two: {@code epoch} and {@code offset}, compared in that
 * order. Stores that need one number use {@link #of(long)} (epoch 0). Do not compute with positions:
 * compare them, store them with {@link #encode()} and read them back with {@link #decode(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GlobalPosition implements Comparable<GlobalPosition> {

    private static final GlobalPosition START = new GlobalPosition(0, 0);
    private static final java.util.regex.Pattern CANONICAL =
            java.util.regex.Pattern.compile("(0|[1-9][0-9]{0,18})|([1-9][0-9]{0,18}\\.(0|[1-9][0-9]{0,18}))");

    private final long epoch;
    private final long offset;

    private GlobalPosition(long epoch, long offset) {
        if (epoch < 0 || offset < 0) {
            throw new IllegalArgumentException(ApiMessages.invalidGlobalPosition(null, epoch, offset));
        }
        this.epoch = epoch;
        this.offset = offset;
    }

    /** The position before the first event of every log: reading after it reads from the beginning. */
    public static GlobalPosition start() {
        return START;
    }

    /** A position made of one number, for stores whose log is ordered by a single sequence. */
    public static GlobalPosition of(long offset) {
        return offset == 0 ? START : new GlobalPosition(0, offset);
    }

    /** A position made of two numbers, compared epoch first. */
    public static GlobalPosition of(long epoch, long offset) {
        return epoch == 0 && offset == 0 ? START : new GlobalPosition(epoch, offset);
    }

    /**
     * Reads back a position written by {@link #encode()}.
     *
     * @throws IllegalArgumentException if {@code text} is not an encoded position
     */
    public static GlobalPosition decode(String text) {
        Objects.requireNonNull(text, "text");
        if (!CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException(ApiMessages.invalidGlobalPosition(text, 0, 0));
        }
        try {
            int dot = text.indexOf('.');
            if (dot < 0) {
                return of(Long.parseLong(text));
            }
            return of(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ApiMessages.invalidGlobalPosition(text, 0, 0), e);
        }
    }

    /** The first number (0 for single-number stores). */
    public long epoch() {
        return epoch;
    }

    /** The second number. */
    public long offset() {
        return offset;
    }

    /** Whether this is {@link #start()}. */
    public boolean isStart() {
        return epoch == 0 && offset == 0;
    }

    /** A stable text form, for checkpoints: {@code "offset"} or {@code "epoch.offset"}. */
    public String encode() {
        return epoch == 0 ? Long.toString(offset) : epoch + "." + offset;
    }

    @Override
    public int compareTo(GlobalPosition other) {
        int c = Long.compare(epoch, other.epoch);
        return c != 0 ? c : Long.compare(offset, other.offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalPosition p && p.epoch == epoch && p.offset == offset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return encode();
    }
}
