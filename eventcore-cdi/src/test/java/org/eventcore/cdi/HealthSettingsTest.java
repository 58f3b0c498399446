package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eventcore.cdi.fixture.EventCoreWeld;
import org.eventcore.cdi.fixture.Observers;
import org.eventcore.cdi.fixture.ProjectionInfrastructure;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TotalsProjection;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The health settings: the checks can be switched off, and a wrong setting fails the deployment. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("eventcore.health.enabled");
        System.clearProperty("eventcore.health.projection-lag");
    }

    private static org.jboss.weld.environment.se.Weld weld() {
        return EventCoreWeld.weld(
                TestStore.class, Observers.class, TotalsProjection.class, ProjectionInfrastructure.class);
    }

    @Test
    void by_default_there_is_one_readiness_check_covering_the_store_and_each_projection() {
        try (WeldContainer c = weld().initialize()) {
            assertThat(c.select(HealthCheck.class, Readiness.Literal.INSTANCE).stream()
                            .map(HealthCheck::call)
                            .toList())
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.getName()).isEqualTo("eventcore");
                        assertThat(r.getData().orElseThrow()).containsKeys("store", "projection.totals");
                    });
        }
    }

    @Test
    void enabled_false_registers_no_check() {
        System.setProperty("eventcore.health.enabled", "false");
        try (WeldContainer c = weld().initialize()) {
            assertThat(c.select(HealthCheck.class, Readiness.Literal.INSTANCE).isUnsatisfied())
                    .isTrue();
        }
    }

    @Test
    void a_wrong_setting_fails_the_deployment_naming_the_property_and_the_value() {
        System.setProperty("eventcore.health.enabled", "yes");
        assertThatThrownBy(() -> weld().initialize().close())
                .hasStackTraceContaining(
                        "EC2063 The property eventcore.health.enabled (from the system property) is \"yes\"; it is true or false");
        System.setProperty("eventcore.health.enabled", "true");
        System.setProperty("eventcore.health.projection-lag", "five minutes");
        assertThatThrownBy(() -> weld().initialize().close())
                .hasStackTraceContaining(
                        "EC2063 The property eventcore.health.projection-lag (from the system property) is \"five minutes\"");
    }
}
