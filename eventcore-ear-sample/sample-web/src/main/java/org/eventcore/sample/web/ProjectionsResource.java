package org.eventcore.sample.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionStatus;

/** The durable projections' state, checkpoint, head and lag: what an operator looks at. */
@Path("projections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionsResource {

    /** One projection's status. */
    public record Status(
            String name,
            String state,
            String checkpoint,
            String head,
            boolean caughtUp,
            long eventsHandled,
            String lastError,
            int skipped) {
        static Status of(ProjectionStatus s) {
            return new Status(
                    s.name(),
                    s.state().name(),
                    s.checkpoint().encode(),
                    s.head().encode(),
                    s.caughtUp(),
                    s.eventsHandled(),
                    s.lastError().orElse(null),
                    s.skipped().size());
        }
    }

    @Inject
    DurableProjections projections;

    @GET
    public List<Status> all() {
        return projections.names().stream()
                .sorted()
                .map(n -> Status.of(projections.status(n)))
                .toList();
    }
}
