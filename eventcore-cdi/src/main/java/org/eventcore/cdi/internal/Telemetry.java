package org.eventcore.cdi.internal;

import org.eventcore.execution.ExecutionListener;

/**
 * The bus's telemetry, where the application has the OpenTelemetry API: the container's
 * {@code OpenTelemetry} bean (MicroProfile Telemetry on WildFly and Payara, or the application's
 * producer). Without the API, or without such a bean, nothing is reported and nothing fails: the API's
 * classes are touched only after their presence was checked.
 */
final class Telemetry {

    private static final System.Logger LOG = System.getLogger(Telemetry.class.getName());

    private Telemetry() {}

    /** The listener that reports commands, or one that does nothing without the OpenTelemetry API. */
    static ExecutionListener resolve(jakarta.enterprise.inject.Instance<Object> beans, ClassLoader loader) {
        return present(loader) ? OpenTelemetryBridge.listener(beans) : ExecutionListener.none();
    }

    /**
     * The handler of durable projection {@code name} with a span per event, linked to the command that
     * wrote it, or {@code handler} itself without the OpenTelemetry API or bean.
     */
    static org.eventcore.projection.ProjectionHandler traced(
            String name,
            org.eventcore.projection.ProjectionHandler handler,
            jakarta.enterprise.inject.Instance<Object> beans,
            ClassLoader loader) {
        return present(loader) ? OpenTelemetryBridge.traced(name, handler, beans) : handler;
    }

    /**
     * Reports the counts of a state cache through the container's OpenTelemetry bean; nothing without
     * the API or the bean.
     *
     * @return closes what it registered
     */
    static AutoCloseable observeStateCache(
            java.util.function.Supplier<org.eventcore.execution.StateCacheStatistics> statistics,
            jakarta.enterprise.inject.Instance<Object> beans,
            ClassLoader loader) {
        return present(loader) ? OpenTelemetryBridge.observeStateCache(statistics, beans) : () -> {};
    }

    /**
     * Reports the durable projections' statuses as metrics through the container's OpenTelemetry bean;
     * nothing without the API or the bean.
     *
     * @return closes what it registered
     */
    static AutoCloseable observeProjections(
            java.util.function.Supplier<java.util.List<org.eventcore.projection.ProjectionStatus>> statuses,
            jakarta.enterprise.inject.Instance<Object> beans,
            ClassLoader loader) {
        return present(loader) ? OpenTelemetryBridge.observeProjections(statuses, beans) : () -> {};
    }

    private static boolean present(ClassLoader loader) {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader);
            Class.forName("org.eventcore.opentelemetry.EventCoreTelemetry", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "No OpenTelemetry API: EventCore reports no traces and no metrics");
            return false;
        }
    }
}
