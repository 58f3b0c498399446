package org.eventcore.console.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.SkippedEvent;

/** The durable projections: their status ({@code GET projections}, {@code GET projections/{name}}). */
@Path("projections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionsResource {

    @Inject
    Instance<DurableProjections> projections;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public JsonArray all() {
        Guard.read(request, uri, security);
        DurableProjections p = projections();
        JsonArrayBuilder list = Json.createArrayBuilder();
        p.names().stream().sorted().forEach(n -> list.add(status(p.status(n), false)));
        return list.build();
    }

    @GET
    @Path("{name}")
    public JsonObject one(@PathParam("name") String name) {
        Guard.read(request, uri, security);
        DurableProjections p = projections();
        if (!p.names().contains(name)) {
            throw Guard.refuse(Response.Status.NOT_FOUND, "the application has no durable projection of this name");
        }
        return status(p.status(name), true).build();
    }

    private DurableProjections projections() {
        if (!projections.isResolvable()) {
            throw Guard.refuse(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "EventCore's CDI extension (eventcore-cdi) is not"
                            + " in this WAR: the console finds no durable projections");
        }
        return projections.get();
    }

    /** A projection's status: state, positions, lag, lease, errors and (with {@code skipped}) skipped events. */
    static JsonObjectBuilder status(ProjectionStatus s, boolean skipped) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("name", s.name())
                .add("state", s.state().name())
                .add("checkpoint", s.checkpoint().encode())
                .add("head", s.head().encode())
                .add("caughtUp", s.caughtUp())
                .add("eventsHandled", s.eventsHandled())
                .add("lagEvents", s.lagEvents())
                .add("lagCapped", s.lagEvents() >= ProjectionStatus.LAG_COUNTED)
                .add("lagSeconds", s.lag().toMillis() / 1000.0)
                .add("retries", s.retries())
                .add("failures", s.failures())
                .add("skippedCount", s.skippedCount());
        s.lastError().ifPresentOrElse(e -> b.add("lastError", e), () -> b.addNull("lastError"));
        s.retryingSince().ifPresentOrElse(t -> b.add("retryingSince", t.toString()), () -> b.addNull("retryingSince"));
        s.rebuildTarget().ifPresentOrElse(t -> b.add("rebuildTarget", t.encode()), () -> b.addNull("rebuildTarget"));
        s.lease()
                .ifPresentOrElse(
                        l -> b.add(
                                "lease",
                                Json.createObjectBuilder()
                                        .add("owner", l.owner())
                                        .add("epoch", l.epoch())
                                        .add("until", l.until().toString())
                                        .add("here", true)),
                        () -> b.addNull("lease"));
        if (skipped) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (SkippedEvent e : s.skipped()) {
                list.add(Json.createObjectBuilder()
                        .add("eventId", e.eventId().toString())
                        .add("position", e.position().encode())
                        .add("payloadType", e.payloadType())
                        .add("error", e.error()));
            }
            b.add("skipped", list);
        }
        return b;
    }
}
