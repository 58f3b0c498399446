package org.eventcore.sample.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventCoreException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.cdi.InvalidCommandException;
import org.eventcore.sample.web.http.Problem;
import org.eventcore.sample.web.http.Problems;

/**
 * Answers every failure with a problem body and an honest status: 400 invalid input (a command whose
 * Bean Validation constraints are violated: each violation named in {@code violations}), 404 nothing the
 * caller may see there, 415 not JSON, 422 a rule rejected the command, 409 the attempts ran out under
 * contention, 503 the store is unavailable (with {@code Retry-After}), 500 anything else. A detail
 * never carries SQL, class names or stack traces: a 500 names a reference, under which the failure is
 * logged whole.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = unwrap(exception);
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response response = web.getResponse();
            if (response.getEntity() instanceof Problem) {
                return response;
            }
            return Problems.response(response.getStatus(), reason(response.getStatus()), generic(response.getStatus()));
        }
        if (e instanceof IllegalArgumentException) {
            return Problems.response(400, "Invalid input", e.getMessage());
        }
        if (e instanceof jakarta.ws.rs.ProcessingException || e instanceof JsonbException) {
            return Problems.response(400, "Invalid input", "the request body is not the JSON expected");
        }
        if (e instanceof InvalidCommandException invalid) {
            return Problems.invalid(invalid.violations().stream()
                    .map(v -> new Problem.Violation(v.property(), v.message()))
                    .toList());
        }
        if (e instanceof CommandRejectedException rejected) {
            return Problems.response(422, "Command rejected", rejected.getMessage());
        }
        if (e instanceof RetriesExhaustedException exhausted) {
            return exhausted.lastFailure() instanceof StoreUnavailableException
                    ? unavailable()
                    : Problems.response(
                            409,
                            "Attempts exhausted",
                            "other commands changed the same accounts or products in every attempt; try again (command "
                                    + exhausted.commandId().value() + ")");
        }
        if (e instanceof StoreUnavailableException) {
            return unavailable();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Request failed (reference " + reference + ")", exception);
        return Problems.response(500, "Internal error", "the request failed; reference " + reference);
    }

    private static Response unavailable() {
        return Problems.retryLater(503, "Store unavailable", "the event store is unavailable; try again", 2);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Request failed" : known.getReasonPhrase();
    }

    /** What the API says about a status it did not answer itself (an unknown path, a wrong method). */
    private static String generic(int status) {
        return switch (status) {
            case 404 -> "there is nothing here";
            case 405 -> "this method is not allowed here";
            case 406 -> "this API answers application/json";
            case 415 -> "a request that changes something must send a JSON body with Content-Type: application/json";
            default -> "the request was refused";
        };
    }

    /** The cause a container wrapped (in a TransactionalException, for example), if it is ours. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && depth < 5; depth++) {
            if (t instanceof EventCoreException
                    || t instanceof IllegalArgumentException
                    || t instanceof WebApplicationException) {
                return t;
            }
            t = t.getCause();
        }
        return t instanceof EventCoreException || t instanceof IllegalArgumentException ? t : e;
    }
}
