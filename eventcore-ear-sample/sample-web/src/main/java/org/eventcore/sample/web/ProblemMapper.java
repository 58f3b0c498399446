package org.eventcore.sample.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eventcore.CommandRejectedException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoreUnavailableException;

/**
 * Answers every failure with a problem body and an honest status: 400 invalid input, 422 a rule
 * rejected the command, 409 the attempts ran out under contention, 503 the store is unavailable.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = unwrap(exception);
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problem.response(
                    status,
                    Response.Status.fromStatusCode(status) == null
                            ? "Request failed"
                            : Response.Status.fromStatusCode(status).getReasonPhrase(),
                    e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return Problem.response(400, "Invalid input", e.getMessage());
        }
        if (e instanceof jakarta.ws.rs.ProcessingException || e instanceof JsonbException) {
            Throwable json = e;
            while (json.getCause() != null && !(json instanceof JsonbException)) {
                json = json.getCause();
            }
            return Problem.response(
                    400, "Invalid input", "the request body is not the JSON expected: " + json.getMessage());
        }
        if (e instanceof CommandRejectedException rejected) {
            return Problem.response(422, "Command rejected", rejected.getMessage());
        }
        if (e instanceof RetriesExhaustedException exhausted) {
            return exhausted.lastFailure() instanceof StoreUnavailableException
                    ? Problem.response(503, "Store unavailable", exhausted.getMessage())
                    : Problem.response(409, "Attempts exhausted", exhausted.getMessage());
        }
        if (e instanceof StoreUnavailableException unavailable) {
            return Problem.response(503, "Store unavailable", unavailable.getMessage());
        }
        LOG.log(System.Logger.Level.ERROR, "Request failed", exception);
        return Problem.response(500, "Internal error", e.getClass().getName() + ": " + e.getMessage());
    }

    /** The cause a container wrapped (in a TransactionalException, for example), if it is ours. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && depth < 5; depth++) {
            if (t instanceof org.eventcore.EventCoreException
                    || t instanceof IllegalArgumentException
                    || t instanceof WebApplicationException) {
                return t;
            }
            t = t.getCause();
        }
        return t instanceof org.eventcore.EventCoreException || t instanceof IllegalArgumentException ? t : e;
    }
}
