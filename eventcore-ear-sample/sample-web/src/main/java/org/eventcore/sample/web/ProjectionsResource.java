package org.eventcore.sample.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.sample.Limits;
import org.eventcore.sample.web.http.Positions;
import org.eventcore.sample.web.http.Problems;

/**
 * The durable projections' state, checkpoint, head and lag, for clerks: what an operator looks at. An
 * error is shown by its message id only (its text, which may quote the database, is in the server's
 * log).
 */
@Path("projections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionsResource {

    private static final Pattern MESSAGE_ID = Pattern.compile("^(EC\\d{4})\\b");

    /** One projection's status. */
    public record Status(
            String name,
            String state,
            String checkpoint,
            String head,
            boolean caughtUp,
            long eventsHandled,
            String lastError,
            String retryingSince,
            long skipped) {
        static Status of(ProjectionStatus s) {
            return new Status(
                    s.name(),
                    s.state().name(),
                    Positions.token(s.checkpoint()),
                    Positions.token(s.head()),
                    s.caughtUp(),
                    s.eventsHandled(),
                    s.lastError().map(ProjectionsResource::messageId).orElse(null),
                    s.retryingSince().map(Object::toString).orElse(null),
                    s.skippedCount());
        }
    }

    @Inject
    DurableProjections projections;

    @Context
    SecurityContext security;

    @GET
    public List<Status> all() {
        if (!security.isUserInRole(Limits.CLERK)) {
            throw new ForbiddenException(Problems.response(403, "Forbidden", "only clerks see the projections"));
        }
        return projections.names().stream()
                .sorted()
                .map(n -> Status.of(projections.status(n)))
                .toList();
    }

    private static String messageId(String error) {
        Matcher m = MESSAGE_ID.matcher(error);
        return m.find() ? m.group(1) : "an error (see the server's log)";
    }
}
