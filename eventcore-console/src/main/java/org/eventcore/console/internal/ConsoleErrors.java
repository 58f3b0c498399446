package org.eventcore.console.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;

/**
 * The console's errors as JSON: its own refusals as they are, bad input (an {@link IllegalArgumentException}
 * names it) as 400, anything else as 500 with an id that the server's log carries with the whole exception.
 */
public class ConsoleErrors implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(ConsoleErrors.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            Response r = web.getResponse();
            return r.hasEntity()
                    ? r
                    : Guard.problem(r.getStatus(), r.getStatusInfo().getReasonPhrase());
        }
        if (e instanceof IllegalArgumentException bad) {
            return Guard.problem(400, bad.getMessage());
        }
        String id = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "EventCore console: request failed (error id " + id + ")", e);
        return Guard.problem(
                500,
                "the request failed (" + e.getClass().getSimpleName() + "); the server's log has it under error id "
                        + id);
    }
}
