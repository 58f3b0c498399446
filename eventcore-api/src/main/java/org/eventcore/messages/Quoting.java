package org.eventcore.messages;

/**
 * How EventCore's messages show a value: the one implementation behind
 * {@link org.eventcore.Identifiers#quote(String)}, kept here so that the message catalogues, which
 * depend on nothing else of EventCore, quote the same way.
 *
 * <p>Not API: it is used by the message catalogues and may change in any version; applications and
 * modules call {@link org.eventcore.Identifiers#quote(String)}. Stateless and thread-safe.
 */
public final class Quoting {

    private static final int QUOTE_LIMIT = 80;

    private Quoting() {}

    /**
     * {@code value} as EventCore's messages show it: in double quotes, quotes and backslashes escaped,
     * control characters and surrogates as {@code \\uXXXX}, at most 80 characters followed by the
     * whole length. Does not accept {@code null}.
     */
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
