package org.eventcore.sample.web.http;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Responses with a {@link Problem} body. */
public final class Problems {

    private Problems() {}

    /** A response with status {@code status} and a problem body. */
    public static Response response(int status, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }

    /** A 400 naming every violated constraint of a command refused as invalid. */
    public static Response invalid(List<Problem.Violation> violations) {
        StringBuilder detail = new StringBuilder();
        for (Problem.Violation v : violations) {
            detail.append(detail.length() == 0 ? "" : "; ")
                    .append(v.property())
                    .append(": ")
                    .append(v.message());
        }
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Invalid input", 400, detail.toString(), List.copyOf(violations)))
                .build();
    }

    /** A response with status {@code status}, a problem body and a {@code Retry-After} of {@code seconds}. */
    public static Response retryLater(int status, String title, String detail, int seconds) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }

    /** The same problem as JSON text, for code that writes a servlet response itself. */
    public static String json(int status, String title, String detail) {
        return "{\"detail\":" + quoted(detail) + ",\"status\":" + status + ",\"title\":" + quoted(title)
                + ",\"type\":\"about:blank\"}";
    }

    private static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
