package org.eventcore.cdi.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;

/**
 * What {@link EventCoreReadiness} answers; loaded only where the MicroProfile Health API is present. The
 * projections bean is the one the application started with (not looked up: the bean manager at hand may
 * not see it), so that a check asked before the application started answers "down".
 */
final class HealthBridge {

    /** The check's name. */
    static final String CHECK = "eventcore";

    private HealthBridge() {}

    /**
     * Up when the store answers (a read of the log's head in a transaction of its own) and every durable
     * projection is ready: it runs (here, or on another node while this one stands by) and its earliest
     * unhandled event has waited at most the bound. Down otherwise; the data say which part and why:
     * {@code store} and {@code projection.<name>} are {@code UP} or {@code DOWN}, with details under
     * keys that begin with theirs.
     */
    static HealthCheckResponse readiness(EventCoreExtension extension) {
        Map<String, Object> data = new LinkedHashMap<>();
        Duration maxLag = extension.healthProjectionLag();
        data.put("maxLagMillis", maxLag.toMillis());
        Optional<CdiDurableProjections> started = extension.projectionsBean();
        if (started.isEmpty()) {
            data.put("reason", "EventCore has not started yet: the application's start event has not reached it");
            return new HealthCheckResponse(CHECK, HealthCheckResponse.Status.DOWN, Optional.of(data));
        }
        CdiDurableProjections projections = started.get();
        boolean up = true;
        try {
            String head = projections.probeStore();
            data.put("store", "UP");
            data.put("store.head", head);
        } catch (RuntimeException e) {
            up = false;
            data.put("store", "DOWN");
            data.put("store.error", describe(e));
        }
        for (String name : new TreeSet<>(projections.names())) {
            up &= projection(projections, name, maxLag, data);
        }
        return new HealthCheckResponse(
                CHECK, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    /** Puts one projection's part into {@code data}; returns whether it is ready. */
    private static boolean projection(
            CdiDurableProjections projections, String name, Duration maxLag, Map<String, Object> data) {
        String key = "projection." + name;
        ProjectionStatus s;
        try {
            s = projections.status(name);
        } catch (RuntimeException e) {
            data.put(key, "DOWN");
            data.put(key + ".error", describe(e));
            return false;
        }
        boolean running = s.state() != ProjectionState.FAILED && s.state() != ProjectionState.STOPPED;
        boolean current = s.lag().compareTo(maxLag) <= 0;
        boolean ready = running && current;
        data.put(key, ready ? "UP" : "DOWN");
        data.put(key + ".state", s.state().name());
        data.put(key + ".checkpoint", s.checkpoint().encode());
        data.put(key + ".lagEvents", s.lagEvents());
        data.put(key + ".lagMillis", s.lag().toMillis());
        data.put(key + ".eventsHandled", s.eventsHandled());
        data.put(key + ".skipped", s.skippedCount());
        data.put(key + ".failures", s.failures());
        data.put(key + ".retries", (long) s.retries());
        s.lease().ifPresent(l -> data.put(key + ".leaseOwner", l.owner()));
        s.lastError().ifPresent(e -> data.put(key + ".lastError", e));
        if (!running) {
            data.put(key + ".reason", "the projection is " + s.state().name().toLowerCase(Locale.ROOT));
        } else if (!current) {
            data.put(
                    key + ".reason",
                    "the earliest unhandled event has waited " + s.lag().toMillis() + " ms, more than "
                            + HealthChecks.PROJECTION_LAG + " (" + maxLag.toMillis() + " ms)");
        }
        return ready;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
