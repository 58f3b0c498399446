package org.eventcore.jpa.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Custom metadata as a JSON object whose values are strings: {@code {"tenant":"t-1"}}. A small,
 * strict codec so that the store depends on no JSON library; keys come out sorted, so equal maps
 * give equal text.
 */
public final class MetadataJson {

    private MetadataJson() {}

    public static String encode(Map<String, String> map) {
        if (map.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(16 + map.size() * 32).append('{');
        boolean first = true;
        // one entry (a trace context, usually) needs no sorting
        for (Map.Entry<String, String> e : map.size() == 1 ? map.entrySet() : new TreeMap<>(map).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads what {@link #encode} wrote (any valid JSON object of strings).
     *
     * @throws IllegalArgumentException if the text is not such an object
     */
    public static Map<String, String> decode(String json) {
        if (json.equals("{}")) {
            return Map.of();
        }
        Parser p = new Parser(json);
        Map<String, String> map = Map.of();
        p.skipSpace();
        p.expect('{');
        p.skipSpace();
        if (p.peek() == '}') {
            p.pos++;
        } else {
            while (true) {
                p.skipSpace();
                String key = p.string();
                p.skipSpace();
                p.expect(':');
                p.skipSpace();
                String value = p.string();
                if (map.isEmpty()) {
                    // one entry (a trace context, usually) is kept without a tree
                    map = Map.of(key, value);
                } else {
                    if (!(map instanceof TreeMap)) {
                        map = new TreeMap<>(map);
                    }
                    map.put(key, value);
                }
                p.skipSpace();
                char c = p.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw p.error("',' or '}'");
                }
            }
        }
        p.skipSpace();
        if (p.pos != json.length()) {
            throw p.error("the end of the text");
        }
        return map;
    }

    private static final class Parser {
        private final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw error("more text");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("'" + c + "'");
            }
        }

        void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String string() {
            expect('"');
            // most strings have no escape: taken as one piece (every event of a traced command carries one)
            for (int i = pos; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    String plain = text.substring(pos, i);
                    pos = i + 1;
                    return plain;
                }
                if (c == '\\') {
                    break;
                }
            }
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("four hex digits");
                        }
                        pos += 4;
                    }
                    default -> throw error("an escape sequence");
                }
            }
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at offset " + pos + " of the metadata JSON");
        }
    }
}
