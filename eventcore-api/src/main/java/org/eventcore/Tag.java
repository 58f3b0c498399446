package org.eventcore;

import java.util.Optional;
import org.eventcore.messages.ApiMessages;

/**
 * A label an event carries so that commands can find it without knowing its stream: {@code
 * course:c-17}, {@code username:alice}. A tag is {@code key:value}: the key is 1 or more characters
 * without {@code :}, the value any characters after the first {@code :}; the whole is validated like
 * a {@link StreamId} (1 to 255 code points, not blank, no control characters, no unpaired
 * surrogates).
 *
 * <p>A command gives an event its tags where it emits it ({@link Decision#emitTagged(StreamHandle,
 * Object, Tag...)}); a {@link TagQuery} finds the events that carry tags. Tags are stored once with the event
 * and never change. Immutable and thread-safe.
 *
 * <pre>{@code
 * Tag course = Tag.of("course", courseId);     // "course:" + courseId
 * Tag parsed = Tag.parse("username:alice");
 * }</pre>
 *
 * @param value the tag as {@code key:value}
 */
public record Tag(String value) implements Comparable<Tag> {

    /** The largest number of code points a tag may have. */
    public static final int MAX_LENGTH = 255;

    /**
     * Validates a tag.
     *
     * @throws InvalidTagException (EC1008) if {@code value} is null, not {@code key:value}, too long,
     *     blank, or holds a control character or an unpaired surrogate
     */
    public Tag {
        if (value == null) {
            throw new InvalidTagException(ApiMessages.invalidTag(null, "it is null", MAX_LENGTH));
        }
        Optional<String> problem = Identifiers.problem(value, MAX_LENGTH);
        if (problem.isPresent()) {
            throw new InvalidTagException(ApiMessages.invalidTag(value, problem.get(), MAX_LENGTH));
        }
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new InvalidTagException(ApiMessages.invalidTag(
                    value, colon == 0 ? "its key (before the first ':') is empty" : "it has no ':'", MAX_LENGTH));
        }
        if (value.substring(0, colon).isBlank()) {
            throw new InvalidTagException(ApiMessages.invalidTag(value, "its key is blank", MAX_LENGTH));
        }
    }

    /**
     * The tag {@code key:value}.
     *
     * @throws InvalidTagException (EC1008) if the key is empty or holds {@code :}, or the tag is not valid
     */
    public static Tag of(String key, Object value) {
        if (key == null || key.isEmpty() || key.indexOf(':') >= 0) {
            throw new InvalidTagException(ApiMessages.invalidTag(
                    key + ":" + value,
                    "its key " + (key == null ? "is null" : Identifiers.quote(key) + " is empty or" + " holds ':'"),
                    MAX_LENGTH));
        }
        if (value == null) {
            throw new InvalidTagException(ApiMessages.invalidTag(key + ":null", "its value is null", MAX_LENGTH));
        }
        return new Tag(key + ":" + value);
    }

    /**
     * The tag written as {@code key:value}.
     *
     * @throws InvalidTagException (EC1008) if the text is not a valid tag
     */
    public static Tag parse(String text) {
        return new Tag(text);
    }

    /** The part before the first {@code :}. */
    public String key() {
        return value.substring(0, value.indexOf(':'));
    }

    /** The part after the first {@code :} (may be empty). */
    public String tagValue() {
        return value.substring(value.indexOf(':') + 1);
    }

    /** Orders tags by their text; stores lock tag keys in an order of their own. */
    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
