package org.eventcore.sample.web.http;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * An RFC 9457 problem body: what went wrong, with the status it was answered with. The detail is for
 * the caller: it never holds SQL, class names or stack traces.
 */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    /**
     * One violated constraint of a command the API refused as invalid (an RFC 9457 extension member).
     *
     * @param property the property's path in the command, for example {@code cents}
     * @param message what the constraint says, for example {@code must be greater than 0}
     */
    public record Violation(String property, String message) {}

    /** A problem without violations (JSON-B leaves the member out). */
    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null);
    }

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
}
