package org.eventcore.sample.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every response and every state change of the API gets: {@code X-Content-Type-Options: nosniff}
 * and {@code Cache-Control: no-store} on every response; and a state-changing request (POST, PUT,
 * PATCH, DELETE) must carry {@code Content-Type: application/json}, which a web page can only send
 * across origins after a CORS preflight this API never grants: a cross-site form post with the
 * browser's saved Basic credentials gets a 415 and changes nothing. An {@code Accept} header whose
 * {@code q} weight is not a number from 0 to 1 is answered 400 here: the JAX-RS runtime fails such a
 * request with an error of its own, which would reach {@code ProblemMapper} as a 500.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityFilter extends HttpFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A weight of RFC 9110: 0 to 1, with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (STATE_CHANGING.contains(request.getMethod()) && !isJson(request.getContentType())) {
            problem(
                    response,
                    415,
                    "Unsupported Media Type",
                    "a request that changes something must send a JSON body with Content-Type: application/json");
            return;
        }
        if (!weightsValid(request.getHeaders("Accept"))) {
            problem(
                    response,
                    400,
                    "Invalid input",
                    "a q weight of the Accept header is a number from 0 to 1, as in Accept: application/json;q=0.9");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(status, title, detail));
    }

    /** Whether every {@code q} parameter of the {@code Accept} headers is a weight of RFC 9110. */
    private static boolean weightsValid(Enumeration<String> accept) {
        while (accept != null && accept.hasMoreElements()) {
            for (String range : accept.nextElement().split(",")) {
                String[] parameters = range.split(";");
                for (int i = 1; i < parameters.length; i++) {
                    int equals = parameters[i].indexOf('=');
                    String name = (equals < 0 ? parameters[i] : parameters[i].substring(0, equals)).trim();
                    if (name.equalsIgnoreCase("q")
                            && (equals < 0
                                    || !QVALUE.matcher(parameters[i]
                                                    .substring(equals + 1)
                                                    .trim())
                                            .matches())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
