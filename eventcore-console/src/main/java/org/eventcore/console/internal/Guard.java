package org.eventcore.console.internal;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import org.eventcore.console.ConsoleApplication;
import org.eventcore.console.ConsoleRoles;

/**
 * The checks every resource method of the console makes first, whatever the deployment descriptors say: the
 * request came through the console's own application, its user holds a console role, and a change comes from the
 * console's page (cross-site request forgery).
 */
public final class Guard {

    /** The header every change must carry: a cross-site form cannot send it, a cross-site script only after a
     * CORS preflight the console never answers. */
    public static final String CHANGE_HEADER = "X-EventCore-Console";

    private Guard() {}

    /** Checks that the caller may read; returns the caller's name. */
    public static String read(HttpServletRequest request, UriInfo uri, SecurityContext security) {
        throughConsole(uri);
        if (security.getUserPrincipal() == null) {
            throw refuse(
                    Response.Status.UNAUTHORIZED,
                    "log in first: the console needs a user with the role " + ConsoleRoles.VIEWER + " or "
                            + ConsoleRoles.OPERATOR);
        }
        if (!security.isUserInRole(ConsoleRoles.VIEWER) && !security.isUserInRole(ConsoleRoles.OPERATOR)) {
            throw refuse(
                    Response.Status.FORBIDDEN,
                    "the console shows nothing to a user without the role " + ConsoleRoles.VIEWER + " or "
                            + ConsoleRoles.OPERATOR);
        }
        return security.getUserPrincipal().getName();
    }

    /** Checks that the caller may change something, from the console's page; returns the caller's name. */
    public static String change(HttpServletRequest request, UriInfo uri, SecurityContext security) {
        String user = read(request, uri, security);
        if (!security.isUserInRole(ConsoleRoles.OPERATOR)) {
            throw refuse(
                    Response.Status.FORBIDDEN,
                    "only a user with the role " + ConsoleRoles.OPERATOR + " pauses, resumes or rebuilds a projection");
        }
        if (!"1".equals(request.getHeader(CHANGE_HEADER))) {
            throw refuse(
                    Response.Status.FORBIDDEN,
                    "a change must come from the console's page (header " + CHANGE_HEADER + ": 1 missing)");
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            throw refuse(
                    Response.Status.FORBIDDEN,
                    "a change must come from the console's own origin (Sec-Fetch-Site: " + site.toLowerCase(Locale.ROOT)
                            + ")");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            throw refuse(Response.Status.FORBIDDEN, "a change must come from the console's own origin");
        }
        return user;
    }

    /** Whether {@code origin} is the request's own scheme, host and port (as the browser addressed it). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI parsed;
        try {
            parsed = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return false;
        }
        String host = request.getHeader("Host");
        if (host == null) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        int port = parsed.getPort() >= 0 ? parsed.getPort() : defaultPort(parsed.getScheme());
        String expected = host.contains(":") ? host : host + ":" + defaultPort(request.getScheme());
        return parsed.getScheme().equalsIgnoreCase(request.getScheme())
                && (parsed.getHost() + ":" + port).equalsIgnoreCase(expected);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** Only under the console's application: elsewhere (another application publishing every resource) 404. */
    private static void throughConsole(UriInfo uri) {
        String base = uri.getBaseUri().getPath();
        if (!base.endsWith("/" + ConsoleApplication.PATH + "/") && !base.endsWith("/" + ConsoleApplication.PATH)) {
            throw new WebApplicationException(
                    Response.status(Response.Status.NOT_FOUND).build());
        }
    }

    static WebApplicationException refuse(Response.Status status, String why) {
        return new WebApplicationException(problem(status.getStatusCode(), why));
    }

    /** A JSON answer {@code {"status": ..., "error": why}}. */
    static Response problem(int status, String why) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("status", status)
                        .add("error", why)
                        .build())
                .build();
    }
}
