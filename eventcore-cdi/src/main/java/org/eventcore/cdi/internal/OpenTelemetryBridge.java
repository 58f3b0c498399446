package org.eventcore.cdi.internal;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
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
    static ExecutionListener listener(Instance<Object> beans) {
        OpenTelemetry telemetry = telemetry(beans);
        LOG.log(
                System.Logger.Level.INFO,
                telemetry == null
                        ? "No OpenTelemetry bean (MicroProfile Telemetry): EventCore reports no traces and no metrics"
                        : "EventCore reports commands through the container's OpenTelemetry");
        return telemetry == null ? ExecutionListener.none() : EventCoreTelemetry.create(telemetry);
    }

    /** {@code handler} traced with {@link TracedProjectionHandler}, or as it is without a bean. */
    static ProjectionHandler traced(String name, ProjectionHandler handler, Instance<Object> beans) {
        OpenTelemetry telemetry = telemetry(beans);
        return telemetry == null ? handler : TracedProjectionHandler.wrap(name, handler, telemetry);
    }

    /** The state cache's counts through the bean, or nothing without one. */
    static AutoCloseable observeStateCache(
            java.util.function.Supplier<org.eventcore.execution.StateCacheStatistics> statistics,
            Instance<Object> beans) {
        OpenTelemetry telemetry = telemetry(beans);
        return telemetry == null ? () -> {} : EventCoreTelemetry.observeStateCache(telemetry, statistics);
    }

    /** The projections' statuses through the bean, or nothing without one. */
    static AutoCloseable observeProjections(
            java.util.function.Supplier<java.util.List<org.eventcore.projection.ProjectionStatus>> statuses,
            Instance<Object> beans) {
        OpenTelemetry telemetry = telemetry(beans);
        return telemetry == null ? () -> {} : EventCoreTelemetry.observeProjections(telemetry, statuses);
    }

    /**
     * The container's OpenTelemetry bean, or null: looked up through {@code beans}, an {@code Instance}
     * injected into one of EventCore's beans, so that it resolves from EventCore's own bean archive
     * ({@code CDI.current()} may answer for another module of an EAR).
     */
    private static OpenTelemetry telemetry(Instance<Object> beans) {
        try {
            Instance<OpenTelemetry> bean = beans.select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
            if (bean.isAmbiguous()) {
                LOG.log(System.Logger.Level.WARNING, "Several OpenTelemetry beans: EventCore reports through none");
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "The OpenTelemetry bean could not be had: EventCore reports through none",
                    e);
        }
        return null;
    }

    private static final System.Logger LOG = System.getLogger(OpenTelemetryBridge.class.getName());
}
