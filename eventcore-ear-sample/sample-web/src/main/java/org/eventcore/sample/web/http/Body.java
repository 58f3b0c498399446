package org.eventcore.sample.web.http;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request body read strictly: one JSON object of at most {@value #MAX_BYTES} bytes, whose keys are
 * among those the endpoint names, each at most once; numbers exact integers within the bounds the
 * endpoint gives (never rounded, truncated, wrapped or read from a string); strings strings. Anything
 * else is a 400 that names the field and the rule, and no command is built. Unlike data binding, it
 * never converts {@code 1.5}, {@code "100"}, {@code [1]} or {@code 18446744073709551716} into a
 * number the caller did not send.
 */
public final class Body {

    /** The largest body accepted. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final int MAX_DEPTH = 3;

    /** The most of a too large body read and discarded before answering 413. */
    private static final long MAX_DRAINED = 16L * 1024 * 1024;

    private final Map<String, Object> fields;

    private Body(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Reads {@code in} as a JSON object with no other keys than {@code allowed}.
     *
     * @throws BadRequestException (400) for a body that is not such an object
     */
    public static Body read(InputStream in, Set<String> allowed) {
        String text = text(in);
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw invalid("the request body must be a JSON object");
            }
            readObject(parser, fields, allowed, "", 1);
            if (parser.hasNext()) {
                throw invalid("the request body must be one JSON object and nothing after it");
            }
        } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
            throw invalid("the request body is not valid JSON");
        }
        return new Body(fields);
    }

    private static void readObject(
            JsonParser parser, Map<String, Object> into, Set<String> allowed, String prefix, int depth) {
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return;
            }
            String key = parser.getString();
            String field = prefix + key;
            if (allowed != null && !allowed.contains(key)) {
                throw invalid("unknown field \"" + printable(field) + "\"; the fields are " + allowed);
            }
            if (into.containsKey(key)) {
                throw invalid("the field \"" + printable(field) + "\" is given twice");
            }
            JsonParser.Event value = parser.next();
            switch (value) {
                case VALUE_STRING -> into.put(key, parser.getString());
                case VALUE_NUMBER -> into.put(key, number(parser, field));
                case VALUE_TRUE, VALUE_FALSE -> into.put(key, value == JsonParser.Event.VALUE_TRUE);
                case VALUE_NULL -> into.put(key, null);
                case START_OBJECT -> {
                    if (depth >= MAX_DEPTH) {
                        throw invalid("the field \"" + printable(field) + "\" is nested too deeply");
                    }
                    Map<String, Object> nested = new LinkedHashMap<>();
                    readObject(parser, nested, null, field + ".", depth + 1);
                    into.put(key, nested);
                }
                default -> throw invalid("the field \"" + printable(field) + "\" must not be an array");
            }
        }
    }

    /**
     * The number the parser is at, exactly; one it will not read exactly (more digits than its limit, an
     * exponent beyond an int) is a 400 naming the field, not an error of the parser's own.
     */
    private static BigDecimal number(JsonParser parser, String field) {
        try {
            return parser.getBigDecimal();
        } catch (UnsupportedOperationException | NumberFormatException e) {
            throw invalid("the field \"" + printable(field) + "\" holds a number too long or too large to read");
        }
    }

    private static String text(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    drain(in, buffer);
                    throw new BadRequestException(Problems.response(
                            413, "Payload too large", "the request body is larger than " + MAX_BYTES + " bytes"));
                }
            }
            if (out.size() == 0) {
                throw invalid("the request needs a JSON body");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw invalid("the request body is not UTF-8");
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
    }

    /**
     * Reads and discards the rest of a body too large to use (up to {@value #MAX_DRAINED} bytes), so
     * that the client, still sending, gets the answer instead of a connection closed under it.
     */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long drained = 0;
        for (int n; drained < MAX_DRAINED && (n = in.read(buffer)) >= 0; ) {
            drained += n;
        }
    }

    /** The string field {@code name}. */
    public String string(String name) {
        Object value = required(name);
        if (!(value instanceof String s)) {
            throw invalid("the field \"" + name + "\" must be a string");
        }
        return s;
    }

    /**
     * The whole number field {@code name}, any {@code long}: its range is the command's to check (its
     * Bean Validation constraints, answered as 400 with each violation named).
     */
    public long wholeNumber(String name) {
        Object value = required(name);
        if (value instanceof BigDecimal number && number.scale() == 0) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                // beyond a long: refused below, never converted
            }
        }
        throw invalid("the field \"" + printable(name) + "\" must be a whole number from " + Long.MIN_VALUE + " to "
                + Long.MAX_VALUE + " (written without a fraction or an exponent)");
    }

    /** The whole number field {@code name}, from {@code min} to {@code max}. */
    public long integer(String name, long min, long max) {
        return integer(name, required(name), min, max);
    }

    /**
     * The object field {@code name} whose values are whole numbers from {@code min} to {@code max}, with
     * at most {@code maxEntries} entries, in the order sent.
     */
    public Map<String, Long> integers(String name, int maxEntries, long min, long max) {
        Object value = required(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("the field \"" + name + "\" must be an object");
        }
        if (map.isEmpty() || map.size() > maxEntries) {
            throw invalid("the field \"" + name + "\" needs 1 to " + maxEntries + " entries, has " + map.size());
        }
        Map<String, Long> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put((String) k, integer(name + "." + k, v, min, max)));
        return result;
    }

    private static long integer(String name, Object value, long min, long max) {
        if (!(value instanceof BigDecimal number)) {
            throw invalid("the field \"" + printable(name) + "\" must be a whole number from " + min + " to " + max);
        }
        BigDecimal exact = number.stripTrailingZeros();
        if (number.scale() != 0
                || exact.compareTo(BigDecimal.valueOf(min)) < 0
                || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid("the field \"" + printable(name) + "\" must be a whole number from " + min + " to " + max
                    + " (written without a fraction or an exponent)");
        }
        return exact.longValueExact();
    }

    private Object required(String name) {
        if (!fields.containsKey(name) || fields.get(name) == null) {
            throw invalid("the request needs the field \"" + name + "\"");
        }
        return fields.get(name);
    }

    /** A field name as it may be echoed: at most 64 characters, no control characters. */
    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static BadRequestException invalid(String detail) {
        return new BadRequestException(Problems.response(400, "Invalid input", detail));
    }
}
