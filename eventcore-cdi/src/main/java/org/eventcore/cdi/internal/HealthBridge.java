package org.eventcore.cdi.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;

/**
 * The readiness checks as synthetic beans; loaded only when the MicroProfile Health API is present
 * ({@link HealthChecks}). The checks look the projections bean up when they are called, so that a
 * check asked before the application started answers "down" instead of failing the deployment.
 */
final class HealthBridge {

    /** The store check's name. */
    static final String STORE = "eventcore-store";

    /** The prefix of a projection check's name, followed by the projection's name. */
    static final String PROJECTION = "eventcore-projection-";

    private HealthBridge() {}

    static void register(AfterBeanDiscovery discovery, BeanManager beans, Set<String> projections, Duration maxLag) {
        discovery
                .addBean()
                .id(HealthBridge.class.getName() + "#store")
                .beanClass(HealthBridge.class)
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> (HealthCheck) () -> store(beans));
        for (String name : projections) {
            discovery
                    .addBean()
                    .id(HealthBridge.class.getName() + "#projection-" + name)
                    .beanClass(HealthBridge.class)
                    .types(HealthCheck.class, Object.class)
                    .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .createWith(context -> (HealthCheck) () -> projection(beans, name, maxLag));
        }
    }

    private static CdiDurableProjections projections(BeanManager beans) {
        return beans.createInstance().select(CdiDurableProjections.class).get();
    }

    /** Up when a read of the log's head (or of a stream) in a transaction of its own succeeds. */
    static HealthCheckResponse store(BeanManager beans) {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            data.put("head", projections(beans).probeStore());
            return new HealthCheckResponse(STORE, HealthCheckResponse.Status.UP, Optional.of(data));
        } catch (RuntimeException e) {
            data.put("error", describe(e));
            return new HealthCheckResponse(STORE, HealthCheckResponse.Status.DOWN, Optional.of(data));
        }
    }

    /**
     * Up while the projection runs (here or, in standby, on another node) and its earliest unhandled
     * event has waited at most {@code maxLag}; down when it failed, is stopped or not started yet, or
     * lags beyond the bound.
     */
    static HealthCheckResponse projection(BeanManager beans, String name, Duration maxLag) {
        String check = PROJECTION + name;
        Map<String, Object> data = new LinkedHashMap<>();
        ProjectionStatus s;
        try {
            s = projections(beans).status(name);
        } catch (RuntimeException e) {
            data.put("error", describe(e));
            return new HealthCheckResponse(check, HealthCheckResponse.Status.DOWN, Optional.of(data));
        }
        boolean running = s.state() != ProjectionState.FAILED && s.state() != ProjectionState.STOPPED;
        boolean current = s.lag().compareTo(maxLag) <= 0;
        data.put("state", s.state().name());
        data.put("checkpoint", s.checkpoint().encode());
        data.put("head", s.head().encode());
        data.put("lagEvents", s.lagEvents());
        data.put("lagMillis", s.lag().toMillis());
        data.put("maxLagMillis", maxLag.toMillis());
        data.put("eventsHandled", s.eventsHandled());
        data.put("skipped", s.skippedCount());
        data.put("failures", s.failures());
        data.put("retries", (long) s.retries());
        s.lease().ifPresent(l -> data.put("leaseOwner", l.owner()));
        s.lastError().ifPresent(e -> data.put("lastError", e));
        if (running && !current) {
            data.put(
                    "reason",
                    "the earliest unhandled event has waited " + s.lag().toMillis() + " ms, more than "
                            + HealthChecks.PROJECTION_LAG + " (" + maxLag.toMillis() + " ms)");
        } else if (!running) {
            data.put("reason", "the projection is " + s.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new HealthCheckResponse(
                check,
                running && current ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
