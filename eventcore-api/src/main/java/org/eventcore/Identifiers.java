package org.eventcore;

import java.util.Optional;
import org.eventcore.messages.Quoting;

/**
 * The one rule EventCore applies to every identifier it accepts (stream ids, command ids, metadata
 * keys and values, projection names, lease owners), and the way its messages show a value. Modules
 * that accept identifiers of their own check them here, so that every identifier follows the same
 * rule and every message quotes the same way.
 *
 * <pre>{@code
 * Identifiers.problem("account\u0000", 255) // "it contains the control character U+0000 at index 7"
 * Identifiers.quote("line\nbreak")           // "\"line\\u000Abreak\""
 * }</pre>
 *
 * <p>Stateless and thread-safe. No method accepts {@code null}.
 */
public final class Identifiers {

    private Identifiers() {}

    /**
     * Why {@code value} is not a valid identifier, or empty if it is: not blank, at most
     * {@code maxCodePoints} code points, no control characters, no unpaired surrogates. The reason
     * reads as the end of a sentence ("it is blank", "it is 300 characters long, more than 255").
     */
    public static Optional<String> problem(String value, int maxCodePoints) {
        if (value.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (value.isBlank()) {
            return Optional.of("it is blank");
        }
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints > maxCodePoints) {
            return Optional.of("it is " + codePoints + " characters long, more than " + maxCodePoints);
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp)) {
                return Optional.of(String.format("it contains the control character U+%04X at index %d", cp, i));
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return Optional.of("it contains " + unpairedSurrogate(value).orElseThrow());
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * The first unpaired surrogate of {@code text}, as "an unpaired surrogate U+D800 at index 3", or
     * empty if there is none: text with one is not valid Unicode and cannot be stored as UTF-8
     * without changing it.
     */
    public static Optional<String> unpairedSurrogate(CharSequence text) {
        int at = unpairedSurrogateAt(text);
        return at < 0
                ? Optional.empty()
                : Optional.of(String.format("an unpaired surrogate U+%04X at index %d", (int) text.charAt(at), at));
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1 if there is none. */
    static int unpairedSurrogateAt(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code value} as EventCore's messages show it: in double quotes, quotes and backslashes escaped,
     * control characters and surrogates as {@code \\uXXXX}, at most 80 characters followed by the
     * whole length.
     */
    public static String quote(String value) {
        return Quoting.quote(value);
    }
}
