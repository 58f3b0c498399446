package org.eventcore.console.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControls;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.eventcore.projection.spi.SkippedEvent;

/**
 * The reads and changes behind {@link ConsoleApi}'s projection resources, each in a transaction of its own: the
 * status of the durable projections, with skipped events and the changes asked, and a change asked, which the node
 * holding the projection's lease carries out.
 */
@ApplicationScoped
@Transactional
public class ProjectionReads {

    @Inject
    Instance<DurableProjections> projections;

    @Inject
    Instance<ProjectionLeases> leases;

    public JsonArray all() {
        DurableProjections p = projections();
        JsonArrayBuilder list = Json.createArrayBuilder();
        Optional<ProjectionLeases> l = leases();
        p.names().stream().sorted().forEach(n -> list.add(status(p.status(n), false, holder(l, n), paused(l, n))));
        return list.build();
    }

    public JsonObject one(String name) {
        DurableProjections p = projections();
        if (!p.names().contains(name)) {
            throw Guard.refuse(Response.Status.NOT_FOUND, "the application has no durable projection of this name");
        }
        Optional<ProjectionLeases> l = leases();
        JsonObjectBuilder b = status(p.status(name), true, holder(l, name), paused(l, name));
        Optional<ProjectionControls> controls = l.flatMap(ProjectionLeases::controls);
        if (controls.isPresent()) {
            JsonArrayBuilder history = Json.createArrayBuilder();
            for (ProjectionControl c : controls.get().history(name, HISTORY)) {
                history.add(control(c));
            }
            b.add("controls", history);
        }
        return b.build();
    }

    /** The changes a projection's page shows, newest first. */
    static final int HISTORY = 20;

    /**
     * Asks a change of projection {@code name}: {@code {"action": "pause" | "resume" | "rebuild", "from": position}}.
     * Recorded with the caller's name; the node holding the lease carries it out as it polls. 202 with the change's
     * id.
     */
    public Response control(String name, JsonObject body, String user) {
        DurableProjections p = projections();
        if (!p.names().contains(name)) {
            throw Guard.refuse(Response.Status.NOT_FOUND, "the application has no durable projection of this name");
        }
        if (body == null
                || !body.containsKey("action")
                || body.get("action").getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException("the body names the change: {\"action\": \"pause\"}, \"resume\" or"
                    + " \"rebuild\" (with \"from\": a position, or none for the start of the log)");
        }
        Action action;
        try {
            action = Action.valueOf(body.getString("action").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown change " + body.getString("action") + ": the console pauses, resumes and rebuilds");
        }
        Optional<GlobalPosition> from = Optional.empty();
        if (body.containsKey("from") && body.get("from").getValueType() != JsonValue.ValueType.NULL) {
            if (body.get("from").getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException("\"from\" is a position as the console shows it, a string such as"
                        + " \"1270.500002\", or absent for the start of the log");
            }
            String text = body.getString("from").trim();
            if (!text.isEmpty()) {
                from = Optional.of(GlobalPosition.decode(text));
            }
        }
        ProjectionControls controls = leases().flatMap(ProjectionLeases::controls)
                .orElseThrow(() -> Guard.refuse(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "the application's projection"
                                + " leases keep no changes where every node sees them (ProjectionLeases.controls() is empty):"
                                + " use JpaProjectionLeases"));
        long id = controls.request(name, action, from, user);
        return Response.accepted(Json.createObjectBuilder()
                        .add("id", id)
                        .add("action", action.name().toLowerCase(java.util.Locale.ROOT))
                        .add("status", "pending")
                        .build())
                .build();
    }

    private Optional<ProjectionLeases> leases() {
        return leases.isResolvable() ? Optional.of(leases.get()) : Optional.empty();
    }

    /** The lease as the store holds it, for a projection whose lease this node does not hold. */
    private static Optional<Lease> holder(Optional<ProjectionLeases> leases, String name) {
        try {
            return leases.flatMap(l -> l.current(name));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the status shows what this node knows
        }
    }

    static JsonObjectBuilder control(ProjectionControl c) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", c.id())
                .add("action", c.action().name().toLowerCase(java.util.Locale.ROOT))
                .add("requestedBy", c.requestedBy())
                .add("requestedAt", c.requestedAt().toString())
                .add("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        c.from().ifPresentOrElse(f -> b.add("from", f.encode()), () -> b.addNull("from"));
        c.outcome().ifPresentOrElse(o -> b.add("outcome", o), () -> b.addNull("outcome"));
        c.settledBy().ifPresentOrElse(n -> b.add("settledBy", n), () -> b.addNull("settledBy"));
        c.settledAt().ifPresentOrElse(t -> b.add("settledAt", t.toString()), () -> b.addNull("settledAt"));
        c.epoch().ifPresentOrElse(e -> b.add("epoch", e), () -> b.addNull("epoch"));
        return b;
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
    /**
     * Whether the projection is paused cluster-wide, as the controls record it: a node that does not hold the lease
     * shows STANDBY, not the pause.
     */
    private static boolean paused(Optional<ProjectionLeases> leases, String name) {
        try {
            return leases.flatMap(ProjectionLeases::controls)
                    .map(c -> c.paused(name))
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** A lease: its holder, epoch and end; {@code here} when this node holds it. */
    private static JsonObjectBuilder lease(Lease l, boolean here) {
        return Json.createObjectBuilder()
                .add("owner", l.owner())
                .add("epoch", l.epoch())
                .add("until", l.until().toString())
                .add("here", here);
    }

    static JsonObjectBuilder status(ProjectionStatus s, boolean skipped, Optional<Lease> stored, boolean paused) {
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
                .add("skippedCount", s.skippedCount())
                .add("paused", paused || s.state() == ProjectionState.PAUSED);
        s.lastError().ifPresentOrElse(e -> b.add("lastError", e), () -> b.addNull("lastError"));
        s.retryingSince().ifPresentOrElse(t -> b.add("retryingSince", t.toString()), () -> b.addNull("retryingSince"));
        s.rebuildTarget().ifPresentOrElse(t -> b.add("rebuildTarget", t.encode()), () -> b.addNull("rebuildTarget"));
        Optional<JsonObjectBuilder> lease =
                s.lease().map(l -> lease(l, true)).or(() -> stored.map(l -> lease(l, false)));
        lease.ifPresentOrElse(l -> b.add("lease", l), () -> b.addNull("lease"));
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
