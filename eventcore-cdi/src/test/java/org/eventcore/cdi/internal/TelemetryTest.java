package org.eventcore.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventcore.execution.ExecutionListener;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TelemetryTest {

    /** A class loader of an application on a server without the OpenTelemetry API. */
    private static final ClassLoader WITHOUT_OPENTELEMETRY = new ClassLoader(null) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.opentelemetry.")) {
                throw new ClassNotFoundException(name);
            }
            return TelemetryTest.class.getClassLoader().loadClass(name);
        }
    };

    @Test
    void without_the_opentelemetry_api_the_bus_reports_nothing_and_nothing_fails() {
        // the beans are never asked without the API
        ExecutionListener listener = Telemetry.resolve(null, WITHOUT_OPENTELEMETRY);
        assertThat(listener.getClass().getName()).doesNotContain("EventCoreTelemetry");
        assertThat(listener.eventMetadata(org.eventcore.CommandId.generate(), "Any"))
                .isEmpty();
    }

    @Test
    void with_the_api_but_no_opentelemetry_bean_nothing_is_reported_either() {
        try (org.jboss.weld.environment.se.WeldContainer container = new org.jboss.weld.environment.se.Weld()
                .disableDiscovery()
                .addBeanClass(TelemetryTest.class)
                .initialize()) {
            ExecutionListener listener = Telemetry.resolve(container, TelemetryTest.class.getClassLoader());
            assertThat(listener.getClass().getName()).doesNotContain("EventCoreTelemetry");
        }
    }
}
