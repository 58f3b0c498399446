package org.eventcore.cdi.internal;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.opentelemetry.EventCoreTelemetry;
import org.eventcore.opentelemetry.TracedProjectionHandler;
import org.eventcore.projection.ProjectionHandler;

/** The OpenTelemetry the bus reports through. Loaded only when the API is present ({@link Telemetry}). */
final class OpenTelemetryBridge {

    private OpenTelemetryBridge() {}

    /**
     * Telemetry through the container's {@code OpenTelemetry} bean, or none without one. The global
     * instance is not asked: its first read would fix it to a no-op before the application sets its own.
     */
    static ExecutionListener listener() {
        OpenTelemetry telemetry = telemetry();
        return telemetry == null ? ExecutionListener.none() : EventCoreTelemetry.create(telemetry);
    }

    /** {@code handler} traced with {@link TracedProjectionHandler}, or as it is without a bean. */
    static ProjectionHandler traced(String name, ProjectionHandler handler) {
        OpenTelemetry telemetry = telemetry();
        return telemetry == null ? handler : TracedProjectionHandler.wrap(name, handler, telemetry);
    }

    /** The state cache's counts through the bean, or nothing without one. */
    static AutoCloseable observeStateCache(
            java.util.function.Supplier<org.eventcore.execution.StateCacheStatistics> statistics) {
        OpenTelemetry telemetry = telemetry();
        return telemetry == null ? () -> {} : EventCoreTelemetry.observeStateCache(telemetry, statistics);
    }

    /** The projections' statuses through the bean, or nothing without one. */
    static AutoCloseable observeProjections(
            java.util.function.Supplier<java.util.List<org.eventcore.projection.ProjectionStatus>> statuses) {
        OpenTelemetry telemetry = telemetry();
        return telemetry == null ? () -> {} : EventCoreTelemetry.observeProjections(telemetry, statuses);
    }

    /** The container's OpenTelemetry bean, or null. */
    private static OpenTelemetry telemetry() {
        try {
            Instance<OpenTelemetry> bean = CDI.current().select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        } catch (RuntimeException e) {
            // no CDI lookup from here: no telemetry
        }
        return null;
    }
}
