package org.eventcore.inmemory;

import java.util.Map;
import java.util.TreeMap;

/** Custom metadata as a JSON object's text, keys in order, for {@code LoggedEvent}. */
final class MetadataText {

    private MetadataText() {}

    static String of(Map<String, String> custom) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(custom).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, e.getKey()).append(':');
            string(json, e.getValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
