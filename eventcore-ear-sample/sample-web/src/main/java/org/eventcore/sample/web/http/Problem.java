package org.eventcore.sample.web.http;

import jakarta.ws.rs.core.MediaType;

/**
 * An RFC 9457 problem body: what went wrong, with the status it was answered with. The detail is for
 * the caller: it never holds SQL, class names or stack traces.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
}
