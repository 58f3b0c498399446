package org.eventcore.sample.web.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of every status the server answers by itself (web.xml's {@code error-page}): the
 * 401 of {@link SampleAuthentication}, and a 403, 404, 405 or 500 that no resource answered. It writes
 * the API's problem JSON instead of the server's HTML page, with the detail the authentication left,
 * or a generic one: never a stack trace. It is the application's default servlet too ({@code /}): a
 * request outside the API, of any method, is answered 404 (the container's default servlet answered a
 * method it does not know, such as PATCH, with a 501 and an HTML page).
 */
@WebServlet(
        urlPatterns = {"/problem", "/"},
        asyncSupported = true)
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The request attribute under which code that sends an error leaves the problem's detail. */
    public static final String DETAIL = "org.eventcore.sample.problem.detail";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = request.getDispatcherType() != DispatcherType.ERROR
                ? 404
                : code instanceof Integer i ? i : response.getStatus();
        Object detail = request.getAttribute(DETAIL);
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(Problems.json(status, title(status), detail instanceof String s ? s : generic(status)));
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    private static String generic(int status) {
        return switch (status) {
            case 401 -> "this API needs HTTP Basic credentials of one of the sample's users";
            case 403 -> "this is not allowed to you";
            case 404 -> "there is nothing here";
            case 405 -> "this method is not allowed here";
            default -> status >= 500 ? "the request failed" : "the request was refused";
        };
    }
}
