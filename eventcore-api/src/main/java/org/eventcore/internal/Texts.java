package org.eventcore.internal;

/** Validation and quoting of user-supplied identifiers, shared by the value types. */
public final class Texts {

    private static final int QUOTE_LIMIT = 80;

    private Texts() {}

    /**
     * Returns why {@code value} is not a valid identifier, or {@code null} if it is valid: not blank,
     * at most {@code maxCodePoints} code points, no control characters, no unpaired surrogates.
     */
    public static String problemWithIdentifier(String value, int maxCodePoints) {
        if (value.isEmpty()) {
            return "it is empty";
        }
        if (value.isBlank()) {
            return "it is blank";
        }
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints > maxCodePoints) {
            return "it is " + codePoints + " characters long, more than " + maxCodePoints;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp)) {
                return String.format("it contains the control character U+%04X at index %d", cp, i);
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return "it contains " + unpairedSurrogate(value);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /**
     * The index of the first unpaired surrogate in {@code text} (text that cannot be written as UTF-8
     * without changing it), or -1 if there is none.
     */
    public static int unpairedSurrogateAt(CharSequence text) {
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
     * "an unpaired surrogate U+D800 at index 3" for the first unpaired surrogate in {@code text}, or
     * {@code null} if there is none.
     */
    public static String unpairedSurrogate(CharSequence text) {
        int at = unpairedSurrogateAt(text);
        return at < 0 ? null : String.format("an unpaired surrogate U+%04X at index %d", (int) text.charAt(at), at);
    }

    /** Quotes a value for an error message: shortened, with control characters escaped. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < QUOTE_LIMIT; i++, shown++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (value.length() > QUOTE_LIMIT) {
            out.append("... (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
