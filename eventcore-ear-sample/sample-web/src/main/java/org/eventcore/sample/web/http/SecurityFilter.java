package org.eventcore.sample.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * What every response and every state change of the API gets: {@code X-Content-Type-Options: nosniff}
 * and {@code Cache-Control: no-store} on every response; and a state-changing request (POST, PUT,
 * PATCH, DELETE) must carry {@code Content-Type: application/json}, which a web page can only send
 * across origins after a CORS preflight this API never grants: a cross-site form post with the
 * browser's saved Basic credentials gets a 415 and changes nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityFilter extends HttpFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (STATE_CHANGING.contains(request.getMethod()) && !isJson(request.getContentType())) {
            response.setStatus(415);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(Problems.json(
                            415,
                            "Unsupported Media Type",
                            "a request that changes something must send a JSON body with Content-Type:"
                                    + " application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
